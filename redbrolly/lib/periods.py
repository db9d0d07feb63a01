"""Reporting periods: the dates people choose, as the moments queries compare against."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of `start` to the start of the day after `end`, in the site's zone:
    both dates count in full (`begin <= moment < until`)."""
    zone = timezone.get_current_timezone()
    begin = datetime.combine(start, time.min, tzinfo=zone)
    return begin, datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
