"""The cost table multiplies out line by line, worked here by hand to the penny."""

from datetime import date
from decimal import Decimal as D

import pytest

from redbrolly.insights.costs import CostInputs, RoleCost, ServiceCounts, cost_table


def inputs(**changes):
    values = {
        "roles": {
            # 33,000 x 1.25 / 1,650 = 25.00 an hour; 26,400 x 1.25 / 1,650 = 20.00
            "caseworker": RoleCost("caseworker", "Caseworker", D("33000"), D("25")),
            "moderator": RoleCost("moderator", "Moderator", D("26400"), D("25")),
            # 39,600 x 1.25 / 1,650 = 30.00 an hour, 10 hours a month
            "supervisor": RoleCost("supervisor", "Supervisor", D("39600"), D("25"), D("10")),
        },
        "working_hours_per_year": 1650,
        "moderation_minutes_per_report": 15,
        "minutes_per_alert": 45,
        "overhead_percent": D("20"),
        "sms_unit_cost": D("0.04"),
        "email_unit_cost": D("0.001"),
        "platform_cost_per_month": D("400"),
    }
    return CostInputs(**{**values, **changes})


def counts(**changes):
    values = {
        "start": date(2025, 1, 1),
        "end": date(2025, 12, 31),
        "casework_minutes": {"contact": 600, "advocacy": 90},
        "reports_moderated": 40,
        "alerts_published": 6,
        "deliveries": {"sms": 1500, "email": 2000, "push": 900},
        "members": 50,
    }
    return ServiceCounts(**{**values, **changes})


def lines(table):
    return {line.label: line for section in table.sections for line in section.lines}


def test_hourly_costs_are_salary_with_on_costs_over_working_hours():
    assert inputs().hourly("caseworker") == D("25.00")
    assert inputs().hourly("supervisor") == D("30.00")
    assert inputs().hourly("manager") == D("0.00")


def test_every_line_is_quantity_times_unit_cost():
    found = lines(cost_table(counts(), inputs()))
    expected = {
        "Casework: advocacy": (D("1.50"), D("25.00"), D("37.50")),  # 90 min
        "Casework: contact": (D("10.00"), D("25.00"), D("250.00")),  # 600 min
        "Moderating reports": (D("40"), D("5.00"), D("200.00")),  # 15 min at £20/h
        "Drafting, approving and sending alerts": (D("6"), D("15.00"), D("90.00")),
        "Supervisor: other time": (D("120.00"), D("30.00"), D("3600.00")),  # 10 h x 12 months
        "Text messages": (D("1500"), D("0.04"), D("60.00")),
        "Emails": (D("2000"), D("0.001"), D("2.00")),
        "Hosting and platform": (D("12.00"), D("400"), D("4800.00")),
    }
    for label, (quantity, unit_cost, total) in expected.items():
        line = found[label]
        assert (line.quantity, line.unit_cost, line.total) == (quantity, unit_cost, total), label


def test_overheads_are_a_share_of_the_staff_subtotal():
    table = cost_table(counts(), inputs())
    staff, overheads = table.sections[0], table.sections[1]
    # 37.50 + 250.00 + 200.00 + 90.00 + 3,600.00
    assert staff.subtotal == D("4177.50")
    assert overheads.lines[0].quantity == D("4177.50")
    assert overheads.lines[0].unit_cost == D("0.2")
    assert overheads.subtotal == D("835.50")


def test_the_total_is_divided_per_member_then_per_month_then_over_six_months():
    table = cost_table(counts(), inputs())
    # 4,177.50 + 835.50 + 62.00 + 4,800.00
    assert table.total == D("9875.00")
    assert table.per_member == D("197.50")  # / 50 members
    assert table.per_member_month == D("16.46")  # / 12.00 months = 16.458...
    assert table.per_member_horizon == D("98.76")  # 16.46 x 6


def test_rounding_happens_where_a_reader_can_see_it():
    roles = {"caseworker": RoleCost("caseworker", "Caseworker", D("32000"), D("25"))}
    table = cost_table(counts(casework_minutes={"contact": 100}), inputs(roles=roles))
    line = lines(table)["Casework: contact"]
    # 32,000 x 1.25 / 1,650 = 24.2424... -> 24.24; 100 min = 1.666... -> 1.67 h; 1.67 x 24.24
    assert (line.quantity, line.unit_cost, line.total) == (D("1.67"), D("24.24"), D("40.48"))


def test_a_leap_year_is_a_little_more_than_twelve_months():
    leap = counts(start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert (leap.days, leap.months) == (366, D("12.03"))


def test_without_members_or_a_time_log_the_table_still_adds_up():
    table = cost_table(counts(members=0, casework_logged=False), inputs())
    assert table.per_member is None
    assert table.per_member_horizon is None
    casework = lines(table)["Casework"]
    assert casework.total == D("0.00")
    assert "not available" in casework.basis


@pytest.mark.parametrize("minutes", [{}, {"contact": 0}])
def test_an_empty_time_log_shows_a_zero_casework_line(minutes):
    casework = lines(cost_table(counts(casework_minutes=minutes), inputs()))["Casework"]
    assert casework.total == D("0.00")
    assert "no time was logged" in casework.basis
