"""The outbox: queue deliveries inside the caller's transaction, send them in the worker.

What a crash can and cannot do (docs: "exactly once"):
- Rows are created in the transaction that announces something, so nothing is lost.
- `claim` marks rows `sending` and counts the attempt *before* any provider call, under a
  lease; a worker that dies leaves its rows to be taken again when the lease runs out.
- Each outcome is recorded right after its provider call, row by row, so a crash can
  leave at most the message in flight sent-but-unrecorded. That one is sent again with the
  same idempotency key (SMTP Message-ID, SMS `Idempotency-Key`, push `Topic`), which is what
  lets the provider or the receiving side recognise it as the same message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.lib import audit
from redbrolly.lib.crypto import blind_index
from redbrolly.notify.channels import (
    Adapter,
    PermanentFailure,
    TemporaryFailure,
    session_for,
)
from redbrolly.notify.models import Delivery, PushSubscription

logger = logging.getLogger("redbrolly.notify")

MAX_ATTEMPTS = 6
BACKOFF_SECONDS = [30, 120, 600, 1800, 7200]
PUSH_ENDPOINT = "notify.push_endpoint"


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "REDBROLLY_DELIVERY_LEASE_SECONDS", 120))


@dataclass(frozen=True)
class Outgoing:
    """What a caller asks to send; `key` makes queueing idempotent."""

    key: str
    channel: str
    to: str
    body: str
    purpose: str
    subject: str = ""
    recipient: Any = None  # a user, or a user's id (fan-outs to thousands pass ids)
    source: Any = None


def row_for(message: Outgoing) -> Delivery:
    source = message.source
    return Delivery(
        idempotency_key=message.key,
        channel=message.channel,
        to=message.to,
        subject=message.subject,
        body=message.body,
        purpose=message.purpose,
        recipient_id=getattr(message.recipient, "pk", message.recipient),
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
    )


def deliveries_enqueue(messages: list[Outgoing]) -> int:
    """Queues messages in the caller's transaction; a key already queued is skipped."""
    rows = [row_for(message) for message in messages]
    Delivery.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def give_up_abandoned(now: Any) -> None:
    """A row whose every attempt died with its worker fails visibly instead of looping."""
    Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_until__lt=now, attempts__gte=MAX_ATTEMPTS
    ).update(status=Delivery.Status.FAILED, claimed_until=None, last_error="worker-died")


def claim(batch: int) -> list[int]:
    """Takes up to `batch` due rows for this worker; others skip them (SKIP LOCKED).

    The attempt is counted here, before sending, so a crash mid-send still counts one.
    """
    now = timezone.now()
    with transaction.atomic():
        give_up_abandoned(now)
        due = Delivery.objects.due(now).order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:batch])
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENDING,
            claimed_until=now + lease(),
            attempts=F("attempts") + 1,
        )
    return ids


def send_due(batch: int = 200) -> int:
    """Worker job: claim and send due deliveries until none are left. Returns how many."""
    sent = 0
    while ids := claim(batch):
        held = Lease(ids)
        rows = Delivery.objects.filter(pk__in=ids).order_by("channel", "pk")
        for channel, group in groupby(rows, key=lambda row: row.channel):
            sent += send_batch(channel, held.renewing(group))
    return sent


class Lease:
    """Keeps a batch's claim alive while a slow provider works through it, so no other
    worker takes a row this one is about to send."""

    def __init__(self, ids: list[int]) -> None:
        self.waiting = set(ids)
        self.renew_at = time.monotonic() + lease().total_seconds() / 2

    def renewing(self, rows: Iterable[Delivery]) -> Iterator[Delivery]:
        for row in rows:
            if time.monotonic() >= self.renew_at:
                self.renew()
            self.waiting.discard(row.pk)
            yield row

    def renew(self) -> None:
        Delivery.objects.filter(pk__in=self.waiting, status=Delivery.Status.SENDING).update(
            claimed_until=timezone.now() + lease()
        )
        self.renew_at = time.monotonic() + lease().total_seconds() / 2


def send_batch(channel: str, deliveries: Iterable[Delivery]) -> int:
    """Sends one channel's claimed rows over one provider session."""
    try:
        opened = session_for(channel)
    except PermanentFailure as exc:
        return sum(record_failure(row, str(exc), permanent=True) for row in deliveries)
    with opened as sender:
        return sum(deliver(row, sender) for row in deliveries)


def deliver(delivery: Delivery, sender: Adapter) -> int:
    """Sends one claimed delivery and records the outcome at once, row by row."""
    try:
        provider_id = sender(delivery)
    except TemporaryFailure as exc:
        return record_failure(delivery, str(exc), permanent=False)
    except PermanentFailure as exc:
        return record_failure(delivery, str(exc), permanent=True)
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        provider_id=provider_id[:80],
        claimed_until=None,
        last_error="",
    )
    return 1


