"""What the DiD says when the export cannot support it; the `evaluate` command relays these."""

import pandas as pd
import pytest

from redbrolly.research.analysis.did import did
from redbrolly.research.analysis.panel import AnalysisInputError


def export(**overrides) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "pid": ["a", "a", "b", "b", "c", "c", "d", "d"],
            "wave": [0, 1] * 4,
            "arm": ["member"] * 4 + ["non_member"] * 4,
            "score": [10, 8, 12, 9, 11, 11, 9, 10],
        }
    )
    return frame.assign(**overrides)


def test_it_names_a_column_that_is_not_there():
    with pytest.raises(AnalysisInputError, match="'phq9'"):
        did(export(), "phq9", "arm", "wave", "pid")


def test_it_names_an_outcome_that_is_not_numeric():
    with pytest.raises(AnalysisInputError, match=r"'score' is not numeric.*'high'"):
        did(export(score=["high", 1, 2, 3, 4, 5, 6, 7]), "score", "arm", "wave", "pid")


def test_it_refuses_a_wave_column_with_three_waves():
    with pytest.raises(AnalysisInputError, match="wave column 'wave' needs exactly two"):
        did(export(wave=[0, 1, 0, 2, 0, 1, 0, 1]), "score", "arm", "wave", "pid")


def test_it_refuses_a_cohort_with_one_arm():
    with pytest.raises(AnalysisInputError, match="arm column 'arm' needs exactly two levels"):
        did(export(arm="member"), "score", "arm", "wave", "pid")


def test_it_will_not_guess_which_of_two_unfamiliar_arms_is_treated():
    with pytest.raises(AnalysisInputError, match="treated="):
        did(export(arm=["x"] * 4 + ["y"] * 4), "score", "arm", "wave", "pid")


def test_it_says_which_arm_has_no_follow_up():
    frame = export(score=[10, 8, 12, 9, 11, None, 9, None])
    with pytest.raises(AnalysisInputError, match="reference level of 'arm' at follow-up"):
        did(frame, "score", "arm", "wave", "pid")
