"""Time one alert's email fan-out to 10,000 members against a bare smtplib loop.

    cd /work/main && .venv/bin/python -m bench.fanout [--members 10000]

Both sides send the same 10,000 messages (same recipients, subject and body) over one SMTP
connection to the same local aiosmtpd server, which runs in its own process like a real MTA.
The bare loop builds each message with the standard library's `email` package and sends it
with `smtplib`, as a hand-written script would; a third timing sends messages serialised
before the clock starts, to show the floor set by the SMTP exchange itself.
Our side is the whole outbox path: claim batches, decrypt each row, build the message with
Message-ID and List-Unsubscribe, send, and record each outcome row by row. The data lives in
a throwaway SQLite file; nothing touches the development or test databases.
Goal: the fan-out takes at most 2x the bare loop.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def configure(workdir: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "redbrolly.settings",
            "REDBROLLY_ENV": "test",
            "REDBROLLY_VAR_DIR": str(workdir / "var"),
            "DATABASE_URL": f"sqlite:///{workdir / 'fanout.sqlite3'}",
            "SECRET_KEY": "bench-fanout-secret-key-not-for-production-0123456789",
            "REDBROLLY_ENCRYPTION_KEYS": "b1:YmVuY2gtZmFub3V0LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24",
            "REDBROLLY_INDEX_KEY": "bench-fanout-index-key-not-for-production",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()


def smtp_server(port: int) -> subprocess.Popen[bytes]:
    """aiosmtpd in its own process, discarding what it receives (a Sink)."""
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink"]
    server = subprocess.Popen([*command, "-l", f"127.0.0.1:{port}"], cwd=ROOT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            smtplib.SMTP("127.0.0.1", port, timeout=1).quit()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the local SMTP server did not start")


def publish(count: int) -> float:
    """`count` members who take email only; returns how long publishing the alert took."""
    from redbrolly.accounts.models import MemberProfile
    from redbrolly.alerts.testing import members, published_alert, staff

    members(count, prefix="fan", sms=False)
    MemberProfile.objects.update(notify_inapp=False)
    drafter, approver = staff("bench-drafter"), staff("bench-approver")
    start = time.perf_counter()
    published_alert(drafter, approver)
    return time.perf_counter() - start


def queued_messages() -> list[tuple[str, str, str]]:
    from redbrolly.notify.models import Delivery

    rows = Delivery.objects.filter(channel="email").order_by("pk")
    return [(row.to, row.subject, row.body) for row in rows]


def bare_loop(messages: list[tuple[str, str, str]], port: int) -> float:
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for to, subject, body in messages:
            message = EmailMessage()
            message["From"] = "redbrolly <no-reply@example.org>"
            message["To"] = to
            message["Subject"] = subject
            message.set_content(body)
            smtp.send_message(message)
    return time.perf_counter() - start


def wire_only(messages: list[tuple[str, str, str]], port: int) -> float:
    """The floor: the same messages serialised before the clock starts, only SMTP timed."""
    ready = []
    for to, subject, body in messages:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "no-reply@example.org", to, subject
        message.set_content(body)
        ready.append((to, message.as_bytes()))
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for to, data in ready:
            smtp.sendmail("no-reply@example.org", [to], data)
    return time.perf_counter() - start


def fan_out(port: int) -> tuple[float, int]:
    from django.conf import settings

    from redbrolly.notify.services import send_due

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    start = time.perf_counter()
    sent = send_due()
    return time.perf_counter() - start, sent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="redbrolly-fanout-") as tmp:
        configure(Path(tmp))
        from django.core.management import call_command

        from redbrolly.notify.testing import free_port

        call_command("migrate", verbosity=0)
        port = free_port()
        server = smtp_server(port)
        try:
            report(args.members, port)
        finally:
            server.terminate()
            server.wait()


def report(members: int, port: int) -> None:
    from redbrolly.notify.models import Delivery

    queued_in = publish(members)
    messages = queued_messages()
    ours, sent = fan_out(port)
    delivered = Delivery.objects.filter(status="sent").count()
    theirs = bare_loop(messages, port)
    floor = wire_only(messages, port)
    line(f"members, emails queued: {members}, {len(messages)}", "")
    line("publish (targeting + queueing rows)", f"{queued_in:8.2f} s")
    line(f"our fan-out (send_due), {sent} sent, {delivered} recorded", f"{ours:8.2f} s")
    line(f"bare smtplib loop, {len(messages)} messages", f"{theirs:8.2f} s")
    line("ratio, ours / bare loop (goal <= 2.0)", f"{ours / theirs:8.2f}")
    line("SMTP exchange alone (messages built beforehand)", f"{floor:8.2f} s")
    line("ratio, ours / SMTP exchange alone", f"{ours / floor:8.2f}")
    line("our throughput", f"{sent / ours:8.0f} messages/s")


def line(label: str, value: Any) -> None:
    print(f"{label:<52} {value}")


if __name__ == "__main__":
    main()
