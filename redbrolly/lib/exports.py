"""A member's own data, gathered from every app for download (accounts.services).

Each app that holds data about a member adds a function to `COLLECTORS` in its AppConfig
`ready()`; this module only walks them, so accounts depends on no other domain app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

COLLECTORS: dict[str, Callable[[Any], Any]] = {}


def register(name: str, collector: Callable[[Any], Any]) -> None:
    COLLECTORS[name] = collector


def collect_member_data(user: Any) -> dict[str, Any]:
    return {name: collector(user) for name, collector in sorted(COLLECTORS.items())}
