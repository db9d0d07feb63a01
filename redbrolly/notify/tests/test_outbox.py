"""The outbox sends each queued message once, through a real SMTP server, and retries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from redbrolly.notify.models import Delivery
from redbrolly.notify.services import Outgoing, deliveries_enqueue, send_due

pytestmark = pytest.mark.django_db


def email(n: int) -> Outgoing:
    return Outgoing(
        key=f"test:{n}:email",
        channel="email",
        to=f"person{n}@example.com",
        subject="You have a new update",
        body=f"message {n}",
        purpose="test",
    )


def test_queued_email_arrives_once_even_when_queued_twice(smtp_server) -> None:
    deliveries_enqueue([email(n) for n in range(3)])
    deliveries_enqueue([email(1)])
    assert send_due() == 3
    assert send_due() == 0
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "person0@example.com",
        "person1@example.com",
        "person2@example.com",
    ]
    assert Delivery.objects.filter(status="sent").count() == 3


def test_a_server_that_is_down_means_retry_later_not_loss(settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    deliveries_enqueue([email(7)])
    assert send_due() == 0
    delivery = Delivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now()


def test_it_gives_up_visibly_after_the_last_attempt(settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    deliveries_enqueue([email(8)])
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(6):
            send_due()
            traveller.shift(3 * 3600)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 6)
    assert delivery.last_error == "ConnectionRefusedError"


def test_a_worker_that_died_mid_send_leaves_the_row_to_be_taken_again(smtp_server) -> None:
    deliveries_enqueue([email(9)])
    Delivery.objects.update(status="sending", claimed_until=timezone.now())
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert send_due() == 1
    assert len(smtp_server.messages) == 1


SLOW: dict[str, Any] = {"clock": None, "abandoned": []}


def slow_provider(delivery: Delivery) -> str:
    """A provider taking 40 s per message: the batch outlives its 60 s lease."""
    SLOW["clock"].shift(40)
    looks_abandoned = Delivery.objects.filter(status="sending", claimed_until__lt=timezone.now())
    SLOW["abandoned"].append(looks_abandoned.count())
    return f"slow-{delivery.pk}"


def test_a_long_batch_keeps_its_claim_so_no_other_worker_takes_its_rows(settings) -> None:
    settings.REDBROLLY_DELIVERY_LEASE_SECONDS = 60
    settings.REDBROLLY_CHANNEL_ADAPTERS = {"email": f"{__name__}.slow_provider"}
    deliveries_enqueue([email(n) for n in range(20, 24)])
    SLOW["abandoned"] = []
    with time_machine.travel(timezone.now(), tick=False) as clock:
        SLOW["clock"] = clock
        assert send_due() == 4
    assert SLOW["abandoned"] == [0, 0, 0, 0]
