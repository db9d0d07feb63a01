"""SMS goes to the provider's real HTTP API; failures retry or give up as the provider says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from redbrolly.notify.models import Delivery
from redbrolly.notify.services import Outgoing, deliveries_enqueue, send_due
from redbrolly.notify.testing import SmsProvider, sms_provider, sms_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(settings: Any) -> Iterator[SmsProvider]:
    with sms_provider() as running:
        for name, value in sms_settings(running).items():
            setattr(settings, name, value)
        settings.SITE_URL = "https://safety.example.org"
        yield running


def text(n: int, body: str = "You have a new update") -> Outgoing:
    return Outgoing(
        key=f"test:{n}:sms", channel="sms", to=f"+44770090010{n}", body=body, purpose="test"
    )


def test_each_text_reaches_the_provider_once_with_its_callback(provider: SmsProvider) -> None:
    deliveries_enqueue([text(1), text(2)])
    assert send_due() == 2
    assert sorted(m.to for m in provider.messages) == ["+447700900101", "+447700900102"]
    first = Delivery.objects.get(idempotency_key="test:1:sms")
    sent = next(m for m in provider.messages if m.to == "+447700900101")
    assert (first.status, first.provider_id) == ("sent", sent.sid)
    assert (
        sent.status_callback == f"https://safety.example.org/api/v1/notify/sms/status?d={first.pk}"
    )
    assert sent.sender == "+447700900000"
    assert sent.key == "test:1:sms"


def test_a_repeat_after_a_crash_gets_the_first_message_back(provider: SmsProvider) -> None:
    deliveries_enqueue([text(3)])
    send_due()
    Delivery.objects.update(status="pending")  # as if the worker died before recording
    send_due()
    assert len(provider.messages) == 1
    assert provider.repeats == 1
    assert Delivery.objects.get().provider_id == provider.messages[0].sid


def test_provider_trouble_means_try_again_later(provider: SmsProvider) -> None:
    provider.fail_next(status=503)
    deliveries_enqueue([text(4)])
    assert send_due() == 0
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (
        "pending",
        1,
        "sms-http-503",
    )


def test_a_number_the_provider_refuses_fails_at_once_and_visibly(provider: SmsProvider) -> None:
    provider.fail_next(status=400, code=21211)
    deliveries_enqueue([text(5)])
    send_due()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_error) == ("failed", "sms-rejected-21211")


def test_without_a_provider_configured_texts_fail_visibly(settings: Any) -> None:
    settings.REDBROLLY_SMS_ACCOUNT_SID = ""
    settings.REDBROLLY_SMS_OUTBOX = False  # production
    deliveries_enqueue([text(6)])
    send_due()
    assert Delivery.objects.get().last_error == "sms-not-configured"


def test_in_development_without_a_provider_texts_wait_in_the_outbox(
    settings: Any, people: Any
) -> None:
    from django.test import Client

    from redbrolly.notify.models import OutboxEmail

    settings.REDBROLLY_SMS_ACCOUNT_SID = ""
    settings.REDBROLLY_SMS_OUTBOX = True
    deliveries_enqueue([text(8)])
    send_due()
    delivery = Delivery.objects.get()
    kept = OutboxEmail.objects.get()
    assert (delivery.status, delivery.provider_id) == ("sent", f"outbox-{kept.pk}")
    assert (kept.channel, kept.to, kept.body) == ("sms", "+447700900108", "You have a new update")
    staff = Client()
    staff.force_login(people("admin"))
    page = staff.get("/staff/outbox/").content.decode()
    assert "Text message" in page and "+447700900108" in page


def test_wrong_credentials_are_retried_not_dropped(provider: SmsProvider, settings: Any) -> None:
    settings.REDBROLLY_SMS_AUTH_TOKEN = "wrong"
    deliveries_enqueue([text(7)])
    send_due()
    assert Delivery.objects.get().status == "pending"
    assert provider.messages == []
