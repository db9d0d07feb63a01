from __future__ import annotations

from django.db import models
from django.utils import timezone

from redbrolly.lib.crypto import EncryptedTextField


class OutboxEmail(models.Model):
    """Email kept in the database instead of sent, when no SMTP server is configured.

    Lets `make run` show every message the system would send; staff read them at
    /staff/outbox/. Recipients and bodies are encrypted like any contact detail.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    to = EncryptedTextField()
    subject = models.CharField(max_length=200)
    body = EncryptedTextField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
