"""`manage.py evaluate`: DiD of a cohort outcome from a long CSV export.

The estimate comes from `research.analysis.did`; this command only reads the file, maps input
problems to CommandError (one line naming the column, never a traceback) and prints.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from django.core.management.base import BaseCommand, CommandError, CommandParser

from redbrolly.research.analysis.did import did
from redbrolly.research.analysis.estimate import Estimate
from redbrolly.research.analysis.panel import AnalysisInputError


class Command(BaseCommand):
    help = (
        "Difference-in-differences (arm x wave, participant-clustered SEs) of one outcome in a "
        "long export. The arm level 'member' (or 1/True) is treated unless --treated names one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", required=True, help="long CSV: one row per participant-wave")
        parser.add_argument("--outcome", required=True)
        parser.add_argument("--arm", required=True, help="arm column (member/non_member or 1/0)")
        parser.add_argument("--wave", required=True, help="wave column (0/1 or baseline/followup)")
        parser.add_argument("--id", required=True, help="participant column, for clustering")
        parser.add_argument("--covariates", default="", help="comma-separated column names")
        parser.add_argument("--treated", default=None, help="arm level to treat as members")
        parser.add_argument("--balanced", action="store_true", help="only people seen twice")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        frame = read_csv(options["data"])
        covariates = [c.strip() for c in options["covariates"].split(",") if c.strip()]
        try:
            result = did(
                frame,
                options["outcome"],
                options["arm"],
                options["wave"],
                options["id"],
                covariates,
                treated=options["treated"],
                balanced=options["balanced"],
            )
        except AnalysisInputError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(render(options["outcome"], result, options["format"]))


def read_csv(path: str) -> pd.DataFrame:
    try:
        return pd.read_csv(path)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc


def render(outcome: str, result: Estimate, form: str) -> str:
    if form == "json":
        values = result.as_dict()
        payload = {
            "outcome": outcome,
            **{k: values[k] for k in ("estimate", "se", "ci_low", "ci_high", "n_obs")},
            "n_participants": values["n_clusters"],
            "p_value": values["p_value"],
            "method": values["method"],
        }
        return json.dumps(payload)
    rows = [
        ("outcome", outcome),
        ("estimate", f"{result.estimate:.4f}"),
        ("standard error", f"{result.se:.4f}"),
        ("95% CI", f"{result.ci_low:.4f} to {result.ci_high:.4f}"),
        ("p value", f"{result.p_value:.4g}"),
        ("observations", str(result.n_obs)),
        ("participants", str(result.n_clusters)),
        ("method", result.method),
    ]
    return "\n".join(f"{label:<16}{value}" for label, value in rows)
