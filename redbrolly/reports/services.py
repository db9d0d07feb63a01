"""Every write to reports: intake, drafts, evidence, moderation, conversations, retention.

Writes made by a reporter without an account (anonymous intake, receipt holders) leave no
audit row: an audit row carries a precise time, and an anonymous submission must not
(SECURITY.md). Their own tables record the day only (`submitted_on`, `sent_on`, ...).
"""

from __future__ import annotations

import datetime
import json
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from redbrolly.core.models import IncidentType, Organisation, Region
from redbrolly.lib import audit
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.evidence import evidence_prepare
from redbrolly.lib.normalise import Identifier as FoundIdentifier
from redbrolly.reports import receipts
from redbrolly.reports.models import (
    Attachment,
    ConsentChange,
    Draft,
    Identifier,
    InternalNote,
    Message,
    Perpetrator,
    Report,
    RetentionPolicy,
    StatusChange,
)
from redbrolly.reports.parsing import PerpetratorInput, ReportInput, Taxonomy

logger = logging.getLogger("redbrolly.reports")

LOCK_MINUTES = 15
MAX_ATTACHMENTS = 10
DEFAULT_INTAKE_LIMITS: dict[str, Any] = {
    "address": [20, 3600],  # submissions per client address per hour
    "global": [3000, 3600],  # submissions from everyone per hour
    "draft_address": [60, 3600],  # new drafts per address per hour
    "receipt_address": [10, 900],  # receipt attempts per address per 15 minutes
    "receipt_global": [1000, 900],  # receipt attempts from everyone per 15 minutes
    "form_min_seconds": 5,  # fastest a person can go from the first step to submitting
}


class ReportLocked(Exception):
    def __init__(self, holder: Any, until: datetime.datetime | None) -> None:
        super().__init__("another moderator holds this report")
        self.holder = holder
        self.until = until


class TooManyAttachments(Exception):
    pass


@dataclass(frozen=True)
class SubmitResult:
    report: Report
    receipt: str | None


def intake_limits() -> dict[str, Any]:
    """Operators and the benchmark tune these (settings.REDBROLLY_INTAKE_LIMITS)."""
    return {**DEFAULT_INTAKE_LIMITS, **getattr(settings, "REDBROLLY_INTAKE_LIMITS", {})}


def taxonomy_current() -> Taxonomy:
    regions = Region.objects.active().values_list("code", "main_towns")
    types = IncidentType.objects.filter(active=True).values_list("code", flat=True)
    return Taxonomy(
        incident_types=frozenset(types),
        regions={code: tuple(towns or ()) for code, towns in regions},
        phone_region=Organisation.current().phone_region,
    )


def retention_policy() -> RetentionPolicy:
    organisation = Organisation.current()
    policy, _created = RetentionPolicy.objects.get_or_create(organisation=organisation)
    return policy


# --- intake ---------------------------------------------------------------------------------


def report_from(data: ReportInput, **extra: Any) -> Report:
    return Report(
        consent_level=data.consent_level,
        wants_support=data.wants_support,
        wants_alert_review=data.wants_alert_review,
        support_contact=data.support_contact if data.wants_support else "",
        support_times=data.support_times if data.wants_support else "",
        region=Region.objects.get(code=data.region),
        area=data.area,
        occurred_on=data.occurred_on,
        occurred_until=data.occurred_until,
        occurred_precision=data.occurred_precision,
        occurred_note=data.occurred_note,
        setting=data.setting,
        setting_other=data.setting_other,
        narrative=data.narrative,
        on_behalf_of_someone=data.on_behalf_of_someone,
        behalf_who=data.behalf_who,
        behalf_consent=data.behalf_consent,
        **extra,
    )


def identifier_row(
    report: Report, found: FoundIdentifier, person: Perpetrator | None
) -> Identifier:
    return Identifier(
        report=report,
        perpetrator=person,
        kind=found.kind.value,
        value=found.value,
        index=blind_index(found.kind.value, found.value),
        partial=found.partial,
        valid=found.valid,
    )


def perpetrator_row(report: Report, given: PerpetratorInput) -> Perpetrator:
    return Perpetrator(
        report=report,
        people_count=given.people_count,
        names=given.names,
        description=given.description,
        behaviour=given.behaviour,
        vehicle_make=given.vehicle_make,
        vehicle_model=given.vehicle_model,
        vehicle_colour=given.vehicle_colour,
    )


def perpetrators_create(report: Report, data: ReportInput) -> int:
    people = [perpetrator_row(report, given) for given in data.perpetrators]
    for person in people:
        person.save()
    rows = [
        identifier_row(report, found, person)
        for person, given in zip(people, data.perpetrators, strict=True)
        for found in given.identifiers
    ]
    already = {row.index for row in rows}
    # Numbers found in the narrative belong to the first person described, if any.
    first = people[0] if people else None
    extra = [identifier_row(report, found, first) for found in data.narrative_identifiers]
    rows += [row for row in extra if row.index not in already]
    Identifier.objects.bulk_create(rows)
    return len(rows)


