"""PSA summaries in BCEA's conventions, checked where the answers are known exactly."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from redbrolly.research.analysis.cea import PsaError, incremental, summarise_psa


def hand_psa() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "e.A": [1.0, 1.2, 0.9, 1.1],
            "c.A": [500.0, 700.0, 600.0, 400.0],
            "e.B": [0.8, 0.9, 1.0, 0.7],
            "c.B": [100.0, 200.0, 300.0, 200.0],
            "e.C": [1.5, 0.5, 0.5, 0.5],
            "c.C": [0.0, 0.0, 0.0, 0.0],
        }
    )


def test_it_matches_a_psa_small_enough_to_work_by_hand():
    """Definitions as in Baio, Berardi & Heath (2017), Bayesian Cost-Effectiveness Analysis
    with the R package BCEA, ch. 3-4: Δ = reference - comparator, ICER = E[Δc]/E[Δe],
    EIB = E[kΔe - Δc], CEAC = P(kΔe - Δc > 0), EVPI = E[max NB] - max E[NB].

    At k = 1000, NB = 1000e - c per row: A (500, 500, 300, 700), B (700, 700, 700, 500),
    C (1500, 500, 500, 500); means 500, 650, 750.
    A vs B: Δe mean 0.2, Δc mean 350 → ICER 1750; INB (-200, -200, -400, 200) → EIB -150,
    CEAC 1/4. A vs C: Δe mean 0.3, Δc mean 550 → ICER 1833.33; INB (-1000, 0, -200, 200) →
    EIB -250, CEAC 1/4 (a tie is not a gain). EVPI: row maxima (1500, 700, 700, 700) average
    900, best mean 750 → 150.
    """
    summary = summarise_psa(hand_psa(), "A", 1000)
    assert set(summary) == {"icer", "eib", "ceac", "evpi", "enb"}
    assert summary["icer"] == pytest.approx({"B": 1750.0, "C": 550 / 0.3})
    assert summary["eib"] == pytest.approx({"B": -150.0, "C": -250.0})
    assert summary["ceac"] == {"B": 0.25, "C": 0.25}
    assert summary["enb"] == pytest.approx({"A": 500.0, "B": 650.0, "C": 750.0})
    assert summary["evpi"] == pytest.approx(150.0)
    assert incremental(hand_psa(), "A")["B"] == pytest.approx((0.2, 350.0))


def test_it_matches_the_closed_form_when_net_benefits_are_normal():
    """With incremental net benefit INB ~ N(mu, sigma²) between two options,
    CEAC = Φ(mu/sigma) and EVPI = E[max(INB, 0)] - max(mu, 0)
    = sigma·φ(mu/sigma) + mu·Φ(mu/sigma) - max(mu, 0), the unit normal loss integral
    (Claxton 1999, J Health Econ 18:341-364; Briggs, Claxton & Sculpher 2006, Decision
    Modelling for Health Economic Evaluation, ch. 7). ICER = ratio of mean increments.
    200,000 seeded draws; tolerances are about four Monte Carlo standard errors.
    """
    rng = np.random.default_rng(2006)
    size, k = 200_000, 25_000.0
    psa = pd.DataFrame(
        {
            "e.member": rng.normal(0.400, 0.03, size),
            "c.member": rng.normal(700.0, 80.0, size),
            "e.usual": rng.normal(0.388, 0.03, size),
            "c.usual": rng.normal(450.0, 80.0, size),
        }
    )
    mu = k * 0.012 - 250.0
    sigma = np.sqrt(k**2 * 2 * 0.03**2 + 2 * 80.0**2)
    z = mu / sigma
    expected_evpi = sigma * stats.norm.pdf(z) + mu * stats.norm.cdf(z) - max(mu, 0.0)

    summary = summarise_psa(psa, "member", k)
    assert summary["eib"]["usual"] == pytest.approx(mu, abs=10)
    assert summary["ceac"]["usual"] == pytest.approx(stats.norm.cdf(z), abs=0.005)
    assert summary["evpi"] == pytest.approx(expected_evpi, abs=10)
    assert summary["icer"]["usual"] == pytest.approx(250 / 0.012, rel=0.03)
    assert summary["enb"]["member"] == pytest.approx(k * 0.4 - 700, abs=8)


def test_it_names_a_reference_that_is_not_an_arm():
    with pytest.raises(PsaError, match=r"reference 'D' is not an arm .*A, B, C"):
        summarise_psa(hand_psa(), "D", 1000)


def test_it_refuses_a_table_without_bcea_columns():
    with pytest.raises(PsaError, match=r"no 'e\.<arm>' or 'c\.<arm>' columns"):
        summarise_psa(pd.DataFrame({"qaly": [1.0], "cost": [2.0]}), "A", 1000)


def test_it_names_arms_whose_effect_and_cost_columns_do_not_pair_up():
    table = hand_psa().drop(columns=["c.B"]).rename(columns={"c.C": "c.D"})
    with pytest.raises(PsaError, match="no cost column for B, C; no effect column for D"):
        summarise_psa(table, "A", 1000)


def test_it_names_a_column_with_a_value_that_is_not_a_number():
    table = hand_psa().astype(object)
    table.loc[2, "c.B"] = "n/a"
    with pytest.raises(PsaError, match=r"'c\.B' has a missing or non-numeric value \(row 3\)"):
        summarise_psa(table, "A", 1000)


def test_an_icer_with_no_effect_difference_is_undefined():
    table = pd.DataFrame(
        {"e.A": [1.0, 2.0], "c.A": [1.0, 1.0], "e.B": [1.0, 2.0], "c.B": [0.0, 0.0]}
    )
    assert summarise_psa(table, "A", 100)["icer"] == {"B": None}
