"""`manage.py score_instrument phq9 responses.csv > scored.csv`

For the study's analysts: adds the published scores to an export of responses. Output is all or
nothing, so a bad row can never leave a half-scored file behind a redirect.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redbrolly.research.instruments.library import UnknownInstrument
from redbrolly.research.instruments.scoring import ScoringError, score_columns, score_rows


class Command(BaseCommand):
    help = (
        "Score a CSV with one response per row and columns named after the instrument's items; "
        "writes the rows with score columns added to stdout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument_id", help="for example phq9, gad7 or eq5d3l_uk")
        parser.add_argument("csv_path", type=Path, help="UTF-8 CSV with a header row")

    def handle(self, *args: Any, **options: Any) -> None:
        instrument_id: str = options["instrument_id"]
        header, rows = read_csv(options["csv_path"])
        try:
            scored = score_rows(instrument_id, rows)
            columns = header + [c for c in score_columns(instrument_id) if c not in header]
        except (UnknownInstrument, ScoringError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(write_csv(columns, scored), ending="")


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        # utf-8-sig: Excel, where these exports are often opened and saved, adds a BOM.
        with path.open(newline="", encoding="utf-8-sig") as file:
            header, *records = list(csv.reader(file)) or [[]]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CommandError(f"cannot read {path}: {error}") from error
    return header, [_row(header, record, number) for number, record in enumerate(records, 2)]


def _row(header: Sequence[str], record: Sequence[str], number: int) -> dict[str, str]:
    # Blank lines stay as empty rows so output row N is input row N, as in a spreadsheet.
    if len(record) > len(header):
        raise CommandError(f"row {number}: {len(record)} values but {len(header)} columns")
    return {column: (record[i] if i < len(record) else "") for i, column in enumerate(header)}


def write_csv(columns: Sequence[str], rows: Sequence[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
