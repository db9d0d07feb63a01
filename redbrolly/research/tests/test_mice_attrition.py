"""Multiple imputation of follow-ups lost to attrition, complete cases and delta adjustment."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.imputation.mice import MICEData

from redbrolly.research.analysis.imputation import (
    DeltaRow,
    LeastSquares,
    MainEffectsMICEData,
    delta_adjusted,
    mi_did,
    mice,
    tipping_point,
)
from redbrolly.research.analysis.simulate import Effect, expected_itt, simulate_cohort

TRUTH = expected_itt(Effect().phq9_total, 0.05)


@pytest.fixture(scope="module")
def cohort():
    return simulate_cohort(800, seed=21, confounding=0.0)


@pytest.fixture(scope="module")
def imputations(cohort):
    return mice(cohort, outcomes=["phq9_total", "eq5d_utility"], m=5, seed=3)


def test_the_fast_design_is_the_one_statsmodels_builds_from_its_default_formula():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.normal(size=(50, 4)), columns=["a", "b", "c", "d"])
    data.loc[rng.random(50) < 0.3, "a"] = np.nan
    ours, theirs = MainEffectsMICEData(data, rng=1), MICEData(data, rng=1)
    arrays = zip(ours.get_split_data("a")[:3], theirs.get_split_data("a")[:3], strict=True)
    for got, expected in arrays:
        np.testing.assert_allclose(np.squeeze(np.asarray(got)), np.squeeze(np.asarray(expected)))


def test_the_fast_least_squares_agrees_with_statsmodels_ols():
    rng = np.random.default_rng(1)
    X = sm.add_constant(rng.normal(size=(80, 3)))
    y = X @ [1.0, 2.0, -1.0, 0.5] + rng.normal(size=80)
    ours, theirs = LeastSquares(y, X).fit(), sm.OLS(y, X).fit()
    np.testing.assert_allclose(ours.params, theirs.params)
    np.testing.assert_allclose(ours.cov_params(), theirs.cov_params())


def test_imputation_fills_only_the_missing_follow_ups(cohort, imputations):
    observed = imputations.observed
    assert observed["phq9_total_1"].isna().mean() == pytest.approx(0.4, abs=0.06)
    for data in imputations.datasets:
        assert not data.isna().any().any()
        seen = observed["phq9_total_1"].notna()
        pd.testing.assert_series_equal(
            data.loc[seen, "phq9_total_1"], observed.loc[seen, "phq9_total_1"]
        )
    assert imputations.m == 5


def test_the_pooled_estimate_covers_the_truth_beside_the_complete_case_one(imputations):
    result = mi_did(imputations, "phq9_total")
    assert result.pooled.ci_low < TRUTH < result.pooled.ci_high
    assert result.pooled.n_obs == 800
    assert result.complete_case.n_obs < 560
    assert 0 < result.fmi < 1
    assert result.pooled.method == "mi_rubin_change_score"


def test_shifting_imputed_member_follow_ups_moves_the_estimate_by_delta_times_their_share(
    imputations,
):
    observed = imputations.observed
    members = observed["treated"] == 1
    share = observed.loc[members, "phq9_total_1"].isna().mean()
    rows = delta_adjusted(imputations, "phq9_total", [0.0, 2.0])
    assert rows[1].estimate - rows[0].estimate == pytest.approx(2.0 * share)


def test_the_tipping_point_is_the_smallest_delta_that_changes_the_conclusion():
    rows = [
        DeltaRow(0.0, -2.0, -3.0, -1.0, 0.001),
        DeltaRow(1.0, -1.2, -2.2, -0.2, 0.02),
        DeltaRow(2.0, -0.4, -1.4, 0.6, 0.4),
        DeltaRow(3.0, 0.4, -0.6, 1.4, 0.4),
    ]
    assert tipping_point(rows) == 2.0
    assert tipping_point(rows[:2]) is None
