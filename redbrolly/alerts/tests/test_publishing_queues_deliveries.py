"""Publishing queues every delivery in the same transaction, keyed per version, member, channel."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from redbrolly.alerts import services
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import members, ready_alert
from redbrolly.notify.models import Delivery

pytestmark = pytest.mark.django_db


def test_each_member_gets_one_row_per_channel_with_its_idempotency_key(people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    first, second = members(2, prefix="keys")
    alert = ready_alert(drafter)
    queued = services.alert_approve(moderator=approver, alert=alert)
    keys = set(Delivery.objects.values_list("idempotency_key", flat=True))
    assert queued == 6
    assert f"alert:{alert.pk}:v1:{first}:email" in keys
    assert f"alert:{alert.pk}:v1:{second}:sms" in keys
    assert f"alert:{alert.pk}:v1:{second}:inapp" in keys
    assert set(Delivery.objects.values_list("status", flat=True)) == {"pending"}


def test_a_failure_while_publishing_leaves_neither_a_sent_alert_nor_deliveries(
    people: Any,
) -> None:
    drafter, approver = people("moderator", "moderator2")
    members(2, prefix="atomic")
    alert = ready_alert(drafter)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.alert_approve(moderator=approver, alert=alert)
        raise RuntimeError("the database went away")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.AWAITING
    assert not Delivery.objects.exists()


def test_publishing_twice_is_refused_and_queues_nothing_more(people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    members(1, prefix="twice")
    alert = ready_alert(drafter)
    services.alert_approve(moderator=approver, alert=alert)
    with pytest.raises(Exception):
        services.alert_publish(actor=approver, alert=Alert.objects.get(pk=alert.pk))
    assert Delivery.objects.count() == 3


def test_the_staff_page_counts_deliveries_by_channel_and_names_the_failed_ones(
    people: Any, client: Any
) -> None:
    drafter, approver = people("moderator", "moderator2")
    members(2, prefix="counted")
    alert = ready_alert(drafter)
    services.alert_approve(moderator=approver, alert=alert)
    failed = Delivery.objects.filter(channel="sms").order_by("pk")
    Delivery.objects.filter(pk__in=list(failed.values_list("pk", flat=True)[:1])).update(
        status=Delivery.Status.FAILED
    )
    client.force_login(drafter)
    page = client.get(f"/staff/alerts/{alert.pk}/").content.decode()
    assert "1 failed delivery" in page
    assert "failed: 1 · pending: 1" in page or "pending: 1 · failed: 1" in page
