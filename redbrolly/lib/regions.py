"""The organisation's regions as shipped data (a CSV per country) and their loading."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    nation: str
    main_towns: tuple[str, ...]


def read_regions(path: Path = DATA_DIR / "regions-gb.csv") -> list[RegionRow]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [row_to_region(row) for row in csv.DictReader(handle)]


def row_to_region(row: dict[str, str]) -> RegionRow:
    towns = tuple(town.strip() for town in row.get("main_towns", "").split(",") if town.strip())
    return RegionRow(row["code"].strip(), row["name"].strip(), row.get("nation", "").strip(), towns)
