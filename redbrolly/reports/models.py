"""Reports: one incident as told by one reporter, its perpetrators, identifiers and evidence.

The checker, linkage, alerts, casework and insights apps read these models; the names in
/tmp/contract-reports.md are binding. Everything a reporter typed is stored encrypted; no
precise time of an anonymous submission is kept (`submitted_on` is a date).
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import BlindIndexField, EncryptedBinaryField, EncryptedTextField
from redbrolly.lib.normalise import IdentifierKind

# No 0/O, 1/I/L, U: read aloud over the phone and typed on a phone without confusion.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"R-{chars[:4]}-{chars[4:]}"


def today() -> datetime.date:
    return timezone.localdate()


class ReportQuerySet(models.QuerySet["Report"]):
    def live(self) -> ReportQuerySet:
        """Consent not withdrawn: the only reports the checker, linkage and alerts may use."""
        return self.filter(withdrawn_at__isnull=True)

    def accepted(self) -> ReportQuerySet:
        return self.filter(status=Report.Status.ACCEPTED)

    def consent_at_least(self, level: str) -> ReportQuerySet:
        return self.filter(consent_level__in=Report.levels_from(level))

    def alertable(self) -> ReportQuerySet:
        return self.live().accepted().consent_at_least(Report.Consent.ALERT)


class Report(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGE = "triage", _("In triage")
        ACCEPTED = "accepted", _("Accepted")
        NEEDS_INFO = "needs_info", _("Needs information")
        NOT_ACTIONABLE = "not_actionable", _("Not actionable")
        CLOSED = "closed", _("Closed")

    class Consent(models.TextChoices):
        RECORD_ONLY = "record_only", _("Record it only (help the statistics)")
        ALERT = "alert", _("Warn other members with an anonymous alert")
        POLICE_ANONYMOUS = (
            "police_anonymous",
            _("Also share anonymised intelligence with the police"),
        )
        POLICE_FULL = "police_full", _("I want to make a full police report, with support")

    class Source(models.TextChoices):
        ANONYMOUS = "anonymous", _("Anonymous")
        MEMBER = "member", _("Member")
        PRACTITIONER = "practitioner", _("Practitioner")
        STAFF_PHONE = "staff_phone", _("Taken by phone")
        PARTNER = "partner", _("Partner project")

    class Severity(models.TextChoices):
        UNGRADED = "ungraded", _("Not graded")
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    class Setting(models.TextChoices):
        STREET = "street", _("Street")
        INCALL = "incall", _("Incall (indoors, my place)")
        OUTCALL = "outcall", _("Outcall (their place or a hotel)")
        ONLINE = "online", _("Online")
        PARLOUR = "parlour", _("Parlour, sauna or other establishment")
        OTHER = "other", _("Somewhere else")

    class Precision(models.TextChoices):
        EXACT = "exact", _("On this day")
        APPROXIMATE = "approximate", _("Around this day")
        RANGE = "range", _("Some time between two dates")

    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    source = models.CharField(max_length=20, choices=Source.choices)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    partner = models.ForeignKey(
        "api.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    on_behalf_of_someone = models.BooleanField(default=False)
    behalf_who = EncryptedTextField(blank=True)
    behalf_consent = models.BooleanField(default=False)
    consent_level = models.CharField(max_length=20, choices=Consent.choices)
    consent_changed_on = models.DateField(null=True, blank=True)
    wants_support = models.BooleanField(default=False)
    # Asked to see an alert's text before it goes out (only with consent >= alert). Receipt
    # holders see it on their report's page; the alerts app asks them (AlertReview).
    wants_alert_review = models.BooleanField(default=False)
    support_contact = EncryptedTextField(blank=True)
    support_times = EncryptedTextField(blank=True)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, related_name="reports")
    area = models.CharField(max_length=80, blank=True)
    occurred_on = models.DateField()
    occurred_until = models.DateField(null=True, blank=True)
    occurred_precision = models.CharField(
        max_length=12, choices=Precision.choices, default=Precision.EXACT
    )
    occurred_note = EncryptedTextField(blank=True)
    setting = models.CharField(max_length=12, choices=Setting.choices)
    setting_other = EncryptedTextField(blank=True)
    incident_types = models.ManyToManyField("core.IncidentType", related_name="reports")
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.UNGRADED)
    narrative = EncryptedTextField()
    submitted_on = models.DateField(default=today, db_index=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Receipt: a keyed HMAC of the first digits finds the row, a slow hash proves the rest.
    receipt_lookup = models.CharField(max_length=64, blank=True, db_index=True)
    receipt_hash = models.CharField(max_length=200, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locked_until = models.DateTimeField(null=True, blank=True)
    contact_erased_on = models.DateField(null=True, blank=True)
    # Day the support request reached casework (the `reports.referrals` job retries until set).
    referred_on = models.DateField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        permissions = [
            ("moderate_report", "Can triage, grade and accept reports"),
            ("take_phone_report", "Can take a report by phone on someone's behalf"),
        ]

    def __str__(self) -> str:
        return self.reference

    @staticmethod
    def levels_from(level: str) -> list[str]:
        """Consent levels at or above `level` (NUM's four are ordered)."""
        values = list(Report.Consent.values)
        return values[values.index(level) :] if level in values else []

    def consent_allows(self, level: str) -> bool:
        """Used by alerts (>= alert) and linkage exports (>= police_anonymous)."""
        return self.consent_level in self.levels_from(level)

    @property
    def is_reviewed(self) -> bool:
        """The checker's "reviewed report" (a moderator accepted it)."""
        return self.accepted_at is not None

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None

    def locked_for(self, user: Any) -> bool:
        """Someone else holds an unexpired moderation lock."""
        held = self.locked_until is not None and self.locked_until > timezone.now()
        return held and self.locked_by_id not in (None, user.pk)


class Perpetrator(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="perpetrators")
    names = EncryptedTextField(blank=True)
    description = EncryptedTextField(blank=True)
    behaviour = EncryptedTextField(blank=True)
    vehicle_make = EncryptedTextField(blank=True)
    vehicle_model = EncryptedTextField(blank=True)
    vehicle_colour = EncryptedTextField(blank=True)
    people_count = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"perpetrator {self.pk} of {self.report_id}"


class Identifier(models.Model):
    """One normalised phone, email, handle or plate: the unit the checker and linker use."""

    class Kind(models.TextChoices):
        PHONE = IdentifierKind.PHONE.value, _("Phone")
        EMAIL = IdentifierKind.EMAIL.value, _("Email")
        HANDLE = IdentifierKind.HANDLE.value, _("Handle or link")
        PLATE = IdentifierKind.PLATE.value, _("Number plate")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="identifiers")
    perpetrator = models.ForeignKey(
        Perpetrator,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="identifiers",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = EncryptedTextField()
    index = BlindIndexField()
    partial = models.BooleanField(default=False)
    valid = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} identifier {self.pk}"


