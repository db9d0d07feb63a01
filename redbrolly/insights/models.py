"""What the service costs to run: the inputs the evaluation's cost table multiplies.

One set of assumptions per organisation (edited in the admin): the organisation's costs do not
depend on which study reads them; a study only chooses the period whose activity is counted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0")


def money(verbose_name: Any, default: str, help_text: Any = "", places: int = 2) -> Any:
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=places,
        default=Decimal(default),
        validators=[MinValueValidator(ZERO)],
        help_text=help_text,
    )


def percent(verbose_name: Any, default: str, help_text: Any = "") -> Any:
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("500"))],
        help_text=help_text,
    )


class CostAssumptions(models.Model):
    """The organisation's unit costs; read with `CostAssumptions.load()` (one row)."""

    working_hours_per_year = models.PositiveIntegerField(
        _("working hours a year (full time)"),
        default=1650,
        validators=[MinValueValidator(1)],
        help_text=_("Paid hours less leave and bank holidays; turns salaries into hourly costs."),
    )
    moderation_minutes_per_report = models.PositiveIntegerField(
        _("moderation minutes per report"),
        default=20,
        help_text=_("Reading, triaging and grading one report (moderator time)."),
    )
    minutes_per_alert = models.PositiveIntegerField(
        _("minutes per alert published"),
        default=45,
        help_text=_("Drafting, masking, second-person approval and sending (moderator time)."),
    )
    overhead_percent = percent(
        _("overheads (% of staff costs)"),
        "20",
        _("Premises, management, finance, IT support, insurance."),
    )
    sms_unit_cost = money(_("cost of one text message (£)"), "0.0400", places=4)
    email_unit_cost = money(_("cost of one email (£)"), "0.0010", places=4)
    platform_cost_per_month = money(
        _("platform cost per month (£)"), "400.00", _("Hosting, backups, domains, monitoring.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cost assumptions")
        verbose_name_plural = _("cost assumptions")
        permissions = [("view_statistics", "Can view statistics and funder reports")]

    def __str__(self) -> str:
        return str(_("Cost assumptions"))

    @classmethod
    def load(cls) -> CostAssumptions:
        """The organisation's row, made with the defaults the first time anyone asks."""
        found = cls.objects.order_by("pk").first()
        return found if found is not None else cls.objects.create()


class RoleSalary(models.Model):
    """Salary of one staff role; the cost table prices that role's hours with it."""

    class Role(models.TextChoices):
        CASEWORKER = "caseworker", _("Caseworker (ISVA)")
        MODERATOR = "moderator", _("Moderator / alerts officer")
        SUPERVISOR = "supervisor", _("Case supervisor")
        ADMIN = "admin", _("Administrator")
        MANAGER = "manager", _("Service manager")

    assumptions = models.ForeignKey(
        CostAssumptions, on_delete=models.CASCADE, related_name="salaries"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    annual_salary = money(_("annual salary, full time (£)"), "0")
    on_cost_percent = percent(
        _("on-costs (% of salary)"), "25", _("Employer's National Insurance and pension.")
    )
    hours_per_month = models.DecimalField(
        _("other hours a month"),
        max_digits=7,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
        help_text=_(
            "Time this role gives the service that no log counts (management, administration)."
        ),
    )

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(
                fields=["assumptions", "role"], name="insights_one_salary_per_role"
            )
        ]

    def __str__(self) -> str:
        return self.get_role_display()
