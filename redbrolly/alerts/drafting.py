"""The first draft of an alert, made from accepted reports with every identifier masked.

A starting point for a moderator, never something sent as it is: the reporters' own words
go in, phone numbers and emails in them are masked at once, and `scan` flags the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.alerts.models import Severity
from redbrolly.lib.masking import MaskingRules, mask
from redbrolly.lib.normalise import (
    Identifier,
    IdentifierKind,
    NotAnIdentifier,
    find_identifiers_in_text,
    normalise_email,
    normalise_phone,
)

SETTING_SECTORS = {
    "street": "street",
    "incall": "indoor",
    "outcall": "outcall",
    "online": "online",
    "parlour": "parlour",
    "other": "other",
}
REPORT_SEVERITY = {"high": Severity.DANGER, "medium": Severity.CAUTION, "low": Severity.INFO}
_EMAIL_IN_TEXT = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE_IN_TEXT = re.compile(r"(?<![\w*])\+?\(?\d[\d\s().\-/]{7,}\d(?![\w*])")


@dataclass
class DraftContent:
    title: str = ""
    summary: str = ""
    perpetrator: str = ""
    vehicle: str = ""
    identifiers: str = ""
    severity: str = Severity.CAUTION
    sectors: list[str] = field(default_factory=list)
    region_ids: list[int] = field(default_factory=list)
    type_ids: list[int] = field(default_factory=list)
    expires_at: Any = None


def masked_in_text(match: str, region: str, rules: MaskingRules) -> str:
    """The masked form of a phone or email written in free text, or the text unchanged."""
    for normalise in (normalise_email, lambda raw: normalise_phone(raw, region)):
        try:
            identifier = normalise(match)
        except NotAnIdentifier:
            continue
        if find_identifiers_in_text(match, region):
            return mask(identifier, rules)
    return match


def mask_text(text: str, region: str, rules: MaskingRules) -> str:
    """Masks every phone number and email written in `text`."""
    text = _EMAIL_IN_TEXT.sub(lambda m: masked_in_text(m.group(), region, rules), text)
    return _PHONE_IN_TEXT.sub(lambda m: masked_in_text(m.group(), region, rules), text)


def masked_identifiers(reports: Iterable[Any], rules: MaskingRules) -> list[str]:
    found = []
    for report in reports:
        for row in report.identifiers.all():
            kind = IdentifierKind(row.kind)
            found.append(mask(Identifier(kind, row.value, row.partial, row.valid), rules))
    return list(dict.fromkeys(found))


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


def title_for(reports: list[Any]) -> str:
    types = dict.fromkeys(t.label for report in reports for t in report.incident_types.all())
    places = dict.fromkeys(report.area or report.region.name for report in reports)
    return f"{_(' and ').join(types) or _('Incident')} — {', '.join(places)}"


def worst_severity(reports: Iterable[Any]) -> str:
    order = [Severity.INFO, Severity.CAUTION, Severity.DANGER]
    found = [REPORT_SEVERITY.get(report.severity, Severity.CAUTION) for report in reports]
    return max(found, key=order.index, default=Severity.CAUTION)


def compose(reports: list[Any], rules: MaskingRules, *, expiry_days: int) -> DraftContent:
    """The first draft from `reports`: facts copied, identifiers masked, nothing sent."""
    region = rules.home_region

    def masked(text: str) -> str:
        return mask_text(text, region, rules)

    return DraftContent(
        title=masked(title_for(reports)),
        summary=masked("\n\n".join(report.narrative for report in reports)),
        perpetrator=masked(lines(perpetrator_lines(reports))),
        vehicle=masked(lines(vehicle_lines(reports))),
        identifiers="\n".join(masked_identifiers(reports, rules)),
        severity=worst_severity(reports),
        sectors=sorted({SETTING_SECTORS.get(report.setting, "other") for report in reports}),
        region_ids=sorted({report.region_id for report in reports}),
        type_ids=sorted({t.pk for report in reports for t in report.incident_types.all()}),
        expires_at=timezone.now() + timedelta(days=expiry_days),
    )


def reporter_details(reports: Iterable[Any]) -> list[str]:
    """What the reporters told us about themselves: scanned for, never copied into an alert."""
    found: list[str] = []
    for report in reports:
        found += [getattr(report, "behalf_who", ""), getattr(report, "support_contact", "")]
        reporter = report.reporter
        if reporter is not None:
            found.append(reporter.username)
            profile = getattr(reporter, "member_profile", None)
            if profile is not None:
                found += [profile.email, profile.mobile]
    return [detail for detail in found if detail]