def source_for(reporter: Any, partner: Any, phone_intake: bool) -> str:
    """Who is reporting decides the source (used by the web form; the API passes its own)."""
    if phone_intake:
        return Report.Source.STAFF_PHONE
    if partner is not None:
        return Report.Source.PARTNER
    if reporter is None:
        return Report.Source.ANONYMOUS
    profile = getattr(reporter, "member_profile", None)
    if profile is not None and profile.membership_type == "practitioner":
        return Report.Source.PRACTITIONER
    return Report.Source.MEMBER


def needs_receipt(source: str) -> bool:
    """Whoever has no account to come back with gets a receipt (phone callers too)."""
    return source in {Report.Source.ANONYMOUS, Report.Source.PARTNER, Report.Source.STAFF_PHONE}


@transaction.atomic
def report_submit(
    *,
    data: ReportInput,
    reporter: Any = None,
    partner: Any = None,
    source: str,
    draft: Draft | None = None,
) -> SubmitResult:
    report = report_from(data, reporter=reporter, partner=partner, source=source)
    if source == Report.Source.STAFF_PHONE:
        report.on_behalf_of_someone = True
    receipt = receipts.receipt_new() if needs_receipt(source) else None
    if receipt is not None:
        report.receipt_lookup, report.receipt_hash = receipts.receipt_seal(receipt)
    report.full_clean()
    report.save()
    report.incident_types.set(IncidentType.objects.filter(code__in=data.incident_types))
    identifiers = perpetrators_create(report, data)
    if draft is not None:
        Attachment.objects.filter(draft=draft).update(report=report, draft=None)
        draft.delete()
    if reporter is not None:
        audit.log(
            reporter, "reports.report.submitted", report, source=source, identifiers=identifiers
        )
    if report.wants_support:
        transaction.on_commit(lambda: refer_to_casework(report.pk))
    return SubmitResult(report=report, receipt=receipt)


def refer_to_casework(report_pk: int) -> None:
    """Hands a support request to casework; the `reports.referrals` job retries failures."""
    try:
        from redbrolly.casework.services import referral_from_report
    except ImportError:
        return
    report = Report.objects.filter(pk=report_pk, referred_on__isnull=True).first()
    if report is None:
        return
    try:
        referral_from_report(report=report)
    except Exception:
        logger.exception("casework referral failed for report %s; will retry", report_pk)
        return
    Report.objects.filter(pk=report_pk).update(referred_on=timezone.localdate())


def referrals_retry() -> int:
    pending = Report.objects.live().filter(wants_support=True, referred_on__isnull=True)
    ids = list(pending.values_list("pk", flat=True)[:100])
    for pk in ids:
        refer_to_casework(pk)
    return len(ids)


# --- drafts ---------------------------------------------------------------------------------


def draft_index(token: str) -> str:
    return blind_index("report-draft", token)


def draft_expiry() -> datetime.datetime:
    return timezone.now() + timedelta(hours=retention_policy().draft_hours)


@transaction.atomic
def draft_create(*, owner: Any = None, phone_intake: bool = False) -> tuple[Draft, str]:
    token = secrets.token_urlsafe(32)
    draft = Draft(
        token_index=draft_index(token),
        owner=owner if owner is not None and owner.is_authenticated else None,
        phone_intake=phone_intake,
        data=json.dumps({}),
        expires_at=draft_expiry(),
    )
    draft.full_clean()
    draft.save()
    return draft, token


