"""The default incident taxonomy shipped with redbrolly (DESIGN.md, "Report")."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

# (code, label, violent) — "violent" reviewed reports make the checker answer "warning".
DEFAULT_INCIDENT_TYPES = [
    ("physical_assault", _("Physical assault"), True),
    ("sexual_assault", _("Sexual assault"), True),
    ("rape", _("Rape"), True),
    ("robbery", _("Robbery"), True),
    ("threats", _("Threats"), True),
    ("harassment", _("Harassment or stalking"), False),
    ("non_payment", _("Non-payment or fraud"), False),
    ("condom_refusal", _("Refusal to use condoms"), True),
    ("online_abuse", _("Online abuse, blackmail or outing"), False),
    ("time_wasting", _("Time-wasting"), False),
    ("other", _("Other"), False),
]
