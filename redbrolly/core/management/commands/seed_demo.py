from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from redbrolly.core import demo


class Command(BaseCommand):
    help = "Seed realistic, fictional demo data (idempotent; skips when already seeded)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="seed again even if current")
        parser.add_argument("--quiet-logins", action="store_true")

    def handle(self, *args: Any, force: bool, quiet_logins: bool, **options: Any) -> None:
        seeded = demo.seed(force=force)
        self.stdout.write("Demo data seeded." if seeded else "Demo data already current.")
        if not quiet_logins:
            self.stdout.write(demo.demo_logins())
