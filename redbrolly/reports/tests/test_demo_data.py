"""The demo seeder: a few hundred varied reports, shared identifiers, idempotent."""

from __future__ import annotations

import random

import pytest
from django.db.models import Count

from redbrolly.reports.demo import seed
from redbrolly.reports.models import Identifier, Report

pytestmark = pytest.mark.django_db


def test_the_demo_has_reports_in_every_state_and_repeat_offenders(people) -> None:
    member, member2 = people("member", "member2")
    people("practitioner", "moderator", "caseworker")
    seed(random.Random(7))
    assert Report.objects.count() == 300
    assert set(Report.objects.values_list("status", flat=True)) == set(Report.Status.values)
    assert set(Report.objects.values_list("consent_level", flat=True)) == set(Report.Consent.values)
    assert Report.objects.filter(reporter=member, region__code="greater-manchester").count() >= 3
    assert (
        Report.objects.filter(reporter=member2, region__code="scotland-greater-glasgow").count()
        >= 3
    )
    shared = (
        Identifier.objects.values("index")
        .annotate(n=Count("report", distinct=True))
        .filter(n__gte=3)
    )
    assert shared.count() >= 5
    phones = [i.value for i in Identifier.objects.filter(kind="phone")]
    assert all(p.startswith("+447700900") and len(p) == 13 for p in phones)
    seed(random.Random(7))
    assert Report.objects.count() == 300
