"""Forms validate and normalise; services decide."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.accounts.models import MemberProfile
from redbrolly.alerts.models import Alert, Severity
from redbrolly.alerts.services import AlertContent
from redbrolly.alerts.wording import PRECISIONS
from redbrolly.core.models import IncidentType, Region
from redbrolly.reports.models import Identifier as ReportIdentifier
from redbrolly.reports.models import Report


class DraftFromReportsForm(forms.Form):
    """The reports an alert starts from: ticked ones, plus any added by reference."""

    reports = forms.ModelMultipleChoiceField(
        queryset=Report.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Reports this alert is about"),
    )
    more = forms.CharField(
        required=False,
        max_length=200,
        label=_("Add other reports by reference"),
        help_text=_("For example R-7KM3-9QXD. Separate several with spaces."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        alertable = Report.objects.alertable().select_related("region")
        self.fields["reports"].queryset = alertable  # type: ignore[attr-defined]
        self.fields["reports"].label_from_instance = report_label  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = list(data.get("reports") or [])
        wanted = [ref.strip().upper() for ref in data.get("more", "").replace(",", " ").split()]
        found = list(Report.objects.alertable().filter(reference__in=wanted))
        if len(found) < len(set(wanted)):
            self.add_error("more", _("One of these is not an accepted report that may be alerted."))
        data["chosen"] = list(dict.fromkeys(chosen + found))
        if not data["chosen"] and not self.errors:
            raise forms.ValidationError(_("Choose at least one report."))
        return data


def report_label(report: Report) -> str:
    return f"{report.reference} · {report.region.name} · {report.occurred_on:%d %b %Y}"


class IdentifierChoice(forms.ModelMultipleChoiceField):
    """The reports' own identifiers, shown masked as members will read them."""

    def __init__(self, *args: Any, rules: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules

    def label_from_instance(self, obj: Any) -> str:
        from redbrolly.alerts.drafting import identifier_of
        from redbrolly.lib.masking import mask

        return f"{mask(identifier_of(obj), self.rules)} ({obj.get_kind_display()})"


class AlertForm(forms.ModelForm):
    expires_on = forms.DateField(
        label=_("Archive after"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("After this day the alert moves to the archive."),
    )
    precision = forms.ChoiceField(
        label=_("Say when it happened as"),
        choices=list(PRECISIONS.items()),
        widget=forms.RadioSelect,
        help_text=_("Never the day or the time: the man would know whose booking it was."),
    )
    identifier_rows = IdentifierChoice(
        queryset=ReportIdentifier.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Numbers, emails, handles and plates to show (masked)"),
        help_text=_("Only the reports' own can be shown. Members can check each one."),
    )

    class Meta:
        model = Alert
        fields = [
            "title",
            "summary",
            "perpetrator",
            "vehicle",
            "severity",
            "regions",
            "national",
            "incident_types",
            "sectors",
            "reporter_review",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"maxlength": 200}),
            "summary": forms.Textarea(attrs={"rows": 5}),
            "perpetrator": forms.Textarea(attrs={"rows": 4}),
            "vehicle": forms.Textarea(attrs={"rows": 2}),
            "severity": forms.RadioSelect,
            "regions": forms.CheckboxSelectMultiple,
            "incident_types": forms.CheckboxSelectMultiple,
        }
        labels = {"title": _("Your own title (optional)"), "summary": _("In your words (optional)")}
        help_texts = {
            "title": _("Leave empty to use the title made from the facts."),
            "summary": _(
                "Added under the facts, so members recognise the danger. Quote from the "
                "report only what is about him: every detail about her is highlighted."
            ),
        }

    sectors = forms.MultipleChoiceField(
        choices=MemberProfile.Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Who it matters for"),
        help_text=_("None ticked: everyone in the regions."),
    )

    def __init__(
        self, *args: Any, choices: Sequence[Any] = (), rules: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = Region.objects.active()  # type: ignore[attr-defined]
        types = IncidentType.objects.filter(active=True)
        self.fields["incident_types"].queryset = types  # type: ignore[attr-defined]
        self.fields["severity"].choices = Severity.choices  # type: ignore[attr-defined]
        rows = self.fields["identifier_rows"]
        rows.queryset = ReportIdentifier.objects.filter(pk__in=[row.pk for row in choices])  # type: ignore[attr-defined]
        rows.rules = rules  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["expires_on"] = timezone.localtime(self.instance.expires_at).date()
            self.initial["precision"] = self.instance.facts.get("precision", "part")
            self.initial["identifier_rows"] = list(
                self.instance.shown_identifiers.values_list("pk", flat=True)
            )

    def clean_expires_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["expires_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("national") and not data.get("regions"):
            self.add_error("regions", _("Choose at least one region, or make the alert national."))
        return data

    def content(self) -> AlertContent:
        data = self.cleaned_data
        end_of_day = datetime.datetime.combine(data["expires_on"], datetime.time(23, 59))
        return AlertContent(
            title=data["title"],
            summary=data["summary"],
            perpetrator=data["perpetrator"],
            vehicle=data["vehicle"],
            identifier_rows=list(data["identifier_rows"]),
            precision=data["precision"],
            regions=list(data["regions"]),
            national=data["national"],
            severity=data["severity"],
            incident_types=list(data["incident_types"]),
            sectors=list(data["sectors"]),
            expires_at=timezone.make_aware(end_of_day),
            reporter_review=data["reporter_review"],
        )


class FlagForm(forms.Form):
    field = forms.CharField(max_length=60)
    fingerprint = forms.RegexField(regex=r"^[0-9a-f]{64}$")
    action = forms.ChoiceField(choices=[("remove", _("Remove")), ("keep", _("Keep"))])
    reason = forms.CharField(required=False, max_length=300, label=_("Why it is safe to keep"))


class TranslationForm(forms.Form):
    """The moderator's own words in another language (the facts are translated already)."""

    language = forms.ChoiceField(choices=settings.LANGUAGES[1:], label=_("Language"))
    title = forms.CharField(
        max_length=200,
        required=False,
        label=_("Title"),
        help_text=_("Only if the alert has a title of its own."),
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, label=_("In your words")
    )
    perpetrator = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("Description")
    )
    vehicle = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Vehicle")
    )


