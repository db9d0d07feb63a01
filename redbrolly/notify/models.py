from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import BlindIndexField, EncryptedTextField


class OutboxEmail(models.Model):
    """A message kept in the database instead of sent: email when no SMTP server is
    configured, and in development text messages when no SMS provider is.

    Lets `make run` show every message the system would send; staff read them at
    /staff/outbox/. Recipients and bodies are encrypted like any contact detail.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("Text message")

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    to = EncryptedTextField()
    subject = models.CharField(max_length=200)
    body = EncryptedTextField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def due(self, now: Any = None) -> DeliveryQuerySet:
        """Waiting to be sent now, or claimed by a worker whose lease ran out (it died)."""
        now = now or timezone.now()
        waiting = models.Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
        abandoned = models.Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        return self.filter(waiting | abandoned)


class Delivery(models.Model):
    """One message to one person over one channel: the outbox row that makes sending
    durable and countable (DESIGN.md, "Delivery").

    Rows are created in the same transaction as the thing they announce (an alert being
    published, an invitation falling due), so nothing is lost; `idempotency_key` is unique,
    so nothing is queued twice; workers claim rows with a lease and record each outcome.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("Text message")
        PUSH = "push", _("Notification")
        INAPP = "inapp", _("Member area")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    idempotency_key = models.CharField(max_length=120, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    purpose = models.CharField(max_length=40, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    to = EncryptedTextField(blank=True)
    subject = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    source_type = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(max_length=80, blank=True, db_index=True)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["source_type", "source_id"])]
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.channel} delivery {self.pk} ({self.status})"


class PushSubscription(models.Model):
    """One browser's web push endpoint for a member's device (notify.channels.push).

    The endpoint URL and keys are encrypted like any contact detail: together they let
    anyone with a VAPID key reach that device. `endpoint_index` finds a row again when the
    browser re-subscribes, so one device never gets the same alert twice.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = EncryptedTextField()
    endpoint_index = BlindIndexField(unique=True)
    p256dh = EncryptedTextField()
    auth = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"push subscription {self.pk}"

    def as_webpush(self) -> dict[str, Any]:
        """The shape pywebpush takes."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
