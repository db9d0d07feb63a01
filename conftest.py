"""Shared fixtures: personas, planted sensitive values, and the log scan.

Every value a test plants with `planted(...)` must never appear in any log record emitted
during the whole run; the session fails at the end if one does (SECURITY.md, "Logging").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest

from redbrolly.lib import testing

# Property tests explore new examples on every `make test`; the CI gate (.ci/run sets
# HYPOTHESIS_PROFILE=ci) replays the same examples every run, so a gate result is reproducible
# and a new find shows up on a developer's run, where it can be fixed, not as a random block.
hypothesis.settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PLANTED: set[str] = set()
LEAKS_DIR_ENV = "REDBROLLY_LEAKS_DIR"
CAPTURED: list[str] = []


class CaptureEverything(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:
            text = str(record.msg)
        CAPTURED.append(text)


def pytest_configure(config: pytest.Config) -> None:
    import os
    from pathlib import Path

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        for stale in Path(os.environ.get(LEAKS_DIR_ENV, "var/test-leaks")).glob("gw*.txt"):
            stale.unlink()
    handler = CaptureEverything(level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger("redbrolly").setLevel(logging.DEBUG)
    logging.getLogger("django").setLevel(logging.DEBUG)
    logging.getLogger("django.template").setLevel(logging.INFO)


def leaked_values() -> list[str]:
    joined = "\n".join(CAPTURED)
    return sorted(value for value in PLANTED if value and value in joined)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fails the run when a planted value was logged; with pytest-xdist each worker writes
    what it found to a shared folder and the controller, finishing last, reads them all."""
    import os
    from pathlib import Path

    leaks = leaked_values()
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    folder = Path(os.environ.get(LEAKS_DIR_ENV, "var/test-leaks"))
    if worker:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{worker}.txt").write_text("\n".join(leaks))
        return
    for found in folder.glob("gw*.txt") if folder.exists() else []:
        leaks += [line for line in found.read_text().splitlines() if line]
        found.unlink()
    if leaks:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"SENSITIVE VALUES FOUND IN LOGS: {len(leaks)} planted value(s) were logged "
                f"(first starts {leaks[0][:4]!r}); see conftest.py",
                red=True,
            )
        session.exitstatus = 1


@pytest.fixture
def planted() -> Callable[[str], str]:
    """Register a sensitive value: the run fails if any log record ever contains it."""

    def plant(value: str) -> str:
        PLANTED.add(value)
        return value

    return plant


@pytest.fixture
def people(db: Any) -> Callable[..., Any]:
    """people("member", "moderator") -> the named personas, created on first use."""
    made: dict[str, Any] = {}

    def get(*names: str) -> Any:
        for name in names:
            if name not in made:
                made[name] = testing.persona(name)
        found = [made[name] for name in names]
        return found[0] if len(found) == 1 else found

    return get


@pytest.fixture
def member(people: Callable[..., Any]) -> Any:
    return people("member")


@pytest.fixture
def moderator(people: Callable[..., Any]) -> Any:
    return people("moderator")


@pytest.fixture
def admin_person(people: Callable[..., Any]) -> Any:
    return people("admin")


@pytest.fixture(autouse=True)
def fresh_keys() -> Iterator[None]:
    from redbrolly.lib.crypto import reset_key_cache

    reset_key_cache()
    yield
    reset_key_cache()


class Mailbox:
    """What the local SMTP server received, as parsed email messages."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[Mailbox]:
    """A real SMTP server (aiosmtpd) on a free local port, with Django pointed at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # aiosmtpd logs every recipient address at INFO; our log scan would rightly object.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield mailbox
    controller.stop()


@pytest.fixture
def wsgi_keeps_test_connection() -> Iterator[None]:
    """For tests that call the WSGI app directly (Schemathesis): like Django's test client,
    keep the request signals from closing the connection the test's transaction lives on
    (PostgreSQL)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fresh_checker_state() -> Iterator[None]:
    """Rate-limit windows and the checker's remembered policy never leak between tests (the
    checker's tests use it always; others that look numbers up ask for it)."""
    from redbrolly.checker.selectors import forget_rules
    from redbrolly.lib import ratelimit

    ratelimit.reset_all()
    forget_rules()
    yield
    ratelimit.reset_all()
    forget_rules()
