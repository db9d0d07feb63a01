"""The demo shows alerts in several regions, every stage of approval (one draft waiting for
its anonymous reporter's look) and every delivery state."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from redbrolly.accounts import demo as accounts_demo
from redbrolly.accounts.models import User
from redbrolly.alerts import demo, selectors
from redbrolly.alerts.models import Alert, AlertReview
from redbrolly.notify.models import Delivery
from redbrolly.reports import demo as reports_demo
from redbrolly.reports.selectors import report_for_receipt

pytestmark = pytest.mark.django_db


def test_the_demo_covers_every_stage_and_seeding_twice_changes_nothing() -> None:
    rng = random.Random(20121)
    accounts_demo.seed(rng)
    reports_demo.seed(rng)
    demo.seed(rng)
    statuses = Counter(Alert.objects.values_list("status", flat=True))
    assert statuses["published"] >= 20 and statuses["withdrawn"] == 1
    assert statuses["draft"] >= 1 and statuses["awaiting"] >= 1
    assert Alert.objects.filter(updates__kind="update").exists()
    assert {"pending", "sent", "delivered", "failed"} <= set(
        Delivery.objects.values_list("status", flat=True)
    )
    for name in ("member", "member2", "practitioner"):
        user = User.objects.get(username=name)
        assert selectors.feed(user, selectors.FeedQuery(), language="en"), name
    look = AlertReview.objects.get(report__isnull=False)
    assert (look.alert.status, look.answer) == ("draft", "waiting")
    assert report_for_receipt(demo.DEMO_RECEIPT) == look.report
    before = Alert.objects.count()
    demo.seed(rng)
    assert Alert.objects.count() == before