class ApproveForm(forms.Form):
    without_reporter = forms.BooleanField(
        required=False, label=_("Send without waiting for the reporter's answer")
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, label=_("Message")
    )


class ReviewAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("ok", _("It is fine to send")), ("changes", _("Please change it"))],
        widget=forms.RadioSelect,
        label=_("Your answer"),
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        label=_("What should change (optional)"),
    )


class ReceiptReviewForm(ReviewAnswerForm):
    """The same answer on a report's follow-up page, where the two buttons give `answer`."""

    review = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FeedForm(forms.Form):
    """Search and filters of the member feed (GET, works without JavaScript)."""

    q = forms.CharField(required=False, max_length=100, label=_("Search"))
    region = forms.ChoiceField(required=False, label=_("Region"))
    severity = forms.ChoiceField(
        required=False, choices=[("", _("Any")), *Severity.choices], label=_("Severity")
    )
    type = forms.ChoiceField(required=False, label=_("Type of incident"))

    def __init__(self, *args: Any, regions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region_choices = [("", _("All my regions"))] + [(r.code, r.name) for r in regions]
        self.fields["region"].choices = region_choices  # type: ignore[attr-defined]
        types = [(t.code, t.label) for t in IncidentType.objects.filter(active=True)]
        self.fields["type"].choices = [("", _("Any")), *types]  # type: ignore[attr-defined]


class BulletinForm(forms.Form):
    region = forms.ModelChoiceField(
        queryset=Region.objects.none(), to_field_name="code", label=_("Region")
    )
    since = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        label=_("Alerts sent since"),
        help_text=_("Leave empty for the last 28 days."),
    )
    cover = forms.ChoiceField(
        choices=[("", _("Plain cover with our name")), ("neutral", _("Neutral cover"))],
        required=False,
        widget=forms.RadioSelect,
        label=_("Cover page"),
        help_text=_("A neutral cover says nothing about what is inside."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.active()  # type: ignore[attr-defined]
