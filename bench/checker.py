"""Checker lookups over HTTP against a no-op authenticated endpoint, on PostgreSQL.

    cd /work/main && .venv/bin/python -m bench.checker [--identifiers 1000000] [--seconds 10]

Creates its own database `redbrolly_bench_checker` (dropped and made again, and dropped at the
end unless --keep; never the test database), migrates it, COPYs in the identifiers with their
reports, starts gunicorn on a free port and, in the same run, sends concurrent requests to
`POST /api/v1/checker/lookups` and to `GET /api/v1/me` (same stack, same bearer token: it
authenticates and answers without work), in alternating rounds of a fixed time. Half the
identifiers checked are reported, half never were; phones are typed the ways people type them.
A third endpoint, added to the benchmark's server only, is the floor any lookup stands on:
the lookup's POST and schema, the same member check and one `SELECT 1` (`add_floor_endpoint`).

Prints, for each: throughput, p50/p99 latency, and the CPU each request cost the gunicorn
workers and the PostgreSQL backends (from /proc, so other load on the machine shows less);
the throughput ratios; then p50/p99 with one client at a time (no queueing).
Goals: lookup throughput >= 85% of the no-op endpoint; lookup p99 < 25 ms on 2 cores.

Rate limits are lifted (the test suite proves them); everything else is the production path:
normalise, blind index, one indexed query writing the lookup log row (PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import secrets
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import (
    PG_URL,
    bench_env,
    create_database,
    drop_database,
    free_port,
    manage,
    raw_get,
    raw_post,
    request,
    start_server,
)

DATABASE = "redbrolly_bench_checker"
IDENTIFIERS_PER_REPORT = 4
MOBILE_SPACE = 10**9
SCRAMBLE = 7919  # coprime with 10**9: i -> i * SCRAMBLE mod 10**9 gives distinct numbers
PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


# --- the server side ---------------------------------------------------------------------------


def wsgi_app() -> Any:
    """gunicorn 'bench.checker:wsgi_app()': the site with the checker's rate limits lifted."""
    import django
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redbrolly.settings")
    django.setup()
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    add_floor_endpoint()
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


FLOOR_PATH = "/api/v1/bench/one-statement"


def add_floor_endpoint() -> None:
    """The benchmark's own endpoint, added to this server only (never to the site): a lookup
    reduced to what any lookup must do beyond the no-op. The same POST body validated by the
    same schema, the same bearer token, the same member check, one database statement
    (`SELECT 1`: no table, no parsing, no log) and an answer of the same shape. Its ratio to
    the no-op is the most any lookup that reads or writes the database can reach here."""
    from django.db import connection
    from django.http import HttpRequest, JsonResponse

    from redbrolly.api.api import api
    from redbrolly.checker.api import LookupIn, actor_of

    def one_statement(request: HttpRequest, payload: Any) -> Any:
        if not actor_of(request).may_check:
            return JsonResponse({"detail": "not a member"}, status=403)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        answer = {"result": "no_reports", "kind": "phone", "reports": 0}
        return JsonResponse({**answer, "last_reported": None, "severity": None, "alerts": []})

    # The schema is imported here (Django must be set up first), so it is named by object.
    one_statement.__annotations__["payload"] = LookupIn
    api.post(FLOOR_PATH.removeprefix("/api/v1"), include_in_schema=False)(one_statement)


# --- data --------------------------------------------------------------------------------------


def phone(i: int) -> str:
    return f"+447{i * SCRAMBLE % MOBILE_SPACE:09d}"


def email(i: int) -> str:
    return f"client{i}@example.com"


