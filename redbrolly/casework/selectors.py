"""Reads of casework, always scoped to who asks (SECURITY.md, "Access control").

A caseworker sees their own cases (and only a summary of the unallocated queue, enough to
claim from it); a supervisor also sees their team's cases and the unallocated ones, to
triage them; anyone else who holds `casework.work_cases` must break the glass first. Nobody
without that permission reaches these functions (the views refuse them).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from redbrolly.casework import rules
from redbrolly.casework.models import (
    Action,
    Appointment,
    Case,
    CaseQuerySet,
    GlassGrant,
    Note,
    Notice,
    OnwardReferral,
    OutcomeOption,
    RiskAssessment,
    Service,
    Team,
    TimeEntry,
)
from redbrolly.core.models import AuditEntry
from redbrolly.lib.periods import period_bounds

VIEWED = "casework.case.viewed"
BREAK_GLASS = "casework.case.break_glass"


class GlassRequired(Exception):
    """The case exists but is not the asker's to see without breaking the glass."""

    def __init__(self, case: Case) -> None:
        super().__init__("break the glass to open this case")
        self.case = case


def is_supervisor(user: Any) -> bool:
    return bool(user.has_perm("casework.supervise_cases"))


def team_worker_ids(user: Any) -> set[int]:
    """Caseworkers in the teams this person supervises (empty for a caseworker)."""
    if not is_supervisor(user):
        return set()
    members = Team.members.through.objects.filter(team__supervisor=user)
    return set(members.values_list("user_id", flat=True))


def supervisors_of(worker: Any) -> QuerySet[Any]:
    """Who hears about a break-glass on this worker's case: their team supervisors."""
    User = get_user_model()
    found = User.objects.filter(supervised_teams__members=worker).distinct()
    if found.exists():
        return found
    return User.objects.filter(groups__permissions__codename="supervise_cases").distinct()


def glass_case_ids(user: Any) -> QuerySet[Any]:
    live = GlassGrant.objects.filter(user=user, expires_at__gt=timezone.now())
    return live.values("case_id")


def cases_visible_to(user: Any) -> CaseQuerySet:
    """Every case this person may open without breaking the glass (or within a grant)."""
    scope = Q(worker=user) | Q(worker_id__in=team_worker_ids(user)) | Q(pk__in=glass_case_ids(user))
    if is_supervisor(user):
        scope |= Q(status=Case.Status.UNALLOCATED, worker__isnull=True)
    return Case.objects.filter(scope)


def case_for(user: Any, pk: int) -> Case:
    """The case if this person may see it; Http404 if none; GlassRequired if not theirs."""
    found = Case.objects.select_related("worker", "region").filter(pk=pk).first()
    if found is None:
        raise Http404
    if not cases_visible_to(user).filter(pk=pk).exists():
        raise GlassRequired(found)
    return found


def access_reason(user: Any, case: Case) -> str:
    """Why this person can see the case; written into the view audit entry."""
    if case.worker_id == user.pk:
        return "own"
    if case.worker_id is None:
        return "pool"
    if case.worker_id in team_worker_ids(user):
        return "team"
    return "break_glass"


# --- the case page --------------------------------------------------------------------------


def case_with_everything(case: Case) -> Case:
    """One query per related list, however many notes (the case page's query budget)."""
    related = Case.objects.filter(pk=case.pk).select_related(
        "worker", "region", "referral", "referral__partner", "referral__referred_by"
    )
    return related.prefetch_related(
        Prefetch("notes", queryset=Note.objects.select_related("author")),
        Prefetch("actions", queryset=Action.objects.select_related("owner")),
        Prefetch("appointments", queryset=Appointment.objects.select_related("worker")),
        Prefetch(
            "risk_assessments",
            queryset=RiskAssessment.objects.select_related("assessed_by").prefetch_related(
                "present"
            ),
        ),
        Prefetch("onward_referrals", queryset=OnwardReferral.objects.select_related("service")),
        "consents",
        "justice_steps",
        "outcomes",
        "reports",
    ).get()


