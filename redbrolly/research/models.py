"""The evaluation cohort: studies, consent, participants, waves, responses and follow-ups.

Research data is kept apart from service data (DESIGN.md, "Evaluate"): a participant has no
foreign key to an account; a member who enrols is recognised again only through a keyed blind
index, and contact details for follow-up sit encrypted in their own table, deleted when the
study closes. Answers are stored encrypted, one row per instrument a participant answered.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import BlindIndexField, EncryptedTextField

BASELINE_INSTRUMENTS = [
    "demographics",
    "phq9",
    "gad7",
    "eq5d3l_uk",
    "violence",
    "safety",
    "service_use",
]
FOLLOWUP_INSTRUMENTS = ["phq9", "gad7", "eq5d3l_uk", "violence", "safety", "service_use"]


def default_baseline() -> list[str]:
    return list(BASELINE_INSTRUMENTS)


def default_followup() -> list[str]:
    return list(FOLLOWUP_INSTRUMENTS)


def default_reminder_days() -> list[int]:
    return [3, 7, 14]


def default_unit_costs() -> dict[str, float]:
    """Illustrative £ per six months for each service a participant says they used.

    The export's `cost` column sums these; a study sets its own (for example from the PSSRU
    unit costs) on its settings page before analysis.
    """
    return {
        "svc_alerts_read": 5.0,
        "svc_checker_used": 5.0,
        "svc_report_made": 60.0,
        "svc_casework": 450.0,
    }


class Arm(models.TextChoices):
    MEMBER = "member", _("Member")
    NON_MEMBER = "non_member", _("Not a member")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")


class Study(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        RECRUITING = "recruiting", _("Recruiting")
        FOLLOW_UP = "follow_up", _("Follow-up only")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(_("link name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    ethics_reference = models.CharField(_("ethics approval reference"), max_length=100)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    eligibility_instrument = models.CharField(max_length=60, default="eligibility")
    baseline_instruments = models.JSONField(default=default_baseline)
    followup_instruments = models.JSONField(default=default_followup)
    follow_up_days = models.PositiveSmallIntegerField(_("follow-up after (days)"), default=182)
    window_before_days = models.PositiveSmallIntegerField(
        _("window opens this many days before"), default=14
    )
    window_after_days = models.PositiveSmallIntegerField(
        _("window closes this many days after"), default=60
    )
    reminder_days = models.JSONField(default=default_reminder_days)
    target_member = models.PositiveIntegerField(_("target: members"), default=150)
    target_non_member = models.PositiveIntegerField(_("target: non-members"), default=150)
    incentive_description = models.CharField(
        _("incentive per completed questionnaire"), max_length=120, default="£10 voucher"
    )
    incentive_pence = models.PositiveIntegerField(_("incentive value (pence)"), default=1000)
    allow_free_text_export = models.BooleanField(
        _("the ethics approval allows exporting free-text answers"), default=False
    )
    invite_new_members = models.BooleanField(
        _("invite newly approved members through their channels"), default=True
    )
    unit_costs = models.JSONField(default=default_unit_costs)
    created_at = models.DateTimeField(default=timezone.now)
    recruiting_since = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("studies")
        ordering = ["-created_at"]
        permissions = [
            ("run_study", "Can run research studies (recruitment, dashboard, instruments)"),
            ("export_study", "Can export pseudonymised research data"),
        ]

    def __str__(self) -> str:
        return self.title

    def instruments_for(self, wave: int) -> list[str]:
        """Instrument ids asked at a wave, in order (the questionnaire and the export)."""
        return list(self.baseline_instruments if wave == 0 else self.followup_instruments)

    @property
    def accepts_enrolment(self) -> bool:
        return self.status == self.Status.RECRUITING

    @property
    def is_open(self) -> bool:
        """Participants may still answer (recruiting or follow-up only)."""
        return self.status in (self.Status.RECRUITING, self.Status.FOLLOW_UP)

    def target_for(self, arm: str) -> int:
        return self.target_member if arm == Arm.MEMBER else self.target_non_member


class StudyInstrument(models.Model):
    """A questionnaire a researcher imported from an XLSForm, stored as its definition."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="imported")
    instrument_id = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    version = models.CharField(max_length=12)
    definition = models.JSONField()
    source_name = models.CharField(max_length=200, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "instrument_id", "version"], name="research_import_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.version}"


class ConsentForm(models.Model):
    """One version of a study's information sheet and consent statements; never edited."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="consent_forms")
    version = models.PositiveIntegerField()
    information_sheet = models.TextField(_("information sheet"))
    consent_text = models.TextField(_("consent form"))
    statements = models.JSONField(_("statements each participant agrees to"), default=list)
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["study", "version"], name="research_consent_version")
        ]

    def __str__(self) -> str:
        return f"consent form v{self.version}"

    def snapshot(self) -> str:
        """The exact text a participant agreed to, kept on their consent."""
        statements = "\n".join(f"- {statement}" for statement in self.statements)
        return f"{self.information_sheet}\n\n{self.consent_text}\n\n{statements}".strip()


class EligibilityScreen(models.Model):
    """That someone was screened, and the outcome; the answers themselves are not kept."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="screens")
    eligible = models.BooleanField()
    screened_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"screening {self.pk} ({'eligible' if self.eligible else 'not eligible'})"


