"""The study's instruments, defined as JSON in `definitions/` (one file per instrument).

A definition file holds `id` (its file name), `title`, `scoring` (a key of `scoring.SCORERS`, or
null), `items`, and optional `choice_lists` that items name instead of repeating their choices.
Any other top-level key (`source`, `notes`) is documentation for people and is not loaded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from redbrolly.research.instruments.model import Choice, Instrument, InstrumentError, Item

DEFINITIONS_DIR = Path(__file__).with_name("definitions")


class UnknownInstrument(LookupError):
    def __init__(self, instrument_id: str, known: Iterable[str]) -> None:
        self.instrument_id = instrument_id
        super().__init__(
            f"unknown instrument '{instrument_id}'; known instruments: {', '.join(known)}"
        )


def instrument_ids() -> list[str]:
    return sorted(path.stem for path in DEFINITIONS_DIR.glob("*.json"))


@cache
def load_instrument(instrument_id: str) -> Instrument:
    # Checking against the listing also keeps ids such as "../x" from reaching the filesystem.
    if instrument_id not in instrument_ids():
        raise UnknownInstrument(instrument_id, instrument_ids())
    path = DEFINITIONS_DIR / f"{instrument_id}.json"
    instrument = instrument_from_dict(json.loads(path.read_text(encoding="utf-8")))
    if instrument.id != instrument_id:
        raise InstrumentError(f"{path.name} defines instrument '{instrument.id}'")
    return instrument


def all_instruments() -> list[Instrument]:
    return [load_instrument(instrument_id) for instrument_id in instrument_ids()]


def instrument_from_dict(data: Mapping[str, Any]) -> Instrument:
    lists = data.get("choice_lists", {})
    return Instrument.create(
        id=data["id"],
        title=data["title"],
        items=[_item(fields, lists) for fields in data["items"]],
        scoring=data.get("scoring"),
    )


def _item(fields: Mapping[str, Any], lists: Mapping[str, Sequence[Mapping[str, Any]]]) -> Item:
    fields = dict(fields)
    choices = fields.pop("choices", ())
    rows = fields.pop("rows", ())
    try:
        choices = lists[choices] if isinstance(choices, str) else choices
        return Item(**fields, choices=_choices(choices), rows=_choices(rows))
    except (KeyError, TypeError) as error:
        raise InstrumentError(f"item {fields.get('name')!r}: {error}") from error


def _choices(entries: Sequence[Mapping[str, Any]]) -> tuple[Choice, ...]:
    return tuple(Choice(value=str(entry["value"]), label=entry["label"]) for entry in entries)
