"""Inbound provider webhooks (mounted under /api/v1/ through the alerts router).

They carry no bearer token: the provider signs each request instead (X-Twilio-Signature
over the URL and the form), and an unsigned or wrongly signed request changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Schema, Status

from redbrolly.lib import twilio_signature
from redbrolly.notify import services

router = Router(tags=["providers"])


class Refused(Schema):
    detail: str


def delivery_id(request: HttpRequest) -> int | None:
    raw = request.GET.get("d", "")
    return int(raw) if raw.isdigit() and len(raw) < 19 else None


@router.post("/notify/sms/status", auth=None, response={204: None, 403: Refused})
def sms_status(request: HttpRequest) -> Any:
    """SMS provider delivery status callback (Twilio's StatusCallback form fields)."""
    if not twilio_signature.verify(request, getattr(settings, "REDBROLLY_SMS_AUTH_TOKEN", "")):
        return Status(403, {"detail": "The request is not signed by the SMS provider."})
    services.delivery_status_record(
        channel="sms",
        provider_id=request.POST.get("MessageSid", "")[:80],
        delivery_id=delivery_id(request),
        status=request.POST.get("MessageStatus", ""),
        error=request.POST.get("ErrorCode", "")[:20],
    )
    return Status(204, None)
