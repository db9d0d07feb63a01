"""Logistic GEE on any violence: the arm x wave odds ratio."""

import numpy as np
import pytest

from redbrolly.research.analysis.gee import gee_binary
from redbrolly.research.analysis.panel import AnalysisInputError
from redbrolly.research.analysis.simulate import Effect, simulate_cohort


def test_it_reports_the_membership_odds_ratio_with_an_interval_covering_the_truth():
    # Dropout completely at random and no confounding of trends: the setting GEE is valid in.
    cohort = simulate_cohort(1000, seed=0, confounding=0.0, attrition=0.0)
    result = gee_binary(cohort, "any_violence", "arm", "wave", "participant", ["sector", "migrant"])
    true_or = np.exp(Effect().any_violence)
    assert result.ci_low < true_or < result.ci_high
    assert result.ci_high < 1.0
    assert result.odds_ratio == pytest.approx(np.exp(result.log_or))
    assert result.n_clusters == 1000
    assert result.n_obs == 2000


def test_it_refuses_an_outcome_that_is_not_zero_or_one():
    cohort = simulate_cohort(100, seed=0, attrition=0.0)
    with pytest.raises(AnalysisInputError, match="'violence_count' must be coded 0/1"):
        gee_binary(cohort, "violence_count", "arm", "wave", "participant")
