"""The statements of a lookup, written once as SQL instead of compiled by the ORM per call.

A lookup is the hottest path of the site (bench/checker.py): compiling the query with its
joins and subquery cost more than running it. Table and column names come from the models'
`_meta`, so renames still follow. On PostgreSQL a lookup is one statement (the match and its
log rows); on SQLite, the same match query and then the log INSERT.
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


MATCH_COLUMNS = (
    "idx",
    "id",
    "reviewed",
    "source",
    "status",
    "severity",
    "violent",
    "submitted_on",
    "in_alert",
)


@cache
def match_sql(count: int) -> str:
    """Live reports linked to `count` blind indexes (one index probe each), as MATCH_COLUMNS."""
    from redbrolly.reports.models import Identifier, Report

    index, report_id = _col(Identifier, "index"), _col(Identifier, "report")
    placeholders = ", ".join(["%s"] * count)
    selected = (
        f"i.{index}",
        f"r.{_q('id')}",
        f"r.{_col(Report, 'accepted_at')} IS NOT NULL",
        *(f"r.{_col(Report, name)}" for name in ("source", "status", "severity")),
        _violent_sql(),
        f"r.{_col(Report, 'submitted_on')}",
        _in_alert_sql(),
    )
    pairs = zip(selected, MATCH_COLUMNS, strict=True)
    named = ", ".join(f"{expr} AS {_q(name)}" for expr, name in pairs)
    # Only names from the models' _meta are interpolated; values are always parameters.
    return (
        f"SELECT {named} "  # noqa: S608
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


@cache
def match_and_log_sql(indexes: int, asked: int) -> str:
    """PostgreSQL: the match query and the lookup log rows in one statement.

    A data-modifying CTE: the reports linked to `indexes` blind indexes are read once, and
    the log row of each of the `asked` identifiers is written from them, with the answer's
    result and the number of reports that count; the statement returns the matched reports
    (MATCH_COLUMNS), from which `checker.rules` builds the answer the member reads. One
    round trip instead of two, on the hottest path of the site (docs/benchmarks.md).

    The result written here mirrors `rules.counts`, `rules.is_serious` and `rules.result_for`;
    `test_lookup_log.py` checks on PostgreSQL that every logged result and count equals the
    answer for reports of every kind and for every counting policy.

    Parameters, in order: the blind indexes; for each identifier asked, its position, index,
    kind and near cells; whether unreviewed anonymous, then unreviewed known reports count;
    the time, user, partner and channel of the lookup.
    """
    from redbrolly.checker.models import Lookup, Result
    from redbrolly.checker.rules import HIGH
    from redbrolly.reports.models import Report
    from redbrolly.reports.selectors import OPEN_STATUSES

    open_statuses = ", ".join(_literal(status) for status in OPEN_STATUSES)
    values = ", ".join(["(CAST(%s AS integer), %s, %s, %s, %s)"] * asked)
    serious = f"c.reviewed AND (c.violent OR c.severity = {_literal(HIGH)})"
    result = (
        f"CASE WHEN bool_or({serious}) THEN {_literal(Result.WARNING)} "
        f"WHEN count(c.id) > 0 THEN {_literal(Result.CAUTION)} "
        f"ELSE {_literal(Result.NO_REPORTS)} END"
    )
    columns = ", ".join(_col(Lookup, name) for name in LOOKUP_FIELDS)
    return (
        f"WITH m AS ({match_sql(indexes)}), "  # noqa: S608
        f"asked (ord, idx, kind, near_a, near_b) AS (VALUES {values}), "
        "counted AS (SELECT m.* FROM m WHERE m.reviewed OR ("
        f"m.status IN ({open_statuses}) AND CASE WHEN m.source = "
        f"{_literal(Report.Source.ANONYMOUS)} THEN CAST(%s AS boolean) "
        "ELSE CAST(%s AS boolean) END)), "
        f"logged AS (INSERT INTO {_q(Lookup._meta.db_table)} ({columns}) "
        "SELECT CAST(%s AS timestamptz), CAST(%s AS bigint), CAST(%s AS bigint), %s, "
        f"a.kind, a.idx, {result}, count(DISTINCT c.id), a.near_a, a.near_b "
        "FROM asked a LEFT JOIN counted c ON c.idx = a.idx "
        "GROUP BY a.ord, a.idx, a.kind, a.near_a, a.near_b ORDER BY a.ord) "
        f"SELECT {', '.join(_q(name) for name in MATCH_COLUMNS)} FROM m"
    )


def _literal(value: str) -> str:
    """A constant of our own code (a status, a result) as an SQL string literal."""
    if not value.replace("_", "").isalnum():
        raise ValueError(f"not a plain constant: {value!r}")
    return f"'{value}'"


def logs_with_match() -> bool:
    """Whether a lookup's log rows go in the match statement (PostgreSQL)."""
    return rows.binds_on_client()


def as_date(value: Any) -> datetime.date:
    """SQLite hands dates back as text to raw SQL."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def db_datetime(value: datetime.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def run(
    sql: str, params: list[Any], *, log_write: bool = False, fetch: bool = True
) -> list[tuple[Any, ...]]:
    """The rows of `sql` (none without `fetch`); `log_write`: it writes lookup log rows, which
    need not wait for their WAL flush (below)."""
    return rows.run(sql, params, autocommit_prefix=ASYNC_COMMIT if log_write else "", fetch=fetch)


# A lookup log row need not wait for its WAL flush: a database *server* crash may lose the last
# fraction of a second of log rows (never a report), and the lookup answers without the wait.
# Sent in the same simple-protocol query outside any transaction block, SET LOCAL covers the
# implicit transaction of this one statement.
ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF; "
