"""Researchers import XLSForms: a good one is stored and previewed with its skip logic; a
broken one is refused with every problem named by sheet, row and column."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from redbrolly.research.models import Study, StudyInstrument
from redbrolly.research.tests.helpers import make_study

pytestmark = pytest.mark.django_db

SURVEY = [
    ["type", "name", "label", "required", "relevant"],
    ["select_one yes_no", "slept_rough", "Have you slept rough this year?", "yes"],
    ["integer", "nights", "How many nights?", "yes", "${slept_rough} = 'yes'"],
    ["text", "where", "Where did you stay?", "no", "${nights} > 3"],
]
CHOICES = [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]
SETTINGS = [["form_title", "form_id"], ["Housing", "housing"]]


def workbook(tmp_path: Path, **sheets: Sequence[Sequence[object]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "housing.xlsx"
    book.save(path)
    return SimpleUploadedFile("housing.xlsx", path.read_bytes())


@pytest.fixture
def researcher(client, people):
    make_study()
    client.force_login(people("researcher"))
    return client


def upload(client, file, waves=("1",)):
    return client.post("/staff/research/cohort/instruments/", {"form_file": file, "waves": waves})


def test_a_form_with_skip_logic_imports_and_previews(researcher, tmp_path) -> None:
    file = workbook(tmp_path, survey=SURVEY, choices=CHOICES, settings=SETTINGS)
    response = upload(researcher, file)
    assert response["Location"] == "/staff/research/cohort/instruments/housing/"
    imported = StudyInstrument.objects.get()
    assert (imported.instrument_id, imported.title, imported.source_name) == (
        "housing",
        "Housing",
        "housing.xlsx",
    )
    assert Study.objects.get().followup_instruments[-1] == "housing"
    preview = researcher.get(imported_url := "/staff/research/cohort/instruments/housing/")
    assert preview.context["form"].shown == ["slept_rough"]
    posted = researcher.post(imported_url, {"slept_rough": "yes", "shown": ["slept_rough"]})
    assert posted.context["form"].shown == ["slept_rough", "nights"]
    answered = {"slept_rough": "yes", "nights": "5", "shown": ["slept_rough", "nights"]}
    assert researcher.post(imported_url, answered).context["form"].shown[-1] == "where"
    done = {**answered, "shown": ["slept_rough", "nights", "where"]}
    assert b"These answers are complete and valid" in researcher.post(imported_url, done).content


def test_a_malformed_form_is_refused_naming_sheet_row_and_column(researcher, tmp_path) -> None:
    survey = [*SURVEY[:2], ["integer", "nights", "", "maybe", "${slept} = 'yes'"], SURVEY[3]]
    file = workbook(tmp_path, survey=survey, choices=CHOICES)
    response = upload(researcher, file)
    assert response.status_code == 422
    problems = [str(problem) for problem in response.context["problems"]]
    assert "survey sheet, row 3, column label: missing label" in problems
    assert "survey sheet, row 3, column required: expected yes or no, found 'maybe'" in problems
    assert any(p.startswith("survey sheet, row 3, column relevant: unknown name") for p in problems)
    page = response.content.decode()
    assert "<td>survey</td><td>3</td><td>required</td>" in page
    assert not StudyInstrument.objects.exists()


def test_files_that_are_not_workbooks_or_reuse_a_built_in_id_are_refused(
    researcher, tmp_path
) -> None:
    text = SimpleUploadedFile("form.xlsx", b"type,name\ninteger,x\n")
    assert b"not an .xlsx workbook" in upload(researcher, text).content
    clash = workbook(tmp_path, survey=SURVEY, choices=CHOICES, settings=[["form_id"], ["phq9"]])
    response = upload(researcher, clash)
    assert "is a built-in instrument" in response.content.decode()
    assert not StudyInstrument.objects.exists()


def test_participants_answer_an_imported_form_in_its_wave(researcher, tmp_path, client) -> None:
    upload(researcher, workbook(tmp_path, survey=SURVEY, choices=CHOICES), waves=("0",))
    study = Study.objects.get()
    assert study.baseline_instruments[-1] == "housing"
    from redbrolly.research.selectors import study_instrument

    assert study_instrument(study, "housing").item("nights").relevant == "${slept_rough} = 'yes'"
