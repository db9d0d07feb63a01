"""One run of the evaluation keeps everything the report shows, and survives awkward data."""

import numpy as np
import pandas as pd
import pytest

from redbrolly.insights.evaluation import OUTCOMES, Evaluation, Parameters, evaluate_cohort
from redbrolly.research.analysis.simulate import simulate_cohort

QUICK = Parameters(m=3, n_boot=200, seed=7)


@pytest.fixture(scope="module")
def cohort():
    return simulate_cohort(240, seed=3)


@pytest.fixture(scope="module")
def result(cohort):
    return evaluate_cohort(cohort, programme_cost=0.0, parameters=QUICK)


def test_every_outcome_is_estimated_four_ways_and_violence_also_as_an_odds_ratio(result):
    for outcome in OUTCOMES:
        for method in ("aipw", "mi", "complete_case", "did"):
            effect = result.effect(outcome, method)
            assert effect is not None and not effect.error, (outcome, method)
            assert effect.ci_low < effect.estimate < effect.ci_high  # type: ignore[operator]
    odds = result.effect("any_violence", "gee")
    assert odds.ratio and odds.estimate > 0


def test_the_flow_counts_everyone_once(result, cohort):
    enrolled = sum(arm["enrolled"] for arm in result.flow.values())
    assert enrolled == cohort["participant"].nunique() == 240
    for arm in result.flow.values():
        assert arm["followed_up"] + arm["lost"] == arm["baseline"] <= arm["enrolled"]


def test_the_means_are_the_observed_ones_by_arm_and_wave(result, cohort):
    members_at_baseline = cohort[(cohort["arm"] == "member") & (cohort["wave"] == 0)]
    n, mean = result.means["phq9_total"]["member"][0]
    assert n == len(members_at_baseline)
    assert mean == pytest.approx(members_at_baseline["phq9_total"].mean())


def test_the_run_records_what_it_ran_with(result):
    assert result.parameters == QUICK
    assert result.covariates == ["sector", "migrant"]
    assert {"Python", "numpy", "statsmodels"} <= set(result.versions)
    assert len(result.economics.replicates) == 200
    assert {s.outcome for s in result.sensitivity} == {"phq9_total", "eq5d_utility"}


def delta_cost(found: Evaluation) -> float:
    assert found.economics is not None, found.economics_error
    return found.economics.delta_cost


def test_the_programme_cost_is_added_to_the_member_arm_unless_the_data_hold_it(cohort, result):
    priced = evaluate_cohort(cohort, programme_cost=120.0, parameters=QUICK)
    assert delta_cost(priced) == pytest.approx(delta_cost(result) + 120.0)
    held = evaluate_cohort(
        cohort, programme_cost=120.0, programme_cost_in_data=True, parameters=QUICK
    )
    assert delta_cost(held) == pytest.approx(delta_cost(result))


def test_adding_the_programme_cost_afterwards_gives_what_running_with_it_gives(cohort, result):
    """The report analyses once without the programme cost and adds today's cost on each view."""
    priced = evaluate_cohort(cohort, programme_cost=120.0, parameters=QUICK)
    shifted = result.with_programme_cost(120.0)
    assert priced.economics is not None and shifted.economics is not None
    assert shifted.programme_cost == 120.0
    assert shifted.economics.delta_cost == pytest.approx(priced.economics.delta_cost)
    assert shifted.economics.icer == pytest.approx(priced.economics.icer)
    np.testing.assert_allclose(shifted.economics.replicates, priced.economics.replicates)
    for wtp in (0.0, 20_000.0, 30_000.0):
        assert shifted.economics.evpi(wtp) == pytest.approx(priced.economics.evpi(wtp))
    pd.testing.assert_frame_equal(shifted.economics.ceac(), priced.economics.ceac())
    assert result.economics is not None and result.economics.delta_cost != pytest.approx(
        shifted.economics.delta_cost
    )  # the kept result is not changed by adding the cost to a view of it


def test_without_a_cost_column_the_programme_is_the_only_cost(cohort):
    found = evaluate_cohort(cohort.drop(columns="cost"), programme_cost=75.0, parameters=QUICK)
    assert delta_cost(found) == pytest.approx(75.0)


def test_an_estimator_that_cannot_run_leaves_its_reason_and_the_rest_stands(cohort):
    lost = cohort.copy()
    follow_up_of_others = (lost["wave"] == 1) & (lost["arm"] == "non_member")
    lost.loc[follow_up_of_others, list(OUTCOMES)] = np.nan
    found = evaluate_cohort(lost, programme_cost=0.0, parameters=QUICK)
    aipw, did = found.effect("phq9_total", "aipw"), found.effect("phq9_total", "did")
    assert aipw is not None and "fewer than two followed-up participants" in aipw.error
    assert did is not None and "no usable rows" in did.error
    assert found.flow["non_member"]["followed_up"] == 0
    assert found.table1


def test_the_full_analysis_runs_twenty_imputations_and_five_thousand_replicates():
    full = Parameters()
    assert (full.m, full.n_boot, full.thresholds) == (20, 5000, (20_000.0, 30_000.0))
    assert (full.wtp_grid[0], full.wtp_grid[-1], len(full.wtp_grid)) == (0.0, 50_000.0, 51)
