"""Reported identifiers for checker tests, built straight on the reports models."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from redbrolly.api.models import Partner
from redbrolly.api.services import api_token_issue, partner_key_issue
from redbrolly.core.models import IncidentType, Region
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.normalise import normalise_any
from redbrolly.reports.models import Identifier, Report


def report_about(
    *typed: str,
    reviewed: bool = False,
    source: str = Report.Source.MEMBER,
    severity: str = Report.Severity.UNGRADED,
    violent: bool = False,
    status: str | None = None,
    submitted_on: datetime.date | None = None,
    reporter: Any = None,
) -> Report:
    """A live report naming these identifiers (typed as a person would)."""
    report = Report.objects.create(
        source=source,
        reporter=reporter,
        consent_level=Report.Consent.ALERT,
        region=Region.objects.get(code="greater-manchester"),
        occurred_on=submitted_on or timezone.localdate(),
        submitted_on=submitted_on or timezone.localdate(),
        setting=Report.Setting.OUTCALL,
        narrative="He turned nasty when asked to pay; a planted narrative.",
        severity=severity,
        status=status or (Report.Status.ACCEPTED if reviewed else Report.Status.NEW),
        accepted_at=timezone.now() if reviewed else None,
    )
    codes = ["physical_assault"] if violent else ["time_wasting"]
    report.incident_types.set(IncidentType.objects.filter(code__in=codes))
    for text in typed:
        found = normalise_any(text, allow_partial_plate=True)
        Identifier.objects.create(
            report=report,
            kind=found.kind.value,
            value=found.value,
            index=blind_index(found.kind.value, found.value),
            partial=found.partial,
            valid=found.valid,
        )
    return report


def member_token(user: Any) -> str:
    return api_token_issue(user=user, name="phone app")[1]


def partner_with_key(**fields: Any) -> tuple[Partner, str]:
    partner = Partner.objects.create(name="Adverts Example Ltd", **fields)
    return partner, partner_key_issue(actor=None, partner=partner)[1]


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
