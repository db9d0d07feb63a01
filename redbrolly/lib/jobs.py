"""Background jobs the worker runs: outbox senders, reminders and periodic clean-ups.

An app registers a job in its AppConfig `ready()`:

    jobs.register("alerts.deliveries", every=2)(send_due_deliveries)

Each job is idempotent and takes no arguments: it finds its own due work in the database
(durable rows), so a crash or restart loses nothing and running twice changes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger("redbrolly.worker")


@dataclass
class Job:
    name: str
    every: float
    run: Callable[[], object]
    next_at: float = field(default=0.0)


REGISTRY: dict[str, Job] = {}


def register(name: str, *, every: float) -> Callable[[Callable[[], object]], Callable[[], object]]:
    def decorator(function: Callable[[], object]) -> Callable[[], object]:
        REGISTRY[name] = Job(name=name, every=every, run=function)
        return function

    return decorator


def run_due(now: float | None = None) -> list[str]:
    """Runs every job whose time has come; one failing job never stops the others."""
    now = time.monotonic() if now is None else now
    ran = []
    for job in REGISTRY.values():
        if job.next_at > now:
            continue
        job.next_at = now + job.every
        try:
            job.run()
        except Exception:
            # Ids and counts only are ever logged by jobs; the traceback names code, not data.
            logger.exception("job %s failed", job.name)
        ran.append(job.name)
    return ran
