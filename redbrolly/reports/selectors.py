"""Reads of reports, each scoped to who asks (a receipt, a member, a staff role)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from redbrolly.core.models import AuditEntry
from redbrolly.reports import receipts
from redbrolly.reports.models import Attachment, Draft, Identifier, Message, Report
from redbrolly.reports.services import draft_index

OPEN_STATUSES = (Report.Status.NEW, Report.Status.TRIAGE, Report.Status.NEEDS_INFO)
MEMBER_SOURCES = (Report.Source.MEMBER, Report.Source.PRACTITIONER)


def report_for_receipt(text: str) -> Report | None:
    """The report a receipt opens, or None; costs one slow hash check either way."""
    receipt = receipts.receipt_clean(text)
    candidates = []
    if receipt is not None:
        lookup = receipts.receipt_lookup(receipt)
        candidates = list(Report.objects.filter(receipt_lookup=lookup).exclude(receipt_hash=""))
    matched = receipts.receipt_matches(
        receipt or "0" * receipts.DIGITS, [r.receipt_hash for r in candidates]
    )
    return candidates[matched] if matched is not None else None


def reports_of_member(user: Any) -> QuerySet[Report]:
    """A member's (or practitioner's) own reports, newest first."""
    if not user.is_authenticated:
        return Report.objects.none()
    unread = Count(
        "messages", filter=Q(messages__from_staff=True, messages__read_by_reporter=False)
    )
    return (
        Report.objects.filter(reporter=user, source__in=MEMBER_SOURCES)
        .select_related("region")
        .annotate(unread=unread)
    )


def report_of_member(user: Any, reference: str) -> Report:
    found = reports_of_member(user).filter(reference=reference).first()
    if found is None:
        raise Http404
    return found


def conversation(report: Report) -> QuerySet[Message]:
    return report.messages.select_related("author").order_by("pk")


def conversations(reports: Sequence[Report]) -> dict[int, list[Message]]:
    """Each report's messages in order, for a list of reports in one query."""
    found: dict[int, list[Message]] = {report.pk: [] for report in reports}
    for message in Message.objects.filter(report__in=list(found)).order_by("pk"):
        found[message.report_id].append(message)
    return found


def can_read_reports(user: Any) -> bool:
    return bool(
        user.is_authenticated and user.is_staff_role and user.has_perm("reports.view_report")
    )


def reports_for_staff(user: Any) -> QuerySet[Report]:
    if not can_read_reports(user):
        return Report.objects.none()
    return Report.objects.select_related("region", "locked_by")


@dataclass(frozen=True)
class Queue:
    reports: QuerySet[Report]
    counts: dict[str, int]
    status: str


def moderation_queue(user: Any, status: str = "") -> Queue:
    """The moderators' list: open reports by default, oldest first so nothing waits long."""
    visible = reports_for_staff(user)
    counts = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
    chosen = (
        visible.filter(status=status)
        if status in Report.Status.values
        else visible.filter(status__in=OPEN_STATUSES)
    )
    unread = Count("messages", filter=Q(messages__from_staff=False, messages__read_by_staff=False))
    listed = (
        chosen.annotate(unread=unread)
        .prefetch_related("incident_types")
        .order_by("submitted_on", "pk")
    )
    return Queue(reports=listed, counts=counts, status=status)


def report_for_staff(user: Any, pk: int) -> Report:
    found = (
        reports_for_staff(user)
        .prefetch_related(
            "incident_types",
            "perpetrators__identifiers",
            Prefetch("attachments", queryset=Attachment.objects.defer("content")),
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


SHARED_SHOWN = 50


@dataclass(frozen=True)
class SharedReport:
    """Another report naming the same phone, email, handle or plate as the one being read."""

    report: Report
    kinds: list[str]


def kind_labels(kinds: Iterable[str]) -> list[str]:
    """The kinds' labels in the model's order ("Phone, Email"), each once."""
    chosen = set(kinds)
    return [str(label) for kind, label in Identifier.Kind.choices if kind in chosen]


def live_whole_identifiers() -> QuerySet[Identifier]:
    """Whole identifiers of reports nobody withdrew: what links reports to each other
    (here, and the linkage app's suggestions)."""
    return Identifier.objects.filter(partial=False, report__withdrawn_at__isnull=True)


def reports_sharing_identifiers(report: Report) -> tuple[list[SharedReport], int]:
    """Other live reports that name one of this report's whole identifiers (the same blind
    index): a perpetrator who comes back, or moves between areas, shows on the report a
    moderator is reading. Withdrawn reports are left out, as everywhere else they are not to
    be used. Newest first, at most SHARED_SHOWN; the second value is how many there are."""
    own = Identifier.objects.filter(report=report, partial=False).values("index")
    shared = (
        live_whole_identifiers()
        .filter(index__in=own)
        .exclude(report=report)
        .values_list("report_id", "kind")
        .distinct()
    )
    kinds: dict[int, set[str]] = {}
    for report_id, kind in shared:
        kinds.setdefault(report_id, set()).add(kind)
    found = (
        Report.objects.filter(pk__in=list(kinds))
        .select_related("region")
        .order_by("-submitted_on", "-pk")[:SHARED_SHOWN]
    )
    return [SharedReport(other, kind_labels(kinds[other.pk])) for other in found], len(kinds)


def attachment_for_staff(user: Any, pk: int) -> Attachment:
    if not can_read_reports(user):
        raise Http404
    found = Attachment.objects.filter(pk=pk, report__isnull=False).select_related("report").first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class HistoryEvent:
    at: Any
    who: str
    what: str


def report_history(report: Report) -> list[HistoryEvent]:
    """Everything done to the report: the audit log plus the reporter's own dated changes."""
    entries = AuditEntry.objects.about(report).order_by("at", "pk")[:200]
    events = [HistoryEvent(entry.at, entry.actor_label, entry.action) for entry in entries]
    for change in report.consent_changes.all():
        what = "reports.report.withdrawn" if change.withdrawn else f"consent: {change.to_level}"
        events.append(HistoryEvent(change.changed_on, "reporter", what))
    return events


def draft_for(token: str | None, user: Any, *, phone_intake: bool = False) -> Draft | None:
    """The draft this session is typing; members also find theirs from another device."""
    live = Draft.objects.filter(expires_at__gt=timezone.now(), phone_intake=phone_intake)
    if token:
        found = live.filter(token_index=draft_index(token)).first()
        if found is not None and (found.owner_id is None or found.owner_id == user.pk):
            return found
    if user.is_authenticated and not phone_intake:
        return live.filter(owner=user).order_by("-pk").first()
    return None
