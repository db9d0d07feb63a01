"""Channel adapters: each turns one Delivery into one message at a provider.

An adapter is a callable `send(delivery) -> str` returning the provider's message id, or
raising `TemporaryFailure` (try again later) or `PermanentFailure` (give up now). Errors
carry a short code, never the message or the address.

An adapter's module may also define `session()`: a context manager yielding a `send` that
reuses one connection (an SMTP session, an HTTP keep-alive pool) for a whole batch. The
worker uses it when present; one message per connection is many times slower.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
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
    "sms": "redbrolly.notify.channels.sms.send",
    "push": "redbrolly.notify.channels.push.send",
    "inapp": "redbrolly.notify.channels.inapp.send",
}


def adapter_for(channel: str) -> Adapter:
    paths = {**DEFAULT_ADAPTERS, **getattr(settings, "REDBROLLY_CHANNEL_ADAPTERS", {})}
    if channel not in paths:
        raise PermanentFailure(f"no adapter for channel {channel}")
    return import_string(paths[channel])  # type: ignore[no-any-return]


def session_for(channel: str) -> AbstractContextManager[Adapter]:
    """A sender for a batch on one channel: the module's `session()` if it has one."""
    adapter = adapter_for(channel)
    module = sys.modules.get(adapter.__module__)
    opener = getattr(module, "session", None)
    if opener is None or getattr(module, "send", None) is not adapter:
        return nullcontext(adapter)
    return opener()  # type: ignore[no-any-return]
