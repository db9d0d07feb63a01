"""Questionnaires as data: choices, items, instruments, content versions and answer validation.

Pure Python so the analysis scripts and the `score_instrument` command work without a database;
Django is touched only lazily, to translate validation messages when it is running.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from redbrolly.research.instruments import skiplogic

ITEM_TYPES = frozenset(
    {"single", "multi", "number", "integer", "date", "text", "scale", "matrix", "note"}
)
CHOICE_TYPES = frozenset({"single", "multi", "matrix"})

_INTEGER_RE = re.compile(r"\s*[-+]?\d+\s*")
_NUMBER_RE = re.compile(r"\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InstrumentError(ValueError):
    """An instrument definition that cannot be used as written."""


def _(message: str) -> str:
    # Participants see these messages in the web forms, so they go through Django's gettext when
    # Django is running; analysis scripts and pure tests import this module without settings.
    try:
        from django.apps import apps
        from django.utils.translation import gettext
    except ImportError:  # pragma: no cover - Django is a project dependency
        return message
    return gettext(message) if apps.ready else message


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Item:
    """One question. `relevant` is XLSForm skip logic; `rows` are a matrix's sub-questions."""

    name: str
    type: str
    label: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    relevant: str | None = None
    rows: tuple[Choice, ...] = ()
    hint: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "rows", tuple(self.rows))
        object.__setattr__(self, "relevant", self.relevant or None)
        problem = _item_problem(self)
        if problem:
            raise InstrumentError(f"item '{self.name}': {problem}")

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


def _item_problem(item: Item) -> str | None:
    checks = (
        (
            not skiplogic.NAME_RE.fullmatch(item.name),
            "name must be letters, digits, _ . - (no spaces)",
        ),
        (item.type not in ITEM_TYPES, f"unknown type '{item.type}'"),
        (
            (item.type in CHOICE_TYPES) != bool(item.choices),
            "choices go with single, multi and matrix items, and only with them",
        ),
        (len(set(item.choice_values)) != len(item.choices), "choice values repeat"),
        ((item.type == "matrix") != bool(item.rows), "rows belong to matrix items only"),
        (item.type == "scale" and None in (item.min, item.max), "a scale needs min and max"),
        (_min_above_max(item), "min is above max"),
    )
    return next((message for failed, message in checks if failed), None)


def _min_above_max(item: Item) -> bool:
    return item.min is not None and item.max is not None and item.min > item.max


@dataclass(frozen=True)
class Instrument:
    """A questionnaire. `version` is derived from the items; `scoring` keys `scoring.SCORERS`."""

    id: str
    title: str
    version: str
    items: tuple[Item, ...]
    scoring: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        _check_names(self)
        _check_relevance(self)
        expected = instrument_version(self.items)
        if self.version != expected:
            raise InstrumentError(
                f"instrument '{self.id}': version {self.version!r} does not match its items "
                f"({expected}); build it with Instrument.create"
            )

    @classmethod
    def create(
        cls, *, id: str, title: str, items: Iterable[Item], scoring: str | None = None
    ) -> Instrument:
        items = tuple(items)
        version = instrument_version(items)
        return cls(id=id, title=title, version=version, items=items, scoring=scoring)

    def item(self, name: str) -> Item:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(f"instrument '{self.id}' has no item '{name}'")


def _check_names(instrument: Instrument) -> None:
    seen: set[str] = set()
    for item in instrument.items:
        if item.name in seen:
            raise InstrumentError(f"instrument '{instrument.id}': item '{item.name}' repeats")
        seen.add(item.name)


def _check_relevance(instrument: Instrument) -> None:
    names = {item.name for item in instrument.items}
    for item in instrument.items:
        if item.relevant is None:
            continue
        try:
            skiplogic.parse(item.relevant, names)
        except skiplogic.SkipLogicError as error:
            raise InstrumentError(f"item '{item.name}': relevant: {error}") from error


