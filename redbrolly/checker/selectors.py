"""Reads for the checker: the answer's one indexed query, the policy, and staff views."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from redbrolly.checker import sql
from redbrolly.checker.models import CheckerPolicy, Flag, Lookup, Result, Suspension
from redbrolly.checker.rules import Counting, Match
from redbrolly.core.models import Organisation
from redbrolly.reports.models import Report

RULES_SECONDS = 30.0


@dataclass(frozen=True)
class CheckerRules:
    """The policy and phone region every lookup needs."""

    counting: Counting
    member_per_minute: int
    member_per_day: int
    bulk_per_ten_minutes: int
    identifier_per_ten_minutes: int
    phone_region: str


_memo: dict[str, tuple[float, CheckerRules]] = {}


def current_policy() -> CheckerPolicy:
    return CheckerPolicy.objects.order_by("pk").first() or CheckerPolicy()


def load_rules() -> CheckerRules:
    policy = current_policy()
    return CheckerRules(
        counting=Counting(policy.count_unreviewed_known, policy.count_unreviewed_anonymous),
        member_per_minute=policy.member_per_minute,
        member_per_day=policy.member_per_day,
        bulk_per_ten_minutes=policy.bulk_per_ten_minutes,
        identifier_per_ten_minutes=policy.identifier_per_ten_minutes,
        phone_region=Organisation.current().phone_region,
    )


def checker_rules() -> CheckerRules:
    """Every lookup reads these: two queries saved per lookup by keeping them a few seconds."""
    now = time.monotonic()
    held = _memo.get("rules")
    if held is not None and held[0] > now:
        return held[1]
    rules = load_rules()
    _memo["rules"] = (now + RULES_SECONDS, rules)
    return rules


def forget_rules() -> None:
    """The policy changed (or a test starts): read it again on the next lookup."""
    _memo.clear()
    forget_suspensions()


# --- the lookup --------------------------------------------------------------------------------


def matches_for(indexes: list[str]) -> dict[str, list[Match]]:
    """Live reports linked to blind indexes: one indexed query (answer rules in checker.rules)."""
    if not indexes:
        return {}
    return matches_from(sql.run(sql.match_sql(len(indexes)), list(indexes)))


def matches_from(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[Match]]:
    """The matches by blind index, from rows of `sql.MATCH_COLUMNS`."""
    found: dict[str, list[Match]] = {}
    for index, pk, reviewed, source, status, severity, violent, submitted_on, in_alert in rows:
        anonymous = source == Report.Source.ANONYMOUS
        match = Match(
            pk,
            bool(reviewed),
            anonymous,
            status,
            severity,
            bool(violent),
            sql.as_date(submitted_on),
            bool(in_alert),
        )
        found.setdefault(index, []).append(match)
    return found


@dataclass(frozen=True)
class AlertLink:
    id: int
    title: str
    url: str


def alerts_for(report_ids: list[int], user: Any) -> list[AlertLink]:
    """Alerts made from these reports that `user` may open (None: a partner platform asks)."""
    if not report_ids:
        return []
    from redbrolly.alerts.selectors import alerts_for_reports

    return [AlertLink(*row) for row in alerts_for_reports(report_ids, user)]


SUSPENSIONS_SECONDS = 5.0
_suspended: dict[str, tuple[float, frozenset[str]]] = {}


def suspended_subjects() -> frozenset[str]:
    """Accounts whose checking is suspended, read again every few seconds (hot path)."""
    now = time.monotonic()
    held = _suspended.get("all")
    if held is not None and held[0] > now:
        return held[1]
    rows = Suspension.objects.active().values_list("user_id", "partner_id")
    subjects = frozenset(
        f"user:{user_id}" if user_id is not None else f"partner:{partner_id}"
        for user_id, partner_id in rows
    )
    _suspended["all"] = (now + SUSPENSIONS_SECONDS, subjects)
    return subjects


def forget_suspensions() -> None:
    _suspended.clear()


def is_suspended(*, user_id: int | None, partner_id: int | None) -> bool:
    subject = f"user:{user_id}" if user_id is not None else f"partner:{partner_id}"
    return subject in suspended_subjects()


# --- staff: flags and statistics ---------------------------------------------------------------


def open_flags() -> Any:
    return Flag.objects.filter(status=Flag.Status.OPEN).select_related("user", "partner")


def recent_flags(days: int = 30) -> Any:
    since = timezone.now() - datetime.timedelta(days=days)
    closed = Flag.objects.exclude(status=Flag.Status.OPEN).filter(raised_at__gte=since)
    return closed.select_related("user", "partner", "closed_by")


def active_suspensions() -> Any:
    return Suspension.objects.active().select_related("user", "partner", "flag")


def accounts_sharing(flag: Flag) -> list[str]:
    """Who checked the identifier of a SHARED flag in its window (names, for staff)."""
    window = Lookup.objects.filter(
        index=flag.identifier_index, at__gte=flag.window_start, at__lte=flag.raised_at
    )
    # Only the names, once each (a busy window holds many lookups by the same accounts).
    pairs = window.values_list("user__username", "partner__name").distinct()
    return sorted({user or partner for user, partner in pairs if user or partner})


@dataclass(frozen=True)
class DayStats:
    day: datetime.date
    lookups: int
    hits: int
    by_channel: dict[str, int]

    @property
    def hit_rate(self) -> float:
        return self.hits / self.lookups if self.lookups else 0.0


def daily_stats(days: int = 30) -> list[DayStats]:
    """Lookups per day, hits and channels: counts only, never an identifier."""
    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        Lookup.objects.filter(at__gte=since)
        .annotate(day=TruncDate("at"))
        .values_list("day", "channel")
        .annotate(total=Count("id"), hits=Count("id", filter=~Q(result=Result.NO_REPORTS)))
        .order_by("-day")
    )
    return group_days(rows)


def group_days(rows: Iterable[tuple[datetime.date, str, int, int]]) -> list[DayStats]:
    days: dict[datetime.date, DayStats] = {}
    for day, channel, total, hits in rows:
        held = days.get(day) or DayStats(day, 0, 0, {})
        held.by_channel[channel] = total
        days[day] = DayStats(day, held.lookups + total, held.hits + hits, held.by_channel)
    return list(days.values())


def channel_totals(stats: list[DayStats]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for day in stats:
        for channel, count in day.by_channel.items():
            totals[channel] = totals.get(channel, 0) + count
    return totals


def partner_usage(days: int = 30) -> Any:
    """Per partner platform: checks today and in the period (their usage statistics)."""
    from redbrolly.api.models import Partner

    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since = timezone.now() - datetime.timedelta(days=days)
    return Partner.objects.annotate(
        today=Count("lookups", filter=Q(lookups__at__gte=today)),
        period=Count("lookups", filter=Q(lookups__at__gte=since)),
        hits=Count(
            "lookups", filter=Q(lookups__at__gte=since) & ~Q(lookups__result=Result.NO_REPORTS)
        ),
    ).order_by("name")


def usage_of(*, user: Any = None, partner: Any = None) -> dict[str, int]:
    """A caller's own checks today and in the last 30 days (the API's usage endpoint)."""
    mine = (
        Lookup.objects.filter(user=user)
        if partner is None
        else Lookup.objects.filter(partner=partner)
    )
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since = timezone.now() - datetime.timedelta(days=30)
    return mine.aggregate(
        today=Count("id", filter=Q(at__gte=today)),
        last_30_days=Count("id", filter=Q(at__gte=since)),
    )


def lookups_export(user: Any) -> list[dict[str, str]]:
    """A member's own checks for their data download: when, how and the answer, no identifier."""
    rows = Lookup.objects.filter(user=user).order_by("at")
    return [
        {"at": at.isoformat(), "channel": channel, "kind": kind, "result": result}
        for at, channel, kind, result in rows.values_list("at", "channel", "kind", "result")
    ]