class Draft(models.Model):
    """A report being typed: saved at every step so nothing is lost when the signal drops.

    Found by the HMAC of a random token kept in the session (never in a URL); members'
    drafts are also found by owner so they can carry on from another device.
    """

    token_index = models.CharField(max_length=64, unique=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report_drafts",
    )
    phone_intake = models.BooleanField(default=False)
    data = EncryptedTextField(blank=True)
    step = models.CharField(max_length=20, default="what")
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"draft {self.pk}"


def attachment_upload_day() -> datetime.date:
    return timezone.localdate()


class Attachment(models.Model):
    """Evidence: re-encoded images (no metadata) or PDFs, sealed; served only to staff."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")

    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=40)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    content = EncryptedBinaryField()
    uploaded_on = models.DateField(default=attachment_upload_day)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"attachment {self.pk}"

    @property
    def download_name(self) -> str:
        """Neutral: says nothing about what the file shows."""
        return f"evidence-{self.pk}.{self.extension}"


class Message(models.Model):
    """Conversation between staff and the reporter (receipt holder or member)."""

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Message")
        INFO_REQUEST = "info_request", _("Request for more information")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_staff = models.BooleanField(default=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MESSAGE)
    body = EncryptedTextField()
    # A date only: a reporter's message time is as identifying as a submission time.
    sent_on = models.DateField(default=today)
    read_by_reporter = models.BooleanField(default=False)
    read_by_staff = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"message {self.pk}"


class InternalNote(models.Model):
    """Moderators' notes; never shown to the reporter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class StatusChange(models.Model):
    """The moderation history of a report (with the audit log, the "full history")."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="status_changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=Report.Status.choices)
    to_status = models.CharField(max_length=20, choices=Report.Status.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.from_status} -> {self.to_status}"


class ConsentChange(models.Model):
    """A reporter changed or withdrew consent; dated to the day only."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="consent_changes")
    from_level = models.CharField(max_length=20, choices=Report.Consent.choices)
    to_level = models.CharField(max_length=20, choices=Report.Consent.choices, blank=True)
    withdrawn = models.BooleanField(default=False)
    changed_on = models.DateField(default=today)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"consent change {self.pk}"


class RetentionPolicy(models.Model):
    """How long reporter contact details and evidence are kept (per organisation).

    Statistics survive: the report row keeps region, dates, types, setting and consent.
    """

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.CASCADE, related_name="report_retention"
    )
    contact_days = models.PositiveIntegerField(
        _("keep reporter contact details (days after submission)"), default=730
    )
    evidence_days = models.PositiveIntegerField(
        _("keep evidence files (days after submission)"), default=730
    )
    draft_hours = models.PositiveIntegerField(_("keep unfinished drafts (hours)"), default=72)

    class Meta:
        verbose_name = _("report retention policy")
        verbose_name_plural = _("report retention policies")

    def __str__(self) -> str:
        return f"retention for {self.organisation}"