def plate(i: int) -> str:
    letters = [PLATE_LETTERS[i // len(PLATE_LETTERS) ** k % len(PLATE_LETTERS)] for k in range(5)]
    return f"{letters[0]}{letters[1]}{i % 100:02d}{letters[2]}{letters[3]}{letters[4]}"


def identifier_of(i: int) -> tuple[str, str]:
    """Identifier number i: eight in ten are phones, the rest emails and plates."""
    slot = i % 10
    if slot == 8:
        return "email", email(i)
    if slot == 9:
        return "plate", plate(i)
    return "phone", phone(i)


def template_row(model: Any, **values: Any) -> dict[str, Any]:
    """Every column of a model as Django would save it (fields added later are covered too)."""
    from django.db import connection

    instance = model(**values)
    return {
        field.column: field.get_db_prep_save(field.pre_save(instance, True), connection)
        for field in model._meta.concrete_fields
    }


def copy_rows(table: str, columns: list[str], rows: Iterator[tuple[Any, ...]]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        raw = cursor.cursor
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def report_rows(
    count: int, template: dict[str, Any], regions: list[int]
) -> Iterator[tuple[Any, ...]]:
    import datetime

    from django.utils import timezone

    today = datetime.date.today()
    accepted = timezone.now()
    for pk in range(1, count + 1):
        row = dict(template)
        reviewed = pk % 5 != 0
        row.update(
            id=pk,
            reference=f"R-{pk:08d}",
            region_id=regions[pk % len(regions)],
            status="accepted" if reviewed else "new",
            accepted_at=accepted if reviewed else None,
            severity=("low", "medium", "high")[pk % 3] if reviewed else "ungraded",
            submitted_on=today - datetime.timedelta(days=pk % 700),
            occurred_on=today - datetime.timedelta(days=pk % 700 + 1),
        )
        yield tuple(row.values())


def identifier_rows(count: int, template: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    from redbrolly.lib.crypto import blind_index, encrypt_text

    for i in range(count):
        kind, value = identifier_of(i)
        row = dict(template)
        row.update(
            id=i + 1,
            report_id=i // IDENTIFIERS_PER_REPORT + 1,
            kind=kind,
            value=encrypt_text(value),
            index=blind_index(kind, value),
        )
        yield tuple(row.values())


def load(identifiers: int) -> None:
    from django.db import connection

    from redbrolly.core.models import IncidentType, Region
    from redbrolly.reports.models import Identifier, Report

    reports = -(-identifiers // IDENTIFIERS_PER_REPORT)
    regions = list(Region.objects.values_list("pk", flat=True))
    template = template_row(
        Report,
        source="member",
        consent_level="alert",
        region_id=regions[0],
        setting="outcall",
        narrative="A fictional narrative for the benchmark.",
        occurred_on="2026-01-01",
    )
    copy_rows(Report._meta.db_table, list(template), report_rows(reports, template, regions))
    types = list(IncidentType.objects.order_by("pk").values_list("pk", "violent"))
    through = Report.incident_types.through
    copy_rows(
        through._meta.db_table,
        ["report_id", "incidenttype_id"],
        ((pk, types[pk % len(types)][0]) for pk in range(1, reports + 1)),
    )
    ident = template_row(Identifier, report_id=1, kind="phone", value="x", index="x")
    copy_rows(Identifier._meta.db_table, list(ident), identifier_rows(identifiers, ident))
    with connection.cursor() as cursor:
        for model in (Report, Identifier):
            table = model._meta.db_table
            highest = f"(SELECT max(id) FROM {table})"
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {highest})")
        cursor.execute("ANALYZE")


def member_token() -> str:
    from redbrolly.accounts.models import MemberProfile, User
    from redbrolly.accounts.services import Contact, contact_indexes
    from redbrolly.api.services import api_token_issue

    user = User.objects.create_user("bench-member", secrets.token_urlsafe(16))
    contact = Contact(email="bench@example.com", mobile="+447700900999")
    MemberProfile.objects.create(
        user=user, status=MemberProfile.Status.APPROVED, **contact_indexes(contact)
    )
    return api_token_issue(user=user, name="bench")[1]


# --- the load ----------------------------------------------------------------------------------


def written(e164: str, style: int) -> str:
    national = "0" + e164[3:]
    return (national, f"{national[:5]} {national[5:]}", f"+44 {e164[3:7]} {e164[7:]}", e164[1:])[
        style % 4
    ]


def lookup_inputs(identifiers: int, count: int, seed: int = 7) -> list[str]:
    """Half reported, half never reported; phones typed the ways people type them."""
    rng = random.Random(seed)
    inputs = []
    for n in range(count):
        i = rng.randrange(identifiers) if n % 2 == 0 else identifiers + rng.randrange(10**6)
        kind, value = identifier_of(i)
        inputs.append(written(value, n) if kind == "phone" else value.lower())
    return inputs


def client(args: tuple[int, list[bytes], float, int]) -> tuple[list[float], int]:
    port, payloads, seconds, offset = args
    latencies, errors, n = [], 0, offset
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        status, elapsed = request(port, payloads[n % len(payloads)])
        n += 1
        if status == 200:
            latencies.append(elapsed)
        else:
            errors += 1
    return latencies, errors


def hammer(
    pool: Any, port: int, payloads: list[bytes], seconds: float, concurrency: int
) -> tuple[list[float], int]:
    jobs = [(port, payloads, seconds, k * 997) for k in range(concurrency)]
    latencies, errors = [], 0
    for found, failed in pool.map(client, jobs):
        latencies.extend(found)
        errors += failed
    return latencies, errors


def summary(name: str, tally: Tally, seconds: float) -> float:
    ordered = sorted(tally.latencies)
    rate = len(ordered) / seconds
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[max(int(len(ordered) * 0.99) - 1, 0)] * 1000
    app, db = (cpu / max(len(ordered), 1) * 1000 for cpu in (tally.app_cpu, tally.db_cpu))
    cpu = f"cpu/req app {app:5.2f} ms + db {db:5.2f} ms   " if tally.app_cpu else ""
    print(
        f"{name:<22} {rate:8.1f} req/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   "
        f"{cpu}errors {tally.errors}"
    )
    return rate


def server_pids(server_pid: int) -> tuple[list[int], list[int]]:
    """The gunicorn workers, and the PostgreSQL backends serving the bench database."""
    import psycopg

    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [DATABASE]
        ).fetchall()
    return [int(pid) for pid in children], [int(pid) for (pid,) in rows]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes used so far (from /proc; Linux only)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.app_cpu = 0.0
        self.db_cpu = 0.0

    def add(self, found: list[float], errors: int, app_cpu: float, db_cpu: float) -> None:
        self.latencies += found
        self.errors += errors
        self.app_cpu += app_cpu
        self.db_cpu += db_cpu


def run_load(
    port: int, token: str, identifiers: int, args: argparse.Namespace, server_pid: int
) -> None:
    bodies = [json.dumps({"identifier": t}).encode() for t in lookup_inputs(identifiers, 2000)]
    payloads = {
        "noop": [raw_get(port, "/api/v1/me", token)],
        "floor": [raw_post(port, FLOOR_PATH, body, token) for body in bodies],
        "lookup": [raw_post(port, "/api/v1/checker/lookups", body, token) for body in bodies],
    }
    tallies = {name: Tally() for name in payloads}
    load_before = os.getloadavg()[0]
    with multiprocessing.get_context("fork").Pool(args.concurrency) as pool:
        # Warm every worker up, so every database connection is open before counting.
        hammer(pool, port, [p for sent in payloads.values() for p in sent], 3, args.concurrency)
        app, db = server_pids(server_pid)
        for _round in range(args.rounds):
            for name, sent in payloads.items():
                app_before, db_before = cpu_seconds(app), cpu_seconds(db)
                found, errors = hammer(pool, port, sent, args.seconds, args.concurrency)
                app_cpu, db_cpu = cpu_seconds(app) - app_before, cpu_seconds(db) - db_before
                tallies[name].add(found, errors, app_cpu, db_cpu)
    report(tallies, args, load_before)
    alone(port, payloads, args.seconds)


def alone(port: int, payloads: dict[str, list[bytes]], seconds: float) -> None:
    """One request at a time: the latency of a check itself, without queueing behind others."""
    print(f"one client at a time, {seconds:g}s per endpoint:")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        for name, label in LABELS.items():
            tally = Tally()
            tally.add(*hammer(pool, port, payloads[name], seconds, 1), 0.0, 0.0)
            summary(label, tally, seconds)


def report(tallies: dict[str, Tally], args: argparse.Namespace, load_before: float) -> None:
    seconds = args.seconds * args.rounds
    print(f"load average (1 min) before/after: {load_before:.1f} / {os.getloadavg()[0]:.1f}")
    print(
        f"concurrency {args.concurrency}, {args.workers} gunicorn workers, {os.cpu_count()} cpus, "
        f"{args.rounds} rounds of {args.seconds:g}s per endpoint, alternating"
    )
    rates = {name: summary(label, tallies[name], seconds) for name, label in LABELS.items()}
    print(f"ratio lookup/no-op throughput: {rates['lookup'] / rates['noop']:.1%} (goal >= 85%)")
    print(f"ratio one-statement/no-op throughput: {rates['floor'] / rates['noop']:.1%}")
    print(f"ratio lookup/one-statement throughput: {rates['lookup'] / rates['floor']:.1%}")

    # What each costs beyond the stack they share (server CPU, app + database).
    def per_request(tally: Tally) -> float:
        return (tally.app_cpu + tally.db_cpu) / max(len(tally.latencies), 1) * 1000

    noop = per_request(tallies["noop"])
    for name, what in (("floor", "one statement"), ("lookup", "a lookup")):
        beyond = per_request(tallies[name]) - noop
        print(f"{what}'s own server CPU beyond the no-op: {beyond:.2f} ms per request")


LABELS = {
    "noop": "GET /api/v1/me (no-op)",
    "floor": "POST one statement",
    "lookup": "POST checker/lookups",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--identifiers", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="redbrolly-bench-"))
    env = bench_env(var_dir, DATABASE)
    os.environ.update(env)
    started = time.perf_counter()
    create_database(DATABASE)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    import django

    django.setup()
    load(args.identifiers)
    token = member_token()
    print(
        f"database {DATABASE}: {args.identifiers:,} identifiers in "
        f"{-(-args.identifiers // IDENTIFIERS_PER_REPORT):,} reports, ready in "
        f"{time.perf_counter() - started:.0f}s"
    )
    from django.db import connections

    connections.close_all()
    port = free_port()
    server = start_server("bench.checker:wsgi_app()", env, port, args.workers)
    try:
        run_load(port, token, args.identifiers, args, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)
        if not args.keep:
            drop_database(DATABASE)


if __name__ == "__main__":
    main()
