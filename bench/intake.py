"""Anonymous report intake over HTTP on PostgreSQL: throughput, latency, and nothing lost.

    cd /work/main && .venv/bin/python -m bench.intake [--reports 1000] [--clients 16] [--workers 4]

Creates its own database `redbrolly_bench` (dropped and made again; never the test database),
migrates it, starts gunicorn on a free port and sends `--reports` anonymous
`POST /api/v1/reports` from `--clients` concurrent threads (one connection per request, as a
phone on mobile data would). Prints throughput, p50/p99 latency, the answers by status, and
how many reports (and identifiers) the database holds afterwards: it must be all of them.

The intake rate limits are lifted (the test suite proves them); everything else is the
production path: validation, normalising and blind-indexing identifiers, AES-GCM on every
sensitive field, the Argon2 hash of the receipt, and the cache-backed rate-limit counters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
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

DATABASE = "redbrolly_bench"
UNLIMITED = {
    "address": [10**9, 3600],
    "global": [10**9, 3600],
    "draft_address": [10**9, 3600],
    "form_min_seconds": 0,
}
REGIONS = [
    "metropolitan",
    "greater-manchester",
    "west-midlands",
    "merseyside",
    "scotland-greater-glasgow",
]
TYPES = ["physical_assault", "robbery", "threats", "non_payment", "harassment", "condom_refusal"]


# --- the server side ---------------------------------------------------------------------------


def wsgi_app() -> Any:
    """gunicorn 'bench.intake:wsgi_app()': the site with the intake rate limits lifted."""
    import django
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redbrolly.settings")
    django.setup()
    settings.REDBROLLY_INTAKE_LIMITS = UNLIMITED
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def stored_counts() -> tuple[int, int]:
    import psycopg

    with psycopg.connect(f"{PG_URL}/{DATABASE}") as conn:
        reports = conn.execute("SELECT count(*) FROM reports_report").fetchone()
        identifiers = conn.execute("SELECT count(*) FROM reports_identifier").fetchone()
    return int(reports[0] if reports else 0), int(identifiers[0] if identifiers else 0)


# --- the load ----------------------------------------------------------------------------------


def report_payload(n: int, rng: random.Random) -> dict[str, Any]:
    """A realistic anonymous report; one in three shares a perpetrator phone with others."""
    phone = f"07700 900{(n % 300) if n % 3 == 0 else rng.randrange(1000):03d}"
    return {
        "incident_types": rng.sample(TYPES, k=rng.choice([1, 2])),
        "occurred_on": f"2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
        "region": rng.choice(REGIONS),
        "area": "",
        "setting": rng.choice(["street", "incall", "outcall"]),
        "narrative": f"Benchmark report {n}: he refused to pay and became aggressive. " * 4,
        "perpetrators": [
            {
                "names": ["Dave"],
                "phones": [phone],
                "emails": [f"client{n % 50}@example.com"],
                "vehicle": {"make": "Ford", "colour": "grey", "plate": f"MA{n % 90 + 10}XK?"},
                "description": "about 40, beard",
            }
        ],
        "consent": {"level": rng.choice(["record_only", "alert", "police_anonymous"])},
    }


def send_all(
    port: int, payloads: list[bytes], clients: int
) -> tuple[list[tuple[int, float]], float]:
    results: list[tuple[int, float]] = []
    lock = threading.Lock()
    queue = iter(payloads)

    def worker() -> None:
        while True:
            with lock:
                payload = next(queue, None)
            if payload is None:
                return
            try:
                outcome = request(port, payload)
            except OSError:
                outcome = (0, 0.0)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def report(
    results: list[tuple[int, float]], seconds: float, wanted: int, args: argparse.Namespace
) -> bool:
    latencies = sorted(elapsed for status, elapsed in results if status == 201)
    statuses = Counter(status for status, _elapsed in results)
    stored, identifiers = stored_counts()
    print(
        f"{wanted} anonymous POST /api/v1/reports, {args.clients} client threads, "
        f"{args.workers} gunicorn sync workers, {os.cpu_count()} cpus, PostgreSQL"
    )
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average    {load} (1, 5, 15 min, at the end; other work shares the cpus)")
    print(f"throughput      {len(results) / seconds:8.1f} reports/s ({seconds:.1f} s in all)")
    if latencies:
        print(
            f"latency (201)   p50 {statistics.median(latencies) * 1000:7.1f} ms   "
            f"p99 {percentile(latencies, 0.99) * 1000:7.1f} ms   max {latencies[-1] * 1000:7.1f} ms"
        )
    print(f"answers         {dict(sorted(statuses.items()))}")
    print(
        f"stored          {stored} of {wanted} reports ({identifiers} identifiers)"
        f"{'  -- ALL STORED' if stored == wanted else '  -- MISSING REPORTS'}"
    )
    return stored == wanted and statuses.get(201) == wanted


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="redbrolly-bench-intake-"))
    env = bench_env(var_dir, DATABASE)
    create_database(DATABASE)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    rng = random.Random(11)
    port = free_port()
    payloads = [
        raw_post(port, "/api/v1/reports", json.dumps(report_payload(n, rng)).encode())
        for n in range(args.reports)
    ]
    server = start_server("bench.intake:wsgi_app()", env, port, args.workers)
    try:
        send_all(
            port, [raw_get(port, "/api/v1/taxonomy")] * (args.workers * 4), args.workers
        )  # warm up
        results, seconds = send_all(port, payloads, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=30)
    complete = report(results, seconds, args.reports, args)
    if not args.keep:
        drop_database(DATABASE)
    shutil.rmtree(var_dir, ignore_errors=True)
    sys.exit(0 if complete else 1)


if __name__ == "__main__":
    main()
