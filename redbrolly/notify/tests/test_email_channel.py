"""Email as a receiving mail system reads it: neutral subject, any language, preferences link,
stable Message-ID; a header that tries to add lines is refused, not sent."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from redbrolly.notify.models import Delivery
from redbrolly.notify.services import Outgoing, deliveries_enqueue, send_due

pytestmark = pytest.mark.django_db


def email(key: str, subject: str, body: str, to: str = "ana@example.net") -> Outgoing:
    return Outgoing(key=key, channel="email", to=to, subject=subject, body=body, purpose="t")


def test_any_language_arrives_intact_with_the_preferences_link(smtp_server: Any) -> None:
    deliveries_enqueue(
        [email("e:1", "Aveți o actualizare nouă", "Citiți în zona membrilor: ăîșț " + "x" * 200)]
    )
    send_due()
    (message,) = smtp_server.messages
    assert message["Subject"] == "Aveți o actualizare nouă"
    assert message.get_content().startswith("Citiți în zona membrilor: ăîșț " + "x" * 200)
    assert "/me/preferences/" in message.get_content()
    assert message["List-Unsubscribe"].endswith("/me/preferences/>")
    assert message["Message-ID"] == "<e.1@example.org>"


def test_a_header_with_a_line_break_is_refused_for_good(smtp_server: Any) -> None:
    deliveries_enqueue([email("e:2", "Hello\r\nBcc: everyone@example.com", "body")])
    send_due()
    assert smtp_server.messages == []
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_error) == ("failed", "malformed message")


def test_other_backends_get_djangos_message_with_the_same_headers(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    deliveries_enqueue([email("e:3", "You have a new update", "body")])
    send_due()
    (message,) = mail.outbox
    assert message.extra_headers["Message-ID"] == "<e.3@example.org>"
    assert "/me/preferences/" in message.body