def draft_values(draft: Draft) -> dict[str, Any]:
    try:
        loaded = json.loads(draft.data or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


@transaction.atomic
def draft_save(*, draft: Draft, section: str, values: Any, step: str | None = None) -> Draft:
    """Keeps what was typed exactly as typed; validation happens when moving on."""
    data = draft_values(draft)
    data[section] = values
    draft.data = json.dumps(data)
    draft.step = step or draft.step
    draft.expires_at = draft_expiry()
    draft.save(update_fields=["data", "step", "expires_at"])
    return draft


@transaction.atomic
def draft_discard(*, draft: Draft) -> None:
    draft.delete()


def drafts_expire() -> int:
    """Job: unfinished drafts (and their evidence) go after the policy's hours."""
    deleted, _kinds = Draft.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted


# --- evidence -------------------------------------------------------------------------------


def attachment_from(data: bytes, **owner: Any) -> Attachment:
    prepared = evidence_prepare(data)
    attachment = Attachment(
        kind=prepared.kind,
        content_type=prepared.content_type,
        extension=prepared.extension,
        size=len(prepared.content),
        width=prepared.width,
        height=prepared.height,
        content=prepared.content,
        **owner,
    )
    attachment.full_clean(exclude=["content"])
    attachment.save()
    return attachment


@transaction.atomic
def evidence_add_to_draft(*, draft: Draft, data: bytes) -> Attachment:
    if draft.attachments.count() >= MAX_ATTACHMENTS:
        raise TooManyAttachments
    return attachment_from(data, draft=draft)


@transaction.atomic
def evidence_remove_from_draft(*, draft: Draft, attachment_pk: int) -> int:
    deleted, _kinds = Attachment.objects.filter(draft=draft, pk=attachment_pk).delete()
    return deleted


@transaction.atomic
def evidence_add_to_report(*, report: Report, data: bytes, actor: Any = None) -> Attachment:
    if report.attachments.count() >= MAX_ATTACHMENTS:
        raise TooManyAttachments
    attachment = attachment_from(data, report=report)
    if actor is not None and actor.is_authenticated:
        audit.log(actor, "reports.attachment.added", report, attachment=attachment.pk)
    return attachment


# --- moderation -----------------------------------------------------------------------------


def hold_lock(report: Report, moderator: Any) -> Report:
    """Takes or extends the lock; refuses when another moderator holds it."""
    fresh = Report.objects.select_for_update().get(pk=report.pk)
    if fresh.locked_for(moderator):
        raise ReportLocked(fresh.locked_by, fresh.locked_until)
    fresh.locked_by = moderator
    fresh.locked_until = timezone.now() + timedelta(minutes=LOCK_MINUTES)
    fresh.save(update_fields=["locked_by", "locked_until"])
    return fresh


@transaction.atomic
def report_lock(*, moderator: Any, report: Report) -> Report:
    locked = hold_lock(report, moderator)
    audit.log(moderator, "reports.report.locked", locked)
    return locked


@transaction.atomic
def report_unlock(*, moderator: Any, report: Report) -> Report:
    fresh = Report.objects.select_for_update().get(pk=report.pk)
    if fresh.locked_by_id == moderator.pk:
        fresh.locked_by, fresh.locked_until = None, None
        fresh.save(update_fields=["locked_by", "locked_until"])
        audit.log(moderator, "reports.report.unlocked", fresh)
    return fresh


def status_change(report: Report, status: str, actor: Any) -> None:
    if report.status == status:
        return
    StatusChange.objects.create(
        report=report, actor=actor, from_status=report.status, to_status=status
    )
    if status == Report.Status.ACCEPTED:
        report.accepted_at = timezone.now()
    elif status != Report.Status.CLOSED:
        # Un-accepting makes the report "not reviewed" again for the checker.
        report.accepted_at = None
    report.status = status


@transaction.atomic
def report_set_status(*, moderator: Any, report: Report, status: str, note: str = "") -> Report:
    report = hold_lock(report, moderator)
    previous = report.status
    status_change(report, status, moderator)
    report.full_clean(validate_unique=False)
    report.save(update_fields=["status", "accepted_at"])
    if note.strip():
        note_create(report, moderator, note)
    audit.log(moderator, "reports.report.status_changed", report, previous=previous, status=status)
    return report


@transaction.atomic
def report_accept(*, moderator: Any, report: Report, severity: str) -> Report:
    report = hold_lock(report, moderator)
    report.severity = severity
    status_change(report, Report.Status.ACCEPTED, moderator)
    report.full_clean(validate_unique=False)
    report.save(update_fields=["status", "accepted_at", "severity"])
    audit.log(moderator, "reports.report.accepted", report, severity=severity)
    return report


@transaction.atomic
def report_grade(*, moderator: Any, report: Report, severity: str) -> Report:
    report = hold_lock(report, moderator)
    report.severity = severity
    report.full_clean(validate_unique=False)
    report.save(update_fields=["severity"])
    audit.log(moderator, "reports.report.graded", report, severity=severity)
    return report


def note_create(report: Report, author: Any, body: str) -> InternalNote:
    note = InternalNote(report=report, author=author, body=body.strip())
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def note_add(*, moderator: Any, report: Report, body: str) -> InternalNote:
    note = note_create(report, moderator, body)
    audit.log(moderator, "reports.note.added", report, note=note.pk)
    return note


# --- conversations --------------------------------------------------------------------------


def member_reporter(report: Report) -> Any:
    """The account to notify about a staff message (None for receipt holders)."""
    member_sources = {Report.Source.MEMBER, Report.Source.PRACTITIONER}
    return report.reporter if report.source in member_sources else None


def notify_reporter(report: Report, message: Message) -> None:
    from redbrolly.notify.services import Outgoing, deliveries_enqueue

    member = member_reporter(report)
    profile = getattr(member, "member_profile", None)
    if profile is None:
        return
    routes = {"email": profile.email, "inapp": "", "push": ""}
    with translation.override(profile.language or None):
        subject = gettext("You have a new update")
        body = gettext("You have a new update. Sign in to read it.")
    deliveries_enqueue(
        [
            Outgoing(
                key=f"reports.message.{message.pk}.{channel}",
                channel=channel,
                to=routes[channel],
                subject=subject,
                body=body,
                purpose="reports.message",
                recipient=member,
                source=message,
            )
            for channel in profile.channels
            if channel in routes
        ]
    )


@transaction.atomic
def message_from_staff(
    *, author: Any, report: Report, body: str, request_info: bool = False
) -> Message:
    kind = Message.Kind.INFO_REQUEST if request_info else Message.Kind.MESSAGE
    message = Message(
        report=report,
        author=author,
        from_staff=True,
        kind=kind,
        body=body.strip(),
        read_by_staff=True,
    )
    message.full_clean()
    message.save()
    if request_info:
        status_change(report, Report.Status.NEEDS_INFO, author)
        report.save(update_fields=["status", "accepted_at"])
    notify_reporter(report, message)
    audit.log(author, "reports.message.sent", report, message=message.pk, kind=kind)
    return message


@transaction.atomic
def message_from_reporter(*, report: Report, body: str, author: Any = None) -> Message:
    account = author if author is not None and author.is_authenticated else None
    message = Message(report=report, author=account, from_staff=False, body=body.strip())
    message.full_clean()
    message.save()
    if report.status == Report.Status.NEEDS_INFO:
        # The reporter answered: back into the moderators' triage queue.
        status_change(report, Report.Status.TRIAGE, None)
        report.save(update_fields=["status", "accepted_at"])
    if account is not None:
        audit.log(account, "reports.message.received", report, message=message.pk)
    return message


@transaction.atomic
def messages_mark_read(*, reports: Sequence[Report], by_staff: bool) -> int:
    """The messages of these reports are read (by staff, or by their reporter): one UPDATE."""
    field = "read_by_staff" if by_staff else "read_by_reporter"
    unread = Message.objects.filter(report__in=[report.pk for report in reports], **{field: False})
    return unread.update(**{field: True})


@transaction.atomic
def report_change_consent(*, actor: Any, report: Report, level: str) -> Report:
    """The reporter (or staff on their word) changes what may be done with the report."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.withdrawn_at is not None or level == report.consent_level:
        return report
    ConsentChange.objects.create(report=report, from_level=report.consent_level, to_level=level)
    report.consent_level = level
    report.consent_changed_on = timezone.localdate()
    report.full_clean(validate_unique=False)
    report.save(update_fields=["consent_level", "consent_changed_on"])
    if actor is not None and actor.is_authenticated:
        audit.log(actor, "reports.report.consent_changed", report, level=level)
    return report


@transaction.atomic
def report_withdraw(*, actor: Any, report: Report) -> Report:
    """Drops the report out of the checker, linkage and alerts at once (they use .live())."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.withdrawn_at is not None:
        return report
    ConsentChange.objects.create(report=report, from_level=report.consent_level, withdrawn=True)
    # The start of the day: when a receipt holder acted is as identifying as when they reported.
    report.withdrawn_at = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    report.consent_changed_on = timezone.localdate()
    report.save(update_fields=["withdrawn_at", "consent_changed_on"])
    if actor is not None and actor.is_authenticated:
        audit.log(actor, "reports.report.withdrawn", report)
    return report


# --- retention ------------------------------------------------------------------------------


CONTACT_FIELDS = {
    "support_contact": "",
    "support_times": "",
    "behalf_who": "",
    "receipt_lookup": "",
    "receipt_hash": "",
}


def retention_apply(today: datetime.date | None = None) -> int:
    """Job: after the policy's period, reporter contact details, receipts, conversations and
    evidence go; the report row keeps what statistics need (region, dates, types, consent)."""
    today = today or timezone.localdate()
    policy = retention_policy()
    contact_due = Report.objects.filter(
        contact_erased_on__isnull=True,
        submitted_on__lt=today - timedelta(days=policy.contact_days),
    )
    ids = list(contact_due.values_list("pk", flat=True)[:500])
    with transaction.atomic():
        Message.objects.filter(report_id__in=ids).delete()
        Report.objects.filter(pk__in=ids).update(contact_erased_on=today, **CONTACT_FIELDS)
        evidence_due = Attachment.objects.filter(
            report__submitted_on__lt=today - timedelta(days=policy.evidence_days)
        )
        evidence, _kinds = evidence_due.delete()
    if ids or evidence:
        audit.log(None, "reports.retention.applied", reports=len(ids), attachments=evidence)
        logger.info("retention: %s reports anonymised, %s attachments deleted", len(ids), evidence)
    return len(ids) + evidence
