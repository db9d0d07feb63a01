from __future__ import annotations

from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class OutboxEmailBackend(BaseEmailBackend):
    """Development email backend: messages land in notify.OutboxEmail."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from redbrolly.notify.models import OutboxEmail

        OutboxEmail.objects.bulk_create(
            OutboxEmail(
                to=", ".join(message.to), subject=message.subject[:200], body=str(message.body)
            )
            for message in email_messages
        )
        return len(email_messages)
