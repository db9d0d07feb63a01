from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from redbrolly.linkage.models import Link


class DecideForm(forms.Form):
    first = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    second = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    decision = forms.ChoiceField(choices=Link.Decision.choices)
    reason = forms.CharField(
        label=gettext_lazy("Why? (optional, for the team)"), required=False, max_length=500
    )


class AddReportForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Reference of another report by the same person"),
        max_length=20,
        help_text=gettext_lazy("For example R-3MBH-35KT, from the report's page."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Why do you think it is the same person?"), max_length=500
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()
