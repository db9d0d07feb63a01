"""Forms of the research app: they validate and normalise, nothing more."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from redbrolly.core.models import Organisation
from redbrolly.lib.normalise import NotAnIdentifier, normalise_phone
from redbrolly.research.instruments.library import instrument_ids
from redbrolly.research.models import Channel, ConsentForm, IncentivePayment, Study
from redbrolly.research.services import TOKEN_LENGTH, ContactDetails, token_normalise

NO_CONTACT = "none"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


# --- participants ------------------------------------------------------------------------------


class EnrolForm(forms.Form):
    """Consent statements (each must be ticked) and an optional way to be reminded."""

    channel = forms.ChoiceField(
        label=_("How should we tell you when the follow-up questionnaire is ready?"),
        choices=[
            (Channel.EMAIL, _("By email")),
            (Channel.SMS, _("By text message")),
            (NO_CONTACT, _("Don't contact me: I will come back with my code")),
        ],
        widget=forms.RadioSelect,
        initial=NO_CONTACT,
    )
    email = forms.EmailField(label=_("Email address (optional)"), required=False, max_length=254)
    phone = forms.CharField(label=_("Mobile number (optional)"), required=False, max_length=30)

    def __init__(self, *args: Any, consent_form: ConsentForm, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        statements = {
            f"agree_{number}": forms.BooleanField(label=statement, required=True)
            for number, statement in enumerate(consent_form.statements, start=1)
        }
        self.fields = {**statements, **self.fields}
        for name in statements:
            self.fields[name].error_messages["required"] = _("Tick this to take part.")

    def clean_email(self) -> str:
        return str(self.cleaned_data.get("email") or "").strip().lower()

    def clean_phone(self) -> str:
        text = str(self.cleaned_data.get("phone") or "").strip()
        if not text:
            return ""
        try:
            return normalise_phone(text, Organisation.current().phone_region).value
        except NotAnIdentifier as error:
            raise ValidationError(_("That doesn't look like a mobile number.")) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        channel = data.get("channel")
        if channel == Channel.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give an email address, or choose another option."))
        if channel == Channel.SMS and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Give a mobile number, or choose another option."))
        return data

    def contact(self) -> ContactDetails | None:
        data = self.cleaned_data
        if data["channel"] == NO_CONTACT:
            return None
        # Only the detail the chosen channel needs is kept.
        if data["channel"] == Channel.EMAIL:
            return ContactDetails(channel=Channel.EMAIL, email=data["email"])
        return ContactDetails(channel=Channel.SMS, phone=data["phone"])


class ContinueForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=40,
        help_text=_("The 16 letters and numbers you were given, for example 7K2M-…"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self) -> str:
        code = token_normalise(self.cleaned_data["code"])
        if len(code) != TOKEN_LENGTH:
            raise ValidationError(_("A code has 16 letters and numbers. Check it and try again."))
        return code


class MembershipForm(forms.Form):
    joined = forms.ChoiceField(
        label=_("Since you started this study, have you become a member of %(name)s?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, organisation: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label = str(self.fields["joined"].label)
        self.fields["joined"].label = label % {"name": organisation}


class WithdrawForm(forms.Form):
    keep = forms.ChoiceField(
        label=_("What should happen to the answers you have already given?"),
        choices=[
            ("keep", _("Keep them in the study (without any way to contact me)")),
            ("delete", _("Delete them")),
        ],
        widget=forms.RadioSelect,
    )

    @property
    def keep_data(self) -> bool:
        return bool(self.cleaned_data["keep"] == "keep")


# --- researchers -------------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,]+", text.strip()) if part]


class StudyForm(forms.ModelForm):
    baseline = forms.CharField(
        label=_("Baseline instruments, in order"),
        help_text=_("Instrument ids separated by commas."),
        max_length=500,
    )
    followup = forms.CharField(
        label=_("Follow-up instruments, in order"), max_length=500, required=False
    )
    reminders = forms.CharField(
        label=_("Reminders, days after the invitation"),
        help_text=_("For example: 3, 7, 14"),
        max_length=100,
        required=False,
    )
    costs = forms.CharField(
        label=_("Unit costs for the export's cost column (£ per service used)"),
        help_text=_("For example: svc_casework=450, svc_report_made=60"),
        max_length=500,
        required=False,
    )

    class Meta:
        model = Study
        fields = [
            "title",
            "slug",
            "ethics_reference",
            "status",
            "follow_up_days",
            "window_before_days",
            "window_after_days",
            "target_member",
            "target_non_member",
            "incentive_description",
            "incentive_pence",
            "allow_free_text_export",
            "invite_new_members",
        ]

    def __init__(self, *args: Any, known: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = set(known or instrument_ids()) - {"eligibility"}
        status: Any = self.fields["status"]
        status.choices = [
            choice for choice in Study.Status.choices if choice[0] != Study.Status.CLOSED
        ]
        study = self.instance
        self.initial.setdefault("baseline", ", ".join(study.baseline_instruments))
        self.initial.setdefault("followup", ", ".join(study.followup_instruments))
        self.initial.setdefault("reminders", ", ".join(map(str, study.reminder_days)))
        costs = ", ".join(f"{name}={value:g}" for name, value in study.unit_costs.items())
        self.initial.setdefault("costs", costs)

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data["slug"])
        if slug == "new":
            raise ValidationError(_("Choose another link name."))
        return slug

    def _instruments(self, name: str) -> list[str]:
        ids = _split(self.cleaned_data.get(name) or "")
        unknown = [i for i in ids if i not in self.known]
        if unknown:
            raise ValidationError(
                _("Unknown instrument: %(ids)s. Known: %(known)s.")
                % {"ids": ", ".join(unknown), "known": ", ".join(sorted(self.known))}
            )
        return list(dict.fromkeys(ids))

    def clean_baseline(self) -> list[str]:
        return self._instruments("baseline")

    def clean_followup(self) -> list[str]:
        return self._instruments("followup")

    def clean_reminders(self) -> list[int]:
        parts = _split(self.cleaned_data.get("reminders") or "")
        if not all(part.isdigit() and 0 < int(part) <= 365 for part in parts):
            raise ValidationError(_("Give whole numbers of days between 1 and 365."))
        return sorted({int(part) for part in parts})

    def clean_costs(self) -> dict[str, float]:
        costs: dict[str, float] = {}
        for part in _split(self.cleaned_data.get("costs") or ""):
            name, _sep, value = part.partition("=")
            try:
                costs[name] = float(value)
            except ValueError:
                raise ValidationError(
                    _("Write each cost as name=amount, for example svc_casework=450.")
                ) from None
        return costs

    def extra(self) -> dict[str, Any]:
        """The fields the model stores as lists and mappings."""
        data = self.cleaned_data
        return {
            "baseline_instruments": data["baseline"],
            "followup_instruments": data["followup"],
            "reminder_days": data["reminders"],
            "unit_costs": data["costs"],
        }


class ConsentFormForm(forms.Form):
    information_sheet = forms.CharField(
        label=_("Information sheet"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000
    )
    consent_text = forms.CharField(
        label=_("Consent form"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    statements = forms.CharField(
        label=_("Statements each participant ticks, one per line"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )

    def clean_statements(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["statements"].splitlines()]
        return [line for line in lines if line]


class XLSFormUploadForm(forms.Form):
    form_file = forms.FileField(
        label=_("XLSForm (.xlsx)"),
        help_text=_("A survey sheet, a choices sheet and optionally a settings sheet."),
    )
    waves = forms.MultipleChoiceField(
        label=_("Ask it at"),
        choices=[("0", _("Baseline")), ("1", _("Follow-up"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_form_file(self) -> Any:
        upload = self.cleaned_data["form_file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise ValidationError(_("This is not an .xlsx workbook. Save it as Excel (.xlsx)."))
        return upload


class IncentiveForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How was it given?"),
        choices=IncentivePayment.Method.choices,
        widget=forms.RadioSelect,
    )
    voucher_code = forms.CharField(
        label=_("Voucher code (sent to the participant, not stored here)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == IncentivePayment.Method.MESSAGE and not data.get("voucher_code"):
            self.add_error("voucher_code", _("Give the voucher code to send."))
        return data


class CloseStudyForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type CLOSE to confirm"),
        max_length=10,
        help_text=_("Closing deletes every participant's contact details. It cannot be undone."),
    )

    def clean_confirm(self) -> str:
        value = str(self.cleaned_data["confirm"]).strip()
        if value.upper() != "CLOSE":
            raise ValidationError(_("Type CLOSE in capital letters to confirm."))
        return value
