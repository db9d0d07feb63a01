"""Web push reaches each device through its push service, encrypted, and forgets dead devices."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from typing import Any

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.exceptions import ValidationError

from redbrolly.notify.models import Delivery, PushSubscription
from redbrolly.notify.services import (
    Outgoing,
    deliveries_enqueue,
    push_subscription_save,
    send_due,
)
from redbrolly.notify.testing import PushService, push_service

pytestmark = pytest.mark.django_db


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class Device:
    """A browser's side of a push subscription: the keys that decrypt what arrives."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.p256dh = b64(point)

    def read(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth)
        return dict(json.loads(plain))


@pytest.fixture
def service(settings: Any) -> Iterator[PushService]:
    settings.REDBROLLY_VAPID_PRIVATE_KEY = "ZFTkocxivyU3_oLn162Fs3QBtO9yYEzVYoXBWIfKuG8"
    settings.REDBROLLY_VAPID_SUBJECT = "mailto:safety@example.org"
    settings.REDBROLLY_PUSH_HOSTS = ["127.0.0.1"]
    with push_service() as running:
        yield running


def subscribe(user: Any, service: PushService, name: str) -> Device:
    device = Device()
    push_subscription_save(
        user=user, endpoint=service.endpoint(name), p256dh=device.p256dh, auth=b64(device.auth)
    )
    return device


def notification(user: Any, body: str = "You have a new update") -> Outgoing:
    return Outgoing(
        key=f"test:{user.pk}:push",
        channel="push",
        to="",
        subject="New update",
        body=body,
        purpose="test",
        recipient=user,
    )


def test_every_device_gets_the_message_only_it_can_read(member: Any, service: PushService) -> None:
    phone, laptop = subscribe(member, service, "phone"), subscribe(member, service, "laptop")
    deliveries_enqueue([notification(member)])
    assert send_due() == 1
    by_device = {request.path: request for request in service.received}
    assert phone.read(by_device["/push/phone"].body)["body"] == "You have a new update"
    assert laptop.read(by_device["/push/laptop"].body)["title"] == "New update"
    assert by_device["/push/phone"].headers["topic"]
    assert by_device["/push/phone"].headers["authorization"].startswith("vapid ")
    assert b"new update" not in by_device["/push/phone"].body


def test_a_device_the_push_service_says_is_gone_is_forgotten(
    member: Any, service: PushService
) -> None:
    subscribe(member, service, "old-phone")
    subscribe(member, service, "new-phone")
    service.statuses["old-phone"] = 410
    deliveries_enqueue([notification(member)])
    assert send_due() == 1
    assert PushSubscription.objects.count() == 1


def test_a_push_service_in_trouble_means_try_again_later(member: Any, service: PushService) -> None:
    subscribe(member, service, "phone")
    service.statuses["phone"] = 503
    deliveries_enqueue([notification(member)])
    send_due()
    assert Delivery.objects.get().status == "pending"


def test_a_member_without_devices_is_a_visible_failure(member: Any, service: PushService) -> None:
    deliveries_enqueue([notification(member)])
    send_due()
    assert Delivery.objects.get().last_error == "no-push-subscription"


def test_endpoints_outside_the_known_push_services_are_refused(member: Any, settings: Any) -> None:
    settings.REDBROLLY_PUSH_HOSTS = ["fcm.googleapis.com"]
    with pytest.raises(ValidationError):
        push_subscription_save(user=member, endpoint="http://10.0.0.5/admin", p256dh="x", auth="y")
    assert PushSubscription.objects.count() == 0
