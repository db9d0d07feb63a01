"""`manage.py cea`: summary of a probabilistic sensitivity analysis in BCEA's CSV layout.

The numbers come from `research.analysis.cea.summarise_psa`; this command reads the file, maps
a malformed table to CommandError and prints.
"""

from __future__ import annotations

import json
import math
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redbrolly.research.analysis.cea import PsaError, incremental, read_psa, summarise_psa


class Command(BaseCommand):
    help = (
        "ICER, EIB and CEAC of the reference arm against each comparator, expected net benefit "
        "per arm and EVPI, from a PSA CSV with columns e.<arm> and c.<arm>."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--psa", required=True, help="CSV, one row per simulation")
        parser.add_argument("--reference", required=True, help="arm compared with the others")
        parser.add_argument("--wtp", type=float, default=20_000.0, help="£ per unit of effect")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            table = read_psa(options["psa"])
            summary = summarise_psa(table, options["reference"], options["wtp"])
            deltas = incremental(table, options["reference"])
        except PsaError as exc:
            raise CommandError(str(exc)) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary))
        else:
            self.stdout.write(render_text(summary, deltas, options["reference"], options["wtp"]))


def render_text(
    summary: dict[str, Any], deltas: dict[str, tuple[float, float]], reference: str, wtp: float
) -> str:
    lines = [f"reference {reference}, willingness to pay {wtp:,.0f} per unit of effect"]
    for arm, (delta_e, delta_c) in deltas.items():
        lines.append(
            f"vs {arm:<14} delta_e {delta_e:>10.4f}  delta_c {delta_c:>12.2f}  "
            f"ICER {_number(summary['icer'][arm]):>12}  EIB {summary['eib'][arm]:>12.2f}  "
            f"CEAC {summary['ceac'][arm]:.3f}"
        )
    for arm, value in summary["enb"].items():
        lines.append(f"expected net benefit {arm:<14} {value:>12.2f}")
    lines.append(f"EVPI per person {summary['evpi']:.2f}")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    return "undefined" if value is None or not math.isfinite(value) else f"{value:.2f}"
