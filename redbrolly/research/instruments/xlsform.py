"""Import questionnaires written as XLSForms, the ODK/KoboToolbox spreadsheet standard.

Study staff design forms in a spreadsheet; this turns one into an `Instrument`, or refuses it with
every problem named by sheet, row and column as the author sees them in Excel (header = row 1).

Supported: select_one, select_multiple, integer, decimal, date, text, note, and groups (flattened,
their `relevant` combined with each question's by `and`). Device metadata rows (start, end,
today, deviceid, ...) are skipped. Repeats are refused: a response must be one flat row. The
`constraint` column is ignored, and the form's own `version` setting is superseded by the
content-derived instrument version.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from redbrolly.research.instruments import skiplogic
from redbrolly.research.instruments.model import Choice, Instrument, InstrumentError, Item

Sheets = Mapping[str, Sequence[Sequence[object]]]

SIMPLE_TYPES = {
    "integer": "integer",
    "decimal": "number",
    "date": "date",
    "text": "text",
    "note": "note",
}
SELECT_TYPES = {"select_one": "single", "select_multiple": "multi"}
METADATA_TYPES = frozenset(
    {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber"}
    | {"username", "email", "audit", "start-geopoint"}
)
UNSUPPORTED_TYPES = frozenset(
    {"calculate", "geopoint", "geotrace", "geoshape", "time", "datetime", "image", "audio"}
    | {"video", "file", "barcode", "acknowledge", "range", "rank", "hidden", "trigger"}
    | {"select_one_from_file", "select_multiple_from_file", "background-audio"}
)
TRUE_WORDS = frozenset({"yes", "true", "true()", "1"})
FALSE_WORDS = frozenset({"", "no", "false", "false()", "0"})


@dataclass(frozen=True)
class Problem:
    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [f"{self.sheet} sheet"] if self.sheet else []
        where += [f"row {self.row}"] if self.row else []
        where += [f"column {self.column}"] if self.column else []
        return f"{', '.join(where)}: {self.message}" if where else self.message


class XLSFormError(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Row:
    """A non-blank spreadsheet row: its number as Excel shows it, cells keyed by column name."""

    number: int
    cells: Mapping[str, str]

    def get(self, column: str | None) -> str:
        return self.cells.get(column, "") if column else ""


def load_xlsform(path: str | Path) -> Instrument:
    """An instrument from an .xlsx XLSForm; its id defaults to the file name."""
    return instrument_from_sheets(read_workbook(path), default_id=Path(path).stem)


def read_workbook(path: str | Path) -> dict[str, list[list[object]]]:
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError) as error:
        raise XLSFormError([Problem(None, None, None, f"cannot read {path}: {error}")]) from error
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def instrument_from_sheets(sheets: Sheets, *, default_id: str | None = None) -> Instrument:
    """An instrument from sheets given as rows of cell values, the header row first."""
    named = {name.strip().lower(): rows for name, rows in sheets.items()}
    if "survey" not in named:
        raise XLSFormError([Problem(None, None, None, "the workbook has no survey sheet")])
    reader = _FormReader(_choice_lists(named.get("choices", [])))
    reader.read_survey(_table(named["survey"]))
    form_id, title = _settings(named.get("settings", []), default_id, reader.problems)
    if reader.problems:
        raise XLSFormError(reader.problems)
    return reader.instrument(form_id, title)


def _cell_text(value: object) -> str:
    # Spreadsheets turn choice names like 1 into the number 1.0; authors meant "1".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _table(rows: Sequence[Sequence[object]]) -> tuple[list[str], list[Row]]:
    if not rows:
        return [], []
    header = [_column_name(cell) for cell in rows[0]]
    table = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {
            name: _cell_text(value) for name, value in zip(header, values, strict=False) if name
        }
        if any(cells.values()):
            table.append(Row(number, cells))
    return header, table


def _column_name(cell: object) -> str:
    # Column names match case-insensitively, but a language is kept as written for messages.
    base, separator, language = _cell_text(cell).partition("::")
    return base.strip().lower() + separator + language.strip()


def _label_column(header: Sequence[str], base: str) -> str | None:
    """`label`, else the English `label::...` column, else the first translation."""
    translations = [column for column in header if column.startswith(f"{base}::")]
    english = [c for c in translations if "english" in c.lower() or "(en)" in c.lower()]
    return base if base in header else next(iter(english + translations), None)


@dataclass
class _ChoiceLists:
    lists: dict[str, list[Choice]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _choice_lists(rows: Sequence[Sequence[object]]) -> _ChoiceLists:
    header, table = _table(rows)
    result = _ChoiceLists()
    label = _label_column(header, "label")
    for column in ("list_name", "name"):
        if table and column not in header:
            result.problems.append(Problem("choices", 1, None, f"missing column '{column}'"))
    if not result.problems:
        first_rows: dict[tuple[str, str], int] = {}
        for row in table:
            _add_choice(result, row, label, first_rows)
    return result


def _add_choice(
    result: _ChoiceLists, row: Row, label: str | None, first: dict[tuple[str, str], int]
) -> None:
    key = (row.get("list_name"), row.get("name"))
    problem = _choice_problem(row, label or "label", first.get(key))
    if problem:
        result.problems.append(Problem("choices", row.number, *problem))
        return
    first[key] = row.number
    result.lists.setdefault(key[0], []).append(Choice(key[1], row.get(label)))


def _choice_problem(row: Row, label: str, first_row: int | None) -> tuple[str, str] | None:
    list_name, name = row.get("list_name"), row.get("name")
    if not list_name:
        return "list_name", "missing list name"
    if not name:
        return "name", "missing choice name"
    if first_row is not None:
        return "name", f"duplicate choice '{name}' in list '{list_name}' (also in row {first_row})"
    if not row.get(label):
        return label, "missing label"
    return None


def _settings(
    rows: Sequence[Sequence[object]], default_id: str | None, problems: list[Problem]
) -> tuple[str, str]:
    _, table = _table(rows)
    values = table[0].cells if table else {}
    form_id = values.get("form_id") or default_id or ""
    if not form_id:
        problems.append(Problem("settings", 2, "form_id", "the form needs a form_id"))
    return form_id, values.get("form_title") or form_id


@dataclass(frozen=True)
class _Question:
    row: Row
    type: str
    required: bool
    choices: tuple[Choice, ...]
    relevant: tuple[str, ...]  # the enclosing groups' expressions, then the question's own


class _FormReader:
    """Reads the survey sheet row by row, collecting problems rather than stopping at the first."""

    def __init__(self, choice_lists: _ChoiceLists) -> None:
        self.lists = choice_lists.lists
        self.problems: list[Problem] = list(choice_lists.problems)
        self.questions: list[_Question] = []
        self.group_rows: list[Row] = []
        self.open_groups: list[Row] = []  # outermost first
        self.names: dict[str, int] = {}  # name -> the row that first used it
        self.label = "label"
        self.hint = "hint"

    def problem(self, row: Row, column: str | None, message: str) -> None:
        self.problems.append(Problem("survey", row.number, column, message))

    def read_survey(self, table: tuple[list[str], list[Row]]) -> None:
        header, rows = table
        missing = [column for column in ("type", "name") if column not in header]
        for column in missing:
            self.problems.append(Problem("survey", 1, None, f"missing column '{column}'"))
        if missing:
            return
        self.label = _label_column(header, "label") or "label"
        self.hint = _label_column(header, "hint") or "hint"
        for row in rows:
            self.read_row(row)
        for group in self.open_groups:
            self.problem(group, "type", f"group '{group.get('name')}' has no 'end group'")
        self.check_relevance()

    def read_row(self, row: Row) -> None:
        kind = row.get("type")
        keyword = " ".join(kind.lower().replace("_", " ").split())
        if keyword in ("begin group", "end group", "begin repeat", "end repeat"):
            self.read_structure(row, keyword)
        elif not kind:
            self.problem(row, "type", "missing question type")
        elif kind not in METADATA_TYPES:
            self.read_question(row, kind)

    def read_structure(self, row: Row, keyword: str) -> None:
        if keyword == "begin group":
            self.claim_name(row)
            self.group_rows.append(row)
            self.open_groups.append(row)
        elif keyword == "end group" and self.open_groups:
            self.open_groups.pop()
        elif keyword == "end group":
            self.problem(row, "type", "'end group' without a matching 'begin group'")
        elif keyword == "begin repeat":
            message = "repeats are not supported: each response must be one row of answers"
            self.problem(row, "type", message)

    def read_question(self, row: Row, kind: str) -> None:
        item_type, choices = self.question_type(row, kind)
        self.claim_name(row)
        if not row.get(self.label):
            self.problem(row, self.label, "missing label")
        required = _required(row.get("required"))
        if required is None:
            self.problem(row, "required", f"expected yes or no, found '{row.get('required')}'")
        relevant = [group.get("relevant") for group in self.open_groups] + [row.get("relevant")]
        if item_type is not None:
            question = _Question(row, item_type, bool(required), choices, _present(relevant))
            self.questions.append(question)

    def question_type(self, row: Row, kind: str) -> tuple[str | None, tuple[Choice, ...]]:
        words = kind.split()
        if words[0] in SELECT_TYPES:
            return self.select_type(row, words)
        if kind in SIMPLE_TYPES:
            return SIMPLE_TYPES[kind], ()
        adjective = "unsupported" if words[0] in UNSUPPORTED_TYPES else "unknown"
        self.problem(row, "type", f"{adjective} question type '{words[0]}'")
        return None, ()

    def select_type(self, row: Row, words: list[str]) -> tuple[str | None, tuple[Choice, ...]]:
        if len(words) != 2:
            self.problem(row, "type", f"expected '{words[0]} LIST_NAME', found '{' '.join(words)}'")
            return None, ()
        if words[1] not in self.lists:
            self.problem(row, "type", f"choice list '{words[1]}' is not in the choices sheet")
            return None, ()
        return SELECT_TYPES[words[0]], tuple(self.lists[words[1]])

    def claim_name(self, row: Row) -> None:
        name = row.get("name")
        if not name:
            self.problem(row, "name", "missing name")
        elif not skiplogic.NAME_RE.fullmatch(name):
            self.problem(row, "name", f"'{name}' is not a valid name (letters, digits, _ . -)")
        elif name in self.names:
            self.problem(row, "name", f"duplicate name '{name}' (also in row {self.names[name]})")
        else:
            self.names[name] = row.number

    def check_relevance(self) -> None:
        # Checked once every name is known, so a question may refer to a later one, as in ODK.
        # A question refused for its type still has a name, so it does not add a second problem.
        names = set(self.names) - {group.get("name") for group in self.group_rows}
        rows = self.group_rows + [question.row for question in self.questions]
        for row in sorted(rows, key=lambda row: row.number):
            self.check_expression(row, names)

    def check_expression(self, row: Row, names: set[str]) -> None:
        expression = row.get("relevant")
        if not expression:
            return
        try:
            skiplogic.parse(expression, names)
        except skiplogic.SkipLogicError as error:
            self.problem(row, "relevant", str(error))

    def instrument(self, form_id: str, title: str) -> Instrument:
        try:
            items = [self.item(question) for question in self.questions]
            return Instrument.create(id=form_id, title=title, items=items)
        except InstrumentError as error:
            # The rows above catch what authors get wrong; this is the model's last word.
            raise XLSFormError([Problem("survey", None, None, str(error))]) from error

    def item(self, question: _Question) -> Item:
        return Item(
            name=question.row.get("name"),
            type=question.type,
            label=question.row.get(self.label),
            required=question.required,
            choices=question.choices,
            relevant=_combine(question.relevant),
            hint=question.row.get(self.hint),
        )


def _required(text: str) -> bool | None:
    word = text.strip().lower()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def _present(expressions: Sequence[str]) -> tuple[str, ...]:
    return tuple(expression for expression in expressions if expression)


def _combine(expressions: Sequence[str]) -> str | None:
    if len(expressions) < 2:
        return next(iter(expressions), None)
    return " and ".join(f"({expression})" for expression in expressions)