def instrument_version(items: Iterable[Item]) -> str:
    """First 12 hex digits of a SHA-256 over everything that shapes the questions.

    Wording, choices, ranges and routing all count: answers given to different questions must
    never share a version, so any edit to a definition yields a new one.
    """
    canonical = json.dumps(
        [_canonical(item) for item in items],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _canonical(item: Item) -> dict[str, object]:
    data = dataclasses.asdict(item)
    # 5 and 5.0 are the same bound; the hash must not depend on how a file spelled it.
    data["min"] = None if item.min is None else float(item.min)
    data["max"] = None if item.max is None else float(item.max)
    return data


def relevant_items(instrument: Instrument, answers: Mapping[str, object]) -> list[Item]:
    """The items these answers route the participant through, in order."""
    # As in ODK, an answer to a skipped question is dropped before later expressions are
    # evaluated, so a stale answer cannot switch on questions that depend on it.
    context = dict(answers)
    items = []
    for item in instrument.items:
        if item.relevant is None or skiplogic.evaluate(item.relevant, context):
            items.append(item)
        else:
            context.pop(item.name, None)
    return items


def relevant_answers(instrument: Instrument, answers: Mapping[str, object]) -> dict[str, object]:
    """The answers worth keeping: those to questions the participant was actually asked."""
    return {
        item.name: answers[item.name]
        for item in relevant_items(instrument, answers)
        if item.name in answers and item.type != "note"
    }


def validate_answers(
    instrument: Instrument, answers: Mapping[str, object], *, partial: bool = False
) -> dict[str, str]:
    """Errors by item name. Skipped items are not checked; `partial` lets answers be missing."""
    errors = {}
    for item in relevant_items(instrument, answers):
        error = _item_error(item, answers.get(item.name), partial=partial)
        if error:
            errors[item.name] = error
    return errors


def _item_error(item: Item, value: object, *, partial: bool) -> str | None:
    if item.type == "note":
        return None
    require = item.required and not partial
    if _is_empty(value):
        return _("This question is required") if require else None
    if item.type == "matrix":
        return _check_matrix(item, value, require_every_row=require)
    return _CHECKS[item.type](item, value)


def _is_empty(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset | dict):
        return not value
    return value is None


def _not_a_choice(item: Item, value: object) -> str:
    choices = ", ".join(item.choice_values)
    return _("'%(value)s' is not one of %(choices)s") % {"value": value, "choices": choices}


def _check_single(item: Item, value: object) -> str | None:
    return None if str(value).strip() in item.choice_values else _not_a_choice(item, value)


def _check_multi(item: Item, value: object) -> str | None:
    if isinstance(value, str):
        values = value.split()  # ODK and KoboToolbox store select-multiples space-separated
    elif isinstance(value, list | tuple | set | frozenset):
        values = [str(choice) for choice in value]
    else:
        return _("Choose from the options given")
    wrong = [choice for choice in values if choice not in item.choice_values]
    return _not_a_choice(item, wrong[0]) if wrong else None


def _check_matrix(item: Item, value: object, *, require_every_row: bool) -> str | None:
    if not isinstance(value, Mapping):
        return _("Answer each row from the options given")
    answers = {row.value: value.get(row.value) for row in item.rows}
    if require_every_row and any(_is_empty(answer) for answer in answers.values()):
        return _("Answer every row")
    given = [answer for answer in answers.values() if not _is_empty(answer)]
    return next(filter(None, (_check_single(item, answer) for answer in given)), None)


def _check_integer(item: Item, value: object) -> str | None:
    number = _as_integer(value)
    return _("Enter a whole number") if number is None else _range_error(item, number)


def _check_number(item: Item, value: object) -> str | None:
    number = _as_number(value)
    return _("Enter a number") if number is None else _range_error(item, number)


def _range_error(item: Item, number: float) -> str | None:
    if item.min is not None and number < item.min:
        return _("Enter %(min)s or more") % {"min": _format(item.min)}
    if item.max is not None and number > item.max:
        return _("Enter %(max)s or less") % {"max": _format(item.max)}
    return None


def _format(number: float) -> str:
    return f"{number:g}"


def _as_integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER_RE.fullmatch(value):
        return int(value)
    return None


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value):
        return float(value)
    return None


def _check_date(item: Item, value: object) -> str | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return None
    if isinstance(value, str) and _DATE_RE.fullmatch(value.strip()):
        try:
            datetime.date.fromisoformat(value.strip())
            return None
        except ValueError:
            pass  # well-formed but impossible, such as 2025-02-30
    return _("Enter a date as YYYY-MM-DD")


def _check_text(item: Item, value: object) -> str | None:
    return None if isinstance(value, str) else _("Enter text")


_CHECKS: dict[str, Callable[[Item, object], str | None]] = {
    "single": _check_single,
    "multi": _check_multi,
    "integer": _check_integer,
    "scale": _check_integer,
    "number": _check_number,
    "date": _check_date,
    "text": _check_text,
}