def record_failure(delivery: Delivery, code: str, *, permanent: bool) -> int:
    attempts = max(delivery.attempts, 1)
    give_up = permanent or attempts >= MAX_ATTEMPTS
    wait = BACKOFF_SECONDS[min(attempts - 1, len(BACKOFF_SECONDS) - 1)]
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.FAILED if give_up else Delivery.Status.PENDING,
        attempts=attempts,
        claimed_until=None,
        last_error=code[:200],
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
    )
    logger.warning("delivery %s failed (%s), attempt %s", delivery.pk, code[:60], attempts)
    return 0


@transaction.atomic
def deliveries_cancel(*, source: Any) -> int:
    """Stops what is still waiting for `source` (a withdrawn alert): nothing is sent late."""
    waiting = Delivery.objects.filter(
        source_type=source._meta.label_lower,
        source_id=str(source.pk),
        status=Delivery.Status.PENDING,
    )
    return waiting.update(status=Delivery.Status.CANCELLED, claimed_until=None)


# Provider status words (Twilio's) and what they make of a delivery. Later states never go
# back: a "sent" callback arriving after "delivered" changes nothing.
PROVIDER_STATUSES = {
    "sent": Delivery.Status.SENT,
    "delivered": Delivery.Status.DELIVERED,
    "undelivered": Delivery.Status.FAILED,
    "failed": Delivery.Status.FAILED,
}
MAY_BECOME = {
    Delivery.Status.SENT: [Delivery.Status.PENDING, Delivery.Status.SENDING],
    Delivery.Status.DELIVERED: [
        Delivery.Status.PENDING,
        Delivery.Status.SENDING,
        Delivery.Status.SENT,
        Delivery.Status.FAILED,
    ],
    Delivery.Status.FAILED: [
        Delivery.Status.PENDING,
        Delivery.Status.SENDING,
        Delivery.Status.SENT,
    ],
}


def delivery_status_record(
    *, channel: str, provider_id: str, delivery_id: int | None, status: str, error: str = ""
) -> int:
    """A provider told us what became of a message (SMS status callbacks). Returns rows changed.

    Not audited per message: the delivery row is itself the record, and callbacks arrive
    by the thousand. Matches by the provider's id, or by our delivery id from the callback
    URL when a crash kept the provider's id from being recorded.
    """
    new = PROVIDER_STATUSES.get(status)
    if new is None:
        return 0
    match = Q(provider_id=provider_id) if provider_id else Q(pk__in=[])
    if delivery_id is not None:
        match |= Q(pk=delivery_id)
    changes: dict[str, Any] = {"status": new, "claimed_until": None}
    if provider_id:
        changes["provider_id"] = provider_id[:80]
    if new == Delivery.Status.FAILED:
        changes["last_error"] = f"{channel}-{error or status}"[:200]
    return Delivery.objects.filter(match, channel=channel, status__in=MAY_BECOME[new]).update(
        **changes
    )


# Push services of the browsers people use. A member's browser names the endpoint, so
# without this list anyone could make our server post to any address (SSRF).
PUSH_HOSTS = (
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    ".push.apple.com",
    ".notify.windows.com",
)


def push_endpoint_allowed(endpoint: str) -> bool:
    parts = urlsplit(endpoint)
    hosts = tuple(getattr(settings, "REDBROLLY_PUSH_HOSTS", PUSH_HOSTS))
    host = (parts.hostname or "").lower()
    listed = any(
        host == allowed or (allowed.startswith(".") and host.endswith(allowed)) for allowed in hosts
    )
    return listed and (parts.scheme == "https" or not settings.PRODUCTION)


@transaction.atomic
def push_subscription_save(*, user: Any, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Stores (or refreshes) one device's push endpoint for `user`."""
    if not push_endpoint_allowed(endpoint):
        raise ValidationError(_("This browser's notification service is not supported."))
    index = blind_index(PUSH_ENDPOINT, endpoint)
    PushSubscription.objects.filter(endpoint_index=index).delete()
    subscription = PushSubscription(
        user=user, endpoint=endpoint, endpoint_index=index, p256dh=p256dh, auth=auth
    )
    subscription.full_clean()
    subscription.save()
    audit.log(user, "notify.push_subscription.saved", subscription)
    return subscription


@transaction.atomic
def push_subscriptions_delete(*, user: Any) -> int:
    """Turns notifications off on every device of `user`."""
    count, _deleted = PushSubscription.objects.filter(user=user).delete()
    audit.log(user, "notify.push_subscription.deleted", count=count)
    return count