def time_summary(case: Case) -> list[dict[str, Any]]:
    rows = case.time_entries.values("activity_type").annotate(total=Sum("minutes"))
    labels = dict(TimeEntry.Activity.choices)
    return [
        {
            "activity": labels.get(row["activity_type"], row["activity_type"]),
            "minutes": row["total"],
        }
        for row in rows.order_by("activity_type")
    ]


@dataclass(frozen=True)
class Viewer:
    name: str
    last_at: datetime
    times: int
    broke_glass: bool


def who_viewed(case: Case, limit: int = 300) -> list[Viewer]:
    """People who opened the case, most recent first (from the audit log)."""
    entries = AuditEntry.objects.about(case).filter(action__in=[VIEWED, BREAK_GLASS])
    seen: dict[str, Viewer] = {}
    for entry in entries.only("actor_label", "at", "action")[:limit]:
        before = seen.get(entry.actor_label)
        seen[entry.actor_label] = Viewer(
            name=entry.actor_label,
            last_at=before.last_at if before else entry.at,
            times=(before.times if before else 0) + 1,
            broke_glass=(before.broke_glass if before else False) or entry.action == BREAK_GLASS,
        )
    return list(seen.values())


def risk_history(assessments: list[RiskAssessment]) -> list[dict[str, Any]]:
    """Oldest first, with the change in score since the one before."""
    rows, previous = [], None
    for assessment in sorted(assessments, key=lambda a: (a.assessed_at, a.pk)):
        change = None if previous is None else assessment.score - previous
        size = abs(change) if change is not None else None
        rows.append({"assessment": assessment, "change": change, "size": size})
        previous = assessment.score
    return rows


def latest_consents(case: Case) -> dict[str, Any]:
    """The consent that counts now, per kind (consents are prefetched newest first)."""
    latest: dict[str, Any] = {}
    for consent in case.consents.all():
        latest.setdefault(consent.kind, consent)
    return latest


# --- dashboards -----------------------------------------------------------------------------


def my_open_cases(user: Any) -> CaseQuerySet:
    return Case.objects.open().filter(worker=user).select_related("region").order_by("urgency")


def overdue_actions(worker_ids: set[int]) -> QuerySet[Action]:
    today = timezone.localdate()
    found = Action.objects.filter(
        owner_id__in=worker_ids, done_at__isnull=True, due_on__lt=today
    ).exclude(case__status=Case.Status.CLOSED)
    return found.select_related("case", "owner").order_by("due_on")


def upcoming_appointments(worker_ids: set[int], days: int = 14) -> QuerySet[Appointment]:
    now = timezone.now()
    found = Appointment.objects.filter(
        worker_id__in=worker_ids, starts_at__gte=now, starts_at__lt=now + timedelta(days=days)
    )
    return found.select_related("case", "worker").order_by("starts_at")


def cases_without_contact(worker_ids: set[int], days: int | None = None) -> CaseQuerySet:
    """Open cases whose last contact (or arrival, if never contacted) is older than N days."""
    since = timezone.now() - timedelta(days=days or rules.no_contact_days())
    quiet = Q(last_contact_at__lt=since) | Q(last_contact_at__isnull=True, received_at__lt=since)
    found = Case.objects.filter(status=Case.Status.OPEN, worker_id__in=worker_ids).filter(quiet)
    return found.select_related("worker").order_by("last_contact_at")


def team_cases(user: Any) -> CaseQuerySet:
    ids = team_worker_ids(user) | {user.pk}
    found = Case.objects.open().filter(worker_id__in=ids).select_related("worker", "region")
    return found.order_by("worker__username", "urgency", "received_at")


def team_members(user: Any) -> QuerySet[Any]:
    """Whom a supervisor can allocate to: their team, and themself."""
    User = get_user_model()
    return User.objects.filter(Q(pk__in=team_worker_ids(user)) | Q(pk=user.pk)).order_by("username")


