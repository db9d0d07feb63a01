"""X-Twilio-Signature: proof that an inbound webhook (SMS, delivery status) came from the provider.

The provider signs the full URL it called followed by every POST parameter, sorted by name,
as name + value, with HMAC-SHA1 keyed by the account's auth token, base64-encoded. The
checker's inbound SMS and the alerts app's delivery callbacks both verify with `verify()`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest

HEADER = "HTTP_X_TWILIO_SIGNATURE"
DEFAULT_PORTS = {"http": 80, "https": 443}


def _sign(url: str, pairs: Iterable[tuple[str, str]], auth_token: str) -> str:
    payload = url + "".join(key + value for key, value in sorted(set(pairs)))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature(url: str, params: dict[str, str], auth_token: str) -> str:
    """The signature the provider sends for a POST of `params` to `url`."""
    return _sign(url, params.items(), auth_token)


def _url_variants(url: str) -> list[str]:
    # Providers sign the URL as configured; proxies may add or drop the default port.
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port
    default = DEFAULT_PORTS.get(parts.scheme)
    if port is None and default is not None:
        other = parts._replace(netloc=f"{parts.netloc}:{default}")
    elif port == default:
        other = parts._replace(netloc=parts.netloc.rsplit(":", 1)[0] or host)
    else:
        return [url]
    return [url, urlunsplit(other)]


def verify(request: HttpRequest, auth_token: str) -> bool:
    """True only when the request carries a valid signature for `auth_token` (never if unset)."""
    given = request.META.get(HEADER, "")
    if not auth_token or not given:
        return False
    # A repeated name is signed once per distinct value, values sorted (Twilio's helper library).
    pairs = [(key, value) for key, values in request.POST.lists() for value in values]
    url = request.build_absolute_uri()
    return any(
        hmac.compare_digest(_sign(variant, pairs, auth_token), given)
        for variant in _url_variants(url)
    )
