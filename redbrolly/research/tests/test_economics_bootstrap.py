"""Cost-effectiveness of membership: QALYs, increments, the vectorised bootstrap, CEAC, EVPI."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from redbrolly.research.analysis.economics import (
    CeaData,
    EconomicEvaluation,
    bootstrap_draws,
    bootstrap_increments,
    cea_data,
    draw_counts,
    evaluate,
    increments,
    qaly_auc,
)
from redbrolly.research.analysis.panel import to_wide
from redbrolly.research.analysis.simulate import simulate_cohort


@pytest.fixture(scope="module")
def data() -> CeaData:
    cohort = simulate_cohort(400, seed=8)
    wide = to_wide(cohort, outcomes=["eq5d_utility", "cost", "violence_count"])
    return cea_data(wide)


def test_qalys_are_the_trapezoid_under_six_months_of_utility():
    assert qaly_auc(np.array([0.6]), np.array([0.8]))[0] == pytest.approx(0.35)
    assert qaly_auc(np.array([1.0]), np.array([1.0]), years=1.0)[0] == pytest.approx(1.0)


def test_the_qaly_difference_is_adjusted_for_baseline_utility(data):
    X = sm.add_constant(np.column_stack([data.treated, data.utility0]))
    expected = sm.OLS(data.qaly, X).fit().params[1]
    cost_gap = data.cost[data.treated == 1].mean() - data.cost[data.treated == 0].mean()
    assert increments(data)[1] == pytest.approx(expected)
    assert increments(data)[0] == pytest.approx(cost_gap)


def test_a_flat_programme_cost_is_added_to_members_only():
    wide = pd.DataFrame(
        {
            "treated": [1.0, 0.0],
            "eq5d_utility_0": [0.5, 0.5],
            "eq5d_utility_1": [0.7, 0.5],
            "cost_1": [100.0, 100.0],
            "violence_count_0": [1.0, 1.0],
            "violence_count_1": [0.0, 1.0],
        }
    )
    assert cea_data(wide, programme_cost=250.0).cost.tolist() == [350.0, 100.0]


def test_the_vectorised_bootstrap_equals_a_loop_over_the_same_resamples(data):
    draws = bootstrap_draws(data.treated, 40, np.random.default_rng(5))
    vectorised = bootstrap_increments(data, 40, np.random.default_rng(5))
    for b, rows in enumerate(draws):
        X = sm.add_constant(np.column_stack([data.treated[rows], data.utility0[rows]]))
        delta_qaly = np.linalg.lstsq(X, data.qaly[rows], rcond=None)[0][1]
        members = data.treated[rows] == 1
        delta_cost = data.cost[rows][members].mean() - data.cost[rows][~members].mean()
        assert vectorised[b, :2] == pytest.approx([delta_cost, delta_qaly])


def test_each_replicate_keeps_the_arm_sizes(data):
    counts = draw_counts(
        bootstrap_draws(data.treated, 30, np.random.default_rng(0)), len(data.treated)
    )
    assert (counts[:, data.treated == 1].sum(axis=1) == (data.treated == 1).sum()).all()
    assert (counts.sum(axis=1) == len(data.treated)).all()


def test_icer_and_net_benefit_follow_from_the_increments():
    result = EconomicEvaluation(500.0, 0.02, 0.3, np.zeros((1, 3)))
    assert result.icer == pytest.approx(25_000)
    assert result.inmb(20_000) == pytest.approx(-100)
    assert result.inmb(30_000) == pytest.approx(100)


def test_ceac_and_evpi_read_the_replicates():
    # Replicates: ΔQALY 0.01 always; Δcost 100 or 300. Cost-effective when 0.01λ > Δcost.
    reps = np.array([[100.0, 0.01, 0.0], [300.0, 0.01, 0.0]] * 50)
    result = EconomicEvaluation(200.0, 0.01, 0.0, reps)
    curve = result.ceac([0, 20_000, 40_000]).set_index("wtp")
    assert curve["p_cost_effective"].tolist() == [0.0, 0.5, 1.0]
    # At λ = 20,000, INB is +100 or -100: EVPI = E[max(INB, 0)] - max(E[INB], 0) = 50.
    assert curve.loc[20_000, "evpi"] == pytest.approx(50.0)
    assert curve.loc[40_000, "evpi"] == pytest.approx(0.0)


def test_mi_then_bootstrap_pools_the_requested_number_of_replicates(data):
    halves = [data, CeaData(**{k: v[::-1] for k, v in vars(data).items()})]
    result = evaluate(halves, n_boot=101, seed=1)
    assert result.replicates.shape == (101, 3)
    assert result.delta_qaly == pytest.approx(increments(data)[1])
    low, high = result.interval("delta_cost")
    assert low < result.delta_cost < high


def test_membership_costs_more_and_averts_violence_in_the_simulated_cohort(data):
    result = evaluate([data], n_boot=500, seed=2)
    assert result.interval("delta_cost")[0] > 0  # the programme costs about £300 a member
    assert result.incidents_averted > 0
