"""The cost of running the service over a period, as a table a funder can follow line by line.

Every line is quantity x unit cost = total, in pounds rounded to the penny at each step that
is shown, so a reader with a calculator gets exactly the printed figures:

* hourly cost of a role = annual salary x (1 + on-costs) / working hours a year;
* casework: hours logged per activity x the caseworker's hourly cost;
* moderation and alerts: reports moderated (alerts published) x minutes each, priced per
  report (alert) at the moderator's hourly cost;
* other staff time: hours a month x months in the period, per role;
* overheads: a percentage of the staff subtotal;
* messages: text messages and emails sent or delivered x their unit cost;
* platform: months x the monthly cost.

The total is divided by the approved members, then per member-month, then scaled to the
evaluation's six-month horizon: the programme cost per member the economic evaluation adds to
the member arm. Counting happens in `selectors.service_counts`; this module is arithmetic only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

PENNY = Decimal("0.01")
HUNDRED = Decimal("100")
DAYS_PER_MONTH = Decimal("365") / Decimal("12")
HORIZON_MONTHS = Decimal("6")
TIMES = "\u00d7"


def pence(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """10.00 as "10" and 12.50 as "12.5": how a person writes a percentage or hours."""
    return f"{value.normalize():f}"


@dataclass(frozen=True)
class RoleCost:
    role: str
    label: str
    annual_salary: Decimal
    on_cost_percent: Decimal
    hours_per_month: Decimal = Decimal("0")


@dataclass(frozen=True)
class CostInputs:
    """The admin's cost assumptions as plain values (tests build these by hand)."""

    roles: Mapping[str, RoleCost]
    working_hours_per_year: int
    moderation_minutes_per_report: int
    minutes_per_alert: int
    overhead_percent: Decimal
    sms_unit_cost: Decimal
    email_unit_cost: Decimal
    platform_cost_per_month: Decimal

    @classmethod
    def from_model(cls, assumptions: Any) -> CostInputs:
        roles = {
            row.role: RoleCost(
                row.role,
                row.get_role_display(),
                row.annual_salary,
                row.on_cost_percent,
                row.hours_per_month,
            )
            for row in assumptions.salaries.all()
        }
        return cls(
            roles=roles,
            working_hours_per_year=assumptions.working_hours_per_year,
            moderation_minutes_per_report=assumptions.moderation_minutes_per_report,
            minutes_per_alert=assumptions.minutes_per_alert,
            overhead_percent=assumptions.overhead_percent,
            sms_unit_cost=assumptions.sms_unit_cost,
            email_unit_cost=assumptions.email_unit_cost,
            platform_cost_per_month=assumptions.platform_cost_per_month,
        )

    def hourly(self, role: str) -> Decimal:
        """Salary plus on-costs per working hour; zero for a role with no salary entered."""
        found = self.roles.get(role)
        if found is None:
            return Decimal("0.00")
        loaded = found.annual_salary * (1 + found.on_cost_percent / HUNDRED)
        return pence(loaded / Decimal(self.working_hours_per_year))


@dataclass(frozen=True)
class ServiceCounts:
    """What the organisation's own records say happened in the period (inclusive dates)."""

    start: date
    end: date
    casework_minutes: Mapping[str, int]
    reports_moderated: int
    alerts_published: int
    deliveries: Mapping[str, int]
    members: int
    casework_logged: bool = True
    activity_labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def months(self) -> Decimal:
        return (Decimal(self.days) / DAYS_PER_MONTH).quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CostLine:
    section: str
    label: str
    quantity: Decimal
    unit: str
    unit_cost: Decimal
    total: Decimal
    basis: str
    is_rate: bool = False


@dataclass(frozen=True)
class CostSection:
    title: str
    lines: list[CostLine]

    @property
    def subtotal(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True)
class CostTable:
    counts: ServiceCounts
    inputs: CostInputs
    sections: list[CostSection]

    @property
    def total(self) -> Decimal:
        return sum((section.subtotal for section in self.sections), Decimal("0.00"))

    @property
    def per_member(self) -> Decimal | None:
        if not self.counts.members:
            return None
        return pence(self.total / self.counts.members)

    @property
    def per_member_month(self) -> Decimal | None:
        if not self.counts.members or not self.counts.months:
            return None
        return pence(self.total / self.counts.members / self.counts.months)

    @property
    def per_member_horizon(self) -> Decimal | None:
        """Programme cost per member over the six months between the evaluation's waves."""
        monthly = self.per_member_month
        return None if monthly is None else pence(monthly * HORIZON_MONTHS)


def line(
    section: str, label: str, quantity: Decimal, unit: str, unit_cost: Decimal, basis: str
) -> CostLine:
    return CostLine(section, label, quantity, unit, unit_cost, pence(quantity * unit_cost), basis)


