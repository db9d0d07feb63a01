"""Receipt codes for reporters without an account (SECURITY.md, "Anonymous reporting").

A receipt is 16 random digits, shown once. The database keeps only a slow hash of it plus a
keyed HMAC of its first digits (`lookup`), so finding the row is one indexed query and proving
the code is one slow-hash check. A wrong code costs the same whether or not a report exists.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

from redbrolly.lib.crypto import index_key

DIGITS = 16
LOOKUP_DIGITS = 6
_NOT_DIGIT = re.compile(r"[^0-9]")


def receipt_new() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(DIGITS))


def receipt_clean(text: str) -> str | None:
    """Digits only, whatever spaces or dashes were typed; None unless exactly 16 digits."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    digits = _NOT_DIGIT.sub("", text)
    return digits if len(digits) == DIGITS else None


def receipt_display(receipt: str) -> str:
    return " ".join(receipt[i : i + 4] for i in range(0, DIGITS, 4))


def receipt_lookup(receipt: str) -> str:
    message = b"receipt\x00" + receipt[:LOOKUP_DIGITS].encode()
    return hmac.new(index_key(), message, hashlib.sha256).hexdigest()


class ReceiptHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

    Django's password defaults (100 MiB, 8 lanes) are tuned for guessable passwords and cost
    about a second per hash on a busy 2-core server, which made intake crawl (bench/intake.py).
    A receipt is 16 random digits: this is still far beyond brute force from a stolen dump.
    """

    memory_cost = 19 * 1024
    parallelism = 1
    time_cost = 2


def receipt_hasher() -> Argon2PasswordHasher | str:
    # The test settings put a fast hasher first; honour that instead of paying for Argon2.
    first = settings.PASSWORD_HASHERS[0] if settings.PASSWORD_HASHERS else ""
    return ReceiptHasher() if first.endswith("Argon2PasswordHasher") else "default"


def receipt_seal(receipt: str) -> tuple[str, str]:
    """(lookup, slow hash) to store on the report."""
    return receipt_lookup(receipt), make_password(receipt, hasher=receipt_hasher())


@cache
def decoy_hash() -> str:
    return make_password(secrets.token_hex(8), hasher=receipt_hasher())


def receipt_matches(receipt: str, stored_hashes: list[str]) -> int | None:
    """Index of the hash the receipt proves; always at least one slow check."""
    found = None
    for position, stored in enumerate(stored_hashes or [decoy_hash()]):
        if check_password(receipt, stored) and stored_hashes:
            found = position
    return found
