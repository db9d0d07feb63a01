"""A researcher imports an XLSForm (refused with reasons when broken), previews its skip logic,
reads the dashboard and downloads the export."""

from __future__ import annotations

import io
import random

import openpyxl
import pandas as pd
import pytest

from redbrolly.lib.testing import TEST_PASSWORD
from redbrolly.research.demo import seed_cohort
from redbrolly.research.tests.helpers import consent_form, make_study

pytestmark = pytest.mark.django_db(transaction=True)

SURVEY = [
    ["type", "name", "label", "required", "relevant"],
    ["select_one yes_no", "slept_rough", "Have you slept rough this year?", "yes"],
    ["integer", "nights", "How many nights?", "yes", "${slept_rough} = 'yes'"],
]
CHOICES = [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]


def xlsx(tmp_path, name: str, survey: list[list[object]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in (("survey", survey), ("choices", CHOICES)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_a_researcher_imports_a_form_previews_it_and_exports(
    page, people, sign_in, axe, tmp_path
) -> None:
    study = make_study()
    seed_cohort(study, consent_form(study), n=30, rng=random.Random(5))
    people("researcher")
    sign_in(page, "researcher", staff=True)
    page.goto("/staff/research/")
    assert axe(page) == []
    page.get_by_role("link", name="Safety and wellbeing cohort").click()
    page.get_by_role("table", name="Participants by arm against target").wait_for()
    assert axe(page) == []

    page.get_by_role("link", name="Instruments").click()
    broken = [*SURVEY[:2], ["integer", "nights", "How many nights?", "often", "${slept} = 'yes'"]]
    page.get_by_label("XLSForm (.xlsx)").set_input_files(xlsx(tmp_path, "broken.xlsx", broken))
    page.get_by_role("button", name="Import").click()
    problems = page.get_by_role("table", name="Problems in the workbook")
    problems.get_by_role(
        "row", name="survey 3 required expected yes or no, found 'often'"
    ).wait_for()
    problems.get_by_role("row", name="survey 3 relevant unknown name 'slept'").wait_for()
    assert axe(page) == []

    page.get_by_label("XLSForm (.xlsx)").set_input_files(xlsx(tmp_path, "housing.xlsx", SURVEY))
    page.get_by_label("Follow-up").check()
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Imported housing.").wait_for()
    assert page.get_by_label("How many nights?").count() == 0
    page.get_by_role("group", name="Have you slept rough this year?").get_by_label("Yes").check()
    page.get_by_role("button", name="Check answers").click()
    page.get_by_label("How many nights?").fill("4")
    assert axe(page) == []
    page.get_by_role("button", name="Check answers").click()
    page.get_by_text("These answers are complete and valid.").wait_for()

    page.get_by_role("link", name="Export").click()
    page.get_by_label("Password").fill(TEST_PASSWORD)  # exports ask for the password again
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("heading", name="Export for analysis").wait_for()
    assert axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Long CSV: one row per participant and wave").click()
    long = pd.read_csv(download.value.path())
    assert {"participant", "wave", "arm", "arm_now", "phq9_total", "any_violence"} <= set(long)
    assert "nights" in long.columns
    assert len(long) == 2 * 28  # two withdrew and asked for their answers to be deleted
    assert not io.StringIO(long.to_csv()).getvalue().count("@")
