"""Alert text cut into plain and flagged parts, so templates can wrap flags in <mark>
without JavaScript and without marking anything safe by hand."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Part:
    text: str
    flag: Any = None  # a selectors.FieldFlag when this part is flagged
    number: int = 0


@dataclass(frozen=True)
class FlaggedField:
    name: str
    label: str
    parts: list[Part]
    flags: list[Any]


def parts(text: str, flags: Iterable[Any], first_number: int = 1) -> list[Part]:
    found, cursor = [], 0
    for number, item in enumerate(sorted(flags, key=lambda f: f.flag.start), first_number):
        start, end = item.flag.start, item.flag.end
        if start > cursor:
            found.append(Part(text[cursor:start]))
        found.append(Part(text[start:end], item, number))
        cursor = end
    if cursor < len(text):
        found.append(Part(text[cursor:]))
    return found


def label_for(name: str, labels: dict[str, str]) -> str:
    if name.startswith("translation:"):
        _prefix, language, attribute = name.split(":", 2)
        return f"{labels.get(attribute, attribute)} ({language})"
    if name.startswith("update:"):
        return labels.get("update", name)
    return labels.get(name, name)


def flagged_fields(texts: dict[str, str], flags: list[Any], labels: dict[str, str]) -> list[Any]:
    """One entry per non-empty field, flags numbered across the whole alert."""
    fields, number = [], 1
    for name, text in texts.items():
        if not text:
            continue
        mine = [item for item in flags if item.field == name]
        fields.append(FlaggedField(name, label_for(name, labels), parts(text, mine, number), mine))
        number += len(mine)
    return fields
