"""Scoring exported responses, one CSV row each, with errors a person can find in Excel."""

import pytest

from redbrolly.research.instruments.library import UnknownInstrument
from redbrolly.research.instruments.scoring import ScoringError, score_columns, score_rows


def phq9_row(**overrides: str) -> dict[str, str]:
    return {"participant": "P001"} | {f"phq9_{n}": "1" for n in range(1, 10)} | overrides


def test_each_row_keeps_its_columns_and_gains_the_scores() -> None:
    rows = score_rows("phq9", [phq9_row(), phq9_row(participant="P002", phq9_1="3")])
    assert rows[0] == phq9_row() | {"phq9_total": 9, "phq9_band": "mild"}
    assert rows[1]["phq9_total"] == 11
    assert rows[1]["participant"] == "P002"


def test_a_bad_value_is_named_by_spreadsheet_row_and_column() -> None:
    rows = [phq9_row(), phq9_row(), phq9_row(phq9_3="7")]
    with pytest.raises(ScoringError) as caught:
        score_rows("phq9", rows)
    assert caught.value.problems == ["row 4, column phq9_3: '7' is not one of 0, 1, 2, 3"]


def test_a_blank_cell_is_a_missing_score_not_an_error() -> None:
    [row] = score_rows("phq9", [phq9_row(phq9_9="")])
    assert (row["phq9_total"], row["phq9_band"]) == (None, None)


def test_a_missing_column_is_reported_against_the_header() -> None:
    row = phq9_row()
    del row["phq9_9"]
    with pytest.raises(ScoringError, match="row 1: missing column phq9_9"):
        score_rows("phq9", [row])


def test_answers_behind_skip_logic_are_ignored_when_the_question_was_skipped() -> None:
    row = {
        "viol_physical": "no",
        "viol_sexual": "no",
        "viol_robbery": "no",
        "viol_threats": "no",
        "viol_online": "no",
        "viol_reported": "yes",
    }
    row |= {
        f"viol_{kind}_{part}": ""
        for kind in ("physical", "sexual", "robbery", "threats", "online")
        for part in ("who", "count")
    }
    row |= {"viol_physical_who": "nonsense", "viol_reported_to": "police"}
    [scored] = score_rows("violence", [row])
    assert (scored["viol_any"], scored["viol_reported"]) == (0, None)


def test_eq5d_rows_get_a_profile_and_a_utility() -> None:
    row = {"mobility": "1", "self_care": "1", "usual_activities": "1", "pain_discomfort": "1"}
    [scored] = score_rows("eq5d3l_uk", [row | {"anxiety_depression": "2"}])
    assert (scored["eq5d_profile"], scored["eq5d_utility"]) == ("11112", 0.848)


def test_an_instrument_without_a_scorer_is_refused_with_the_known_ids() -> None:
    with pytest.raises(UnknownInstrument, match="known instruments: eq5d3l_uk, gad7, phq9"):
        score_rows("demographics", [])


def test_score_columns_are_known_without_any_rows() -> None:
    assert score_columns("gad7") == ["gad7_total", "gad7_band"]
    assert score_rows("gad7", []) == []
