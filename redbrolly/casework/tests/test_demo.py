from __future__ import annotations

import random
from datetime import date

import pytest

from redbrolly.accounts.demo import DEMO_STAFF, demo_staff
from redbrolly.casework import demo
from redbrolly.casework.models import Case, Note, RiskAssessment, Service, TimeEntry
from redbrolly.core.models import Region
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_holds_cases_at_every_stage_and_seeding_twice_changes_nothing() -> None:
    for name in ["supervisor", "caseworker", "caseworker2"]:
        demo_staff(name, DEMO_STAFF[name], "!")
    report = Report.objects.create(
        source=Report.Source.MEMBER,
        consent_level=Report.Consent.ALERT,
        wants_support=True,
        region=Region.objects.get(code="merseyside"),
        occurred_on=date(2026, 11, 2),
        setting=Report.Setting.INCALL,
        narrative="A demo narrative.",
    )
    demo.seed(random.Random(1))
    cases = Case.objects.count()
    assert 38 <= cases <= 46
    assert Case.objects.get(source="report").reports.get() == report
    assert {status for status in Case.objects.values_list("status", flat=True)} == {
        "unallocated",
        "open",
        "closed",
    }
    assert Case.objects.filter(first_contact_at__isnull=True, status="open").exists()
    assert Note.objects.count() > 100
    assert RiskAssessment.objects.values("case").distinct().count() >= 25
    assert TimeEntry.objects.exists()
    assert 28 <= Service.objects.count() <= 35
    demo.seed(random.Random(1))
    assert Case.objects.count() == cases
