"""Demo data for insights (run by manage.py seed_demo through core.demo.SEEDERS)."""

from __future__ import annotations

import random
from decimal import Decimal

from redbrolly.insights.models import CostAssumptions, RoleSalary

# Plausible UK charity figures (2025): salary, on-costs %, other hours a month.
DEMO_SALARIES = {
    RoleSalary.Role.CASEWORKER: ("32000", "25", "0"),
    RoleSalary.Role.MODERATOR: ("27500", "25", "0"),
    RoleSalary.Role.SUPERVISOR: ("38000", "25", "16"),
    RoleSalary.Role.ADMIN: ("25000", "22", "20"),
    RoleSalary.Role.MANAGER: ("45000", "27", "12"),
}


def seed(rng: random.Random) -> None:
    """The cost assumptions the evaluation report prices the service with."""
    assumptions = CostAssumptions.load()
    for role, (salary, on_costs, hours) in DEMO_SALARIES.items():
        RoleSalary.objects.get_or_create(
            assumptions=assumptions,
            role=role,
            defaults={
                "annual_salary": Decimal(salary),
                "on_cost_percent": Decimal(on_costs),
                "hours_per_month": Decimal(hours),
            },
        )
