"""Table 1's standardised differences, checked against examples worked by hand.

Formulas: Austin (2009) for numbers and proportions, Yang & Dalton (2012) for categories.
"""

import math

import numpy as np
import pandas as pd
import pytest

from redbrolly.insights.table1 import (
    Variable,
    smd_binary,
    smd_categorical,
    smd_continuous,
    table1,
)


def test_a_continuous_difference_is_scaled_by_the_pooled_standard_deviation():
    # Members 1, 2, 3: mean 2, SD 1. Non-members 2, 4, 6: mean 4, SD 2.
    # d = (2 - 4) / sqrt((1 + 4) / 2) = -2 / sqrt(2.5) = -1.26491
    d = smd_continuous(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]))
    assert d == pytest.approx(-2 / math.sqrt(2.5))
    assert d == pytest.approx(-1.26491, abs=1e-5)


def test_a_proportion_difference_uses_the_binomial_variances():
    # p1 = 0.5, p0 = 0.2: d = 0.3 / sqrt((0.25 + 0.16) / 2) = 0.3 / sqrt(0.205) = 0.66259
    assert smd_binary(0.5, 0.2) == pytest.approx(0.66259, abs=1e-5)


def test_a_three_level_category_gives_the_multivariate_difference():
    # Levels (a, b, c): members (0.5, 0.3, 0.2), non-members (0.2, 0.3, 0.5).
    # Leaving out a: T - C = (0, -0.3); S = average covariance of (b, c)
    #   members [[0.21, -0.06], [-0.06, 0.16]], non-members [[0.21, -0.15], [-0.15, 0.25]]
    #   S = [[0.21, -0.105], [-0.105, 0.205]], det S = 0.032025
    # d^2 = 0.09 * S^-1[c, c] = 0.09 * 0.21 / 0.032025 = 0.590164; d = 0.76822
    d = smd_categorical([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])
    assert d == pytest.approx(0.76822, abs=1e-5)


def test_the_category_difference_does_not_depend_on_the_level_left_out():
    members, others = [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]
    reordered = smd_categorical([0.2, 0.5, 0.3], [0.5, 0.2, 0.3])
    assert reordered == pytest.approx(smd_categorical(members, others))


def test_two_categories_give_the_size_of_the_binary_difference():
    binary = smd_binary(0.5, 0.2)
    assert binary is not None
    assert smd_categorical([0.5, 0.5], [0.8, 0.2]) == pytest.approx(abs(binary))


def test_identical_arms_differ_by_nothing_and_constant_ones_by_an_undefined_amount():
    assert smd_categorical([0.4, 0.6], [0.4, 0.6]) == 0.0
    assert smd_continuous(np.array([3.0, 3.0]), np.array([3.0, 3.0])) is None
    assert smd_binary(0.0, 0.0) is None


def test_table1_counts_levels_and_missing_answers_per_arm():
    baseline = pd.DataFrame(
        {
            "sector": ["street", "street", "indoor", None, "indoor", "online"],
            "migrant": [1, 0, 1, 1, 0, np.nan],
            "phq9_total": [10.0, 12.0, 14.0, 5.0, 7.0, np.nan],
        }
    )
    treated = pd.Series([1, 1, 1, 0, 0, 0])
    rows = table1(
        baseline,
        treated,
        [
            Variable("sector", "sector", "categorical"),
            Variable("migrant", "migrant", "binary"),
            Variable("phq9_total", "phq9_total", "continuous"),
            Variable("absent", "absent", "continuous"),
        ],
    )
    by = {(row.label, row.level): row for row in rows}
    assert [row.level for row in rows if row.label == "sector"] == [
        None,
        "indoor",
        "online",
        "street",
    ]
    assert by[("sector", None)].control.missing == 1
    assert by[("sector", "street")].treated.count == 2
    assert by[("sector", "street")].treated.n == 3
    assert by[("migrant", None)].treated.count == 2
    assert by[("migrant", None)].control.n == 2
    phq = by[("phq9_total", None)]
    assert (phq.treated.mean, phq.treated.sd) == (12.0, 2.0)
    assert (phq.control.mean, phq.control.missing) == (6.0, 1)
    assert ("absent", None) not in by
