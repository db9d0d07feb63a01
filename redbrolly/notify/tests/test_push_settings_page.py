"""Members turn notifications on for a device through a plain form the page's script fills."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from redbrolly.notify.models import PushSubscription

pytestmark = pytest.mark.django_db

SUBSCRIPTION = {
    "endpoint": "https://fcm.googleapis.com/fcm/send/abc123",
    "p256dh": "B" + "x" * 86,
    "auth": "y" * 22,
}


def as_member(member: Any) -> Client:
    client = Client()
    client.force_login(member)
    return client


def test_a_member_turns_notifications_on_and_off(member: Any) -> None:
    client = as_member(member)
    assert "Turn on notifications" in client.get("/me/notifications/").content.decode()
    client.post("/me/notifications/subscribe/", SUBSCRIPTION)
    assert PushSubscription.objects.get().user == member
    client.post("/me/notifications/subscribe/", SUBSCRIPTION)  # the browser asks again
    assert PushSubscription.objects.count() == 1
    client.post("/me/notifications/off/")
    assert not PushSubscription.objects.exists()


def test_a_forged_or_unknown_endpoint_is_refused_with_a_message(member: Any) -> None:
    client = as_member(member)
    for endpoint in (
        "https://169.254.169.254/latest",
        "not a url",
        "http://fcm.googleapis.com.evil.example/x",
    ):
        response = client.post(
            "/me/notifications/subscribe/", {**SUBSCRIPTION, "endpoint": endpoint}
        )
        assert response.status_code == 400
        assert "could not be set up" in response.content.decode()
    assert not PushSubscription.objects.exists()


def test_people_who_are_not_approved_members_cannot_subscribe(people: Any) -> None:
    client = as_member(people("applicant"))
    assert client.post("/me/notifications/subscribe/", SUBSCRIPTION).status_code == 403
