"""Published scoring for the cohort's instruments, and scoring of exported responses.

Each scorer takes one response's answers and returns the score columns the analysis datasets
carry. A score that cannot be computed is None, never a guess. Values may be form values, JSON
or CSV strings: "2" and 2 score alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from redbrolly.research.instruments.library import UnknownInstrument, load_instrument
from redbrolly.research.instruments.model import Instrument, relevant_answers, validate_answers

Answers = Mapping[str, object]
Scores = dict[str, object]
Scorer = Callable[[Answers], Scores]
T = TypeVar("T")

VALUE_SETS_DIR = Path(__file__).with_name("value_sets")
UK_VALUE_SET = "eq5d3l_uk_dolan1997"

PHQ9_ITEMS = tuple(f"phq9_{number}" for number in range(1, 10))
GAD7_ITEMS = tuple(f"gad7_{number}" for number in range(1, 8))
FREQUENCY_LEVELS = range(4)
# (lowest total in the band, band), highest first. Kroenke, Spitzer & Williams 2001.
PHQ9_BANDS = (
    (20, "severe"),
    (15, "moderately_severe"),
    (10, "moderate"),
    (5, "mild"),
    (0, "minimal"),
)
# Spitzer, Kroenke, Williams & Löwe 2006.
GAD7_BANDS = ((15, "severe"), (10, "moderate"), (5, "mild"), (0, "minimal"))

EQ5D_DIMENSIONS = (
    "mobility",
    "self_care",
    "usual_activities",
    "pain_discomfort",
    "anxiety_depression",
)
VIOLENCE_TYPES = ("physical", "sexual", "robbery", "threats", "online")
SERVICE_ITEMS = ("svc_alerts_read", "svc_checker_used", "svc_report_made", "svc_casework")

_INTEGER_RE = re.compile(r"\s*[-+]?\d+\s*")
# How many problems an error message lists before summarising; the rest stay on the exception.
MAX_PROBLEMS_SHOWN = 20


def score_phq9(answers: Answers) -> Scores:
    total = _frequency_total(answers, PHQ9_ITEMS)
    return {"phq9_total": total, "phq9_band": _band(total, PHQ9_BANDS)}


def score_gad7(answers: Answers) -> Scores:
    total = _frequency_total(answers, GAD7_ITEMS)
    return {"gad7_total": total, "gad7_band": _band(total, GAD7_BANDS)}


def _frequency_total(answers: Answers, names: Sequence[str]) -> int | None:
    # No prorating: with an item missing the total is not comparable with the published cut-offs.
    # Some studies prorate when one or two items are missing; that is an analysis decision, and
    # the analysis still has the item responses to make it.
    levels = _complete([_level(answers, name, FREQUENCY_LEVELS) for name in names])
    return None if levels is None else sum(levels)


def _band(total: int | None, bands: Sequence[tuple[int, str]]) -> str | None:
    if total is None:
        return None
    return next(band for lowest, band in bands if total >= lowest)


def _level(answers: Answers, name: str, levels: range) -> int | None:
    value = answers.get(name)
    if _blank(value):
        return None
    level = _as_int(value)
    if level is None or level not in levels:
        raise ValueError(f"{name}: {value!r} is not a level from {levels[0]} to {levels[-1]}")
    return level


def _as_int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER_RE.fullmatch(value):
        return int(value)
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _complete(values: Sequence[T | None]) -> list[T] | None:
    """The values if none is missing, else None."""
    present = [value for value in values if value is not None]
    return present if len(present) == len(values) else None


@dataclass(frozen=True)
class ValueSet:
    """An EQ-5D value set as data.

    `additive`: utility = 1 - constant - n3 - the decrement of each dimension's level, where the
    constant applies to any state other than full health and n3 to any state with a dimension at
    level 3 (Dolan 1997's N3 model); full health is 1. `lookup`: a table of every state's value,
    keyed by its profile such as "11112" (for example a 5L crosswalk's 3,125 states).
    """

    name: str
    model: str
    dimensions: tuple[str, ...]
    levels: int
    constant: float = 0.0
    n3: float = 0.0
    decrements: Mapping[str, Mapping[int, float]] = field(default_factory=dict)
    table: Mapping[str, float] = field(default_factory=dict)


@cache
def load_value_set(name: str) -> ValueSet:
    path = VALUE_SETS_DIR / f"{name}.json"
    return value_set_from_dict(json.loads(path.read_text(encoding="utf-8")))


def value_set_from_dict(data: Mapping[str, Any]) -> ValueSet:
    value_set = ValueSet(
        name=data["name"],
        model=data["model"],
        dimensions=tuple(data["dimensions"]),
        levels=int(data["levels"]),
        constant=float(data.get("constant", 0.0)),
        n3=float(data.get("n3", 0.0)),
        decrements=_decrements(data.get("decrements", {})),
        table={str(state): float(value) for state, value in data.get("table", {}).items()},
    )
    _check_value_set(value_set)
    return value_set


def _decrements(data: Mapping[str, Mapping[str, float]]) -> dict[str, dict[int, float]]:
    return {
        dim: {int(level): float(value) for level, value in levels.items()}
        for dim, levels in data.items()
    }


def _check_value_set(value_set: ValueSet) -> None:
    if value_set.model == "additive" and set(value_set.decrements) != set(value_set.dimensions):
        raise ValueError(f"value set {value_set.name}: decrements must cover every dimension")
    if value_set.model == "lookup" and not value_set.table:
        raise ValueError(f"value set {value_set.name}: a lookup value set needs a table")
    if value_set.model not in ("additive", "lookup"):
        raise ValueError(f"value set {value_set.name}: unknown model {value_set.model!r}")


def eq5d_utility(state: Sequence[int], value_set: ValueSet) -> float:
    """The value of a health state given as one level per dimension, in the value set's order."""
    if len(state) != len(value_set.dimensions) or not all(
        1 <= x <= value_set.levels for x in state
    ):
        raise ValueError(f"{list(state)} is not a health state of {value_set.name}")
    if value_set.model == "lookup":
        return value_set.table[eq5d_profile(state)]
    return round(_additive_utility(state, value_set), 3)  # published tariffs are given to 3 dp


def _additive_utility(state: Sequence[int], value_set: ValueSet) -> float:
    if all(level == 1 for level in state):
        return 1.0
    loss = value_set.constant + (value_set.n3 if 3 in state else 0.0)
    for dimension, level in zip(value_set.dimensions, state, strict=True):
        loss += value_set.decrements[dimension].get(level, 0.0)
    return 1.0 - loss


def eq5d_profile(state: Sequence[int]) -> str:
    return "".join(str(level) for level in state)


def score_eq5d3l_uk(answers: Answers) -> Scores:
    state = _complete([_level(answers, name, range(1, 4)) for name in EQ5D_DIMENSIONS])
    if state is None:
        return {"eq5d_profile": None, "eq5d_utility": None}
    utility = eq5d_utility(state, load_value_set(UK_VALUE_SET))
    return {"eq5d_profile": eq5d_profile(state), "eq5d_utility": utility}


def _yes(value: object) -> int | None:
    """1 for yes, 0 for no; None for missing or "I'd rather not say"."""
    return {"yes": 1, "no": 0}.get(str(value).strip()) if value is not None else None


def score_violence(answers: Answers) -> Scores:
    reported = [_yes(answers.get(f"viol_{kind}")) for kind in VIOLENCE_TYPES]
    complete = _complete(reported)
    # One "yes" settles that violence happened, even if other types were left unanswered.
    any_violence = 1 if 1 in reported else (None if complete is None else 0)
    return {
        "viol_any": any_violence,
        "viol_types_count": None if complete is None else sum(complete),
        "viol_reported": _yes(answers.get("viol_reported")) if any_violence == 1 else None,
    }


def score_safety(answers: Answers) -> Scores:
    chosen = _selected(answers.get("safety_strategies"))
    count = None if chosen is None else len(chosen - {"none"})
    return {"safety_strategies_count": count}


def _selected(value: object) -> set[str] | None:
    if isinstance(value, str):
        return set(value.split()) if value.strip() else None
    if isinstance(value, list | tuple | set | frozenset):
        return {str(choice) for choice in value} if value else None
    return None


def score_service_use(answers: Answers) -> Scores:
    used = _complete([_yes(answers.get(name)) for name in SERVICE_ITEMS])
    return {"svc_count": None if used is None else sum(used)}


SCORERS: dict[str, Scorer] = {
    "phq9": score_phq9,
    "gad7": score_gad7,
    "eq5d3l_uk": score_eq5d3l_uk,
    "violence": score_violence,
    "safety": score_safety,
    "service_use": score_service_use,
}


class ScoringError(ValueError):
    """Rows that cannot be scored; `problems` names each one as 'row N, column C: ...'."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        if len(self.problems) > len(shown):
            shown.append(f"... and {len(self.problems) - len(shown)} more")
        super().__init__("\n".join(shown))


def scorer_for(instrument_id: str) -> Scorer:
    if instrument_id not in SCORERS:
        raise UnknownInstrument(instrument_id, sorted(SCORERS))
    return SCORERS[instrument_id]


def score_columns(instrument_id: str) -> list[str]:
    """The columns `score_rows` adds, known even when there are no rows."""
    return list(scorer_for(instrument_id)({}))


def score_rows(instrument_id: str, rows: Iterable[Mapping[str, str]]) -> list[dict[str, object]]:
    """Each row (one response, columns named after items) with its score columns added.

    Nothing is returned unless every row is valid. Errors number rows as a spreadsheet shows
    them: the header is row 1, so the first response is row 2.
    """
    scorer = scorer_for(instrument_id)
    instrument = load_instrument(instrument_id)
    rows = list(rows)
    problems = _missing_columns(instrument, rows) or _row_problems(instrument, rows)
    if problems:
        raise ScoringError(problems)
    return [{**row, **scorer(_answers(instrument, row))} for row in rows]


def answers_from_row(instrument: Instrument, row: Mapping[str, str | None]) -> dict[str, object]:
    """One exported row as answers. A matrix's rows are the columns `item/row`."""
    answers: dict[str, object] = {}
    for item in instrument.items:
        if item.type == "matrix":
            answers[item.name] = {r.value: _cell(row, f"{item.name}/{r.value}") for r in item.rows}
        elif item.name in row:
            answers[item.name] = _cell(row, item.name)
    return answers


def _cell(row: Mapping[str, str | None], column: str) -> str:
    return (row.get(column) or "").strip()


def _answers(instrument: Instrument, row: Mapping[str, str]) -> dict[str, object]:
    return relevant_answers(instrument, answers_from_row(instrument, row))


def _columns(instrument: Instrument) -> list[str]:
    columns = []
    for item in instrument.items:
        if item.type == "matrix":
            columns += [f"{item.name}/{row.value}" for row in item.rows]
        elif item.type != "note":
            columns.append(item.name)
    return columns


def _missing_columns(instrument: Instrument, rows: Sequence[Mapping[str, str]]) -> list[str]:
    # A misspelt header would otherwise score every response as missing without a word.
    header = set(rows[0]) if rows else set()
    missing = [column for column in _columns(instrument) if rows and column not in header]
    return [f"row 1: missing column {column}" for column in missing]


def _row_problems(instrument: Instrument, rows: Sequence[Mapping[str, str]]) -> list[str]:
    # Blank cells are allowed here: the scorers turn missing items into missing scores.
    return [
        f"row {number}, column {name}: {message}"
        for number, row in enumerate(rows, start=2)
        for name, message in validate_answers(
            instrument, answers_from_row(instrument, row), partial=True
        ).items()
    ]
