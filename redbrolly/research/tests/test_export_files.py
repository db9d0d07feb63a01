"""The exports: pseudonymised, typed by their codebook, readable by the analysis, and clean."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from django.core.management import call_command

from redbrolly.core.models import AuditEntry
from redbrolly.lib.testing import TEST_PASSWORD
from redbrolly.research import datasets, services
from redbrolly.research.analysis.did import did
from redbrolly.research.analysis.simulate import simulate_cohort
from redbrolly.research.demo import seed_cohort
from redbrolly.research.models import Participant, Study
from redbrolly.research.tests.helpers import (
    VALID_ANSWERS,
    answer_wave,
    consent_form,
    email_contact,
    enrol,
    make_study,
)

pytestmark = pytest.mark.django_db

FREE_TEXT = "I keep a knife in my bag since March"
ADDRESS = "ottilie.export.5521@example.org"


@pytest.fixture
def study(planted) -> Study:
    study = make_study(allow_free_text_export=True)
    seed_cohort(study, consent_form(study), n=40, rng=random.Random(3))
    enrolment = enrol(study, contact=email_contact(planted(ADDRESS)))
    safety = {"safety_strategies": ["other"], "safety_strategies_other": planted(FREE_TEXT)}
    answer_wave(enrolment.participant, 0, safety=safety)
    study.token = enrolment.token  # type: ignore[attr-defined]
    study.pseudonym = enrolment.participant.pseudonym  # type: ignore[attr-defined]
    return study


def read_long(long_csv: bytes, codebook_csv: bytes) -> pd.DataFrame:
    book = pd.read_csv(io.BytesIO(codebook_csv), keep_default_na=False)
    types = dict(zip(book.variable, book.pandas_dtype, strict=True))
    return pd.read_csv(io.BytesIO(long_csv), dtype=types, keep_default_na=False, na_values=[""])


def test_the_long_csv_round_trips_through_pandas_with_the_codebook_types(study) -> None:
    dataset = datasets.build(study)
    back = read_long(
        datasets.file_bytes(dataset, "long.csv"), datasets.file_bytes(dataset, "codebook.csv")
    )
    pd.testing.assert_frame_equal(back, dataset.long)
    assert len(back) == 2 * Participant.objects.filter(data_deleted=False).count()
    assert back["phq9_total"].dtype == "Int64" and back["eq5d_utility"].dtype == "float64"


def test_the_columns_the_analysis_expects_are_there_with_its_codes(study) -> None:
    long = datasets.build(study).long
    assert set(simulate_cohort(10).columns) <= set(long.columns)
    assert {"phq9_band", "gad7_band", "service_count", "gender", "region"} <= set(long.columns)
    assert set(long["arm"]) == {"member", "non_member"}
    assert set(long["wave"]) == {0, 1}
    assert set(long["any_violence"].dropna()) <= {0, 1}
    mine = long[long["participant"] == study.pseudonym].iloc[0]
    assert (mine["phq9_total"], mine["gad7_total"], mine["eq5d_utility"]) == (9, 14, 0.689)
    assert (mine["any_violence"], mine["violence_count"], mine["violence_types"]) == (1, 3, 2)
    assert (mine["migrant"], mine["region"], mine["safety_count"]) == (1, "west-yorkshire", 1)
    assert mine["cost"] == 10.0  # alerts read and checker used, at the default unit costs


def test_no_contact_detail_code_or_free_text_is_in_any_file(study) -> None:
    dataset = datasets.build(study)
    archive = zipfile.ZipFile(io.BytesIO(datasets.file_bytes(dataset, "export.zip")))
    token = study.token
    forbidden = [ADDRESS, FREE_TEXT, token, services.token_display(token), "example.org"]
    for name in archive.namelist():
        content = archive.read(name)
        for value in forbidden:
            assert value.encode() not in content, (name, value[:4])
    assert "safety_strategies_other" not in dataset.long.columns


def test_free_text_comes_only_when_asked_and_the_study_allows_it(study) -> None:
    assert FREE_TEXT in set(datasets.build(study, free_text=True).long["safety_strategies_other"])
    Study.objects.filter(pk=study.pk).update(allow_free_text_export=False)
    study.refresh_from_db()
    assert "safety_strategies_other" not in datasets.build(study, free_text=True).long.columns


def test_the_evaluation_runs_unchanged_on_the_long_export(study, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(datasets.file_bytes(datasets.build(study), "long.csv"))
    frame = pd.read_csv(path)
    result = did(frame, "phq9_total", "arm", "wave", "participant", ["sector", "migrant"])
    assert result.n_clusters > 30
    out = io.StringIO()
    args = ["--data", str(path), "--outcome", "eq5d_utility", "--arm", "arm"]
    call_command("evaluate", *args, "--wave", "wave", "--id", "participant", stdout=out)
    assert "did_cluster_robust" in out.getvalue()


def test_stata_and_spss_files_carry_variable_and_value_labels(study, tmp_path: Path) -> None:
    dataset = datasets.build(study)
    book = dataset.codebook()
    for kind, reader in (("dta", pyreadstat.read_dta), ("sav", pyreadstat.read_sav)):
        path = tmp_path / f"long.{kind}"
        path.write_bytes(datasets.file_bytes(dataset, f"long.{kind}"))
        frame, meta = reader(str(path))
        assert list(frame.columns) == list(book.stata_name)
        assert meta.column_names_to_labels["phq9_total"] == "PHQ-9 total (0-27)"
        assert meta.variable_value_labels["any_violence"] == {0: "no", 1: "yes"}
        assert len(frame) == len(dataset.long)
    wide, _variables = dataset.wide()
    assert len(wide) == Participant.objects.filter(data_deleted=False).count()
    assert {"phq9_total_0", "phq9_total_1", "arm"} <= set(wide.columns)


def test_the_export_asks_for_the_password_again_and_audits_each_file(client, people, study) -> None:
    researcher = people("researcher")
    client.force_login(researcher)
    page = client.get("/staff/research/cohort/export/")
    assert "/accounts/reauthenticate/" in page["Location"]
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    response = client.get("/staff/research/cohort/export/long.csv")
    assert response["Content-Disposition"].endswith('-long.csv"')
    entry = AuditEntry.objects.get(action="research.export.downloaded")
    rows = 2 * Participant.objects.filter(data_deleted=False).count()
    assert entry.details == {"file": "long.csv", "rows": rows, "free_text": False}
    assert client.get("/staff/research/cohort/export/secrets.txt").status_code == 404
    with_text = client.get("/staff/research/cohort/export/long.csv?free_text=1")
    assert FREE_TEXT.encode() in with_text.content


def test_people_without_the_export_permission_cannot_export(client, people, study) -> None:
    for name in ("analyst", "caseworker", "member", "admin"):
        client.force_login(people(name))
        assert client.get("/staff/research/cohort/export/long.csv").status_code == 403


def test_the_valid_answers_used_here_are_valid() -> None:
    from redbrolly.research.instruments.library import load_instrument
    from redbrolly.research.instruments.model import validate_answers

    for instrument_id, answers in VALID_ANSWERS.items():
        assert validate_answers(load_instrument(instrument_id), answers) == {}
