from __future__ import annotations

import logging
import signal
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from redbrolly.lib import jobs

logger = logging.getLogger("redbrolly.worker")


class Command(BaseCommand):
    help = "Run background jobs (deliveries, reminders, retention) until stopped."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="run every job once and exit")

    def handle(self, *args: Any, once: bool, **options: Any) -> None:
        if once:
            self.stdout.write(f"Ran {len(jobs.run_due())} job(s).")
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("worker started with %d job(s)", len(jobs.REGISTRY))
        while not self.stopping:
            close_old_connections()
            jobs.run_due()
            time.sleep(min(settings.REDBROLLY_WORKER_SLEEP, 1))
        logger.info("worker stopped")

    def stop(self, *args: Any) -> None:
        self.stopping = True
