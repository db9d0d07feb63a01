"""The demo prices the service with plausible UK figures, once however often it is seeded."""

import random
from decimal import Decimal

from redbrolly.insights import demo
from redbrolly.insights.costs import CostInputs
from redbrolly.insights.models import CostAssumptions, RoleSalary


def test_seeding_twice_leaves_one_set_of_assumptions(db):
    demo.seed(random.Random(1))
    demo.seed(random.Random(2))
    assert CostAssumptions.objects.count() == 1
    assert RoleSalary.objects.count() == len(demo.DEMO_SALARIES)


def test_a_caseworker_costs_their_salary_and_a_quarter_over_the_working_year(db):
    demo.seed(random.Random(1))
    assumptions = CostAssumptions.load()
    inputs = CostInputs.from_model(assumptions)
    # 32,000 x 1.25 / 1,650 = 24.2424...
    assert inputs.hourly("caseworker") == Decimal("24.24")
    assert (assumptions.sms_unit_cost, assumptions.email_unit_cost) == (
        Decimal("0.04"),
        Decimal("0.001"),
    )
    assert assumptions.platform_cost_per_month == Decimal("400")
