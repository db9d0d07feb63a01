"""What we hold about the people who reported, for the alerts app to compare an alert's text
with (alerts.detect): the names and contacts they gave us, wherever they gave them.

Reports hold some (the reporter's account and profile, the support contact, who a report was
made for); apps that hold more add theirs with `register` in their AppConfig.ready()
(casework: the working name and contact details of a support request), so reports need not
import them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ReporterDetails:
    names: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()

    def __add__(self, other: ReporterDetails) -> ReporterDetails:
        return ReporterDetails(self.names + other.names, self.contacts + other.contacts)


Source = Callable[[Sequence[Any]], ReporterDetails]
SOURCES: list[Source] = []


def register(source: Source) -> Source:
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def of_report(report: Any) -> ReporterDetails:
    from redbrolly.reports.models import Report

    names = [report.behalf_who]
    contacts = [report.support_contact]
    reporter = report.reporter
    # A phone report's `reporter` is the staff member who took the call, not the caller.
    if reporter is not None and report.source != Report.Source.STAFF_PHONE:
        names.append(reporter.username)
        profile = getattr(reporter, "member_profile", None)
        if profile is not None:
            contacts += [profile.email, profile.mobile]
    return ReporterDetails(
        tuple(name for name in names if name), tuple(contact for contact in contacts if contact)
    )


def reporter_details(reports: Sequence[Any]) -> ReporterDetails:
    """Everything the reporters of `reports` told us about themselves, as they typed it."""
    found = ReporterDetails()
    for report in reports:
        found += of_report(report)
    for source in SOURCES:
        found += source(reports)
    return found
