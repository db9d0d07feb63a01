"""Web push (VAPID, RFC 8030/8291/8292) to every device a member turned notifications on for.

The payload is encrypted for the device by pywebpush; the push service sees only ciphertext.
`Topic` is derived from the idempotency key: a push service keeps at most one undelivered
message per topic, so a resend after a crash replaces the first instead of adding one.

Settings: REDBROLLY_VAPID_PRIVATE_KEY (base64url raw key or PEM), REDBROLLY_VAPID_PUBLIC_KEY
(for browsers), REDBROLLY_VAPID_SUBJECT (mailto: or https: contact for push services),
REDBROLLY_PUSH_TTL (seconds a push service keeps an undelivered message).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests
from django.conf import settings
from django.utils import timezone
from pywebpush import WebPushException, webpush

from redbrolly.notify.channels import Adapter, PermanentFailure, TemporaryFailure

GONE = frozenset({404, 410})


def topic(key: str) -> str:
    """32 URL-safe characters, as RFC 8030 allows for Topic."""
    return base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()).decode()[:32]


def payload(delivery: Any) -> str:
    """What the service worker shows; title and body were made discreet by the caller."""
    return json.dumps({"title": delivery.subject, "body": delivery.body, "url": "/alerts/"})


def vapid() -> tuple[str, dict[str, str | int]]:
    private_key = getattr(settings, "REDBROLLY_VAPID_PRIVATE_KEY", "")
    subject = getattr(settings, "REDBROLLY_VAPID_SUBJECT", "")
    if not private_key or not subject:
        raise PermanentFailure("push-not-configured")
    return private_key, {"sub": subject}


def push_one(subscription: Any, delivery: Any, http: requests.Session | None) -> str:
    """'sent', 'gone' or 'retry' for one device."""
    private_key, claims = vapid()
    try:
        webpush(
            subscription.as_webpush(),
            data=payload(delivery),
            vapid_private_key=private_key,
            vapid_claims=dict(claims),
            ttl=int(getattr(settings, "REDBROLLY_PUSH_TTL", 86400)),
            headers={"Topic": topic(delivery.idempotency_key), "Urgency": "high"},
            timeout=10,
            requests_session=http,
        )
    except WebPushException as exc:
        status = getattr(exc.response, "status_code", None)
        return "gone" if status in GONE else "retry"
    except requests.RequestException:
        return "retry"
    return "sent"


def send(delivery: Any, http: requests.Session | None = None) -> str:
    from redbrolly.notify.models import PushSubscription

    devices = list(PushSubscription.objects.filter(user_id=delivery.recipient_id))
    if not devices:
        raise PermanentFailure("no-push-subscription")
    outcomes = {device.pk: push_one(device, delivery, http) for device in devices}
    record(outcomes)
    if "sent" in outcomes.values():
        return f"push-{topic(delivery.idempotency_key)}"
    if "retry" in outcomes.values():
        raise TemporaryFailure("push-service-unavailable")
    raise PermanentFailure("push-subscriptions-gone")


def record(outcomes: dict[int, str]) -> None:
    from redbrolly.notify.models import PushSubscription

    gone = [pk for pk, got in outcomes.items() if got == "gone"]
    PushSubscription.objects.filter(pk__in=gone).delete()
    sent = [pk for pk, got in outcomes.items() if got == "sent"]
    PushSubscription.objects.filter(pk__in=sent).update(last_success_at=timezone.now())


@contextmanager
def session() -> Iterator[Adapter]:
    with requests.Session() as http:
        yield lambda delivery: send(delivery, http)
