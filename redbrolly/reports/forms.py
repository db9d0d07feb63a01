"""Forms validate and normalise; they never write (services do).

The web report is six steps; each step's form checks its own fields so a person sees the
problem where they typed it. The draft keeps the raw values, and `payload_from_draft` turns
them into the same payload the API takes, for `parsing.parse_report`.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.core.models import IncidentType, Organisation, Region
from redbrolly.lib.normalise import (
    Identifier,
    NotAnIdentifier,
    normalise_email,
    normalise_handle,
    normalise_phone,
    normalise_plate,
)
from redbrolly.reports.models import Report
from redbrolly.reports.parsing import MAX_NARRATIVE, MAX_PEOPLE, MAX_SHORT, MAX_TEXT

STARTED_SALT = "reports.form-started"
TRUE_VALUES = {"on", "true", "1", "yes"}


def started_stamp() -> str:
    return signing.dumps(int(time.time()), salt=STARTED_SALT)


def seconds_since_started(stamp: str) -> float | None:
    """How long ago the form was first shown (None when the stamp is missing or forged)."""
    try:
        started = signing.loads(stamp, salt=STARTED_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - started if isinstance(started, int) else None


def text_area(rows: int = 3, **attrs: Any) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def not_future(value: datetime.date | None) -> None:
    if value and value > timezone.localdate() + datetime.timedelta(days=1):
        raise forms.ValidationError(_("This date is in the future."))


class RegionSelect(forms.ModelChoiceField):
    def label_from_instance(self, obj: Region) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.towns_text})" if obj.main_towns else obj.name


class WhatForm(forms.Form):
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    incident_types = forms.MultipleChoiceField(
        label=_("What happened? Choose all that apply"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one thing that happened.")},
    )
    occurred_precision = forms.ChoiceField(
        label=_("When did it happen?"),
        choices=Report.Precision.choices,
        widget=forms.RadioSelect,
        initial=Report.Precision.EXACT,
    )
    occurred_on = forms.DateField(
        label=_("Date (or your best guess)"),
        widget=date_input(),
        validators=[not_future],
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": _("Please give the date, or your best guess.")},
    )
    occurred_until = forms.DateField(
        label=_("Last date it could have been (only for 'some time between')"),
        widget=date_input(),
        required=False,
        validators=[not_future],
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    occurred_note = forms.CharField(
        label=_("In your own words (optional)"),
        help_text=_("For example: last night, early March, about 11pm."),
        max_length=MAX_SHORT,
        required=False,
    )
    region = RegionSelect(
        queryset=Region.objects.active(),
        to_field_name="code",
        label=_("Where did it happen?"),
        empty_label=_("Choose a region"),
        error_messages={"required": _("Please choose a region from the list.")},
    )
    area = forms.CharField(
        label=_("Town or area (optional)"),
        help_text=_("Only the town or area, please: not a street or an address."),
        max_length=MAX_SHORT,
        required=False,
    )
    setting = forms.ChoiceField(
        label=_("Where were you working?"),
        choices=Report.Setting.choices,
        widget=forms.RadioSelect,
    )
    setting_other = forms.CharField(
        label=_("If somewhere else, where? (optional)"), max_length=MAX_SHORT, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = IncidentType.objects.filter(active=True).values_list("code", "label")
        self.fields["incident_types"].choices = list(types)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("occurred_on"), data.get("occurred_until")
        if data.get("occurred_precision") == Report.Precision.RANGE and not last:
            self.add_error("occurred_until", _("Please give the last date it could have been."))
        if first and last and last < first:
            self.add_error("occurred_until", _("This date is before the first date."))
        return data


class StoryForm(forms.Form):
    narrative = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "In your own words. Include anything that could help warn others: how they "
            "contacted you, what they said, what they did. Your words are kept encrypted."
        ),
        max_length=MAX_NARRATIVE,
        widget=text_area(10),
        error_messages={"required": _("Please tell us what happened.")},
    )


def lines_checked(text: str, normalise: Callable[[str], Identifier]) -> list[str]:
    """Checks one value per line; the error names the line, never its content."""
    errors = []
    for number, line in enumerate(filter(None, (part.strip() for part in text.splitlines())), 1):
        try:
            normalise(line)
        except NotAnIdentifier as problem:
            errors.append(_("Line %(n)s: %(problem)s") % {"n": number, "problem": _(str(problem))})
    if errors:
        raise forms.ValidationError(errors)
    return [line.strip() for line in text.splitlines() if line.strip()]


class PersonForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    people_count = forms.IntegerField(
        label=_("How many people were involved?"),
        min_value=1,
        max_value=MAX_PEOPLE,
        initial=1,
        required=False,
    )
    names = forms.CharField(
        label=_("Names they used (optional)"),
        help_text=_("One per line."),
        widget=text_area(2),
        max_length=MAX_TEXT,
        required=False,
    )
    phones = forms.CharField(
        label=_("Phone numbers (optional)"),
        help_text=_("One per line, as many as you know."),
        widget=text_area(2, inputmode="tel"),
        max_length=MAX_TEXT,
        required=False,
    )
    emails = forms.CharField(
        label=_("Email addresses (optional)"),
        help_text=_("One per line."),
        widget=text_area(2, inputmode="email"),
        max_length=MAX_TEXT,
        required=False,
    )
    handles = forms.CharField(
        label=_("Online names, profiles or ad links (optional)"),
        help_text=_("One per line."),
        widget=text_area(2),
        max_length=MAX_TEXT,
        required=False,
    )
    vehicle_make = forms.CharField(
        label=_("Vehicle make (optional)"), max_length=MAX_SHORT, required=False
    )
    vehicle_model = forms.CharField(
        label=_("Vehicle model (optional)"), max_length=MAX_SHORT, required=False
    )
    vehicle_colour = forms.CharField(
        label=_("Vehicle colour (optional)"), max_length=MAX_SHORT, required=False
    )
    vehicle_plate = forms.CharField(
        label=_("Number plate (optional)"),
        help_text=_("Part of it is fine: type ? for each character you don't know."),
        max_length=MAX_SHORT,
        required=False,
    )
    description = forms.CharField(
        label=_("What did they look like? (optional)"),
        widget=text_area(3),
        max_length=MAX_TEXT,
        required=False,
    )
    behaviour = forms.CharField(
        label=_("How did they behave? (optional)"),
        help_text=_("For example: what they asked for, warning signs before it happened."),
        widget=text_area(3),
        max_length=MAX_TEXT,
        required=False,
    )

    def clean_phones(self) -> str:
        region = Organisation.current().phone_region
        lines_checked(self.cleaned_data["phones"], lambda text: normalise_phone(text, region))
        return str(self.cleaned_data["phones"])

    def clean_emails(self) -> str:
        lines_checked(self.cleaned_data["emails"], normalise_email)
        return str(self.cleaned_data["emails"])

    def clean_handles(self) -> str:
        lines_checked(self.cleaned_data["handles"], normalise_handle)
        return str(self.cleaned_data["handles"])

    def clean_vehicle_plate(self) -> str:
        plate = self.cleaned_data["vehicle_plate"].strip()
        if plate:
            try:
                normalise_plate(plate, allow_partial=True)
            except NotAnIdentifier as problem:
                raise forms.ValidationError(_(str(problem))) from None
        return str(plate)


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Add a photo, screenshot or PDF"),
        help_text=_(
            "Up to 10 MB each. We remove location and camera details from photos before "
            "storing them encrypted. Only staff can see them."
        ),
        error_messages={"required": _("Please choose a file to add.")},
    )


class ChoicesForm(forms.Form):
    consent_level = forms.ChoiceField(
        label=_("What may we do with your report?"),
        choices=Report.Consent.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "You can change this later. We never pass on who you are without asking you first."
        ),
        error_messages={"required": _("Please choose what we may do with your report.")},
    )
    wants_alert_review = forms.BooleanField(
        label=_("If you send an alert, let me see its text before it goes out"),
        help_text=_(
            "Only if you agree to an alert. Come back to your report (with your receipt code, "
            "or in your account) to read it and tell us if it is fine. If members are in "
            "danger, we may have to send it before you answer."
        ),
        required=False,
    )
    wants_support = forms.BooleanField(
        label=_("I would like a caseworker to contact me for support"), required=False
    )
    contact_method = forms.CharField(
        label=_("How can we contact you safely?"),
        help_text=_("For example a phone number, an email, or 'text only, say it's the dentist'."),
        max_length=MAX_TEXT,
        required=False,
    )
    safe_times = forms.CharField(
        label=_("When is it safe to contact you?"), max_length=MAX_SHORT * 2, required=False
    )
    on_behalf = forms.BooleanField(label=_("I am reporting for someone else"), required=False)
    behalf_who = forms.CharField(
        label=_("Who are you reporting for?"),
        help_text=_("A first name or initials is enough, and how you support them."),
        max_length=MAX_TEXT,
        required=False,
    )
    behalf_consent = forms.BooleanField(
        label=_("They agreed to this report and to what we may do with it"), required=False
    )

    def __init__(self, *args: Any, behalf: str = "none", **kwargs: Any) -> None:
        """behalf: "none" (hide), "optional" (practitioners), "phone" (staff taking a call)."""
        super().__init__(*args, **kwargs)
        self.behalf = behalf
        if behalf == "none":
            for name in ("on_behalf", "behalf_who", "behalf_consent"):
                del self.fields[name]
        elif behalf == "phone":
            del self.fields["on_behalf"]
            self.fields["behalf_who"].label = _("Who is calling?")
            self.fields["behalf_who"].help_text = _("The name they want us to use.")
            self.fields["behalf_consent"].label = _(
                "The caller agreed to this report and its consent level"
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("wants_support") and not data.get("contact_method", "").strip():
            self.add_error("contact_method", _("Please tell us how to contact you safely."))
        if self.behalf == "phone" or data.get("on_behalf"):
            if not data.get("behalf_who", "").strip():
                self.add_error("behalf_who", _("Please fill this in."))
            if not data.get("behalf_consent"):
                self.add_error(
                    "behalf_consent", _("Please only report for someone who agreed to it.")
                )
        return data


class ReviewForm(forms.Form):
    add_phones = forms.MultipleChoiceField(
        label=_(
            "We found these phone numbers in what you wrote. Add them to the person's details?"
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    add_emails = forms.MultipleChoiceField(
        label=_("We found these email addresses in what you wrote. Add them too?"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # Bots fill every field; people never see this one (hidden by CSS, labelled for readers).
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, found: list[Identifier] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        found = found or []
        phones = [(i.value, i.value) for i in found if i.kind == "phone"]
        emails = [(i.value, i.value) for i in found if i.kind == "email"]
        self.fields["add_phones"].choices = phones  # type: ignore[attr-defined]
        self.fields["add_emails"].choices = emails  # type: ignore[attr-defined]
        for name, choices in (("add_phones", phones), ("add_emails", emails)):
            if not choices:
                del self.fields[name]

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""


# --- from the draft to the API's payload ----------------------------------------------------


def first(values: dict[str, Any], name: str) -> str:
    found = values.get(name) or [""]
    return str(found[0]) if isinstance(found, list) and found else ""


def ticked(values: dict[str, Any], name: str) -> bool:
    return first(values, name).lower() in TRUE_VALUES


def person_payload(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "people_count": first(values, "people_count") or 1,
        "names": first(values, "names"),
        "phones": first(values, "phones"),
        "emails": first(values, "emails"),
        "handles": first(values, "handles"),
        "description": first(values, "description"),
        "behaviour": first(values, "behaviour"),
        "vehicle": {
            "make": first(values, "vehicle_make"),
            "model": first(values, "vehicle_model"),
            "colour": first(values, "vehicle_colour"),
            "plate": first(values, "vehicle_plate"),
        },
    }


def behalf_payload(choices: dict[str, Any], phone_intake: bool) -> dict[str, Any] | None:
    if not (phone_intake or ticked(choices, "on_behalf")):
        return None
    return {"who": first(choices, "behalf_who"), "consent": ticked(choices, "behalf_consent")}


def payload_from_draft(data: dict[str, Any], *, phone_intake: bool = False) -> dict[str, Any]:
    what, story = data.get("what", {}), data.get("story", {})
    choices, review = data.get("choices", {}), data.get("review", {})
    people = data.get("people", [])
    payload: dict[str, Any] = {
        "incident_types": list(what.get("incident_types", [])),
        **{
            name: first(what, name)
            for name in (
                "occurred_precision",
                "occurred_on",
                "occurred_until",
                "occurred_note",
                "region",
                "area",
                "setting",
                "setting_other",
            )
        },
        "narrative": first(story, "narrative"),
        "perpetrators": [person_payload(values) for values in people if isinstance(values, dict)],
        "consent": {
            "level": first(choices, "consent_level"),
            "wants_support": ticked(choices, "wants_support"),
            "wants_alert_review": ticked(choices, "wants_alert_review"),
            "contact_method": first(choices, "contact_method"),
            "safe_times": first(choices, "safe_times"),
        },
        "add_phones": list(review.get("add_phones", [])),
        "add_emails": list(review.get("add_emails", [])),
    }
    payload["on_behalf"] = behalf_payload(choices, phone_intake)
    return payload


# --- after submitting -----------------------------------------------------------------------


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt code"),
        help_text=_("The 16 digits you were given when you reported. Spaces don't matter."),
        max_length=64,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=MAX_TEXT * 2, widget=text_area(4))


class StaffMessageForm(MessageForm):
    request_info = forms.BooleanField(
        label=_("This asks the reporter for more information (sets 'needs information')"),
        required=False,
    )


class ConsentForm(forms.Form):
    consent_level = forms.ChoiceField(
        label=_("What may we do with your report?"),
        choices=Report.Consent.choices,
        widget=forms.RadioSelect,
    )


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), max_length=MAX_TEXT * 2, widget=text_area(3))


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Move to"),
        choices=[(v, label) for v, label in Report.Status.choices if v != Report.Status.ACCEPTED],
    )
    note = forms.CharField(
        label=_("Why? (internal note, optional)"),
        max_length=MAX_TEXT,
        required=False,
        widget=text_area(2),
    )


class SeverityForm(forms.Form):
    severity = forms.ChoiceField(label=_("Severity"), choices=Report.Severity.choices)


class AcceptForm(forms.Form):
    severity = forms.ChoiceField(
        label=_("Severity"),
        choices=[
            (v, label) for v, label in Report.Severity.choices if v != Report.Severity.UNGRADED
        ],
    )
