"""The simulated cohort has the properties the estimator tests rely on."""

import pytest

from redbrolly.research.analysis.did import did
from redbrolly.research.analysis.simulate import Effect, expected_itt, simulate_cohort


@pytest.fixture(scope="module")
def cohort():
    return simulate_cohort(2000, seed=11)


def test_it_writes_one_row_per_participant_and_wave(cohort):
    assert len(cohort) == 4000
    waves = cohort.groupby("participant")["wave"].apply(lambda w: sorted(w) == [0, 1])
    assert waves.all()


def test_about_forty_percent_miss_follow_up(cohort):
    follow = cohort[cohort["wave"] == 1]
    assert follow["phq9_total"].isna().mean() == pytest.approx(0.4, abs=0.04)
    assert cohort.loc[cohort["wave"] == 0, "phq9_total"].notna().all()


def test_about_five_percent_of_non_members_join_by_follow_up(cohort):
    follow = cohort[(cohort["wave"] == 1) & (cohort["arm"] == "non_member")]
    assert (follow["arm_now"] == "member").mean() == pytest.approx(0.05, abs=0.005)


def test_members_differ_from_non_members_at_baseline(cohort):
    base = cohort[cohort["wave"] == 0].groupby("arm")
    assert base["phq9_total"].mean()["member"] > base["phq9_total"].mean()["non_member"] + 1.5
    street = base["sector"].apply(lambda s: (s == "street").mean())
    assert street["member"] > street["non_member"]


def test_the_did_recovers_the_effect_when_trends_are_parallel_and_nobody_leaves():
    cohort = simulate_cohort(3000, seed=5, confounding=0.0, attrition=0.0)
    truth = expected_itt(Effect().phq9_total, 0.05)
    result = did(cohort, "phq9_total", "arm", "wave", "participant")
    assert result.ci_low < truth < result.ci_high
    assert result.estimate == pytest.approx(truth, abs=0.35)
