"""Email through Django's email backend (SMTP from the environment, or any provider).

Any backend works: SMTP, or a provider through django-anymail (set EMAIL_BACKEND). The
Message-ID is derived from the delivery's idempotency key, so a message re-sent after a
crash carries the same id and the receiving side can recognise it as the same message.

For a batch over Django's own SMTP backend the worker serialises each message itself and
hands it to the backend's open SMTP session: Django's (and the standard library's) message
classes re-parse and re-fold every address and header, which cost more than the SMTP
exchange itself in bench/fanout.py. Any other backend gets Django's EmailMessage.
"""

from __future__ import annotations

import quopri
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from email.header import Header
from email.utils import formataddr, formatdate, parseaddr
from functools import cache, lru_cache
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.urls import reverse
from django.utils.http import urlencode

from redbrolly.notify.channels import Adapter, PermanentFailure, TemporaryFailure


def message_id(delivery: Any) -> str:
    """Stable per delivery: a resend after a crash carries the same Message-ID."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    return f"<{delivery.idempotency_key.replace(':', '.')}@{domain}>"


@cache
def preferences_path() -> str:
    return reverse("accounts:preferences")


def preferences_url() -> str:
    return f"{settings.SITE_URL.rstrip('/')}{preferences_path()}"


def with_preferences_link(body: str) -> str:
    """Every email says where to change or stop them (callers usually add it themselves)."""
    link = preferences_url()
    return body if link in body else f"{body}\n\n-- \n{link}"


def headers(delivery: Any) -> dict[str, str]:
    return {
        "Message-ID": message_id(delivery),
        "List-Unsubscribe": f"<{preferences_url()}>",
        "X-Redbrolly-Delivery": urlencode({"key": delivery.idempotency_key}),
    }


def build(delivery: Any, connection: Any = None) -> EmailMessage:
    return EmailMessage(
        subject=delivery.subject,
        body=with_preferences_link(delivery.body),
        to=[delivery.to],
        connection=connection,
        headers=headers(delivery),
    )


def header(value: str) -> str:
    if "\r" in value or "\n" in value:
        raise ValueError("line break in a header")
    return value if value.isascii() else Header(value, "utf-8").encode()


@lru_cache(maxsize=64)
def encoded_body(body: str) -> bytes:
    """Quoted-printable UTF-8 with CRLF lines; made once per distinct body, and a fan-out
    sends only a few (one per language and mode)."""
    text = body.replace("\r\n", "\n").encode("utf-8")
    return quopri.encodestring(text).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


@lru_cache(maxsize=4)
def sender(from_email: str) -> tuple[str, str]:
    """(From header, envelope sender) for DEFAULT_FROM_EMAIL."""
    name, address = parseaddr(from_email)
    return formataddr((name, address), charset="utf-8"), address


def raw(delivery: Any) -> bytes:
    """The same message as `build`, serialised directly: the values are ours and checked."""
    lines = [
        f"From: {sender(settings.DEFAULT_FROM_EMAIL)[0]}",
        f"To: {header(delivery.to)}",
        f"Subject: {header(delivery.subject)}",
        f"Date: {formatdate(localtime=True)}",
        *(f"{name}: {header(value)}" for name, value in headers(delivery).items()),
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    body = encoded_body(with_preferences_link(delivery.body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def over(connection: Any, delivery: Any) -> None:
    reopen(connection)
    session = getattr(connection, "connection", None)
    if isinstance(connection, SmtpBackend) and session is not None and delivery.to.isascii():
        session.sendmail(sender(settings.DEFAULT_FROM_EMAIL)[1], [delivery.to], raw(delivery))
    else:
        connection.send_messages([build(delivery, connection)])


def send(delivery: Any, connection: Any = None) -> str:
    try:
        if connection is None:
            build(delivery).send(fail_silently=False)
        else:
            over(connection, delivery)
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentFailure("recipient refused") from exc
    except ValueError as exc:  # an address or header no mail system would take
        raise PermanentFailure("malformed message") from exc
    except (smtplib.SMTPException, OSError) as exc:
        if connection is not None:
            # The session may be broken; the next message opens a fresh one.
            with suppress(smtplib.SMTPException, OSError):
                connection.close()
        raise TemporaryFailure(type(exc).__name__) from exc
    return message_id(delivery)


def reopen(connection: Any) -> None:
    # SMTP backends keep the socket in `.connection`; None means closed (or never opened),
    # and send_messages would then open and close one per message.
    if getattr(connection, "connection", "") is None:
        connection.open()


@contextmanager
def session() -> Iterator[Adapter]:
    """One SMTP (or provider) connection for a whole batch of deliveries."""
    connection = get_connection(fail_silently=False)
    try:
        yield lambda delivery: send(delivery, connection)
    finally:
        with suppress(smtplib.SMTPException, OSError):
            connection.close()
