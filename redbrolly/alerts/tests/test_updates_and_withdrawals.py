"""Updates and withdrawals reach everyone who got the alert; a withdrawal stops what waits."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import members, published_alert
from redbrolly.notify.models import Delivery
from redbrolly.notify.services import send_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_alert(people: Any, smtp_server: Any, settings: Any) -> Alert:
    settings.REDBROLLY_CHANNEL_ADAPTERS = {"sms": "redbrolly.notify.channels.inapp.send"}
    members(2, prefix="got")
    alert = published_alert(*people("moderator", "moderator2"))
    send_due()
    return alert


def test_an_update_goes_to_everyone_who_got_the_alert_as_a_new_version(
    sent_alert: Alert, moderator: Any, people: Any
) -> None:
    members(1, prefix="late")  # joined afterwards: never got it, gets no update
    update = services.alert_update(
        moderator=moderator, alert=sent_alert, text="He has been arrested."
    )
    sent_alert.refresh_from_db()
    assert sent_alert.version == 1  # proposed, not sent: a second moderator reads it first
    assert not Delivery.objects.filter(idempotency_key__contains=":v2:").exists()
    with pytest.raises(ValidationError):
        services.alert_update_approve(moderator=moderator, update=update)
    assert services.alert_update_approve(moderator=people("moderator2"), update=update) == 6
    sent_alert.refresh_from_db()
    assert sent_alert.version == 2
    v2 = Delivery.objects.filter(idempotency_key__contains=":v2:")
    assert v2.count() == 6
    assert not v2.filter(recipient__username__startswith="late").exists()
    email = v2.filter(channel="email").first()
    assert email is not None and email.subject == "You have a new update"


def test_a_member_in_full_text_mode_reads_the_update(
    people: Any, smtp_server: Any, moderator: Any, settings: Any
) -> None:
    settings.REDBROLLY_CHANNEL_ADAPTERS = {"sms": "redbrolly.notify.channels.inapp.send"}
    members(1, prefix="loud", discreet=False)
    alert = published_alert(*people("moderator", "moderator2"))
    send_due()
    update = services.alert_update(moderator=moderator, alert=alert, text="He has been arrested.")
    services.alert_update_approve(moderator=people("moderator2"), update=update)
    send_due()
    assert "He has been arrested." in smtp_server.messages[-1].get_content()


def test_withdrawing_cancels_what_has_not_gone_and_tells_who_got_it(
    people: Any, moderator: Any, smtp_server: Any, settings: Any
) -> None:
    settings.REDBROLLY_CHANNEL_ADAPTERS = {"sms": "redbrolly.notify.channels.inapp.send"}
    members(1, prefix="early")
    alert = published_alert(*people("moderator", "moderator2"))
    send_due()
    members(1, prefix="pending")
    not_yet = Delivery.objects.filter(status="sent").first()
    assert not_yet is not None
    Delivery.objects.filter(pk=not_yet.pk).update(status="pending")
    notice = services.alert_withdraw(moderator=moderator, alert=alert, text="Reported in error.")
    alert.refresh_from_db()
    assert alert.status == Alert.Status.WITHDRAWN  # at once: members no longer see it current
    assert Delivery.objects.get(pk=not_yet.pk).status == "cancelled"
    assert not Delivery.objects.filter(idempotency_key__contains=":v2:").exists()
    services.alert_update_approve(moderator=people("moderator2"), update=notice)
    notices = Delivery.objects.filter(idempotency_key__contains=":v2:")
    assert notices.count() == 2  # the two channels that did go out
    assert not notices.filter(recipient_id=not_yet.recipient_id, channel=not_yet.channel).exists()


def test_an_update_with_a_reporter_detail_waits_until_it_is_resolved(
    sent_alert: Alert, moderator: Any, people: Any
) -> None:
    update = services.alert_update(
        moderator=moderator,
        alert=sent_alert,
        text="He came back to the flat above the bakery on 12 Mill Lane at 11:45pm.",
    )
    flags = selectors.unresolved(selectors.flags_in(sent_alert, fields=[f"update:{update.pk}"]))
    assert {item.flag.kind for item in flags} == {
        "address",
        "time",
    }  # "the flat above … on 12 Mill Lane"
    with pytest.raises(ValidationError):
        services.alert_update_approve(moderator=people("moderator2"), update=update)
    assert not Delivery.objects.filter(idempotency_key__contains=":v2:").exists()


def test_a_draft_cannot_be_updated_or_withdrawn(moderator: Any) -> None:
    from redbrolly.alerts.testing import ready_alert

    alert = ready_alert(moderator)
    with pytest.raises(ValidationError):
        services.alert_withdraw(moderator=moderator, alert=alert, text="No.")
