"""Forms validate and normalise; they never write (the services do)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from redbrolly.accounts.models import MemberProfile
from redbrolly.accounts.services import Contact
from redbrolly.core.models import Organisation, Region
from redbrolly.lib.evidence import (
    EvidenceRefused,
    PreparedEvidence,
    evidence_prepare,
    max_bytes,
    upload_bytes,
)
from redbrolly.lib.normalise import NotAnIdentifier, normalise_email, normalise_phone


class RegionChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Region) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.towns_text})" if obj.main_towns else obj.name


def region_field(required: bool = False) -> RegionChoiceField:
    return RegionChoiceField(
        queryset=Region.objects.active(),
        required=required,
        label=_("Where do you work?"),
        help_text=_("Choose every area where you work, so you get the alerts for them."),
    )


def sector_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        choices=MemberProfile.Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("How do you work?"),
    )


def language_field() -> forms.ChoiceField:
    return forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language"), initial="en")


class ContactFieldsMixin:
    """Email and mobile are optional; whatever is given is checked and normalised."""

    cleaned_data: dict[str, Any]

    def clean_contact_email(self) -> str:
        raw = self.cleaned_data.get("contact_email", "").strip()
        if not raw:
            return ""
        try:
            return normalise_email(raw).value
        except NotAnIdentifier:
            raise forms.ValidationError(_("This does not look like an email address.")) from None

    def clean_mobile(self) -> str:
        raw = self.cleaned_data.get("mobile", "").strip()
        if not raw:
            return ""
        try:
            return normalise_phone(raw, Organisation.current().phone_region).value
        except NotAnIdentifier:
            raise forms.ValidationError(
                _(
                    "This does not look like a phone number. Try it with the country code, "
                    "like +44 7700 900123."
                )
            ) from None

    def contact(self) -> Contact:
        return Contact(email=self.cleaned_data["contact_email"], mobile=self.cleaned_data["mobile"])


def email_field() -> forms.CharField:
    return forms.CharField(
        label=_("Email (optional)"),
        required=False,
        max_length=254,
        help_text=_("For alerts and account updates. Use an address that is safe for you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def mobile_field() -> forms.CharField:
    return forms.CharField(
        label=_("Mobile number (optional)"),
        required=False,
        max_length=32,
        help_text=_("For text alerts and the text checker."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


def proof_field(only_for: list[str] | None = None) -> forms.FileField:
    help_text = _(
        "For example a screenshot of an advert, or a letter from a project: a photo, "
        "screenshot or PDF file up to %(mb)s MB. We remove location and camera details and "
        "store it encrypted; only the staff who review applications see it. "
        "We delete this file as soon as we have decided, and after %(days)s days at the latest."
    ) % {"mb": max_bytes() // (1024 * 1024), "days": settings.REDBROLLY_PROOF_KEEP_DAYS}
    if only_for:
        help_text = _("%(help)s Only when joining as: %(types)s.") % {
            "help": help_text,
            "types": ", ".join(only_for),
        }
    return forms.FileField(
        label=_("A file that shows you work in the industry (optional)"),
        required=False,
        help_text=help_text,
    )


class ProofFieldMixin:
    """The optional proof-of-work file: sniffed, re-encoded and size-checked like evidence."""

    cleaned_data: dict[str, Any]

    def clean_proof(self) -> PreparedEvidence | None:
        upload = self.cleaned_data.get("proof")
        if not upload:
            return None
        try:
            return evidence_prepare(upload_bytes(upload))
        except EvidenceRefused as refused:
            raise forms.ValidationError(str(refused)) from None


class SignupForm(ProofFieldMixin, ContactFieldsMixin, forms.Form):
    """The base of allauth's sign-up form: membership on top of working name and password.

    The email field is `contact_email` because allauth removes a field named `email` when
    accounts have no email column (ours are encrypted on MemberProfile instead).
    """

    field_order = ["username", "password1", "password2", "membership_type"]

    membership_type = forms.ChoiceField(
        choices=MemberProfile.MembershipType.choices,
        label=_("I am joining as"),
        widget=forms.RadioSelect,
        initial=MemberProfile.MembershipType.INDIVIDUAL,
    )
    contact_email = email_field()
    mobile = mobile_field()
    regions = region_field()
    sectors = sector_field()
    language = language_field()
    applicant_note = forms.CharField(
        label=_("How can we check you work in the industry? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example a project that knows you, or an advertising profile. "
            "Only the staff who review applications read this."
        ),
    )
    # Bots fill every field; people never see this one (hidden by CSS, labelled for readers).
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = Organisation.current()
        if not self.organisation.membership_proof:
            # The organisation does not verify applicants: neither the question nor the file.
            del self.fields["applicant_note"]
        offered = [
            (value, label)
            for value, label in MemberProfile.MembershipType.choices
            if self.organisation.offers_proof_upload(value)
        ]
        if offered:
            every_type = len(offered) == len(MemberProfile.MembershipType.choices)
            labels = [str(label) for _value, label in offered]
            self.fields["proof"] = proof_field(None if every_type else labels)

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("membership_type")
        if data.get("proof") and kind and not self.organisation.offers_proof_upload(kind):
            self.add_error(
                "proof",
                _(
                    "We don't ask for a file when joining as “%(type)s”. Send the form "
                    "without it, or choose another option above."
                )
                % {"type": MemberProfile.MembershipType(kind).label},
            )
        return data

    def signup(self, request: Any, user: Any) -> None:
        from redbrolly.accounts.services import member_profile_create

        member_profile_create(
            user=user,
            membership_type=self.cleaned_data["membership_type"],
            contact=self.contact(),
            regions=self.cleaned_data["regions"],
            sectors=self.cleaned_data["sectors"],
            language=self.cleaned_data["language"],
            applicant_note=self.cleaned_data.get("applicant_note", ""),
            proof=self.cleaned_data.get("proof"),
        )


class PreferencesForm(forms.Form):
    regions = region_field(required=True)
    sectors = sector_field()
    notify_email = forms.BooleanField(required=False, label=_("Email"))
    notify_sms = forms.BooleanField(required=False, label=_("Text message (SMS)"))
    notify_push = forms.BooleanField(required=False, label=_("Notifications on this device"))
    notify_inapp = forms.BooleanField(required=False, label=_("In my member area"))
    language = language_field()
    discreet_mode = forms.BooleanField(
        required=False,
        label=_("Discreet mode"),
        help_text=_(
            "Notifications only say 'You have a new update', and the site shows a neutral title."
        ),
    )
    dark_screen = forms.BooleanField(required=False, label=_("Dark screen"))

    def __init__(self, *args: Any, profile: MemberProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile = profile

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("notify_email") and not self.profile.email:
            self.add_error("notify_email", _("Add an email address first (Contact details)."))
        if data.get("notify_sms") and not self.profile.mobile:
            self.add_error("notify_sms", _("Add a mobile number first (Contact details)."))
        return data


class MoreInformationForm(ProofFieldMixin, forms.Form):
    note = forms.CharField(
        label=_("Your answer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the staff who review applications read this."),
    )

    def __init__(self, *args: Any, offer_proof: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if offer_proof:
            # A file alone can be the answer.
            self.fields["note"].required = False
            self.fields["proof"] = proof_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answered = data.get("note") or data.get("proof")
        if "proof" in self.fields and not self.errors and not answered:
            self.add_error("note", _("Write an answer, or attach a file."))
        return data


class ContactForm(ContactFieldsMixin, forms.Form):
    contact_email = email_field()
    mobile = mobile_field()


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("approve", _("Approve")),
            ("more_info", _("Ask for more information")),
            ("refuse", _("Refuse")),
        ],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    reason = forms.CharField(
        label=_("Reason (shown to the applicant)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") in {"more_info", "refuse"} and not data.get("reason"):
            self.add_error("reason", _("Say why, so the applicant knows what to do next."))
        return data


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type DELETE to confirm"),
        max_length=10,
        help_text=_("This removes your account and everything linked to it. It cannot be undone."),
    )

    def clean_confirm(self) -> str:
        value = str(self.cleaned_data["confirm"]).strip()
        if value.upper() != "DELETE":
            raise forms.ValidationError(_("Type DELETE in capital letters to confirm."))
        return value
