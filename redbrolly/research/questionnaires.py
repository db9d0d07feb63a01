"""Questionnaires on the web: instruments as Django forms, one instrument per page.

Skip logic runs on the server, so no JavaScript is needed: a page shows the questions the saved
answers make relevant; after each POST the relevant set is worked out again, and if it changed
(a "yes" that opens follow-up questions) the page comes back with the new questions rather than
an error. Validation messages come from the instrument model, so the web, the scoring command
and the export agree on what a valid answer is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms

from redbrolly.research.instruments.library import (
    UnknownInstrument,
    instrument_from_dict,
    instrument_ids,
    load_instrument,
)
from redbrolly.research.instruments.model import (
    Instrument,
    Item,
    relevant_answers,
    relevant_items,
    validate_answers,
)

MATRIX_SEPARATOR = "__"
# A scale this wide is a number box, not a row of radio buttons.
MAX_SCALE_RADIOS = 11
TEXT_MAX_LENGTH = 2000


def instrument_to_dict(instrument: Instrument) -> dict[str, Any]:
    """The definition as `library.instrument_from_dict` reads it (stored for imports)."""
    return {
        "id": instrument.id,
        "title": instrument.title,
        "scoring": instrument.scoring,
        "items": [dataclasses.asdict(item) for item in instrument.items],
    }


def resolve_instrument(instrument_id: str, imported: Mapping[str, dict[str, Any]]) -> Instrument:
    """A study's instrument: one it imported, else one from the shipped library."""
    if instrument_id in imported:
        return instrument_from_dict(imported[instrument_id])
    if instrument_id in instrument_ids():
        return load_instrument(instrument_id)
    raise UnknownInstrument(instrument_id, [*instrument_ids(), *imported])


def matrix_field(item: Item, row: str) -> str:
    return f"{item.name}{MATRIX_SEPARATOR}{row}"


def _choices(item: Item) -> list[tuple[str, str]]:
    return [(choice.value, choice.label) for choice in item.choices]


def _scale_choices(item: Item) -> list[tuple[str, str]]:
    low, high = int(item.min or 0), int(item.max or 0)
    return [(str(value), str(value)) for value in range(low, high + 1)]


def _text_input(mode: str) -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": mode, "autocomplete": "off"})


def field_for(item: Item) -> forms.Field:
    """The form field of one (non-matrix) item; required-ness is checked by the model."""
    common: dict[str, Any] = {"label": item.label, "required": False, "help_text": item.hint}
    if item.type == "single":
        return forms.ChoiceField(choices=_choices(item), widget=forms.RadioSelect, **common)
    if item.type == "multi":
        checkboxes = forms.CheckboxSelectMultiple
        return forms.MultipleChoiceField(choices=_choices(item), widget=checkboxes, **common)
    if item.type == "scale" and len(_scale_choices(item)) <= MAX_SCALE_RADIOS:
        return forms.ChoiceField(choices=_scale_choices(item), widget=forms.RadioSelect, **common)
    if item.type in ("integer", "scale"):
        return forms.CharField(widget=_text_input("numeric"), max_length=20, **common)
    if item.type == "number":
        return forms.CharField(widget=_text_input("decimal"), max_length=30, **common)
    if item.type == "date":
        calendar = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return forms.CharField(widget=calendar, max_length=10, **common)
    box = forms.Textarea(attrs={"rows": 3})
    return forms.CharField(widget=box, max_length=TEXT_MAX_LENGTH, strip=True, **common)


@dataclass
class Question:
    """What the template renders for one item: a note, a field, or a matrix of row fields."""

    item: Item
    fields: list[forms.BoundField]
    error: str = ""

    @property
    def is_note(self) -> bool:
        return self.item.type == "note"

    @property
    def is_matrix(self) -> bool:
        return self.item.type == "matrix"


