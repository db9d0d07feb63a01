"""Answers are checked against an instrument, honouring its skip logic."""

import datetime
import re

import pytest

from redbrolly.research.instruments.model import (
    Choice,
    Instrument,
    InstrumentError,
    Item,
    instrument_version,
    relevant_answers,
    validate_answers,
)

YES_NO = (Choice("yes", "Yes"), Choice("no", "No"))
WHO = (Choice("client", "A client"), Choice("police", "Police"), Choice("other", "Someone else"))


def instrument(*items: Item) -> Instrument:
    return Instrument.create(id="test", title="Test", items=items)


HURT = instrument(
    Item("hurt", "single", "Has anyone hurt you?", required=True, choices=YES_NO),
    Item("who", "multi", "Who?", required=True, choices=WHO, relevant="${hurt} = 'yes'"),
    Item("who_other", "text", "Who else?", required=True, relevant="selected(${who}, 'other')"),
    Item("times", "integer", "How many times?", min=1, max=99, relevant="${hurt} = 'yes'"),
)


def test_a_required_question_left_blank_is_an_error() -> None:
    assert validate_answers(HURT, {}) == {"hurt": "This question is required"}
    assert validate_answers(HURT, {"hurt": "  "}) == {"hurt": "This question is required"}


def test_a_skipped_question_is_not_required() -> None:
    assert validate_answers(HURT, {"hurt": "no"}) == {}


def test_a_question_switched_on_by_skip_logic_is_required() -> None:
    assert validate_answers(HURT, {"hurt": "yes"}) == {"who": "This question is required"}
    errors = validate_answers(HURT, {"hurt": "yes", "who": ["client", "other"]})
    assert errors == {"who_other": "This question is required"}


def test_answers_to_skipped_questions_are_neither_checked_nor_kept() -> None:
    answers = {"hurt": "no", "who": ["nonsense"], "times": "lots"}
    assert validate_answers(HURT, answers) == {}
    assert relevant_answers(HURT, answers) == {"hurt": "no"}


def test_a_skipped_answer_cannot_switch_on_questions_that_depend_on_it() -> None:
    answers = {"hurt": "no", "who": ["other"], "who_other": "a neighbour"}
    assert relevant_answers(HURT, answers) == {"hurt": "no"}


def test_a_choice_not_offered_is_named_with_the_choices_that_are() -> None:
    assert validate_answers(HURT, {"hurt": "maybe"}) == {"hurt": "'maybe' is not one of yes, no"}
    errors = validate_answers(HURT, {"hurt": "yes", "who": "client neighbour"})
    assert errors == {"who": "'neighbour' is not one of client, police, other"}


@pytest.mark.parametrize(
    ("times", "error"),
    [
        ("0", "Enter 1 or more"),
        (100, "Enter 99 or less"),
        ("2.5", "Enter a whole number"),
        ("three", "Enter a whole number"),
        (True, "Enter a whole number"),
    ],
)
def test_a_count_must_be_a_whole_number_in_range(times: object, error: str) -> None:
    answers = {"hurt": "yes", "who": ["client"], "times": times}
    assert validate_answers(HURT, answers) == {"times": error}


def test_numbers_and_scales_check_their_ranges() -> None:
    form = instrument(
        Item("weight", "number", "Weight", min=30, max=300),
        Item("rating", "scale", "How safe do you feel?", min=0, max=10),
    )
    assert validate_answers(form, {"weight": "72.5", "rating": 10}) == {}
    assert validate_answers(form, {"weight": "nan", "rating": 11}) == {
        "weight": "Enter a number",
        "rating": "Enter 10 or less",
    }


@pytest.mark.parametrize("value", ["2025-02-30", "30/01/2025", "2025-1-3", "20250103", 20250103])
def test_a_date_must_be_a_real_yyyy_mm_dd_date(value: object) -> None:
    form = instrument(Item("when", "date", "When?"))
    assert validate_answers(form, {"when": value}) == {"when": "Enter a date as YYYY-MM-DD"}


