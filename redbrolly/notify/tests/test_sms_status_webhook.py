"""The SMS provider's signed status callbacks update deliveries; unsigned ones change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from redbrolly.lib.twilio_signature import signature
from redbrolly.notify.models import Delivery
from redbrolly.notify.services import Outgoing, deliveries_enqueue

pytestmark = pytest.mark.django_db

TOKEN = "webhook-test-token"
URL = "http://testserver/api/v1/notify/sms/status"


@pytest.fixture(autouse=True)
def provider_token(settings: Any) -> None:
    settings.REDBROLLY_SMS_AUTH_TOKEN = TOKEN


def sent_text(sid: str = "SM" + "a" * 32, status: str = "sent") -> Delivery:
    deliveries_enqueue(
        [Outgoing(key=f"hook:{sid}", channel="sms", to="+447700900321", body="x", purpose="t")]
    )
    Delivery.objects.update(status=status, provider_id=sid)
    return Delivery.objects.get()


def callback(client: Client, form: dict[str, str], query: str = "", *, token: str = TOKEN) -> Any:
    url = URL + (f"?{query}" if query else "")
    return client.post(
        url.removeprefix("http://testserver"),
        form,
        HTTP_X_TWILIO_SIGNATURE=signature(url, form, token),
    )


def test_a_signed_delivered_callback_marks_the_text_delivered(client: Client) -> None:
    delivery = sent_text()
    response = callback(client, {"MessageSid": delivery.provider_id, "MessageStatus": "delivered"})
    assert response.status_code == 204
    delivery.refresh_from_db()
    assert delivery.status == "delivered"


def test_an_undelivered_callback_is_a_visible_failure(client: Client) -> None:
    delivery = sent_text()
    form = {
        "MessageSid": delivery.provider_id,
        "MessageStatus": "undelivered",
        "ErrorCode": "30003",
    }
    callback(client, form)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == ("failed", "sms-30003")


def test_a_wrong_signature_is_refused_and_changes_nothing(client: Client) -> None:
    delivery = sent_text()
    form = {"MessageSid": delivery.provider_id, "MessageStatus": "failed"}
    assert callback(client, form, token="not-the-token").status_code == 403
    assert client.post(URL, form).status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == "sent"


def test_a_late_sent_callback_does_not_undo_delivered(client: Client) -> None:
    delivery = sent_text(status="delivered")
    callback(client, {"MessageSid": delivery.provider_id, "MessageStatus": "sent"})
    delivery.refresh_from_db()
    assert delivery.status == "delivered"


def test_the_callback_finds_a_text_whose_sid_a_crash_kept_from_being_recorded(
    client: Client,
) -> None:
    delivery = sent_text(sid="", status="sending")
    sid = "SM" + "b" * 32
    callback(client, {"MessageSid": sid, "MessageStatus": "delivered"}, query=f"d={delivery.pk}")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.provider_id) == ("delivered", sid)


def test_nonsense_is_answered_without_error(client: Client) -> None:
    response = callback(client, {"MessageStatus": "🙂" * 50}, query="d=abc")
    assert response.status_code == 204
