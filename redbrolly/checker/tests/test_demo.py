"""The demo: a lived-in lookup log, one flagged account, a partner platform with a key."""

import random

import pytest

from redbrolly.checker.demo import LOOKUPS, PARTNER, SWEEP, seed
from redbrolly.checker.models import Flag, Lookup

pytestmark = pytest.mark.django_db


def test_the_demo_has_history_a_flagged_account_and_a_partner(people) -> None:
    people("member", "member2", "practitioner")
    seed(random.Random(20121))
    assert Lookup.objects.count() == LOOKUPS + SWEEP
    assert set(Lookup.objects.values_list("channel", flat=True)) == {"web", "api", "sms", "bulk"}
    flag = Flag.objects.get()
    assert (flag.reason, flag.user is not None) == ("sequential", True)
    assert Lookup.objects.filter(partner__name=PARTNER).exists()


def test_seeding_twice_changes_nothing(people) -> None:
    people("member")
    seed(random.Random(1))
    seed(random.Random(2))
    assert Lookup.objects.count() == LOOKUPS + SWEEP
    assert Flag.objects.count() == 1
    from redbrolly.api.models import Partner

    assert Partner.objects.get(name=PARTNER).keys.count() == 1
