"""Hand-written SQL for the few hot paths where compiling an ORM query costs more than running
it (the checker's lookup, and the API's bearer-token check that runs on every API call).

Column lists come from the models' `_meta` and every value goes through the same converters
the ORM applies (the backend's, e.g. SQLite's datetimes, and the field's own, e.g. decryption),
so an instance built here is the instance the ORM would have built.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)
PLACEHOLDER = re.compile("%s")


def quote(name: str) -> str:
    """A table or column name as the database writes it."""
    return connection.ops.quote_name(name)


def column(model: Any, field: str) -> str:
    """A field's quoted column name, from the model's `_meta` (renames follow)."""
    return quote(model._meta.get_field(field).column)


def columns(model: type[Model], alias: str) -> str:
    """`alias.col, alias.col, ...` for every concrete field, in the order `build` expects."""
    return ", ".join(f"{alias}.{quote(field.column)}" for field in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    return len(model._meta.concrete_fields)


@cache
def _converters(model: type[Model]) -> list[tuple[list[Callable[..., Any]], Any]]:
    table = model._meta.db_table
    found = []
    for field in model._meta.concrete_fields:
        column = field.get_col(table)
        # As the ORM's compiler does: the backend's converters, then the field's.
        backend = connection.ops.get_db_converters(column)
        found.append((backend + column.get_db_converters(connection), column))
    return found


def build(model: type[M], values: Sequence[Any]) -> M:
    """The instance for one row's slice of `columns(model, ...)`."""
    converted = []
    for value, (converters, column) in zip(values, _converters(model), strict=True):
        for convert in converters:
            value = convert(value, column, connection)
        converted.append(value)
    return model.from_db(connection.alias, _attnames(model), converted)


@cache
def _attnames(model: type[Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def run(
    sql: str, params: Sequence[Any], *, autocommit_prefix: str = "", fetch: bool = True
) -> list[tuple[Any, ...]]:
    """Every row of `sql` (none when `fetch` is off: a write); on PostgreSQL through a
    statement prepared once per connection.

    `autocommit_prefix` (e.g. a `SET LOCAL`) is sent in the same simple-protocol query when
    running outside a transaction block on PostgreSQL, so it covers this one statement.
    """
    with connection.cursor() as cursor:
        prefixed = False
        if binds_on_client():
            sql = prepared(cursor, sql, len(params))
            if autocommit_prefix and connection.get_autocommit():
                sql, prefixed = autocommit_prefix + sql, True
        cursor.execute(sql, params)
        if not fetch:
            return []
        if prefixed:
            cursor.nextset()  # past the prefix's own (empty) result
        return list(cursor.fetchall())


def binds_on_client() -> bool:
    """PostgreSQL with Django's default client-side binding, which PREPARE/EXECUTE and the
    two-statement query above rely on."""
    options = connection.settings_dict.get("OPTIONS") or {}
    return connection.vendor == "postgresql" and not options.get("server_side_binding")


# Statements prepared on each open connection (forgotten with the connection itself).
_prepared: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def prepared(cursor: Any, sql: str, count: int) -> str:
    """EXECUTE of a statement PostgreSQL planned once for this connection.

    Django binds parameters on the client, so PostgreSQL would plan a join again for every
    call, and on the hot paths planning cost more than running. Prepared statements live in
    the database session: a pooler between Django and PostgreSQL must pool sessions, not
    transactions.
    """
    name = "rb_" + hashlib.sha256(sql.encode()).hexdigest()[:16]
    done = _prepared.setdefault(connection.connection, set())
    if name not in done:
        numbered = iter(range(1, count + 1))
        cursor.execute(
            f"PREPARE {name} AS " + PLACEHOLDER.sub(lambda _m: f"${next(numbered)}", sql)
        )
        done.add(name)
    return f"EXECUTE {name} (" + ", ".join(["%s"] * count) + ")"
