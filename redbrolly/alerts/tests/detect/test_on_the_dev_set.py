"""The detector alone on the development set (tests/data/redteam): a narrative quoted whole
into an alert, as the quickest check. `python -m bench.redteam` measures the whole path
(report, draft, approval, every message sent) on the same cases."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from bench.redteam import DEFAULT_CASES, covered, load
from redbrolly.alerts.detect import Facts, sanitise, scan, told_by_her
from redbrolly.lib.normalise import NotAnIdentifier, normalise_any

REGIONS_CSV = Path(__file__).parents[3] / "data" / "regions-gb.csv"


def places() -> tuple[str, ...]:
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        [row["name"] for row in rows]
        + [town.strip() for row in rows for town in row["main_towns"].split(",")]
    )


PLACES = places()


def facts_of(case: dict[str, Any]) -> Facts:
    """What the system knows of whose each detail is: what she told us, and his facts."""
    her, him = case["reporter"], case["perpetrator"]
    identifiers = []
    for given in him.get("identifiers", []):
        try:
            identifiers.append(normalise_any(given["value"], allow_partial_plate=True))
        except NotAnIdentifier:
            continue
    facts = Facts(
        reporter_names=tuple(name for name in [her.get("working_name", "")] if name),
        reporter_contacts=tuple(
            value
            for value in (her.get(k, "") for k in ("email", "mobile", "support_contact"))
            if value
        ),
        perpetrator_names=tuple(name for name in [him.get("names", "")] if name),
        identifiers=tuple(identifiers),
        places=(*PLACES, case["report"].get("area", "")),
    )
    return told_by_her([case["narrative"]], facts)


def test_the_detector_finds_what_was_planted_and_leaves_safe_text() -> None:
    planted: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    safe_chars = safe_flagged = 0
    misses = []
    for case in load(DEFAULT_CASES):
        facts = facts_of(case)
        text = sanitise(case["narrative"], facts)
        flags = scan(text, facts)
        for detail in case["planted"]:
            if detail["kind"] == "identifier" or detail["field"] != "narrative":
                continue
            planted[detail["kind"]] += 1
            state = covered(text, detail["text"], flags)
            if state is not False:  # flagged whole, or taken out with his identifiers
                caught[detail["kind"]] += 1
            else:
                misses.append((case["id"], detail["text"]))
        if case["safe"]:
            safe_chars += len(text)
            safe_flagged += sum(flag.end - flag.start for flag in flags)
    assert sum(caught.values()) >= 0.95 * sum(planted.values()), misses
    for kind, count in planted.items():
        assert caught[kind] >= 0.90 * count, (kind, misses)
    assert safe_flagged <= 0.10 * safe_chars
    assert len(planted) == 6  # every kind is measured


def test_no_identifier_of_his_is_left_whole_in_any_narrative() -> None:
    for case in load(DEFAULT_CASES):
        facts = facts_of(case)
        text = sanitise(case["narrative"], facts)
        digits = "".join(char for char in text if char.isdigit())
        for identifier in facts.identifiers:
            if identifier.kind == "phone":
                assert identifier.value[-10:] not in digits, case["id"]
            else:
                assert identifier.value.casefold() not in text.casefold().replace(" ", ""), case[
                    "id"
                ]
