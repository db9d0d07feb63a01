"""A report that asked for support becomes a referral, without copying what it holds."""

from __future__ import annotations

from datetime import date

import pytest

from redbrolly.casework.models import Case, Referral
from redbrolly.casework.services import referral_from_report
from redbrolly.core.models import IncidentType, Region
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db

CONTACT = "+447700900777"


def report(**extra) -> Report:
    return Report.objects.create(
        source=Report.Source.ANONYMOUS,
        consent_level=Report.Consent.RECORD_ONLY,
        wants_support=True,
        support_contact=CONTACT,
        support_times="evenings",
        region=Region.objects.get(code="greater-manchester"),
        occurred_on=date(2026, 11, 1),
        setting=Report.Setting.STREET,
        narrative="He would not pay and pushed me out of the car.",
        **extra,
    )


def test_a_report_asking_for_support_opens_a_case_in_the_queue(planted) -> None:
    planted(CONTACT)
    made = report()
    referral = referral_from_report(report=made)
    assert isinstance(referral, Referral)
    case = referral.case
    assert case.status == Case.Status.UNALLOCATED
    assert case.source == Case.Source.REPORT
    assert list(case.reports.all()) == [made]
    assert case.region == made.region
    assert case.contact_details == "" and referral.reason == ""


def test_calling_it_twice_opens_one_case() -> None:
    made = report()
    first = referral_from_report(report=made)
    assert referral_from_report(report=made) == first
    assert Case.objects.count() == 1


def test_violent_incidents_are_urgent() -> None:
    made = report()
    made.incident_types.set(IncidentType.objects.filter(violent=True)[:1])
    assert referral_from_report(report=made).case.urgency == Case.Urgency.URGENT


def test_the_caseworker_who_claims_it_sees_the_safe_contact_from_the_report(
    client, people, team
) -> None:
    case = referral_from_report(report=report()).case
    client.force_login(people("caseworker"))
    client.post(f"/casework/cases/{case.pk}/claim/")
    page = client.get(f"/casework/cases/{case.pk}/").content.decode()
    assert CONTACT in page and "evenings" in page
