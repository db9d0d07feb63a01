"""Forms validate and normalise casework input; the services write it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from redbrolly.casework.models import (
    Appointment,
    Case,
    Consent,
    JusticeStep,
    Note,
    OnwardReferral,
    OutcomeOption,
    RiskItem,
    Service,
    TimeEntry,
)
from redbrolly.casework.services import Person
from redbrolly.core.models import Organisation, Region
from redbrolly.lib.normalise import NotAnIdentifier, normalise_email, normalise_phone

PHONE_ROUTES = {
    Case.ContactRoute.CALL,
    Case.ContactRoute.TEXT,
    Case.ContactRoute.WHATSAPP,
    Case.ContactRoute.SIGNAL,
}
PUBLIC_ROUTES = [
    (value, label)
    for value, label in Case.ContactRoute.choices
    if value not in {Case.ContactRoute.VIA_REFERRER, Case.ContactRoute.OTHER}
]
OTHER_LANGUAGE = "other"


def language_choices() -> list[tuple[str, Any]]:
    return [*settings.LANGUAGES, (OTHER_LANGUAGE, _("Another language"))]


def minutes_field(label: Any = None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label or _("Minutes spent (optional)"),
        required=False,
        min_value=1,
        max_value=24 * 60,
        help_text=_("Counts towards the time log."),
    )


def text_area(label: Any, *, required: bool = True, rows: int = 4, **kwargs: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=kwargs.pop("max_length", 20000),
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class PersonFieldsMixin:
    """The safe-contact fields shared by the callback, referral and case forms."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        data = super().clean()  # type: ignore[misc]
        route, details = data.get("contact_route", ""), data.get("contact_details", "")
        if route and details:
            try:
                data["contact_details"] = normalised_contact(route, details)
            except NotAnIdentifier:
                self.add_error(  # type: ignore[attr-defined]
                    "contact_details", contact_error(route)
                )
        return data  # type: ignore[no-any-return]

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            working_name=data.get("working_name", ""),
            contact_route=data.get("contact_route", ""),
            contact_details=data.get("contact_details", ""),
            safe_times=data.get("safe_times", ""),
            leave_message=data.get("leave_message", False),
            language=data.get("language", ""),
            interpreter_needed=data.get("interpreter_needed", False),
            region=data.get("region"),
        )


def normalised_contact(route: str, details: str) -> str:
    if route in PHONE_ROUTES:
        return normalise_phone(details, Organisation.current().phone_region).value
    if route == Case.ContactRoute.EMAIL:
        # Kept as typed (only tidied): this is where we write to, not an index key.
        normalise_email(details)
        return details.strip()
    return details.strip()


def contact_error(route: str) -> Any:
    if route == Case.ContactRoute.EMAIL:
        return _("This does not look like an email address.")
    return _(
        "This does not look like a phone number. Try it with the country code, "
        "like +44 7700 900123."
    )


def working_name_field() -> forms.CharField:
    return forms.CharField(
        label=_("What should we call you? (optional)"),
        required=False,
        max_length=80,
        help_text=_("Any name you like. It does not need to be your real name."),
    )


def contact_route_field(choices: list[tuple[str, Any]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("How should we contact you?"), choices=choices, widget=forms.RadioSelect
    )


def contact_details_field() -> forms.CharField:
    return forms.CharField(
        label=_("Phone number or email address"),
        max_length=200,
        help_text=_("Only the caseworker who contacts you will see this."),
    )


def safe_times_field() -> forms.CharField:
    return forms.CharField(
        label=_("When is it safe to contact you?"),
        max_length=300,
        required=False,
        help_text=_("For example: weekdays after 6pm, not at weekends."),
    )


def urgency_field(label: Any = None) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label or _("How soon do you need to talk to someone?"),
        choices=Case.Urgency.choices,
        coerce=int,
        widget=forms.RadioSelect,
        initial=Case.Urgency.SOON,
    )


def region_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Region.objects.active(),
        required=False,
        label=_("Where are you? (optional)"),
        empty_label=_("I would rather not say"),
    )