def test_a_date_may_be_text_or_a_date() -> None:
    form = instrument(Item("when", "date", "When?"))
    assert validate_answers(form, {"when": "2025-01-03"}) == {}
    assert validate_answers(form, {"when": datetime.date(2025, 1, 3)}) == {}


def test_a_required_matrix_needs_every_row() -> None:
    rows = (Choice("day", "In the day"), Choice("night", "At night"))
    form = instrument(Item("safe", "matrix", "How safe?", required=True, choices=YES_NO, rows=rows))
    assert validate_answers(form, {"safe": {"day": "yes", "night": "no"}}) == {}
    assert validate_answers(form, {"safe": {"day": "yes"}}) == {"safe": "Answer every row"}
    assert validate_answers(form, {"safe": {"day": "yes", "night": "x"}}) == {
        "safe": "'x' is not one of yes, no"
    }


def test_partial_validation_allows_gaps_but_not_wrong_values() -> None:
    assert validate_answers(HURT, {}, partial=True) == {}
    assert validate_answers(HURT, {"hurt": "y"}, partial=True) == {
        "hurt": "'y' is not one of yes, no"
    }


def test_notes_take_no_answer() -> None:
    form = instrument(Item("intro", "note", "These questions are about safety."))
    assert validate_answers(form, {"intro": "anything"}) == {}
    assert relevant_answers(form, {"intro": "anything"}) == {}


def test_any_change_of_wording_gives_a_new_version() -> None:
    before = (Item("q", "single", "Are you safe?", choices=YES_NO),)
    reworded = (Item("q", "single", "Do you feel safe?", choices=YES_NO),)
    relabelled = (Item("q", "single", "Are you safe?", choices=(YES_NO[0], Choice("no", "Nope"))),)
    versions = {instrument_version(items) for items in (before, reworded, relabelled)}
    assert len(versions) == 3
    assert re.fullmatch(r"[0-9a-f]{12}", instrument_version(before))


def test_the_version_does_not_depend_on_how_a_bound_was_spelt() -> None:
    as_int = (Item("n", "integer", "How many?", min=1, max=9),)
    as_float = (Item("n", "integer", "How many?", min=1.0, max=9.0),)
    assert instrument_version(as_int) == instrument_version(as_float)


def test_a_version_that_does_not_match_the_items_is_refused() -> None:
    items = (Item("q", "text", "Anything else?"),)
    with pytest.raises(InstrumentError, match="does not match"):
        Instrument(id="test", title="Test", version="000000000000", items=items)


@pytest.mark.parametrize(
    ("items", "problem"),
    [
        ((Item("q", "text", "A"), Item("q", "text", "B")), "'q' repeats"),
        ((Item("q", "text", "A", relevant="${missing} = 'yes'"),), "unknown name 'missing'"),
    ],
)
def test_an_instrument_with_broken_names_is_refused(items: tuple[Item, ...], problem: str) -> None:
    with pytest.raises(InstrumentError, match=problem):
        instrument(*items)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"name": "two words", "type": "text"}, "name"),
        ({"name": "q", "type": "slider"}, "unknown type 'slider'"),
        ({"name": "q", "type": "single"}, "choices"),
        ({"name": "q", "type": "text", "choices": YES_NO}, "choices"),
        ({"name": "q", "type": "single", "choices": YES_NO + YES_NO[:1]}, "repeat"),
        ({"name": "q", "type": "matrix", "choices": YES_NO}, "rows"),
        ({"name": "q", "type": "scale", "min": 0}, "min and max"),
        ({"name": "q", "type": "integer", "min": 5, "max": 1}, "min is above max"),
    ],
)
def test_an_item_that_cannot_be_asked_is_refused(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(InstrumentError, match=problem):
        Item(label="Question", **fields)  # type: ignore[arg-type]
