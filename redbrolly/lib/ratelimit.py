"""Fixed-window rate limits kept in the cache (SECURITY.md: automated attackers).

Keys are HMACs of what they count (an account, an API key, a client address), so the
cache never holds an IP address or an identifier in clear; entries expire with their
window. `hit()` counts one (or `cost`) attempt and says whether it is allowed, and if not,
how many seconds until it may be tried again (the API's Retry-After).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest

from redbrolly.lib.crypto import index_key


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def bucket(limit: Limit, subject: str, now: float) -> tuple[str, int]:
    window = int(now // limit.seconds)
    digest = hmac.new(index_key(), f"{limit.name}\x00{subject}".encode(), hashlib.sha256)
    reset_in = limit.seconds - int(now % limit.seconds)
    return f"rl:{limit.name}:{window}:{digest.hexdigest()[:32]}", reset_in


def hit(limits: list[Limit], subject: str, *, cost: int = 1) -> Verdict:
    """Counts against every limit; refused when any would go over (nothing is counted then)."""
    now = time.time()
    keys = [(limit, *bucket(limit, subject, now)) for limit in limits]
    current = cache.get_many([key for _limit, key, _reset in keys])
    for limit, key, reset_in in keys:
        if current.get(key, 0) + cost > limit.count:
            return Verdict(False, reset_in)
    for limit, key, _reset in keys:
        cache.add(key, 0, timeout=limit.seconds + 1)
        cache.incr(key, cost)
    return Verdict(True)


def client_address(request: HttpRequest) -> str:
    """The caller's address, only ever used as a rate-limit subject (hashed, expiring)."""
    return str(request.META.get("REMOTE_ADDR", ""))


def reset_all() -> None:
    """Tests start from empty windows."""
    cache.clear()
