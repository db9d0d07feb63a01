"""The demo shows alerts in several regions, every stage of approval (one draft waiting for
its anonymous reporter's look) and every delivery state; every word sent was approved by a
second moderator, and every identifier shown is one of the alert's reports' own."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from redbrolly.accounts import demo as accounts_demo
from redbrolly.accounts.models import User
from redbrolly.alerts import demo, selectors
from redbrolly.alerts.models import Alert, AlertReview, AlertTranslation, AlertUpdate
from redbrolly.core.models import AuditEntry
from redbrolly.notify.models import Delivery
from redbrolly.reports import demo as reports_demo
from redbrolly.reports.selectors import report_for_receipt

pytestmark = pytest.mark.django_db

FOUR_EYES = Alert.ApprovalMode.FOUR_EYES


def test_the_demo_covers_every_stage_and_seeding_twice_changes_nothing() -> None:
    rng = random.Random(20121)
    accounts_demo.seed(rng)
    reports_demo.seed(rng)
    demo.seed(rng)
    statuses = Counter(Alert.objects.values_list("status", flat=True))
    assert statuses["published"] >= 20 and statuses["withdrawn"] == 1
    assert statuses["draft"] >= 1 and statuses["awaiting"] >= 1
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


def test_every_word_sent_was_approved_by_a_second_moderator() -> None:
    rng = random.Random(20121)
    accounts_demo.seed(rng)
    reports_demo.seed(rng)
    demo.seed(rng)
    for alert in Alert.objects.sent_out():
        assert alert.approval_mode == FOUR_EYES
        assert alert.approved_by_id not in {None, alert.created_by_id, alert.last_edited_by_id}
    update = AlertUpdate.objects.get(kind=AlertUpdate.Kind.UPDATE)
    notice = AlertUpdate.objects.get(kind=AlertUpdate.Kind.WITHDRAWAL)
    assert notice.alert.status == Alert.Status.WITHDRAWN
    for sent in (update, notice):
        assert sent.sent_at is not None and sent.version == sent.alert.version
        assert (sent.approval_mode, sent.created_by is not None) == (FOUR_EYES, True)
        assert sent.approved_by_id != sent.created_by_id
        assert (
            selectors.deliveries_of(sent.alert)
            .filter(idempotency_key__contains=f":v{sent.version}:")
            .exists()
        )
    assert not AlertUpdate.objects.filter(sent_at=None).exists()
    translations = AlertTranslation.objects.filter(alert__status=Alert.Status.PUBLISHED)
    assert translations.count() >= 2
    for translation in translations:
        assert translation.approved_at is not None
        assert translation.approved_by_id not in {None, translation.written_by_id}
    # One was added once its alert had been sent, and a second moderator approved it alone.
    later = AuditEntry.objects.filter(action=f"alerts.translation.approved.{FOUR_EYES}")
    assert later.count() == 1
    assert translations.filter(alert_id=int(later.get().object_id)).exists()


def test_every_shown_identifier_is_the_alerts_reports_own_and_the_storys() -> None:
    rng = random.Random(20121)
    accounts_demo.seed(rng)
    reports_demo.seed(rng)
    demo.seed(rng)
    stories = {story.title: story for story in demo.STORIES}
    stories[demo.LOOK.title] = demo.LOOK
    told = 0
    for alert in Alert.objects.exclude(title=""):
        story = stories[alert.title]
        own = {row.pk for row in selectors.identifiers_of_reports(alert)}
        shown = list(alert.shown_identifiers.all())
        assert {row.pk for row in shown} <= own, alert.title
        assert {row.value for row in shown} == {story.phone, story.plate} - {""}, alert.title
        assert bool(alert.identifiers) == bool(shown), alert.title
        for row in shown:
            assert row.value not in alert.identifiers  # masked, never whole
        told += 1
    assert told == len(demo.STORIES) + 1
