"""Email through Django's email backend (SMTP from the environment, or any provider)."""

from __future__ import annotations

import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.http import urlencode

from redbrolly.notify.channels import PermanentFailure, TemporaryFailure


def message_id(delivery: Any) -> str:
    """Stable per delivery: a resend after a crash carries the same Message-ID."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    return f"<{delivery.idempotency_key.replace(':', '.')}@{domain}>"


def send(delivery: Any) -> str:
    mid = message_id(delivery)
    message = EmailMessage(
        subject=delivery.subject,
        body=delivery.body,
        to=[delivery.to],
        headers={
            "Message-ID": mid,
            "List-Unsubscribe": f"<{settings.SITE_URL}/me/preferences/>",
            "X-Redbrolly-Delivery": urlencode({"key": delivery.idempotency_key}),
        },
    )
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentFailure("recipient refused") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise TemporaryFailure(type(exc).__name__) from exc
    return mid
