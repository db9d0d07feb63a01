"""Local stand-ins for the providers, for tests and benchmarks: real sockets, real protocols.

- `SmsProvider`: an HTTP server speaking Twilio's Messages API. Like a provider with
  idempotency support, a repeated `Idempotency-Key` gets the first message back, not a
  second one; `repeats` counts how often that happened. `fail_next()` fails on demand.
- `PushService`: an HTTP server acting as a browser push service (records encrypted bodies).
- `Mailbox` + `smtp_server()`: an aiosmtpd SMTP server that, like a receiving MTA or mail
  client, files a message once per Message-ID and counts the repeats.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>[^/]+)/Messages\.json$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SmsMessage:
    sid: str
    to: str
    sender: str
    body: str
    status_callback: str
    key: str


@dataclass
class SmsProvider:
    account_sid: str = "AC" + "0" * 32
    auth_token: str = "test-auth-token"
    messages: list[SmsMessage] = field(default_factory=list)
    by_key: dict[str, SmsMessage] = field(default_factory=dict)
    repeats: int = 0
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def fail_next(self, count: int = 1, status: int = 503, code: int = 20500) -> None:
        """The next `count` requests get `status` (503: retry later; 400: refused)."""
        self.failures.extend([(status, {"code": code, "message": "failed on demand"})] * count)

    def accept(self, form: dict[str, str], key: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if self.failures:
                return self.failures.pop(0)
            if key and key in self.by_key:
                self.repeats += 1
                return 200, self.answer(self.by_key[key])
            message = SmsMessage(
                sid="SM" + secrets.token_hex(16),
                to=form.get("To", ""),
                sender=form.get("From", form.get("MessagingServiceSid", "")),
                body=form.get("Body", ""),
                status_callback=form.get("StatusCallback", ""),
                key=key,
            )
            self.messages.append(message)
            if key:
                self.by_key[key] = message
            return 201, self.answer(message)

    def answer(self, message: SmsMessage) -> dict[str, Any]:
        return {"sid": message.sid, "status": "queued", "to": message.to, "body": message.body}

    def authorised(self, header: str, sid: str) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return sid == self.account_sid and header == f"Basic {expected}"


def sms_handler(provider: SmsProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real providers allow
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs add 40 ms to every request on a kept-alive connection.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            raw = self.rfile.read(length).decode()
            found = MESSAGES_PATH.match(self.path)
            if not found:
                return self.reply(404, {"code": 20404, "message": "not found"})
            if not provider.authorised(self.headers.get("Authorization", ""), found["sid"]):
                return self.reply(401, {"code": 20003, "message": "authenticate"})
            form = {name: values[0] for name, values in parse_qs(raw).items()}
            if not form.get("To") or not form.get("Body"):
                return self.reply(400, {"code": 21604, "message": "To and Body are required"})
            self.reply(*provider.accept(form, self.headers.get("Idempotency-Key", "")))

        def reply(self, status: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # request lines would carry numbers into the logs

    return Handler


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def sms_provider(provider: SmsProvider | None = None) -> Iterator[SmsProvider]:
    provider = provider or SmsProvider()
    with serving(sms_handler(provider)) as url:
        provider.url = url
        yield provider


def sms_settings(provider: SmsProvider) -> dict[str, str]:
    """What a deployment would put in its environment to use this provider."""
    return {
        "REDBROLLY_SMS_BASE_URL": provider.url,
        "REDBROLLY_SMS_ACCOUNT_SID": provider.account_sid,
        "REDBROLLY_SMS_AUTH_TOKEN": provider.auth_token,
        "REDBROLLY_SMS_FROM": "+447700900000",
    }


@dataclass
class PushRequest:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushService:
    received: list[PushRequest] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    url: str = ""

    def endpoint(self, device: str) -> str:
        return f"{self.url}/push/{device}"


def push_handler(service: PushService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            device = self.path.rsplit("/", 1)[-1]
            status = service.statuses.get(device, 201)
            if status < 300:
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.received.append(PushRequest(self.path, headers, body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def push_service() -> Iterator[PushService]:
    service = PushService()
    with serving(push_handler(service)) as url:
        service.url = url
        yield service


class Mailbox:
    """Files each Message-ID once, as a receiving mail system does; counts the repeats."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.by_id: dict[str, Any] = {}
        self.received = 0
        self.lock = threading.Lock()

    @property
    def repeats(self) -> int:
        return self.received - len(self.messages)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.received += 1
            key = str(message.get("Message-ID", "")) or f"no-id-{self.received}"
            if key not in self.by_id:
                self.by_id[key] = message
                self.messages.append(message)
        return "250 OK"


@contextmanager
def smtp_server(mailbox: Mailbox | None = None) -> Iterator[tuple[Mailbox, int]]:
    from aiosmtpd.controller import Controller

    mailbox = mailbox or Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
