"""In-app deliveries need no provider: the member area reads them from the database."""

from __future__ import annotations

from typing import Any


def send(delivery: Any) -> str:
    return f"inapp-{delivery.pk}"
