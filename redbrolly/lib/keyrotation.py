"""Re-seals encrypted columns under the primary key (manage.py rotate_keys)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db import connection, models, transaction

from redbrolly.lib.crypto import (
    EncryptedBinaryField,
    EncryptedTextField,
    decrypt_bytes,
    encrypt_bytes,
    key_ring,
    sealed_key_id,
)

BATCH = 500


def encrypted_fields() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField | EncryptedBinaryField):
                yield model, field


def rotate_all() -> Iterator[tuple[str, int]]:
    for model, field in encrypted_fields():
        yield f"{model._meta.label}.{field.name}", rotate_field(model, field)


def rotate_field(model: type[models.Model], field: models.Field[Any, Any]) -> int:
    table, column, pk = model._meta.db_table, field.column, model._meta.pk.column  # type: ignore[union-attr]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quote(pk)}, {quote(column)} FROM {quote(table)}")  # noqa: S608
        stale = [(row_pk, raw) for row_pk, raw in cursor.fetchall() if needs_rotation(raw, field)]
    for start in range(0, len(stale), BATCH):
        reseal(table, column, pk, stale[start : start + BATCH], field)
    return len(stale)


def raw_blob(raw: Any, field: models.Field[Any, Any]) -> bytes:
    if isinstance(field, EncryptedBinaryField):
        return bytes(raw)
    return base64.b64decode(raw)


def needs_rotation(raw: Any, field: models.Field[Any, Any]) -> bool:
    if raw is None or raw == "":
        return False
    return sealed_key_id(raw_blob(raw, field)) != key_ring().primary_id


@transaction.atomic
def reseal(table: str, column: str, pk: str, rows: list[tuple[Any, Any]], field: Any) -> None:
    quote = connection.ops.quote_name
    sql = f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE {quote(pk)} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for row_pk, raw in rows:
            plain = decrypt_bytes(raw_blob(raw, field))
            sealed: Any = encrypt_bytes(plain)
            if isinstance(field, EncryptedTextField):
                sealed = base64.b64encode(sealed).decode()
            cursor.execute(sql, [sealed, row_pk])
