"""Model instances from hand-written SQL, for the few hot paths where compiling an ORM query
costs more than running it (the API's bearer-token check runs on every API call).

Column lists come from the models' `_meta` and every value goes through the same converters
the ORM applies (the backend's, e.g. SQLite's datetimes, and the field's own, e.g. decryption),
so an instance built here is the instance the ORM would have built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)


def columns(model: type[Model], alias: str) -> str:
    """`alias.col, alias.col, ...` for every concrete field, in the order `build` expects."""
    quote = connection.ops.quote_name
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
    names = [field.attname for field in model._meta.concrete_fields]
    return model.from_db(connection.alias, names, converted)
