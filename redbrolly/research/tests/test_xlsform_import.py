"""Importing XLSForms: a valid form becomes an instrument; a broken one is refused, with the
sheet, row and column that a person would look at in Excel."""

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from redbrolly.research.instruments.model import Instrument, validate_answers
from redbrolly.research.instruments.xlsform import (
    XLSFormError,
    instrument_from_sheets,
    load_xlsform,
)

Rows = list[list[object]]

SURVEY_HEADER: list[object] = [
    "type",
    "name",
    "label::English (en)",
    "required",
    "relevant",
    "hint",
]
SURVEY: Rows = [
    SURVEY_HEADER,
    ["start", "start"],
    ["select_one yes_no", "hurt", "Has anyone hurt you?", "yes"],
    ["begin group", "details", "About what happened", None, "${hurt} = 'yes'"],
    ["select_multiple who", "who", "Who did it?", "yes"],
    ["text", "who_other", "Who else?", "TRUE", "selected(${who}, 'other')"],
    ["integer", "times", "How many times?", None, None, "Your best guess is fine"],
    ["end group"],
    ["note", "thanks", "Thank you"],
]
CHOICES: Rows = [
    ["list_name", "name", "label::English (en)"],
    ["yes_no", "yes", "Yes"],
    ["yes_no", "no", "No"],
    ["who", "client", "A client"],
    ["who", "police", "Police"],
    ["who", "other", "Someone else"],
]
SETTINGS: Rows = [["form_title", "form_id", "version"], ["Safety check", "safety_check", 2024]]


def write_xlsform(path: Path, **sheets: Rows) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def refusal(path: Path) -> list[str]:
    with pytest.raises(XLSFormError) as caught:
        load_xlsform(path)
    return [str(problem) for problem in caught.value.problems]


def with_row(rows: Rows, number: int, row: list[object]) -> Rows:
    """`rows` with spreadsheet row `number` (header = 1) replaced."""
    return [*rows[: number - 1], row, *rows[number:]]


@pytest.fixture
def form(tmp_path: Path) -> Instrument:
    path = write_xlsform(tmp_path / "form.xlsx", survey=SURVEY, choices=CHOICES, settings=SETTINGS)
    return load_xlsform(path)


def test_a_valid_form_imports_with_its_settings_and_questions(form: Instrument) -> None:
    assert (form.id, form.title) == ("safety_check", "Safety check")
    assert [(item.name, item.type) for item in form.items] == [
        ("hurt", "single"),
        ("who", "multi"),
        ("who_other", "text"),
        ("times", "integer"),
        ("thanks", "note"),
    ]
    assert form.item("who").choice_values == ("client", "police", "other")
    assert form.item("who_other").required
    assert form.item("times").hint == "Your best guess is fine"


def test_a_groups_skip_logic_is_combined_with_each_question_in_it(form: Instrument) -> None:
    assert form.item("who").relevant == "${hurt} = 'yes'"
    assert form.item("who_other").relevant == "(${hurt} = 'yes') and (selected(${who}, 'other'))"
    assert form.item("thanks").relevant is None


def test_the_imported_form_validates_answers_by_its_skip_logic(form: Instrument) -> None:
    assert validate_answers(form, {"hurt": "no"}) == {}
    assert validate_answers(form, {"hurt": "yes"}) == {"who": "This question is required"}
    errors = validate_answers(form, {"hurt": "yes", "who": "client other"})
    assert errors == {"who_other": "This question is required"}


def test_the_form_id_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = write_xlsform(tmp_path / "baseline.xlsx", survey=SURVEY, choices=CHOICES)
    assert load_xlsform(path).id == "baseline"


def test_the_english_label_is_chosen_among_translations(tmp_path: Path) -> None:
    survey: Rows = [
        ["type", "name", "label::Français (fr)", "label::English (en)"],
        ["text", "q", "Autre chose ?", "Anything else?"],
    ]
    assert load_xlsform(write_xlsform(tmp_path / "f.xlsx", survey=survey)).items[0].label == (
        "Anything else?"
    )


def test_numeric_choice_names_stay_as_written(tmp_path: Path) -> None:
    survey: Rows = [["type", "name", "label"], ["select_one level", "level", "Level"]]
    choices: Rows = [["list_name", "name", "label"], ["level", 1, "One"], ["level", 2.0, "Two"]]
    form = load_xlsform(write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=choices))
    assert form.items[0].choice_values == ("1", "2")


def test_an_unknown_question_type_is_named_by_sheet_row_and_column(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 7, ["select_won yes_no", "times", "How many times?"])
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    assert refusal(path) == ["survey sheet, row 7, column type: unknown question type 'select_won'"]


def test_a_blank_row_still_counts_in_row_numbers(tmp_path: Path) -> None:
    survey: Rows = [["type", "name", "label"], ["text", "a", "A"], [], ["select_won", "b", "B"]]
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey)
    assert refusal(path) == ["survey sheet, row 4, column type: unknown question type 'select_won'"]


