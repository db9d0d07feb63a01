"""Rubin's rules in `pool_rubin`, by hand and against a published worked example."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from redbrolly.research.analysis.imputation import pool_rubin


def test_it_pools_a_small_example_exactly_as_the_formulas_say():
    """Formulas from Rubin (1987), Multiple Imputation for Nonresponse in Surveys, §3.1, as set
    out in van Buuren (2018), Flexible Imputation of Missing Data, 2nd ed., §2.3:
    Q̄ = mean(Q), Ū = mean(U), B = Σ(Q - Q̄)²/(m - 1), T = Ū + (1 + 1/m)B,
    nu = (m - 1)(1 + Ū/((1 + 1/m)B))².

    By hand for Q = (1, 2, 3, 4, 5), U = (0.5, 0.5, 1, 1, 1.5), m = 5:
    Q̄ = 3; Ū = 4.5/5 = 0.9; B = (4 + 1 + 0 + 1 + 4)/4 = 2.5; T = 0.9 + 1.2·2.5 = 3.9;
    nu = 4·(1 + 0.9/3)² = 4·1.3² = 6.76.
    """
    pooled = pool_rubin([1, 2, 3, 4, 5], [0.5, 0.5, 1, 1, 1.5])
    assert pooled.q_bar == pytest.approx(3.0)
    assert pooled.total_var == pytest.approx(3.9)
    assert pooled.df == pytest.approx(6.76)
    half = stats.t.ppf(0.975, 6.76) * math.sqrt(3.9)
    assert pooled.ci == pytest.approx((3.0 - half, 3.0 + half))


def test_it_reproduces_the_published_amos_worked_example():
    """Arbuckle, IBM SPSS Amos 21 User's Guide, Example 31 ("Analyzing Multiply Imputed
    Datasets"), p. 472: m = 10 imputations of a regression weight with Q̄ = 1.172,
    Ū = 0.0233 and B = 0.0085 give T = 0.0326, SE = 0.1807, t = Q̄/SE = 6.49 and nu = 109
    (printed rounded). The ten estimates here are chosen to have that mean and between
    variance: 1.172 ± a with 10a²/9 = 0.0085."""
    a = math.sqrt(0.0085 * 9 / 10)
    estimates = [1.172 + a * (-1) ** i for i in range(10)]
    pooled = pool_rubin(estimates, [0.0233] * 10)
    assert pooled.total_var == pytest.approx(0.0326, abs=1e-4)  # 0.03265, printed to 4 places
    assert math.sqrt(pooled.total_var) == pytest.approx(0.1807, abs=5e-5)
    assert pooled.q_bar / math.sqrt(pooled.total_var) == pytest.approx(6.49, abs=0.005)
    assert pooled.df == pytest.approx(109, abs=1)


def test_it_uses_barnard_rubin_degrees_of_freedom_when_told_the_complete_data_df():
    """Barnard & Rubin (1999), Biometrika 86:948-955, eq. 3: λ = (1 + 1/m)B/T,
    nu_obs = (nu_com + 1)/(nu_com + 3)·nu_com·(1 - λ), nu = nu_m·nu_obs/(nu_m + nu_obs).
    Same inputs as the hand example with nu_com = 10: λ = 3/3.9; nu_obs = 11/13·10·0.9/3.9;
    nu_m = 6.76."""
    lam = 3 / 3.9
    df_obs = 11 / 13 * 10 * (1 - lam)
    expected = 6.76 * df_obs / (6.76 + df_obs)
    pooled = pool_rubin([1, 2, 3, 4, 5], [0.5, 0.5, 1, 1, 1.5], df_complete=10)
    assert pooled.df == pytest.approx(expected)
    assert pooled.df < 10


def test_identical_imputations_pool_to_the_complete_data_normal_interval():
    pooled = pool_rubin([2.0, 2.0, 2.0], [0.25, 0.25, 0.25])
    assert math.isinf(pooled.df)
    assert pooled.ci == pytest.approx((2.0 - 1.959964 * 0.5, 2.0 + 1.959964 * 0.5), abs=1e-6)


def test_it_needs_at_least_two_imputations():
    with pytest.raises(ValueError, match="at least two"):
        pool_rubin([1.0], [0.1])


@given(
    st.lists(
        st.tuples(
            st.floats(-1e3, 1e3, allow_nan=False),
            st.floats(1e-3, 1e3, allow_nan=False),
        ),
        min_size=2,
        max_size=30,
    )
)
def test_pooled_variance_is_never_below_the_mean_within_variance(pairs):
    estimates, variances = zip(*pairs, strict=True)
    pooled = pool_rubin(estimates, variances)
    assert pooled.q_bar == pytest.approx(np.mean(estimates), abs=1e-9)
    assert pooled.total_var >= np.mean(variances) * (1 - 1e-12)
    assert pooled.df >= len(pairs) - 1 - 1e-9
    assert pooled.ci[0] <= pooled.q_bar <= pooled.ci[1]
