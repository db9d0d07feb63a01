"""Deciding links, and the police intelligence export of a profile within consent."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from redbrolly.lib import audit
from redbrolly.linkage.models import Link
from redbrolly.linkage.selectors import Profile
from redbrolly.reports.models import Identifier, Report


@transaction.atomic
def link_decide(*, actor: Any, a: Report, b: Report, decision: str, reason: str = "") -> Link:
    """Records (or changes) whether two reports describe the same person; audited."""
    if a.pk == b.pk:
        raise ValidationError(_("A report cannot be linked to itself."))
    if not (a.is_live and b.is_live):
        raise ValidationError(_("A withdrawn report cannot be linked: its reporter took it back."))
    if decision not in Link.Decision.values:
        raise ValidationError(_("Choose whether they are the same person."))
    first, second = Link.ordered(a, b)
    link, _created = Link.objects.update_or_create(
        first=first,
        second=second,
        defaults={"decision": decision, "reason": reason.strip(), "decided_by": actor},
    )
    audit.log(actor, "linkage.link.decided", link, decision=decision)
    return link


@transaction.atomic
def link_same(*, actor: Any, reports: list[Report], reason: str = "") -> list[Link]:
    """The chosen candidates are one person: each is linked to the first (one profile)."""
    if len(reports) < 2:
        raise ValidationError(_("Tick at least two to say they are the same person."))
    return [
        link_decide(actor=actor, a=reports[0], b=other, decision=Link.Decision.SAME, reason=reason)
        for other in reports[1:]
    ]


@transaction.atomic
def link_apart(*, actor: Any, report: Report, others: list[Report], reason: str = "") -> list[Link]:
    """One candidate is not the same person as any of the others it was suggested with."""
    return [
        link_decide(actor=actor, a=report, b=other, decision=Link.Decision.DIFFERENT, reason=reason)
        for other in others
    ]


# --- police intelligence -------------------------------------------------------------------

CONSENT_WORDS = {
    Report.Consent.POLICE_ANONYMOUS: "anonymised intelligence only",
    Report.Consent.POLICE_FULL: "wants to make a full report: contact them only through us",
}
INTELLIGENCE_COLUMNS = [
    "report",
    "happened_from",
    "happened_until",
    "date_precision",
    "region",
    "area",
    "setting",
    "incident_types",
    "severity",
    "people_involved",
    "names_used",
    "phones",
    "emails",
    "handles_and_links",
    "plates",
    "vehicle",
    "description",
    "behaviour",
    "consent",
]


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def intelligence_rows(profile: Profile) -> list[list[str]]:
    """One row per perpetrator of each report whose reporter agreed to share with police.

    What the police get: when (to the day), where (region and the coarse area kept on
    write), what, and what the reporter told us about the perpetrator. Never the reporter:
    no narrative (it is theirs, and often identifies them), no notes about the date or the
    setting in their words, no source, contact, receipt, messages or evidence files; the
    report's reference lets the police come back to us, never to the reporter.
    """
    rows = [INTELLIGENCE_COLUMNS]
    for report in profile.shareable():
        people: list[Any] = list(report.perpetrators.all()) or [None]
        for position, person in enumerate(people):
            # Numbers confirmed from the narrative belong to no one person: the first row.
            found = [
                identifier
                for identifier in report.identifiers.all()
                if identifier.perpetrator_id == getattr(person, "pk", None)
                or (position == 0 and identifier.perpetrator_id is None)
            ]
            rows.append(report_row(report, person, found))
    return [[spreadsheet_safe(str(cell)) for cell in row] for row in rows]


def report_row(report: Report, person: Any, found: list[Identifier]) -> list[str]:
    def values(kind: str) -> str:
        return "; ".join(i.value for i in found if i.kind == kind)

    vehicle = ""
    if person is not None:
        vehicle = " ".join(
            part
            for part in (person.vehicle_colour, person.vehicle_make, person.vehicle_model)
            if part
        )
    return [
        report.reference,
        report.occurred_on.isoformat(),
        report.occurred_until.isoformat() if report.occurred_until else "",
        report.occurred_precision,
        report.region.name,
        report.area,
        report.setting,
        "; ".join(sorted(t.code for t in report.incident_types.all())),
        report.severity,
        str(person.people_count) if person is not None else "",
        " / ".join(person.names.splitlines()) if person is not None else "",
        values(Identifier.Kind.PHONE),
        values(Identifier.Kind.EMAIL),
        values(Identifier.Kind.HANDLE),
        values(Identifier.Kind.PLATE),
        vehicle,
        " ".join(person.description.split()) if person is not None else "",
        " ".join(person.behaviour.split()) if person is not None else "",
        CONSENT_WORDS[Report.Consent(report.consent_level)],
    ]