def test_an_unsupported_type_is_refused_as_unsupported(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 7, ["geopoint", "where", "Where are you?"])
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    assert refusal(path) == [
        "survey sheet, row 7, column type: unsupported question type 'geopoint'"
    ]


def test_a_duplicate_name_points_at_both_rows(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 7, ["integer", "hurt", "How many times?"])
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    assert refusal(path) == [
        "survey sheet, row 7, column name: duplicate name 'hurt' (also in row 3)"
    ]


def test_a_choice_list_missing_from_the_choices_sheet_is_refused(tmp_path: Path) -> None:
    path = write_xlsform(tmp_path / "f.xlsx", survey=SURVEY, choices=CHOICES[:3])
    assert refusal(path) == [
        "survey sheet, row 5, column type: choice list 'who' is not in the choices sheet"
    ]


def test_skip_logic_naming_an_unknown_question_is_refused(tmp_path: Path) -> None:
    survey = with_row(
        SURVEY, 6, ["text", "who_other", "Who else?", "yes", "selected(${whom}, 'other')"]
    )
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    assert refusal(path) == [
        "survey sheet, row 6, column relevant: unknown name 'whom' at character 10"
    ]


def test_skip_logic_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 4, ["begin group", "details", "Details", None, "${hurt} == 'yes'"])
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    assert refusal(path) == ["survey sheet, row 4, column relevant: unexpected '=' at character 10"]


def test_a_workbook_without_a_survey_sheet_is_refused(tmp_path: Path) -> None:
    path = write_xlsform(tmp_path / "f.xlsx", choices=CHOICES, settings=SETTINGS)
    assert refusal(path) == ["the workbook has no survey sheet"]


def test_repeats_are_refused_because_a_response_must_be_one_row(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 4, ["begin repeat", "incidents", "Each incident"])
    survey = with_row(survey, 8, ["end repeat"])
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=CHOICES)
    [problem] = refusal(path)
    assert problem.startswith("survey sheet, row 4, column type: repeats are not supported")


def test_groups_must_open_and_close(tmp_path: Path) -> None:
    unclosed = write_xlsform(tmp_path / "a.xlsx", survey=SURVEY[:7], choices=CHOICES)
    assert refusal(unclosed) == [
        "survey sheet, row 4, column type: group 'details' has no 'end group'"
    ]
    unopened = write_xlsform(
        tmp_path / "b.xlsx", survey=[SURVEY[0], SURVEY[2], ["end group"]], choices=CHOICES
    )
    assert refusal(unopened) == [
        "survey sheet, row 3, column type: 'end group' without a matching 'begin group'"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    survey = with_row(SURVEY, 3, ["select_one yes_no", "hurt", "", "perhaps"])
    survey = with_row(survey, 9, ["notte", "thanks", "Thank you"])
    choices: Rows = [*CHOICES, ["yes_no", "yes", "Yes again"]]
    path = write_xlsform(tmp_path / "f.xlsx", survey=survey, choices=choices)
    assert refusal(path) == [
        "choices sheet, row 7, column name: "
        "duplicate choice 'yes' in list 'yes_no' (also in row 2)",
        "survey sheet, row 3, column label::English (en): missing label",
        "survey sheet, row 3, column required: expected yes or no, found 'perhaps'",
        "survey sheet, row 9, column type: unknown question type 'notte'",
    ]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_text("type,name,label\n")
    [problem] = refusal(path)
    assert problem.startswith(f"cannot read {path}")


def test_a_form_without_any_id_is_refused() -> None:
    with pytest.raises(XLSFormError, match="settings sheet, row 2, column form_id"):
        instrument_from_sheets({"survey": SURVEY, "choices": CHOICES})


CELLS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "select_one yes_no",
            "select_multiple who",
            "integer",
            "text",
            "note",
            "decimal",
            "begin group",
            "end group",
            "begin_repeat",
            "select_won",
            "start",
            "yes",
            "no",
            "hurt",
            "who",
            "${hurt} = 'yes'",
            "${hurt",
            "selected(${who}, 'x')",
            "two words",
        ]
    ),
    st.text(max_size=6),
    st.integers(),
    st.floats(),
)
ROWS = st.lists(st.lists(CELLS, max_size=6), max_size=8)


@given(ROWS, ROWS)
def test_any_spreadsheet_either_imports_or_is_refused_with_problems(
    survey: Rows, choices: Rows
) -> None:
    sheets = {"survey": [SURVEY_HEADER, *survey], "choices": [CHOICES[0], *choices]}
    try:
        instrument = instrument_from_sheets(sheets, default_id="fuzz")
    except XLSFormError as error:
        assert error.problems
    else:
        assert isinstance(instrument, Instrument)
