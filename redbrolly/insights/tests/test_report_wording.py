"""The report puts numbers into words a funder can read, whichever way the results fall."""

from decimal import Decimal

import numpy as np

from redbrolly.insights.report import quantity, unit_money, verdict
from redbrolly.research.analysis.economics import EconomicEvaluation


def result(cost: float, qaly: float) -> EconomicEvaluation:
    return EconomicEvaluation(cost, qaly, 0.0, np.zeros((1, 3)))


def test_the_icer_is_named_for_the_quadrant_it_falls_in():
    assert verdict(result(500, 0.02)) == "£25,000 per QALY gained"
    assert verdict(result(-500, -0.02)) == "£25,000 saved per QALY lost"
    assert verdict(result(-10, 0.01)).startswith("Membership dominates")
    assert verdict(result(10, -0.01)).startswith("Membership is dominated")
    assert verdict(result(10, 0.0)).startswith("Membership is dominated")


def test_prices_show_pence_and_any_smaller_places_they_have():
    assert [unit_money(Decimal(v)) for v in ("0.0400", "0.0010", "24.24", "400.00", "0")] == [
        "£0.04",
        "£0.001",
        "£24.24",
        "£400.00",
        "£0.00",
    ]


def test_whole_quantities_read_as_counts_and_parts_as_hours():
    assert (quantity(Decimal("1500")), quantity(Decimal("12.03"))) == ("1,500", "12.03")
