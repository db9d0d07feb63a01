"""Publishing to 2,000 members gives each opted-in member exactly one email and one text, even
when the worker is killed (SIGKILL) in the middle of sending and started again.

Real parts throughout: `manage.py worker` as a subprocess on a throwaway database (a SQLite
file, or its own PostgreSQL database when the suite runs on PostgreSQL, where workers claim
rows with SKIP LOCKED), an aiosmtpd SMTP server and the local Twilio-style SMS provider.
What "exactly one" rests on: every row is marked `sending` before its provider call and
recorded right after it, so a kill leaves at most the one message in flight sent-but-
unrecorded; the restarted worker sends that one again with the same key (Message-ID,
Idempotency-Key), and the receiving side files it once per key, as a mail system and an
idempotent provider do. The test counts both: messages filed per member (exactly one) and
raw repeats on the wire (at most the one in flight per channel).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from redbrolly.notify.testing import Mailbox, sms_provider, smtp_server

MEMBERS = 2000
ROOT = Path(__file__).resolve().parents[3]


@contextmanager
def throwaway_database(tmp: Path) -> Iterator[str]:
    """The URL of a database of its own, on the backend the suite runs on, dropped after."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'fanout.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(suite)
    name = f"redbrolly_fanout_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def environment(database_url: str, tmp: Path, smtp_port: int, provider: Any) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "redbrolly.alerts.tests.fanout_settings",
        "REDBROLLY_ENV": "test",
        "REDBROLLY_VAR_DIR": str(tmp / "var"),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "fanout-test-secret-key-not-for-production-0123456789",
        "REDBROLLY_ENCRYPTION_KEYS": "t1:ZmFub3V0LXRlc3Qta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg",
        "REDBROLLY_INDEX_KEY": "fanout-test-index-key-not-for-production",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "TEST_SMS_BASE_URL": provider.url,
        "TEST_SMS_ACCOUNT_SID": provider.account_sid,
        "TEST_SMS_AUTH_TOKEN": provider.auth_token,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


COUNT_BY_STATUS = "select status, count(*) from notify_delivery group by status"


def statuses(database_url: str) -> Counter[str]:
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
            return Counter(dict(db.execute(COUNT_BY_STATUS).fetchall()))
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as db:
        return Counter(dict(db.execute(COUNT_BY_STATUS).fetchall()))


def wait_for(database: str, done: Any, timeout: float) -> Counter[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = statuses(database)
        if done(counts):
            return counts
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting; deliveries are {dict(statuses(database))}")


def worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killing_the_worker_mid_send_still_gives_each_member_one_email_and_one_text(
    tmp_path: Path,
) -> None:
    mailbox = Mailbox()
    with (
        throwaway_database(tmp_path) as database,
        smtp_server(mailbox) as (_box, port),
        sms_provider() as provider,
    ):
        env = environment(database, tmp_path, port, provider)
        setup = "from django.core.management import call_command; import json; "
        setup += "call_command('migrate', verbosity=0); "
        setup += "from redbrolly.alerts.testing import fanout_setup; "
        setup += f"print(json.dumps(fanout_setup({MEMBERS}, inapp=False)))"
        queued = json.loads(manage(env, "shell", "-c", setup).strip().splitlines()[-1])
        total = sum(queued.values())

        first = worker(env)
        wait_for(database, lambda c: c["sent"] >= total * 0.3, timeout=60)
        first.send_signal(signal.SIGKILL)
        first.wait()
        at_kill = statuses(database)
        assert 0 < at_kill["sent"] < total, "the kill must land in the middle of sending"

        second = worker(env)
        try:
            final = wait_for(database, lambda c: c["sent"] == total, timeout=60)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=20)

    assert final == Counter({"sent": total})
    opted_in_email = MEMBERS - MEMBERS // 10
    opted_in_sms = MEMBERS - MEMBERS // 10
    assert queued == {"email": opted_in_email, "sms": opted_in_sms}

    emails_per_person = Counter(str(message["To"]) for message in mailbox.messages)
    assert len(emails_per_person) == opted_in_email
    assert set(emails_per_person.values()) == {1}
    texts_per_person = Counter(message.to for message in provider.messages)
    assert len(texts_per_person) == opted_in_sms
    assert set(texts_per_person.values()) == {1}
    # On the wire: at most the one message in flight per channel was sent twice.
    assert mailbox.repeats <= 1
    assert provider.repeats <= 1
