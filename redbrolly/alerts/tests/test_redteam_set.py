"""The red-team development set is well formed: every planted detail is where it says, every
number is fictional, every code is one the system knows (tests/data/redteam/README.md)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from redbrolly.core.taxonomy import DEFAULT_INCIDENT_TYPES

DATA = Path(__file__).parent / "data" / "redteam"
KINDS = {"name", "contact", "personal", "venue", "address", "time", "identifier"}
FIELDS = {"narrative", "description", "behaviour"}
SETTINGS = {"street", "incall", "outcall", "online", "parlour", "other"}
REGIONS_CSV = Path(__file__).parents[2] / "data" / "regions-gb.csv"
DRAMA_DIGITS = re.compile(r"7700900\d{3}")


def cases() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted(DATA.glob("*.json")):
        found += json.loads(path.read_text(encoding="utf-8"))
    return found


def region_codes() -> set[str]:
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def field_text(case: dict[str, Any], name: str) -> str:
    return str(case["narrative"] if name == "narrative" else case["perpetrator"].get(name, ""))


def test_the_set_is_big_enough_and_covers_every_kind() -> None:
    found = cases()
    planted = Counter(p["kind"] for case in found for p in case["planted"])
    assert sum(1 for case in found if not case["safe"]) >= 150
    assert sum(1 for case in found if case["safe"]) >= 40
    assert set(planted) == KINDS
    assert min(planted.values()) >= 20, planted
    assert len({case["id"] for case in found}) == len(found)


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["id"])
def test_each_case_is_well_formed(case: dict[str, Any]) -> None:
    assert case["report"]["region"] in region_codes()
    assert case["report"]["setting"] in SETTINGS
    types = {code for code, _label, _violent in DEFAULT_INCIDENT_TYPES}
    assert set(case["report"]["incident_types"]) <= types and case["report"]["incident_types"]
    assert case["reporter"]["account"] in {"member", "anonymous", "practitioner"}
    assert case["safe"] == (not case["planted"])
    for planted in case["planted"]:
        assert planted["kind"] in KINDS and planted["field"] in FIELDS
        assert planted["text"].strip() and planted["text"] in field_text(case, planted["field"])


@pytest.mark.parametrize("case", cases(), ids=lambda case: case["id"])
def test_every_number_and_address_is_fictional(case: dict[str, Any]) -> None:
    text = json.dumps(case, ensure_ascii=False)
    for email in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", text):
        assert email.split(".")[0] == "example", email
    for digits in re.findall(r"(?:\+44|0)\s?7700\s?9\d\d\s?\d{3}", text):
        assert DRAMA_DIGITS.search(re.sub(r"\D", "", digits)), digits
