"""PHQ-9 (Kroenke, Spitzer & Williams 2001) and GAD-7 (Spitzer et al. 2006) totals and bands."""

import pytest

from redbrolly.research.instruments.scoring import SCORERS, score_gad7, score_phq9


def answers_totalling(prefix: str, items: int, total: int) -> dict[str, object]:
    """Item responses (each 0-3) that add up to `total`, filling items from the first."""
    levels = [min(3, max(0, total - 3 * index)) for index in range(items)]
    return {f"{prefix}_{number}": level for number, level in enumerate(levels, start=1)}


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_total_falls_in_the_published_band(total: int, band: str) -> None:
    scores = score_phq9(answers_totalling("phq9", 9, total))
    assert scores == {"phq9_total": total, "phq9_band": band}


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_total_falls_in_the_published_band(total: int, band: str) -> None:
    scores = score_gad7(answers_totalling("gad7", 7, total))
    assert scores == {"gad7_total": total, "gad7_band": band}


def test_answers_from_a_csv_score_like_numbers() -> None:
    answers = {f"phq9_{number}": "1" for number in range(1, 10)}
    assert score_phq9(answers) == {"phq9_total": 9, "phq9_band": "mild"}


@pytest.mark.parametrize("missing", [None, "", "  "])
def test_one_missing_item_leaves_the_total_missing_rather_than_prorated(missing: object) -> None:
    answers = answers_totalling("phq9", 9, 12) | {"phq9_4": missing}
    assert score_phq9(answers) == {"phq9_total": None, "phq9_band": None}
    assert score_gad7({}) == {"gad7_total": None, "gad7_band": None}


@pytest.mark.parametrize("value", [4, -1, "7", "two", 1.5, True])
def test_a_value_outside_0_to_3_is_refused_not_scored(value: object) -> None:
    answers = answers_totalling("gad7", 7, 3) | {"gad7_2": value}
    with pytest.raises(ValueError, match="gad7_2"):
        score_gad7(answers)


def test_the_registry_scores_by_instrument_id() -> None:
    assert SCORERS["phq9"] is score_phq9
    assert SCORERS["gad7"](answers_totalling("gad7", 7, 10))["gad7_band"] == "moderate"
