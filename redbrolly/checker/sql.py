"""The two statements of a lookup, written once as SQL instead of compiled by the ORM per call.

A lookup is the hottest path of the site (bench/checker.py): compiling the query with its
joins and subquery cost more than running it. Table and column names come from the models'
`_meta`, so renames still follow; the SQL is plain enough for SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

from django.db import connection

from redbrolly.lib import rows
from redbrolly.lib.rows import column as _col
from redbrolly.lib.rows import quote as _q


def _violent_sql() -> str:
    from redbrolly.core.models import IncidentType
    from redbrolly.reports.models import Report

    through = Report.incident_types.through
    link_type, link_report = _col(through, "incidenttype"), _col(through, "report")
    return (
        f"EXISTS (SELECT 1 FROM {_q(through._meta.db_table)} l "  # noqa: S608
        f"JOIN {_q(IncidentType._meta.db_table)} t ON t.{_q('id')} = l.{link_type} "
        f"WHERE l.{link_report} = r.{_q('id')} AND t.{_col(IncidentType, 'violent')})"
    )


def _in_alert_sql() -> str:
    """Whether any alert was made from the report (the alert links need the ORM's visibility
    rules, which cost more than the whole lookup; most matched reports have no alert)."""
    from redbrolly.alerts.models import Alert

    through = Alert.reports.through
    return (
        f"EXISTS (SELECT 1 FROM {_q(through._meta.db_table)} a "  # noqa: S608
        f"WHERE a.{_col(through, 'report')} = r.{_q('id')})"
    )


@cache
def match_sql(count: int) -> str:
    """Live reports linked to `count` blind indexes (one index probe each)."""
    from redbrolly.reports.models import Identifier, Report

    index, report_id = _col(Identifier, "index"), _col(Identifier, "report")
    fields = ", ".join(f"r.{_col(Report, name)}" for name in ("source", "status", "severity"))
    placeholders = ", ".join(["%s"] * count)
    # Only names from the models' _meta are interpolated; values are always parameters.
    return (
        f"SELECT i.{index}, r.{_q('id')}, r.{_col(Report, 'accepted_at')} IS NOT NULL, "  # noqa: S608
        f"{fields}, {_violent_sql()}, r.{_col(Report, 'submitted_on')}, {_in_alert_sql()} "
        f"FROM {_q(Identifier._meta.db_table)} i "
        f"JOIN {_q(Report._meta.db_table)} r ON r.{_q('id')} = i.{report_id} "
        f"WHERE i.{index} IN ({placeholders}) AND r.{_col(Report, 'withdrawn_at')} IS NULL"
    )


LOOKUP_FIELDS = (
    "at",
    "user",
    "partner",
    "channel",
    "kind",
    "index",
    "result",
    "reports",
    "near_a",
    "near_b",
)


@cache
def lookup_insert_sql(count: int) -> str:
    """The lookup log rows: a plain multi-row INSERT in autocommit (no transaction round trips)."""
    from redbrolly.checker.models import Lookup

    columns = ", ".join(_col(Lookup, name) for name in LOOKUP_FIELDS)
    row = "(" + ", ".join(["%s"] * len(LOOKUP_FIELDS)) + ")"
    table = _q(Lookup._meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([row] * count)  # noqa: S608


def as_date(value: Any) -> datetime.date:
    """SQLite hands dates back as text to raw SQL."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def db_datetime(value: datetime.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def run(sql: str, params: list[Any], *, log_write: bool = False) -> list[tuple[Any, ...]]:
    if log_write:
        return rows.run(sql, params, autocommit_prefix=ASYNC_COMMIT, fetch=False)
    return rows.run(sql, params)


# A lookup log row need not wait for its WAL flush: a database *server* crash may lose the last
# fraction of a second of log rows (never a report), and the lookup answers without the wait.
# Sent in the same simple-protocol query outside any transaction block, SET LOCAL covers the
# implicit transaction of this one statement.
ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF; "
