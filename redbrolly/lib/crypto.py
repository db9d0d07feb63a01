"""Encryption at rest and blind indexes.

Values are sealed with AES-256-GCM under the primary key of a key ring read from
`REDBROLLY_ENCRYPTION_KEYS` ("id:base64key,id2:base64key", first is primary). Each stored
value carries the id of the key that sealed it, so old keys keep decrypting until
`manage.py rotate_keys` re-seals everything under the primary.

Lookups never decrypt: a keyed HMAC of the normalised value (the blind index, with its own
key `REDBROLLY_INDEX_KEY`) is stored beside the ciphertext and queried with one indexed
equality. A database dump alone reveals neither the values nor a way to test guesses.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "rb1"


class DecryptionError(Exception):
    """A stored value could not be opened (wrong key ring or tampered data)."""


@dataclass(frozen=True)
class KeyRing:
    primary_id: str
    keys: dict[str, bytes]

    @classmethod
    def parse(cls, spec: str) -> KeyRing:
        keys: dict[str, bytes] = {}
        for entry in filter(None, (part.strip() for part in spec.split(","))):
            key_id, _, encoded = entry.partition(":")
            keys[key_id] = derive_key(encoded, key_id)
        if not keys:
            raise ImproperlyConfigured("REDBROLLY_ENCRYPTION_KEYS holds no key")
        return cls(primary_id=next(iter(keys)), keys=keys)


def derive_key(encoded: str, key_id: str) -> bytes:
    """Any string of enough entropy becomes a 256-bit key (operators paste random text)."""
    if not key_id or len(encoded) < 32:
        raise ImproperlyConfigured(
            "each key in REDBROLLY_ENCRYPTION_KEYS is 'id:secret' with a secret of 32+ characters"
        )
    return hashlib.sha256(encoded.encode()).digest()


@cache
def key_ring() -> KeyRing:
    return KeyRing.parse(settings.REDBROLLY_ENCRYPTION_KEYS)


@cache
def index_key() -> bytes:
    value = settings.REDBROLLY_INDEX_KEY
    if len(value) < 32:
        raise ImproperlyConfigured("REDBROLLY_INDEX_KEY must be at least 32 characters")
    return hashlib.sha256(b"redbrolly-index:" + value.encode()).digest()


def reset_key_cache() -> None:
    """Tests and rotate_keys change the settings; forget the parsed keys."""
    key_ring.cache_clear()
    index_key.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    ring = key_ring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.primary_id]).encrypt(nonce, data, ring.primary_id.encode())
    return f"{PREFIX}:{ring.primary_id}:".encode() + nonce + sealed


def decrypt_bytes(blob: bytes) -> bytes:
    prefix, key_id, rest = split_sealed(blob)
    key = key_ring().keys.get(key_id)
    if prefix != PREFIX or key is None:
        raise DecryptionError("value sealed with an unknown key")
    try:
        return AESGCM(key).decrypt(rest[:12], rest[12:], key_id.encode())
    except Exception as exc:
        raise DecryptionError("value could not be decrypted") from exc


def split_sealed(blob: bytes) -> tuple[str, str, bytes]:
    parts = blob.split(b":", 2)
    if len(parts) != 3:
        raise DecryptionError("not an encrypted value")
    return parts[0].decode(errors="replace"), parts[1].decode(errors="replace"), parts[2]


def sealed_key_id(blob: bytes) -> str:
    return split_sealed(blob)[1]


def encrypt_text(text: str) -> str:
    return base64.b64encode(encrypt_bytes(text.encode())).decode()


def decrypt_text(token: str) -> str:
    try:
        blob = base64.b64decode(token.encode(), validate=True)
    except ValueError as exc:
        raise DecryptionError("not an encrypted value") from exc
    return decrypt_bytes(blob).decode()


def blind_index(kind: str, value: str) -> str:
    """Keyed HMAC of a normalised value; `kind` separates phones from emails and the rest."""
    message = kind.encode() + b"\x00" + value.encode()
    return hmac.new(index_key(), message, hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text sealed with AES-GCM in the database, plain in Python.

    Blank values are stored as "" so optional fields stay cheap; anything else is sealed.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        # Ciphertexts are randomised: comparing them finds nothing. Use a blind index.
        if lookup_name not in {"isnull", "exact"}:
            raise TypeError(f"encrypted fields cannot be filtered with __{lookup_name}")
        return super().get_lookup(lookup_name)


class EncryptedBinaryField(models.BinaryField):
    """Bytes (evidence files, exports) sealed with AES-GCM."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:
        if value is None:
            return None
        return decrypt_bytes(bytes(value))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        return super().get_db_prep_value(encrypt_bytes(bytes(value)), connection, prepared)


class BlindIndexField(models.CharField):
    """Hex HMAC of a normalised value, indexed for one-query lookups."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