def unread_notices(user: Any) -> QuerySet[Notice]:
    found = Notice.objects.filter(recipient=user, read_at__isnull=True)
    return found.select_related("case", "actor")[:50]


def services_directory(region: Any = None, kind: str = "") -> QuerySet[Service]:
    found = Service.objects.filter(active=True).prefetch_related("regions")
    if region is not None:
        found = found.filter(Q(regions=region) | Q(regions__isnull=True)).distinct()
    if kind:
        found = found.filter(kind=kind)
    return found


# --- statistics and the evaluation ------------------------------------------------------------


def minutes_by_activity(start: date, end: date) -> dict[str, int]:
    """Minutes logged per activity type between two dates, inclusive (evaluation costs)."""
    rows = TimeEntry.objects.filter(on__gte=start, on__lte=end).values("activity_type")
    totals = rows.annotate(total=Sum("minutes")).order_by("activity_type")
    return {row["activity_type"]: int(row["total"]) for row in totals}


@dataclass(frozen=True)
class Stats:
    start: date
    end: date
    open_now: int
    new: int
    closed: int
    median_hours_to_first_contact: float | None
    first_contact_on_time: int
    outcomes: list[tuple[str, int]]
    closure_reasons: list[tuple[str, int]]
    sources: list[tuple[str, int]]
    minutes: dict[str, int]


def service_stats(start: date, end: date) -> Stats:
    """Counts for supervisors and funders; no case content, no names."""
    begin, until = period_bounds(start, end)
    new = Case.objects.filter(received_at__gte=begin, received_at__lt=until)
    closed = Case.objects.filter(closed_at__gte=begin, closed_at__lt=until)
    return Stats(
        start=start,
        end=end,
        open_now=Case.objects.open().count(),
        new=new.count(),
        closed=closed.count(),
        median_hours_to_first_contact=median_hours(new),
        first_contact_on_time=new.filter(
            first_contact_at__isnull=False, first_contact_at__lte=F("first_contact_due_at")
        ).count(),
        outcomes=outcome_counts(closed),
        closure_reasons=choice_counts(closed, "closure_reason", Case.ClosureReason.choices),
        sources=choice_counts(new, "source", Case.Source.choices),
        minutes=minutes_by_activity(start, end),
    )


def median_hours(cases: CaseQuerySet) -> float | None:
    pairs = cases.filter(first_contact_at__isnull=False).values_list(
        "received_at", "first_contact_at"
    )
    hours = [(contact - received).total_seconds() / 3600 for received, contact in pairs if contact]
    return round(statistics.median(hours), 1) if hours else None


def outcome_counts(closed: CaseQuerySet) -> list[tuple[str, int]]:
    counted = OutcomeOption.objects.annotate(
        n=Count("cases", filter=Q(cases__in=closed.values("pk")))
    )
    return [(option.label, option.n) for option in counted.order_by("sort_order", "label")]


def choice_counts(cases: CaseQuerySet, field: str, choices: Any) -> list[tuple[str, int]]:
    found = Counter(cases.values_list(field, flat=True))
    return [(str(label), found.get(value, 0)) for value, label in choices]


def reporter_details(reports: Any) -> Any:
    """The working names and contact details of the support requests made with these reports
    or by their reporters (registered in reports.reporters for the alert detector): an alert
    must not carry them, whatever the alert's moderator knows of the case."""
    from redbrolly.reports.reporters import ReporterDetails

    # A member's own support requests; a practitioner's referrals are other people's.
    people = [report.reporter_id for report in reports if report.source == "member"]
    cases = Case.objects.filter(
        Q(reports__in=[report.pk for report in reports]) | Q(referral__referred_by__in=people)
    ).distinct()
    names, contacts = [], []
    for case in cases.only("working_name", "contact_details"):
        names.append(case.working_name)
        contacts.append(case.contact_details)
    return ReporterDetails(tuple(filter(None, names)), tuple(filter(None, contacts)))
