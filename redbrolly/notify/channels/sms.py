"""SMS through a provider's HTTP API, Twilio-style (Twilio itself, or any provider that
speaks the same REST shape; the base URL comes from settings).

`POST {base}/2010-04-01/Accounts/{sid}/Messages.json` with basic auth and the form fields
To, From (or MessagingServiceSid), Body and StatusCallback. Each request carries the
delivery's idempotency key (`Idempotency-Key` header, and in the StatusCallback URL) so a
provider that honours it answers a repeat with the first message instead of a second one.

Settings (read with getattr, so an unconfigured deployment simply cannot send SMS):
REDBROLLY_SMS_BASE_URL, REDBROLLY_SMS_ACCOUNT_SID, REDBROLLY_SMS_AUTH_TOKEN,
REDBROLLY_SMS_FROM, REDBROLLY_SMS_MESSAGING_SERVICE_SID, REDBROLLY_SMS_STATUS_CALLBACK_URL,
REDBROLLY_SMS_TIMEOUT.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings

from redbrolly.notify.channels import Adapter, PermanentFailure, TemporaryFailure

STATUS_CALLBACK_PATH = "/api/v1/notify/sms/status"
# Provider answers worth trying again: throttling, auth being fixed, provider trouble.
RETRY_STATUSES = frozenset({401, 403, 408, 409, 425, 429})


@dataclass(frozen=True)
class SmsConfig:
    base_url: str
    account_sid: str
    auth_token: str
    sender: str
    messaging_service_sid: str
    status_callback_url: str
    timeout: float

    @property
    def messages_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{self.account_sid}/Messages.json"


def config() -> SmsConfig:
    site = settings.SITE_URL.rstrip("/")
    return SmsConfig(
        base_url=getattr(settings, "REDBROLLY_SMS_BASE_URL", "https://api.twilio.com"),
        account_sid=getattr(settings, "REDBROLLY_SMS_ACCOUNT_SID", ""),
        auth_token=getattr(settings, "REDBROLLY_SMS_AUTH_TOKEN", ""),
        sender=getattr(settings, "REDBROLLY_SMS_FROM", ""),
        messaging_service_sid=getattr(settings, "REDBROLLY_SMS_MESSAGING_SERVICE_SID", ""),
        status_callback_url=getattr(
            settings, "REDBROLLY_SMS_STATUS_CALLBACK_URL", site + STATUS_CALLBACK_PATH
        ),
        timeout=float(getattr(settings, "REDBROLLY_SMS_TIMEOUT", 10)),
    )


def status_callback(cfg: SmsConfig, delivery: Any) -> str:
    """Names the delivery, so a status can be matched even before its sid was recorded."""
    return f"{cfg.status_callback_url}?{urlencode({'d': delivery.pk})}" if delivery.pk else ""


def form_for(cfg: SmsConfig, delivery: Any) -> dict[str, str]:
    form = {"To": delivery.to, "Body": delivery.body}
    if cfg.messaging_service_sid:
        form["MessagingServiceSid"] = cfg.messaging_service_sid
    else:
        form["From"] = cfg.sender
    if callback := status_callback(cfg, delivery):
        form["StatusCallback"] = callback
    return form


def send(delivery: Any, http: requests.Session | None = None) -> str:
    cfg = config()
    if not cfg.account_sid or not (cfg.sender or cfg.messaging_service_sid):
        if getattr(settings, "REDBROLLY_SMS_OUTBOX", False):
            return kept_in_outbox(delivery)
        raise PermanentFailure("sms-not-configured")
    try:
        response = (http or requests).post(
            cfg.messages_url,
            data=form_for(cfg, delivery),
            auth=(cfg.account_sid, cfg.auth_token),
            headers={"Idempotency-Key": delivery.idempotency_key, "Accept": "application/json"},
            timeout=cfg.timeout,
        )
    except requests.RequestException as exc:
        raise TemporaryFailure(type(exc).__name__) from exc
    return message_sid(response)


def kept_in_outbox(delivery: Any) -> str:
    """Development without a provider: the text waits in the outbox, as email does."""
    from redbrolly.notify.models import OutboxEmail

    kept = OutboxEmail.objects.create(
        channel=OutboxEmail.Channel.SMS, to=delivery.to, subject="", body=delivery.body
    )
    return f"outbox-{kept.pk}"


def message_sid(response: requests.Response) -> str:
    if response.status_code >= 500 or response.status_code in RETRY_STATUSES:
        raise TemporaryFailure(f"sms-http-{response.status_code}")
    try:
        payload = response.json()
    except ValueError:
        payload = {}
    if response.status_code >= 400:
        # Twilio's numeric codes (21211 invalid number, 21610 opted out...) say nothing personal.
        raise PermanentFailure(f"sms-rejected-{payload.get('code', response.status_code)}")
    sid = str(payload.get("sid", ""))
    if not sid:
        raise TemporaryFailure("sms-no-sid")
    return sid


@contextmanager
def session() -> Iterator[Adapter]:
    """One keep-alive HTTP connection pool for a batch."""
    with requests.Session() as http:
        # Proxy settings from the environment, read once: requests would otherwise re-read
        # every environment variable on every message.
        http.proxies = requests.utils.get_environ_proxies(config().messages_url)
        http.trust_env = False
        yield lambda delivery: send(delivery, http)
