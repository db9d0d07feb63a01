"""Checker forms: read what people type into identifiers, and nothing more."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.checker.models import CheckerPolicy
from redbrolly.checker.search import Mode, trigrams
from redbrolly.checker.services import BULK_MAX, identifier_read
from redbrolly.lib.normalise import (
    MAX_INPUT_LENGTH,
    IdentifierKind,
    NotAnIdentifier,
    normalise_plate,
)

MIN_DIGITS = 4


class CheckForm(forms.Form):
    identifier = forms.CharField(
        label=gettext_lazy("Phone number, email, handle or number plate"),
        max_length=MAX_INPUT_LENGTH,
        help_text=gettext_lazy("For example 07700 900123, name@example.com, @handle or AB12 CDE."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_identifier(self) -> Any:
        try:
            return identifier_read(self.cleaned_data["identifier"])
        except NotAnIdentifier as error:
            raise forms.ValidationError(_(str(error))) from error


class BulkForm(forms.Form):
    lines = forms.CharField(
        label=gettext_lazy("Numbers to check, one a line"),
        help_text=gettext_lazy("Paste up to 50, for example from your call log."),
        max_length=BULK_MAX * 80,
        widget=forms.Textarea(attrs={"rows": 10, "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_lines(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["lines"].splitlines() if line.strip()]
        if len(lines) > BULK_MAX:
            raise forms.ValidationError(
                _("Please paste up to %(max)s at a time (you pasted %(n)s).")
                % {"max": BULK_MAX, "n": len(lines)}
            )
        return lines


class SearchForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("What do you know?"),
        choices=Mode.CHOICES,
        initial=Mode.WHOLE,
        widget=forms.RadioSelect,
    )
    query = forms.CharField(label=gettext_lazy("Search for"), max_length=MAX_INPUT_LENGTH)
    purpose = forms.CharField(
        label=gettext_lazy("Why are you searching?"),
        max_length=300,
        help_text=gettext_lazy("Recorded in the audit log, e.g. the report or case you work on."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "mode" in data and "query" in data:
            try:
                data["kind"], data["value"] = self.read(data["mode"], data["query"])
            except NotAnIdentifier as error:
                self.add_error("query", _(str(error)))
        return data

    def read(self, mode: str, query: str) -> tuple[str, str]:
        if mode == Mode.LAST_DIGITS:
            digits = "".join(filter(str.isdigit, query))
            if len(digits) < MIN_DIGITS or len(digits) > 15:
                raise NotAnIdentifier(_("Type at least 4 digits, only digits."))
            return IdentifierKind.PHONE.value, digits
        if mode == Mode.PLATE_PART:
            plate = normalise_plate(query, allow_partial=True).value
            if not trigrams(plate):
                raise NotAnIdentifier(
                    _("Type at least three characters in a row that you are sure of.")
                )
            return IdentifierKind.PLATE.value, plate
        found = identifier_read(query)
        return found.kind.value, found.value


class PolicyForm(forms.ModelForm):
    class Meta:
        model = CheckerPolicy
        fields = [
            "count_unreviewed_known",
            "count_unreviewed_anonymous",
            "member_per_minute",
            "member_per_day",
            "bulk_per_ten_minutes",
            "identifier_per_ten_minutes",
        ]
