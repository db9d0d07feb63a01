"""How long the linking pages' reads take with many reports, on PostgreSQL.

    cd /work/main && .venv/bin/python -m bench.linkage [--identifiers 200000] [--offenders 400]

Creates its own database `redbrolly_bench_linkage` (dropped at the end unless --keep), loads
the checker benchmark's reports and identifiers (4 per report, all different), then gives
`--offenders` repeat offenders 5 reports each that share one of their identifiers, and
confirms the links of half of them (profiles). Every report describes its perpetrator (a
name out of 60, two or three looks out of 30 words, a car out of 30 for four in ten; a repeat
offender the same way in each of his reports), encrypted as the site stores it. Times, as the
pages call them: `selectors.suggestions()` (every waiting group: a GROUP BY over all
identifiers, the rows of the repeated ones, the decisions), `selectors.alike_pairs()` (every
description of the last year decrypted and compared within its blocks) and
`selectors.profiles()`, against a baseline run in the same process: one sequential count of
the identifier table (the least any whole-table read costs). Prints the median of `--runs`
runs each.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import bench_env, create_database, drop_database, manage

DATABASE = "redbrolly_bench_linkage"
REPORTS_PER_OFFENDER = 5


def median_seconds(run: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def repeat_offenders(offenders: int, reports: int) -> list[list[int]]:
    """Each offender's reports: his first report's identifier copied to four others."""
    from django.db import connection

    from bench.checker import IDENTIFIERS_PER_REPORT, copy_rows, template_row
    from redbrolly.reports.models import Identifier

    stride = reports // (offenders * REPORTS_PER_OFFENDER)
    groups = [
        [(o * REPORTS_PER_OFFENDER + k) * stride + 1 for k in range(REPORTS_PER_OFFENDER)]
        for o in range(offenders)
    ]
    firsts = {group[0]: group for group in groups}
    # Read before the COPY starts: the connection cannot run a query in the middle of one.
    source = list(
        Identifier.objects.filter(
            report_id__in=list(firsts),
            pk__in=[(pk - 1) * IDENTIFIERS_PER_REPORT + 1 for pk in firsts],
        ).values_list("report_id", "kind", "value", "index")
    )
    ident = template_row(Identifier, report_id=1, kind="phone", value="x", index="x")
    value_field = Identifier._meta.get_field("value")

    def sealed(value: str) -> Any:
        return value_field.get_db_prep_save(value, connection)

    next_pk = Identifier.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def rows() -> Any:
        pk = next_pk
        for report_id, kind, value, index in source:
            for other in firsts[report_id][1:]:
                pk += 1
                row = dict(ident)
                row.update(id=pk, report_id=other, kind=kind, value=sealed(value), index=index)
                yield tuple(row.values())

    copy_rows(Identifier._meta.db_table, list(ident), rows())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return groups


# Beside the demo's names (redbrolly.reports.demo.NAMES), with variants such as Davie.
MORE_NAMES = ("Ali", "Sam", "Dan", "Tom", "Ben", "Kev", "Andy", "Mark")
NAME_ENDINGS = ("", "o", "ie")
LOOKS = [
    "tall",
    "short",
    "stocky",
    "thin",
    "bald",
    "beard",
    "moustache",
    "glasses",
    "tattoo",
    "scar",
    "accent",
    "scottish",
    "irish",
    "london",
    "northern",
    "young",
    "older",
    "grey",
    "blond",
    "ginger",
    "suit",
    "tracksuit",
    "cap",
    "ring",
    "smoker",
    "gym",
    "earring",
    "limp",
]
CARS = [
    (make, model, colour)
    for make, model in (
        ("Ford", "Focus"),
        ("BMW", "3 Series"),
        ("Vauxhall", "Astra"),
        ("Audi", "A4"),
        ("Toyota", "Prius"),
        ("Mercedes", "C-Class"),
        ("VW", "Golf"),
        ("Nissan", "Qashqai"),
        ("Kia", "Sportage"),
        ("Honda", "Civic"),
    )
    for colour in ("black", "silver", "white")
]


def describe(rng: random.Random, names: list[str]) -> tuple[str, str, str, str, str]:
    make, model, colour = rng.choice(CARS) if rng.random() < 0.4 else ("", "", "")
    looks = ", ".join(rng.sample(LOOKS, rng.choice([2, 3])))
    return rng.choice(names), looks, make, model, colour


def describe_perpetrators(reports: int, groups: list[list[int]]) -> None:
    """One perpetrator per report, encrypted as the site stores it; an offender's reports
    describe him alike."""
    from django.db import connection

    from bench.checker import copy_rows, template_row
    from redbrolly.reports.demo import NAMES
    from redbrolly.reports.models import Perpetrator

    names = [f"{first}{ending}" for first in (*NAMES, *MORE_NAMES) for ending in NAME_ENDINGS]
    rng = random.Random(11)
    template = template_row(Perpetrator, report_id=1)
    fields = ["names", "description", "vehicle_make", "vehicle_model", "vehicle_colour"]
    prep = [Perpetrator._meta.get_field(name) for name in fields]
    same = {pk: group[0] for group in groups for pk in group}
    told: dict[int, tuple[str, ...]] = {}

    def rows() -> Any:
        for pk in range(1, reports + 1):
            said = told.setdefault(same.get(pk, pk), describe(rng, names))
            row = dict(template)
            row.update(id=pk, report_id=pk)
            for field, value in zip(prep, said, strict=True):
                row[field.column] = field.get_db_prep_save(value, connection)
            yield tuple(row.values())

    copy_rows(Perpetrator._meta.db_table, list(template), rows())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--identifiers", type=int, default=200_000)
    parser.add_argument("--offenders", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    env = bench_env(Path(tempfile.mkdtemp(prefix="redbrolly-bench-")), DATABASE)
    os.environ.update(env)
    create_database(DATABASE)
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        import django

        django.setup()
        from bench.checker import IDENTIFIERS_PER_REPORT, load
        from redbrolly.linkage import selectors
        from redbrolly.linkage.models import Link
        from redbrolly.reports.models import Identifier

        load(args.identifiers)
        reports = -(-args.identifiers // IDENTIFIERS_PER_REPORT)
        groups = repeat_offenders(args.offenders, reports)
        describe_perpetrators(reports, groups)
        Link.objects.bulk_create(
            Link(first_id=group[0], second_id=other, decision=Link.Decision.SAME)
            for group in groups[: len(groups) // 2]
            for other in group[1:]
        )
        total = Identifier.objects.count()
        print(
            f"{reports:,} reports, {total:,} identifiers, {args.offenders} repeat offenders "
            f"({REPORTS_PER_OFFENDER} reports each), {len(groups) // 2} of them confirmed"
        )
        shown, waiting = selectors.suggestions()
        found = selectors.profiles()
        assert waiting == args.offenders - len(groups) // 2, waiting
        assert len(found) == len(groups) // 2 and len(shown) == min(waiting, 50)
        baseline = median_seconds(lambda: Identifier.objects.count(), args.runs)
        suggesting = median_seconds(selectors.suggestions, args.runs)
        profiling = median_seconds(selectors.profiles, args.runs)
        alike, alike_count = selectors.alike_pairs()
        comparing = median_seconds(selectors.alike_pairs, args.runs)
        print(f"baseline  count(*) of identifiers      {baseline * 1000:8.1f} ms")
        print(
            f"suggestions ({waiting} waiting, 50 shown)  {suggesting * 1000:8.1f} ms  "
            f"({suggesting / baseline:.1f}x the baseline)"
        )
        print(
            f"profiles ({len(found)})                    {profiling * 1000:8.1f} ms  "
            f"({profiling / baseline:.1f}x the baseline)"
        )
        print(
            f"alike pairs ({alike_count} waiting, {len(alike)} shown)  {comparing * 1000:8.1f} ms  "
            f"({comparing / baseline:.1f}x the baseline)"
        )
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(DATABASE)


if __name__ == "__main__":
    main()
