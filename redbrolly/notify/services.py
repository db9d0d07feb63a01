"""The outbox: queue deliveries inside the caller's transaction, send them in the worker."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from redbrolly.notify.channels import PermanentFailure, TemporaryFailure, adapter_for
from redbrolly.notify.models import Delivery

logger = logging.getLogger("redbrolly.notify")

MAX_ATTEMPTS = 6
LEASE = timedelta(minutes=2)
BACKOFF_SECONDS = [30, 120, 600, 1800, 7200]


@dataclass(frozen=True)
class Outgoing:
    """What a caller asks to send; `key` makes queueing idempotent."""

    key: str
    channel: str
    to: str
    body: str
    purpose: str
    subject: str = ""
    recipient: Any = None
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
        recipient=message.recipient,
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
    )


def deliveries_enqueue(messages: list[Outgoing]) -> int:
    """Queues messages in the caller's transaction; a key already queued is skipped."""
    rows = [row_for(message) for message in messages]
    Delivery.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def claim(batch: int) -> list[int]:
    """Takes up to `batch` due rows for this worker; others skip them (SKIP LOCKED)."""
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.due(now).order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:batch])
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENDING, claimed_until=now + LEASE
        )
    return ids


def send_due(batch: int = 200) -> int:
    """Worker job: claim and send due deliveries until none are left. Returns how many."""
    sent = 0
    while ids := claim(batch):
        for delivery in Delivery.objects.filter(pk__in=ids).order_by("pk"):
            sent += deliver(delivery)
    return sent


def deliver(delivery: Delivery) -> int:
    """Sends one claimed delivery and records the outcome at once, row by row."""
    try:
        provider_id = adapter_for(delivery.channel)(delivery)
    except TemporaryFailure as exc:
        return record_failure(delivery, str(exc), permanent=False)
    except PermanentFailure as exc:
        return record_failure(delivery, str(exc), permanent=True)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        provider_id=provider_id[:80],
        attempts=delivery.attempts + 1,
        claimed_until=None,
        last_error="",
    )
    return 1


def record_failure(delivery: Delivery, code: str, *, permanent: bool) -> int:
    attempts = delivery.attempts + 1
    give_up = permanent or attempts >= MAX_ATTEMPTS
    wait = BACKOFF_SECONDS[min(attempts - 1, len(BACKOFF_SECONDS) - 1)]
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED if give_up else Delivery.Status.PENDING,
        attempts=attempts,
        claimed_until=None,
        last_error=code[:200],
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
    )
    logger.warning("delivery %s failed (%s), attempt %s", delivery.pk, code[:60], attempts)
    return 0