def cost_table(counts: ServiceCounts, inputs: CostInputs) -> CostTable:
    staff = CostSection(_("Staff time"), staff_lines(counts, inputs))
    overheads = CostSection(_("Overheads"), [overhead_line(staff.subtotal, inputs)])
    messages = CostSection(_("Messages sent"), message_lines(counts, inputs))
    platform = CostSection(_("Platform"), [platform_line(counts, inputs)])
    return CostTable(counts, inputs, [staff, overheads, messages, platform])


def staff_lines(counts: ServiceCounts, inputs: CostInputs) -> list[CostLine]:
    return [
        *casework_lines(counts, inputs),
        per_item_line(
            _("Moderating reports"),
            counts.reports_moderated,
            _("reports"),
            inputs.moderation_minutes_per_report,
            inputs,
            _("reports received in the period that a moderator handled"),
        ),
        per_item_line(
            _("Drafting, approving and sending alerts"),
            counts.alerts_published,
            _("alerts"),
            inputs.minutes_per_alert,
            inputs,
            _("alerts sent in the period (from the delivery records)"),
        ),
        *other_time_lines(counts, inputs),
    ]


def casework_lines(counts: ServiceCounts, inputs: CostInputs) -> list[CostLine]:
    rate = inputs.hourly("caseworker")
    if not counts.casework_logged:
        basis = _("the casework time log is not available, so no casework time is counted")
        return [line("staff", _("Casework"), Decimal("0.00"), _("hours"), rate, basis)]
    found = [
        line(
            "staff",
            _("Casework: %(activity)s") % {"activity": counts.activity_labels.get(key, key)},
            pence(Decimal(minutes) / 60),
            _("hours"),
            rate,
            _("%(minutes)s minutes in the casework time log, at the caseworker's hourly cost")
            % {"minutes": f"{minutes:,}"},
        )
        for key, minutes in sorted(counts.casework_minutes.items())
        if minutes
    ]
    basis = _("no time was logged in the casework time log in the period")
    return found or [line("staff", _("Casework"), Decimal("0.00"), _("hours"), rate, basis)]


def per_item_line(
    label: str, count: int, unit: str, minutes: int, inputs: CostInputs, source: str
) -> CostLine:
    rate = inputs.hourly("moderator")
    unit_cost = pence(Decimal(minutes) * rate / 60)
    basis = _("%(minutes)s minutes each at the moderator's £%(rate)s an hour; %(source)s") % {
        "minutes": minutes,
        "rate": rate,
        "source": source,
    }
    return line("staff", label, Decimal(count), unit, unit_cost, basis)


def other_time_lines(counts: ServiceCounts, inputs: CostInputs) -> list[CostLine]:
    return [
        line(
            "staff",
            _("%(role)s: other time") % {"role": role.label},
            pence(role.hours_per_month * counts.months),
            _("hours"),
            inputs.hourly(key),
            _("%(hours)s hours a month %(times)s %(months)s months")
            % {
                "hours": plain(role.hours_per_month),
                "times": TIMES,
                "months": counts.months,
            },
        )
        for key, role in sorted(inputs.roles.items())
        if role.hours_per_month > 0
    ]


def overhead_line(staff_subtotal: Decimal, inputs: CostInputs) -> CostLine:
    share = inputs.overhead_percent / HUNDRED
    basis = _("%(percent)s%% of the staff subtotal") % {"percent": plain(inputs.overhead_percent)}
    found = line("overheads", _("Overheads"), staff_subtotal, _("£ of staff costs"), share, basis)
    return replace(found, is_rate=True)


def message_lines(counts: ServiceCounts, inputs: CostInputs) -> list[CostLine]:
    source = _("sent or delivered in the period (delivery records)")
    return [
        line(
            "messages",
            _("Text messages"),
            Decimal(counts.deliveries.get("sms", 0)),
            _("messages"),
            inputs.sms_unit_cost,
            source,
        ),
        line(
            "messages",
            _("Emails"),
            Decimal(counts.deliveries.get("email", 0)),
            _("emails"),
            inputs.email_unit_cost,
            source,
        ),
    ]


def platform_line(counts: ServiceCounts, inputs: CostInputs) -> CostLine:
    basis = _("%(days)s days = %(months)s months (a month is 365/12 days)") % {
        "days": counts.days,
        "months": counts.months,
    }
    return line(
        "platform",
        _("Hosting and platform"),
        counts.months,
        _("months"),
        inputs.platform_cost_per_month,
        basis,
    )


def rate_rows(inputs: CostInputs) -> list[dict[str, Any]]:
    """How each role's hourly cost is made, for the table above the cost lines."""
    return [
        {
            "label": role.label,
            "salary": role.annual_salary,
            "on_costs": plain(role.on_cost_percent),
            "hours": inputs.working_hours_per_year,
            "hourly": inputs.hourly(key),
        }
        for key, role in sorted(inputs.roles.items())
    ]
