from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_THRESHOLD = 1_000_000


class ThresholdForm(forms.Form):
    """A willingness-to-pay to add to the report's £20,000 and £30,000 per QALY."""

    wtp = forms.CharField(
        label=_("Another threshold (£ per QALY)"),
        required=False,
        max_length=20,
        help_text=_("Whole pounds from 0 to 1,000,000, for example 25000 or £25,000."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_wtp(self) -> int | None:
        raw = self.cleaned_data["wtp"].replace(",", "").replace("£", "").strip()
        if not raw:
            return None
        if not raw.isascii() or not raw.isdigit():
            raise ValidationError(_("Enter a whole number of pounds, such as 25000."))
        if int(raw) > MAX_THRESHOLD:
            raise ValidationError(_("Enter a threshold of £1,000,000 or less."))
        return int(raw)
