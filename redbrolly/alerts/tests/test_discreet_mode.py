"""Discreet by default: texts, notifications and emails of a discreet member say nothing of the
alert; a member who chose full text gets it. Checked on what the providers actually received."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from redbrolly.accounts.models import MemberProfile
from redbrolly.alerts.testing import members, published_alert
from redbrolly.notify.models import PushSubscription
from redbrolly.notify.services import send_due
from redbrolly.notify.testing import SmsProvider, push_service, sms_provider, sms_settings
from redbrolly.notify.tests.test_push_channel import Device, b64

pytestmark = pytest.mark.django_db

NEUTRAL = "You have a new update"


@pytest.fixture
def providers(settings: Any, smtp_server: Any) -> Iterator[tuple[SmsProvider, Any, Any]]:
    settings.REDBROLLY_VAPID_PRIVATE_KEY = "ZFTkocxivyU3_oLn162Fs3QBtO9yYEzVYoXBWIfKuG8"
    settings.REDBROLLY_VAPID_SUBJECT = "mailto:safety@example.org"
    settings.REDBROLLY_PUSH_HOSTS = ["127.0.0.1"]
    with sms_provider() as sms, push_service() as push:
        for name, value in sms_settings(sms).items():
            setattr(settings, name, value)
        yield sms, push, smtp_server


def with_device(user_id: int, push: Any) -> Device:
    device = Device()
    PushSubscription.objects.create(
        user_id=user_id,
        endpoint=push.endpoint(f"device-{user_id}"),
        endpoint_index=f"{user_id:064d}",
        p256dh=device.p256dh,
        auth=b64(device.auth),
    )
    return device


def alert_words(alert: Any) -> list[str]:
    """Words any leak would carry: the title, the story, the identifiers."""
    text = alert.text_in("en")
    return [text["title"], text["summary"][:40], "Robbery", "07*******23", "MA** X*Z", "Ford"]


def test_discreet_members_get_only_the_neutral_line_on_every_channel(
    providers: Any, people: Any, planted: Any
) -> None:
    sms, push, mailbox = providers
    ids = members(3, prefix="quiet", discreet=True)
    MemberProfile.objects.filter(user_id__in=ids).update(notify_push=True)
    devices = {user_id: with_device(user_id, push) for user_id in ids}
    alert = published_alert(*people("moderator", "moderator2"))
    for word in alert_words(alert):
        planted(word)
    send_due()

    assert len(sms.messages) == 3
    assert {message.body for message in sms.messages} == {NEUTRAL}
    payloads = [devices[int(r.path.split("-")[-1])].read(r.body) for r in push.received]
    assert len(payloads) == 3
    assert {(p["title"], p["body"]) for p in payloads} == {("New update", NEUTRAL)}
    assert len(mailbox.messages) == 3
    for message in mailbox.messages:
        text = message.get_content()
        assert message["Subject"] == NEUTRAL
        assert "/me/preferences/" in text
        assert not [word for word in alert_words(alert) if word in text + message["Subject"]]
    for body in [m.body for m in sms.messages] + [p["body"] + p["title"] for p in payloads]:
        assert not [word for word in alert_words(alert) if word in body]


def test_a_member_who_chose_full_text_gets_the_alert_itself(providers: Any, people: Any) -> None:
    sms, _push, mailbox = providers
    members(1, prefix="open", discreet=False)
    alert = published_alert(*people("moderator", "moderator2"))
    send_due()
    assert "Robbery" in sms.messages[0].body
    assert f"/alerts/{alert.pk}/" in sms.messages[0].body
    email = mailbox.messages[0]
    assert email["Subject"] == NEUTRAL  # subjects stay neutral whatever the mode
    assert "07*******23" in email.get_content()
    assert "/me/preferences/" in email.get_content()
