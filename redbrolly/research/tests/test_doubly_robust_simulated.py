"""AIPW on simulated cohorts where joining follows distress, so naive contrasts mislead.

In `simulate_cohort` people join when their baseline PHQ-9 is high, partly by chance, so members'
scores fall back at follow-up whatever membership does; the naive change contrast credits that
to membership. The truth targeted is the intention-to-treat effect, diluted by contamination.
"""

import pytest

from redbrolly.research.analysis.doubly_robust import aipw_change, naive_change
from redbrolly.research.analysis.panel import AnalysisInputError
from redbrolly.research.analysis.simulate import Effect, expected_itt, simulate_cohort

TRUTH = expected_itt(Effect().phq9_total, 0.05)


def test_it_recovers_the_effect_where_the_naive_difference_is_biased():
    cohort = simulate_cohort(1000, seed=0)
    naive = naive_change(cohort, "phq9_total")
    adjusted = aipw_change(cohort, "phq9_total")
    assert naive.estimate < TRUTH - 0.7
    assert not naive.ci_low < TRUTH < naive.ci_high
    assert adjusted.estimate == pytest.approx(TRUTH, abs=0.5)
    assert adjusted.ci_low < TRUTH < adjusted.ci_high
    assert adjusted.n_clusters == 1000
    assert adjusted.n_obs < 700  # only the followed-up contribute an observed change


def test_its_interval_covers_the_truth_in_most_simulated_cohorts():
    covered = sum(
        result.ci_low < TRUTH < result.ci_high
        for result in (aipw_change(simulate_cohort(600, seed=s), "phq9_total") for s in range(20))
    )
    assert covered >= 16  # nominal 19 of 20; 16 or fewer has probability < 2%


def test_it_adjusts_other_outcomes_for_their_own_baseline():
    cohort = simulate_cohort(1000, seed=3)
    truth = expected_itt(Effect().eq5d_utility, 0.05)
    result = aipw_change(cohort, "eq5d_utility")
    assert result.ci_low < truth < result.ci_high


def test_it_needs_follow_up_in_both_arms():
    cohort = simulate_cohort(200, seed=1)
    cohort.loc[(cohort["arm"] == "member") & (cohort["wave"] == 1), "phq9_total"] = None
    with pytest.raises(AnalysisInputError, match="treated level of 'arm'"):
        aipw_change(cohort, "phq9_total")
