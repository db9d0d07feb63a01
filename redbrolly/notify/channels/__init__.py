"""Channel adapters: each turns one Delivery into one message at a provider.

An adapter is a callable `send(delivery) -> str` returning the provider's message id, or
raising `TemporaryFailure` (try again later) or `PermanentFailure` (give up now). Errors
carry a short code, never the message or the address.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


Adapter = Callable[[Any], str]

DEFAULT_ADAPTERS = {
    "email": "redbrolly.notify.channels.email.send",
    "inapp": "redbrolly.notify.channels.inapp.send",
}


def adapter_for(channel: str) -> Adapter:
    paths = {**DEFAULT_ADAPTERS, **getattr(settings, "REDBROLLY_CHANNEL_ADAPTERS", {})}
    if channel not in paths:
        raise PermanentFailure(f"no adapter for channel {channel}")
    return import_string(paths[channel])  # type: ignore[no-any-return]
