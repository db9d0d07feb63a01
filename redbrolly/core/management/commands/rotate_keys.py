from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from redbrolly.lib.keyrotation import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value under the primary key (the first key in "
        "REDBROLLY_ENCRYPTION_KEYS). Run after adding a new key in front; then retire the old."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for label, count in rotate_all():
            self.stdout.write(f"{label}: {count} value(s) re-encrypted")