class CallbackForm(PersonFieldsMixin, forms.Form):
    """The public "Get quick access to a caseworker" request."""

    working_name = working_name_field()
    contact_route = contact_route_field(PUBLIC_ROUTES)
    contact_details = contact_details_field()
    safe_times = safe_times_field()
    leave_message = forms.BooleanField(
        required=False, label=_("It is safe to leave a message or say who we are")
    )
    language = forms.ChoiceField(
        label=_("Which language would you like to speak?"), choices=language_choices
    )
    interpreter_needed = forms.BooleanField(required=False, label=_("I would like an interpreter"))
    urgency = urgency_field()
    region = region_field()
    consent = forms.BooleanField(
        label=_("I agree that you keep these details to contact me"),
        help_text=_(
            "Only our caseworkers see them. They are stored encrypted and you can ask us "
            "to delete them at any time."
        ),
        error_messages={"required": _("We need your agreement to keep your details.")},
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class ReferralForm(PersonFieldsMixin, forms.Form):
    """A practitioner refers someone they work with."""

    working_name = forms.CharField(
        label=_("Name the person uses (optional)"), required=False, max_length=80
    )
    contact_route = contact_route_field(list(Case.ContactRoute.choices))
    contact_details = forms.CharField(
        label=_("Their phone number or email, or how to reach them through you"),
        max_length=200,
        required=False,
    )
    safe_times = safe_times_field()
    leave_message = forms.BooleanField(required=False, label=_("Safe to leave a message"))
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    interpreter_needed = forms.BooleanField(required=False, label=_("Needs an interpreter"))
    urgency = urgency_field(_("How urgent is it?"))
    region = region_field()
    reason = text_area(_("What support do they need?"), rows=4)
    referrer_contact = forms.CharField(
        label=_("How can a caseworker reach you about this referral?"), max_length=200
    )
    consent = forms.BooleanField(
        label=_("The person agreed to this referral and to a caseworker contacting them"),
        error_messages={"required": _("Refer someone only with their agreement.")},
    )


class CaseOpenForm(PersonFieldsMixin, forms.Form):
    """A caseworker opens a case for someone who phoned."""

    working_name = forms.CharField(label=_("Working name"), required=False, max_length=80)
    contact_route = contact_route_field(list(Case.ContactRoute.choices))
    contact_details = forms.CharField(label=_("Contact details"), max_length=200, required=False)
    safe_times = safe_times_field()
    leave_message = forms.BooleanField(required=False, label=_("Safe to leave a message"))
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    interpreter_needed = forms.BooleanField(required=False, label=_("Needs an interpreter"))
    urgency = urgency_field(_("Urgency"))
    region = region_field()
    reason = text_area(_("Why they called"), required=False, rows=3)
    consent = forms.BooleanField(
        label=_("They agreed to us keeping their details"),
        error_messages={"required": _("A case needs the person's consent to store data.")},
    )


class PersonForm(PersonFieldsMixin, forms.Form):
    working_name = forms.CharField(label=_("Working name"), required=False, max_length=80)
    contact_route = forms.ChoiceField(
        label=_("Safe contact route"),
        choices=[("", _("Not known yet")), *Case.ContactRoute.choices],
        required=False,
    )
    contact_details = forms.CharField(label=_("Contact details"), max_length=200, required=False)
    safe_times = safe_times_field()
    leave_message = forms.BooleanField(required=False, label=_("Safe to leave a message"))
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    interpreter_needed = forms.BooleanField(required=False, label=_("Needs an interpreter"))
    urgency = urgency_field(_("Urgency"))
    region = region_field()


class AssignForm(forms.Form):
    worker: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label=_("Allocate to"),
    )

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers  # type: ignore[attr-defined]


class ConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Consent"), choices=Consent.Kind.choices)
    given = forms.TypedChoiceField(
        label=_("Their decision"),
        choices=[("yes", _("Given")), ("no", _("Refused or withdrawn"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    scope = forms.CharField(
        label=_("Scope"),
        max_length=300,
        help_text=_("What exactly they agreed to, for example: share with the SARC only."),
    )


class RiskItemsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: RiskItem) -> str:  # type: ignore[override]
        return f"{obj.text} ({obj.help_text})" if obj.help_text else obj.text


class RiskForm(forms.Form):
    present = RiskItemsField(
        queryset=RiskItem.objects.filter(active=True),
        required=False,
        label=_("Tick each that is true now"),
    )
    comment = text_area(_("Professional judgement (optional)"), required=False, rows=3)


class NeedsForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=Case.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs_note = text_area(_("About their needs (optional)"), required=False, rows=3)
    police_involved = forms.BooleanField(
        required=False, label=_("They chose to involve the police (track police and court support)")
    )


class SafetyPlanForm(forms.Form):
    safety_plan = text_area(
        _("Safety plan"),
        rows=10,
        help_text=_(
            "Warning signs, safe places and people, what to do in an emergency, "
            "how and when you check in."
        ),
    )


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Note.Kind.choices, widget=forms.RadioSelect)
    body = text_area(_("Note"), rows=6)
    minutes = minutes_field()


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What needs doing"), max_length=500)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label=_("Owner"),
    )
    due_on = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class ActionDoneForm(forms.Form):
    minutes = minutes_field()
    activity_type = forms.ChoiceField(
        label=_("Activity"), choices=TimeEntry.Activity.choices, initial=TimeEntry.Activity.ADMIN
    )


class AppointmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Appointment.Kind.choices)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Where (optional)"), max_length=300, required=False)
    note = text_area(_("Note (optional)"), required=False, rows=2)


class TimeForm(forms.Form):
    activity_type = forms.ChoiceField(label=_("Activity"), choices=TimeEntry.Activity.choices)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=24 * 60)
    on = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Service) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.get_kind_display()})"


class OnwardReferralForm(forms.Form):
    service = ServiceChoiceField(queryset=None, label=_("Service"))  # type: ignore[arg-type]
    consent_given = forms.BooleanField(
        label=_("The person agreed to this referral and to what we share"),
        error_messages={"required": _("Refer someone on only when they have agreed to it.")},
    )
    note = text_area(_("What was shared and why (optional)"), required=False, rows=3)
    minutes = minutes_field()

    def __init__(self, *args: Any, services: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services  # type: ignore[attr-defined]


class OnwardStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=OnwardReferral.Status.choices)
    note = text_area(_("Note (optional)"), required=False, rows=2)


class JusticeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Step"), choices=JusticeStep.Kind.choices)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = text_area(_("Note (optional)"), required=False, rows=3)


class LinkReportForm(forms.Form):
    reference = forms.CharField(
        label=_("Report reference"), max_length=12, help_text=_("Like R-7KM3-9QXD.")
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()


class CloseForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is the case closing?"),
        choices=Case.ClosureReason.choices,
        widget=forms.RadioSelect,
    )
    outcomes = forms.ModelMultipleChoiceField(
        queryset=OutcomeOption.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Outcomes"),
    )
    note = text_area(_("Closing summary (optional)"), required=False, rows=3)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why reopen it?"), max_length=300)


class GlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to open this case?"),
        min_length=10,
        max_length=300,
        help_text=_("Your reason is recorded and the case owner's supervisor is told."),
    )


class StatsForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start date must be before the end date."))
        return data