class Participant(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Taking part")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="participants")
    # Opaque and random: what exports carry; neither the token nor the database id.
    pseudonym = models.CharField(max_length=12, unique=True)
    token_index = BlindIndexField(unique=True)
    # Keyed HMAC of (study, account) for members who enrolled signed in, so they are
    # recognised again without a foreign key from research data to service data.
    member_index = BlindIndexField()
    arm = models.CharField(max_length=12, choices=Arm.choices)
    language = models.CharField(max_length=10, default="en")
    enrolled_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    data_deleted = models.BooleanField(default=False)
    reminders_stopped_at = models.DateTimeField(null=True, blank=True)
    # Part of every signed follow-up link; changed when a link is used, so each works once.
    link_nonce = models.CharField(max_length=32)

    class Meta:
        ordering = ["enrolled_at"]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Consent(models.Model):
    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="consent"
    )
    form = models.ForeignKey(ConsentForm, on_delete=models.PROTECT, related_name="consents")
    form_version = models.PositiveIntegerField()
    snapshot = models.TextField()
    given_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"consent v{self.form_version} of participant {self.participant_id}"


class ParticipantContact(models.Model):
    """How to reach a participant for follow-up: optional, encrypted, deleted at study close."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="contact"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    email = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"contact of participant {self.participant_id}"

    @property
    def address(self) -> str:
        """Where the chosen channel sends (the follow-up scheduler uses it)."""
        return self.email if self.channel == Channel.EMAIL else self.phone


class WaveResponse(models.Model):
    """One participant's questionnaire at one wave (0 baseline, 1 follow-up)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="waves")
    wave = models.PositiveSmallIntegerField()
    # Membership at this wave: contamination is data (a non-member who has since joined).
    arm_now = models.CharField(max_length=12, choices=Arm.choices, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["participant_id", "wave"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "wave"], name="research_one_wave")
        ]

    def __str__(self) -> str:
        return f"wave {self.wave} of participant {self.participant_id}"

    @property
    def reference(self) -> str:
        """What the incentive log shows: not the export's pseudonym, so the two never meet."""
        return f"W{self.pk:05d}"


class InstrumentResponse(models.Model):
    wave_response = models.ForeignKey(
        WaveResponse, on_delete=models.CASCADE, related_name="responses"
    )
    instrument_id = models.CharField(max_length=60)
    instrument_version = models.CharField(max_length=12)
    answers_sealed = EncryptedTextField()
    complete = models.BooleanField(default=False)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["wave_response", "instrument_id"], name="research_one_response"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} for wave response {self.wave_response_id}"

    @property
    def answers(self) -> dict[str, Any]:
        return json.loads(self.answers_sealed) if self.answers_sealed else {}

    @answers.setter
    def answers(self, value: dict[str, Any]) -> None:
        self.answers_sealed = json.dumps(value, sort_keys=True)


class FollowUpQuerySet(models.QuerySet["FollowUp"]):
    def pending(self) -> FollowUpQuerySet:
        return self.filter(done_at__isnull=True, participant__status=Participant.Status.ACTIVE)

    def open_on(self, day: date) -> FollowUpQuerySet:
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def overdue_on(self, day: date) -> FollowUpQuerySet:
        return self.pending().filter(due_on__lt=day, closes_on__gte=day)


class FollowUp(models.Model):
    """A scheduled wave: its window, computed at enrolment, and what has been sent for it."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="follow_ups"
    )
    wave = models.PositiveSmallIntegerField(default=1)
    opens_on = models.DateField()
    due_on = models.DateField()
    closes_on = models.DateField()
    invited_at = models.DateTimeField(null=True, blank=True)
    last_reminder_day = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "wave"], name="research_one_follow_up")
        ]

    def __str__(self) -> str:
        return f"wave {self.wave} follow-up of participant {self.participant_id}"

    def is_open_on(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on


class IncentivePayment(models.Model):
    """The payment log: one incentive per completed wave."""

    class Method(models.TextChoices):
        MESSAGE = "message", _("Voucher code sent by the participant's chosen channel")
        IN_PERSON = "in_person", _("Given in person")
        OTHER = "other", _("Other")

    wave_response = models.OneToOneField(
        WaveResponse, on_delete=models.CASCADE, related_name="incentive"
    )
    amount_pence = models.PositiveIntegerField()
    description = models.CharField(max_length=120)
    method = models.CharField(max_length=12, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"incentive for wave response {self.wave_response_id}"
