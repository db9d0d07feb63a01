"""The first draft of an alert, made from the reports' structured facts, never their words.

The title and the lines of facts come from what the reports record as fields (incident
types, setting, the region and a main town of the organisation's list, the day rounded to
"early December"); what the reporters wrote about the man (his description, what he did,
his car) goes in after `detect.sanitise` has masked his identifiers and taken out hers, and
every flag `detect.scan` raises must be resolved before anyone approves. The narratives are
shown beside the draft to read and quote from, and are never copied in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.alerts.detect import Facts, sanitise, told_by_her
from redbrolly.alerts.models import Severity
from redbrolly.lib.masking import MaskingRules, mask
from redbrolly.lib.normalise import Identifier, IdentifierKind
from redbrolly.reports.reporters import reporter_details

SETTING_SECTORS = {
    "street": "street",
    "incall": "indoor",
    "outcall": "outcall",
    "online": "online",
    "parlour": "parlour",
    "other": "other",
}
REPORT_SEVERITY = {"high": Severity.DANGER, "medium": Severity.CAUTION, "low": Severity.INFO}


@dataclass
class DraftContent:
    facts: dict[str, Any] = field(default_factory=dict)
    perpetrator: str = ""
    vehicle: str = ""
    identifier_rows: list[Any] = field(default_factory=list)
    severity: str = Severity.CAUTION
    sectors: list[str] = field(default_factory=list)
    region_ids: list[int] = field(default_factory=list)
    type_ids: list[int] = field(default_factory=list)
    expires_at: Any = None


# --- what we know: whose each detail is -----------------------------------------------------


def identifier_of(row: Any) -> Identifier:
    return Identifier(IdentifierKind(row.kind), row.value, row.partial, row.valid)


def places() -> tuple[str, ...]:
    """Every region and main town: coarse, so never a name or a venue."""
    from redbrolly.core.models import Region

    found: list[str] = []
    for name, towns in Region.objects.values_list("name", "main_towns"):
        found += [name, *(towns or [])]
    return tuple(found)


def facts_of(reports: Iterable[Any], rules: MaskingRules) -> Facts:
    """Whose each detail is, for `detect`: hers (everything she told us about herself) and
    his (the names and identifiers the reports give for him)."""
    reports = list(reports)
    hers = reporter_details(reports)
    people = [person for report in reports for person in report.perpetrators.all()]
    rows = [row for report in reports for row in report.identifiers.all()]
    facts = Facts(
        reporter_names=hers.names,
        reporter_contacts=hers.contacts,
        perpetrator_names=tuple(person.names for person in people if person.names),
        identifiers=tuple(identifier_of(row) for row in rows),
        places=places(),
        region=rules.home_region,
        rules=rules,
    )
    return told_by_her([report.narrative for report in reports], facts)


# --- the facts ------------------------------------------------------------------------------


def town_of(report: Any) -> str:
    """The main town the reporter named, from the organisation's list; never a street."""
    area = report.area.strip().casefold()
    return next((town for town in report.region.main_towns if town.casefold() == area), "")


def facts_from(reports: list[Any], precision: str = "part") -> dict[str, Any]:
    """The structured facts of `reports` (rendered in each language by alerts.wording)."""
    types = dict.fromkeys(t.label for report in reports for t in report.incident_types.all())
    places = [{"town": town_of(report), "region": report.region.name} for report in reports]
    starts = [report.occurred_on for report in reports]
    ends = [report.occurred_until or report.occurred_on for report in reports]
    return {
        "types": list(types),
        "settings": list(dict.fromkeys(report.setting for report in reports)),
        "places": list({(p["town"], p["region"]): p for p in places}.values()),
        "when": {"from": min(starts).isoformat(), "until": max(ends).isoformat()},
        "precision": precision,
        "reports": len(reports),
    }


def lines(values: Iterable[str]) -> str:
    return "\n".join(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def perpetrator_lines(reports: Iterable[Any]) -> Iterator[str]:
    for report in reports:
        for person in report.perpetrators.all():
            if person.names:
                yield _("Names used: %(names)s") % {"names": person.names}
            yield person.description
            yield person.behaviour


def vehicle_lines(reports: Iterable[Any]) -> Iterator[str]:
    for report in reports:
        for person in report.perpetrators.all():
            parts = [person.vehicle_colour, person.vehicle_make, person.vehicle_model]
            yield " ".join(part.strip() for part in parts if part and part.strip())


def alert_identifiers(reports: Iterable[Any]) -> list[Any]:
    """The reports' whole identifiers, once each: what members can check (a partial plate
    cannot be checked, so it is described with the car instead)."""
    seen: dict[tuple[str, str], Any] = {}
    for report in reports:
        for row in report.identifiers.all():
            if not row.partial:
                seen.setdefault((row.kind, row.value), row)
    return list(seen.values())


def masked_lines(rows: Iterable[Any], rules: MaskingRules) -> str:
    return "\n".join(dict.fromkeys(mask(identifier_of(row), rules) for row in rows))


def worst_severity(reports: Iterable[Any]) -> str:
    order = [Severity.INFO, Severity.CAUTION, Severity.DANGER]
    found = [REPORT_SEVERITY.get(report.severity, Severity.CAUTION) for report in reports]
    return max(found, key=order.index, default=Severity.CAUTION)


def compose(reports: list[Any], facts: Facts, *, expiry_days: int) -> DraftContent:
    """The first draft from `reports`: facts, his description masked, nothing sent."""
    return DraftContent(
        facts=facts_from(reports),
        perpetrator=sanitise(lines(perpetrator_lines(reports)), facts),
        vehicle=sanitise(lines(vehicle_lines(reports)), facts),
        identifier_rows=alert_identifiers(reports),
        severity=worst_severity(reports),
        sectors=sorted({SETTING_SECTORS.get(report.setting, "other") for report in reports}),
        region_ids=sorted({report.region_id for report in reports}),
        type_ids=sorted({t.pk for report in reports for t in report.incident_types.all()}),
        expires_at=timezone.now() + timedelta(days=expiry_days),
    )
