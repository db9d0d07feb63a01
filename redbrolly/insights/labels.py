"""Names and number formats the evaluation report shares between its tables and its text."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.insights.suppression import HIDDEN

SECTIONS = {
    "summary": gettext_lazy("Summary"),
    "participants": gettext_lazy("Participants and follow-up"),
    "baseline": gettext_lazy("Baseline characteristics"),
    "outcomes": gettext_lazy("Outcomes"),
    "costs": gettext_lazy("Costs of the service"),
    "economics": gettext_lazy("Cost-effectiveness"),
    "methods": gettext_lazy("Methods"),
    "cheers": gettext_lazy("Reporting checklist (CHEERS 2022)"),
}
ARM_LABELS = {"member": gettext_lazy("Members"), "non_member": gettext_lazy("Non-members")}
OUTCOME_LABELS = {
    "any_violence": gettext_lazy("Any violence in the past six months"),
    "violence_count": gettext_lazy("Violent incidents in the past six months"),
    "phq9_total": gettext_lazy("Depression (PHQ-9, 0 to 27)"),
    "gad7_total": gettext_lazy("Anxiety (GAD-7, 0 to 21)"),
    "eq5d_utility": gettext_lazy("Quality of life (EQ-5D utility)"),
    "safety_count": gettext_lazy("Safety strategies used (0 to 12)"),
}
SHORT_LABELS = {
    "any_violence": gettext_lazy("Any violence"),
    "violence_count": gettext_lazy("Violent incidents"),
    "phq9_total": gettext_lazy("Depression (PHQ-9)"),
    "gad7_total": gettext_lazy("Anxiety (GAD-7)"),
    "eq5d_utility": gettext_lazy("EQ-5D utility"),
    "safety_count": gettext_lazy("Safety strategies"),
}
VARIABLE_LABELS = {
    **OUTCOME_LABELS,
    "age_band": gettext_lazy("Age"),
    "sector": gettext_lazy("Where they work"),
    "migrant": gettext_lazy("Migrant"),
}
LEVEL_LABELS = {
    "street": gettext_lazy("Street-based"),
    "indoor": gettext_lazy("Indoors"),
    "online": gettext_lazy("Online"),
    "mixed": gettext_lazy("Mixed"),
    "18_24": "18-24",
    "25_34": "25-34",
    "35_44": "35-44",
    "45_54": "45-54",
    "55_plus": gettext_lazy("55 and over"),
}
METHOD_LABELS = {
    "aipw": gettext_lazy("Doubly robust (headline)"),
    "mi": gettext_lazy("Multiple imputation"),
    "complete_case": gettext_lazy("Complete cases"),
    "did": gettext_lazy("Difference-in-differences"),
}
DIGITS = {"any_violence": 3, "eq5d_utility": 3}


def number(value: float | None, digits: int = 2) -> str:
    if value is None or not np.isfinite(value):
        return HIDDEN
    return f"{value:,.{digits}f}"


def money(value: float | Decimal | None, digits: int = 0) -> str:
    if value is None or not np.isfinite(float(value)):
        return HIDDEN
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(float(value)):,.{digits}f}"


def interval(low: float | None, high: float | None, digits: int) -> str:
    return _("%(low)s to %(high)s") % {"low": number(low, digits), "high": number(high, digits)}


def money_interval(low: float, high: float) -> str:
    return _("%(low)s to %(high)s") % {"low": money(low), "high": money(high)}