class InstrumentForm(forms.Form):
    """The items an instrument shows now, named after the items (matrix rows `item__row`)."""

    def __init__(self, *args: Any, instrument: Instrument, items: Sequence[Item], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.items = list(items)
        self.item_errors: dict[str, str] = {}
        for item in self.items:
            self._add_fields(item)

    def _add_fields(self, item: Item) -> None:
        if item.type == "note":
            return
        if item.type != "matrix":
            self.fields[item.name] = field_for(item)
            return
        for row in item.rows:
            self.fields[matrix_field(item, row.value)] = forms.ChoiceField(
                label=row.label, choices=_choices(item), widget=forms.RadioSelect, required=False
            )

    @property
    def shown(self) -> list[str]:
        return [item.name for item in self.items]

    def questions(self) -> list[Question]:
        return [
            Question(item, self._bound_fields(item), self.item_errors.get(item.name, ""))
            for item in self.items
        ]

    def _bound_fields(self, item: Item) -> list[forms.BoundField]:
        if item.type == "note":
            return []
        if item.type == "matrix":
            return [self[matrix_field(item, row.value)] for row in item.rows]
        return [self[item.name]]

    def posted_answers(self) -> dict[str, object]:
        """The answers on this page as the instrument model reads them; blanks left out."""
        data = self.cleaned_data
        answers: dict[str, object] = {}
        for item in self.items:
            value = _posted_value(item, data)
            if value not in (None, "", [], {}):
                answers[item.name] = value
        return answers


def _posted_value(item: Item, data: Mapping[str, Any]) -> object:
    if item.type == "note":
        return None
    if item.type == "matrix":
        rows = {row.value: data.get(matrix_field(item, row.value)) or "" for row in item.rows}
        return {row: value for row, value in rows.items() if value}
    if item.type == "multi":
        return list(data.get(item.name) or [])
    return data.get(item.name)


def initial_for(items: Sequence[Item], answers: Mapping[str, Any]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for item in items:
        value = answers.get(item.name)
        if item.type == "matrix" and isinstance(value, Mapping):
            for row, answer in value.items():
                initial[matrix_field(item, row)] = answer
        elif value is not None:
            initial[item.name] = [str(v) for v in value] if isinstance(value, list) else value
    return initial


def page_form(
    instrument: Instrument,
    saved: Mapping[str, Any],
    data: Mapping[str, Any] | None = None,
    shown: Sequence[str] | None = None,
) -> InstrumentForm:
    """The form for a page: the items the saved answers make relevant, or, for a POST, the
    items the page showed (its hidden `shown` list), so what was answered is what is read."""
    items = relevant_items(instrument, saved)
    if shown:
        items = items_named(instrument, shown) or items
    return InstrumentForm(
        data, instrument=instrument, items=items, initial=initial_for(items, saved)
    )


@dataclass(frozen=True)
class PageOutcome:
    """What a POSTed page leads to: answers to save, and whether the page is finished."""

    answers: dict[str, object]
    complete: bool
    errors: dict[str, str]
    changed: bool
    shown: list[str]


def submit_page(
    instrument: Instrument, saved: Mapping[str, Any], shown: Sequence[str], posted: dict
) -> PageOutcome:
    """Merge a page's answers into the saved ones and decide what happens next.

    Answers that are not valid (a word where a number goes) are not saved, but the form keeps
    what was typed; answers to questions the new answers skip are dropped, as in ODK.
    """
    merged = {name: value for name, value in saved.items() if name not in shown}
    merged.update(posted)
    format_errors = validate_answers(instrument, merged, partial=True)
    valid = {name: value for name, value in merged.items() if name not in format_errors}
    answers = relevant_answers(instrument, valid)
    now_shown = [item.name for item in relevant_items(instrument, merged)]
    if now_shown != list(shown):
        errors = {name: error for name, error in format_errors.items() if name in shown}
        return PageOutcome(answers, False, errors, changed=True, shown=now_shown)
    errors = validate_answers(instrument, merged)
    return PageOutcome(answers, not errors, errors, changed=False, shown=now_shown)


def form_after(
    instrument: Instrument, outcome: PageOutcome, data: Mapping[str, Any]
) -> InstrumentForm:
    """The page again, with what was typed, the questions now relevant and the errors."""
    items = [item for item in instrument.items if item.name in outcome.shown]
    initial = initial_for(items, outcome.answers)
    form = InstrumentForm(_with_initial(data, initial), instrument=instrument, items=items)
    form.is_valid()
    form.item_errors = dict(outcome.errors)
    return form


def _with_initial(data: Mapping[str, Any], initial: Mapping[str, Any]) -> Any:
    """POSTed data plus saved answers for questions that were not on the page just sent."""
    merged = data.copy() if hasattr(data, "copy") else dict(data)
    for name, value in initial.items():
        if name in merged:
            continue
        if isinstance(value, list) and hasattr(merged, "setlist"):
            merged.setlist(name, value)
        else:
            merged[name] = value
    return merged


def is_eligible(instrument: Instrument, answers: Mapping[str, Any]) -> bool:
    """Eligible when every yes/no screening question was answered yes."""
    screening = [
        item for item in instrument.items if item.type == "single" and "yes" in item.choice_values
    ]
    return bool(screening) and all(answers.get(item.name) == "yes" for item in screening)


def items_named(instrument: Instrument, names: Sequence[str]) -> list[Item]:
    """The instrument's items among `names`, in the instrument's order (a page's hidden list)."""
    wanted = set(names)
    return [item for item in instrument.items if item.name in wanted]
