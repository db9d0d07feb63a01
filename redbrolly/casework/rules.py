"""The organisation's casework rules: targets, thresholds and retention (from settings).

Each has a safe default so a fresh deployment works; operators set them in the
environment-driven settings when their policy differs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

BREAK_GLASS_MINUTES = 60
SMALL_NUMBER = 5


def first_contact_working_days() -> int:
    """Target for a first contact after a case comes in (e.g. one working day)."""
    return int(getattr(settings, "REDBROLLY_CASE_FIRST_CONTACT_WORKING_DAYS", 1))


def no_contact_days() -> int:
    """Dashboards flag open cases with no contact for this many days."""
    return int(getattr(settings, "REDBROLLY_CASE_NO_CONTACT_DAYS", 14))


def retention_years() -> int:
    return int(getattr(settings, "REDBROLLY_CASE_RETENTION_YEARS", 6))


def retention_policy() -> str:
    """ "anonymise" keeps counts, outcomes, risk scores and time; "delete" removes the case."""
    policy = str(getattr(settings, "REDBROLLY_CASE_RETENTION_POLICY", "anonymise"))
    return policy if policy in {"anonymise", "delete"} else "anonymise"


def add_working_days(start: datetime, days: int) -> datetime:
    """Same time of day, `days` weekdays later; a weekend request counts from Monday 09:00."""
    moment = timezone.localtime(start)
    while moment.weekday() >= 5:
        moment = moment.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    added = 0
    while added < days:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            added += 1
    return moment


def first_contact_due(received_at: datetime) -> datetime:
    return add_working_days(received_at, first_contact_working_days())


def suppressed(count: int) -> str:
    """Exports show counts under five as "<5" so nobody can be picked out."""
    return "<5" if count < SMALL_NUMBER else str(count)
