"""The demo shows profiles to read, one to export, and suggestions still waiting."""

from __future__ import annotations

import random

import pytest

from redbrolly.lib.crypto import blind_index
from redbrolly.linkage import demo, selectors
from redbrolly.linkage.models import Link
from redbrolly.reports import demo as reports_demo
from redbrolly.reports.models import Identifier

pytestmark = pytest.mark.django_db


def test_the_demo_confirms_most_repeat_offenders_and_leaves_work_to_do(people) -> None:
    people("member", "member2", "practitioner", "moderator", "caseworker")
    reports_demo.seed(random.Random(7))
    demo.seed(random.Random(7))
    found = selectors.profiles()
    assert len(found) >= 5
    assert all(len(profile.reports) >= 2 for profile in found)
    assert any(profile.shareable() for profile in found)
    _shown, waiting = selectors.suggestions()
    assert waiting > 0
    # Two offenders booked from new numbers: their new reports wait as alike, everything alike.
    alike, _count = selectors.alike_pairs()
    new = {
        identifier.report_id
        for identifier in Identifier.objects.filter(
            index__in=[blind_index("phone", number) for number in demo.NEW_NUMBERS]
        )
    }
    assert len(new) == len(demo.NEW_NUMBERS)
    top = {pk for pair in alike if pair.why.score == 5 for pk in (pair.first.pk, pair.second.pk)}
    assert new <= top
    links = Link.objects.count()
    demo.seed(random.Random(7))
    assert Link.objects.count() == links
