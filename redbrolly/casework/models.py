"""Casework: one case per person supported, with everything their caseworker records.

The most sensitive data in the system lives here. Every narrative, contact detail, note,
action title and plan is encrypted; reads go through `selectors.case_for` (owner, their
supervisor, the unallocated pool, or a break-the-glass grant) and are audited.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import EncryptedTextField

# No 0/O, 1/I/L, U: read aloud over the phone without confusion (as report references).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_case_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"C-{chars[:4]}-{chars[4:]}"


def new_referral_reference() -> str:
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"S-{chars[:4]}-{chars[4:]}"


class Team(models.Model):
    """A supervisor and the caseworkers they supervise (who sees whose cases)."""

    name = models.CharField(_("name"), max_length=120)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervised_teams",
        verbose_name=_("supervisor"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="casework_teams",
        blank=True,
        verbose_name=_("caseworkers"),
    )

    class Meta:
        ordering = ["name"]
        permissions = [
            ("work_cases", "Can hold and work casework cases"),
            ("supervise_cases", "Can allocate and supervise a team's cases"),
        ]

    def __str__(self) -> str:
        return self.name


class RiskItem(models.Model):
    """One question of the organisation's risk checklist; its weight adds to the score."""

    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("guidance"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    sort_order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("risk checklist item")

    def __str__(self) -> str:
        return self.text


class RiskLevel(models.Model):
    """A level reached when the score is at least `min_score` (highest match wins)."""

    label = models.CharField(_("label"), max_length=60)
    min_score = models.PositiveSmallIntegerField(_("from score"), default=0)
    guidance = models.CharField(_("what to do"), max_length=300, blank=True)

    class Meta:
        ordering = ["min_score"]
        verbose_name = _("risk level")

    def __str__(self) -> str:
        return self.label


class OutcomeOption(models.Model):
    """An outcome caseworkers record at closure (the organisation's list)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=120)
    sort_order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("outcome")

    def __str__(self) -> str:
        return self.label


class Service(models.Model):
    """The service directory caseworkers refer on to; no regions means it works nationally."""

    class Kind(models.TextChoices):
        SEXUAL_HEALTH = "sexual_health", _("Sexual health clinic")
        RAPE_CRISIS = "rape_crisis", _("Rape Crisis centre")
        SARC = "sarc", _("Sexual assault referral centre (SARC)")
        HOUSING = "housing", _("Housing")
        LEGAL = "legal", _("Legal and immigration advice")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        SUBSTANCES = "substances", _("Drug and alcohol support")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    regions = models.ManyToManyField(
        "core.Region", blank=True, related_name="casework_services", verbose_name=_("regions")
    )
    description = models.TextField(_("description"), blank=True)
    how_to_refer = models.TextField(_("how to refer"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.CharField(_("email"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("service")

    def __str__(self) -> str:
        return self.name


class CaseQuerySet(models.QuerySet["Case"]):
    def open(self) -> CaseQuerySet:
        return self.exclude(status=Case.Status.CLOSED)

    def unallocated(self) -> CaseQuerySet:
        """The triage queue: most urgent first, then longest waiting."""
        return self.filter(status=Case.Status.UNALLOCATED).order_by("urgency", "received_at")

    def awaiting_first_contact(self) -> CaseQuerySet:
        return self.open().filter(first_contact_at__isnull=True)

    def first_contact_overdue(self, now: Any = None) -> CaseQuerySet:
        return self.awaiting_first_contact().filter(first_contact_due_at__lt=now or timezone.now())


class Case(models.Model):
    class Status(models.TextChoices):
        UNALLOCATED = "unallocated", _("Waiting for a caseworker")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        CALLBACK = "callback", _("Callback request")
        REPORT = "report", _("Report asking for support")
        PRACTITIONER = "practitioner", _("Practitioner referral")
        PARTNER = "partner", _("Partner referral")
        PHONE = "phone", _("Phoned in")

    class Urgency(models.IntegerChoices):
        URGENT = 1, _("Urgent: today")
        SOON = 2, _("Soon: within a few days")
        ROUTINE = 3, _("When possible")

    class ContactRoute(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        WHATSAPP = "whatsapp", _("WhatsApp")
        SIGNAL = "signal", _("Signal")
        EMAIL = "email", _("Email")
        VIA_REFERRER = "via_referrer", _("Through the person who referred")
        OTHER = "other", _("Other")

    class Need(models.TextChoices):
        HEALTH = "health", _("Health")
        SEXUAL_HEALTH = "sexual_health", _("Sexual health")
        HOUSING = "housing", _("Housing")
        LEGAL = "legal", _("Legal or immigration")
        FINANCES = "finances", _("Money and benefits")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        POLICE_COURT = "police_court", _("Police or court support")

    class ClosureReason(models.TextChoices):
        COMPLETE = "complete", _("Support complete")
        DECLINED = "declined", _("The person ended support")
        NO_CONTACT = "no_contact", _("Could not make contact")
        MOVED_ON = "moved_on", _("Moved on to another service")
        OTHER = "other", _("Other")

    reference = models.CharField(max_length=12, unique=True, default=new_case_reference)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.UNALLOCATED, db_index=True
    )
    source = models.CharField(max_length=14, choices=Source.choices)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.SOON)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="casework_cases",
    )
    # The person. Nothing here identifies them in a dump: all of it is sealed.
    working_name = EncryptedTextField(blank=True)
    contact_route = models.CharField(max_length=14, choices=ContactRoute.choices, blank=True)
    contact_details = EncryptedTextField(blank=True)
    safe_times = EncryptedTextField(blank=True)
    leave_message = models.BooleanField(default=False)
    language = models.CharField(max_length=40, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    region = models.ForeignKey(
        "core.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    needs = models.JSONField(default=list, blank=True)
    needs_note = EncryptedTextField(blank=True)
    safety_plan = EncryptedTextField(blank=True)
    safety_plan_updated_at = models.DateTimeField(null=True, blank=True)
    police_involved = models.BooleanField(default=False)
    reports = models.ManyToManyField("reports.Report", blank=True, related_name="casework_cases")
    # Lifecycle
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    first_contact_due_at = models.DateTimeField(null=True, blank=True)
    allocated_at = models.DateTimeField(null=True, blank=True)
    first_contact_at = models.DateTimeField(null=True, blank=True)
    last_contact_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    closure_reason = models.CharField(max_length=12, choices=ClosureReason.choices, blank=True)
    closure_note = EncryptedTextField(blank=True)
    outcomes = models.ManyToManyField(OutcomeOption, blank=True, related_name="cases")
    reopened_count = models.PositiveSmallIntegerField(default=0)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def first_contact_overdue(self) -> bool:
        """The triage queue and dashboards flag cases past the first-contact target."""
        due = self.first_contact_due_at
        return (
            not self.is_closed
            and self.first_contact_at is None
            and due is not None
            and due < timezone.now()
        )

    @property
    def language_label(self) -> str:
        """The language's name for the queue and the case page (codes mean little to people)."""
        names = {**dict(settings.LANGUAGES), "other": _("Another language")}
        return str(names.get(self.language, self.language))

    def need_labels(self) -> list[str]:
        labels = dict(self.Need.choices)
        return [str(labels.get(code, code)) for code in self.needs]


class Referral(models.Model):
    """How a case came in: a callback request, a report, a practitioner or a partner.

    Holds what the referrer told us; the person's own details live on the case.
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="referral")
    reference = models.CharField(max_length=12, unique=True, default=new_referral_reference)
    source = models.CharField(max_length=14, choices=Case.Source.choices)
    received_at = models.DateTimeField(default=timezone.now)
    report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casework_referrals",
    )
    partner = models.ForeignKey(
        "api.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casework_referrals",
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casework_referrals_made",
    )
    referrer_contact = EncryptedTextField(blank=True)
    reason = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            # A report that asks for support opens one case, however often reports calls us.
            models.UniqueConstraint(fields=["report"], name="casework_one_referral_per_report")
        ]

    def __str__(self) -> str:
        return self.reference


class Consent(models.Model):
    """One consent given or withdrawn, with its date and scope; the latest of a kind counts."""

    class Kind(models.TextChoices):
        STORE = "store", _("Consent to store their data")
        SHARE = "share", _("Consent to refer on or share")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    given = models.BooleanField(default=True)
    scope = models.CharField(_("scope"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} consent {self.pk}"


class RiskAssessment(models.Model):
    """A checklist answered on one day: repeated over time so change is visible."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    assessed_at = models.DateTimeField(default=timezone.now)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    present = models.ManyToManyField(RiskItem, blank=True, related_name="+")
    score = models.PositiveSmallIntegerField(default=0)
    # Copied at the time: later edits to the levels must not rewrite past assessments.
    level = models.CharField(max_length=60)
    comment = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-assessed_at", "-pk"]

    def __str__(self) -> str:
        return f"risk assessment {self.pk}"


class Action(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    title = EncryptedTextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="casework_actions"
    )
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return f"action {self.pk}"

    @property
    def overdue(self) -> bool:
        return (
            self.done_at is None
            and self.due_on is not None
            and self.due_on < (timezone.localdate())
        )


class Appointment(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting in person")
        PHONE = "phone", _("Phone or video call")
        ACCOMPANY = "accompany", _("Accompanying to a service")
        COURT = "court", _("Court or police")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appointments")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    starts_at = models.DateTimeField()
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="casework_appointments"
    )
    place = EncryptedTextField(blank=True)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"appointment {self.pk}"


class Note(models.Model):
    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact")
        ATTEMPT = "attempt", _("Attempted contact")
        ADVOCACY = "advocacy", _("Advocacy")
        COURT = "court", _("Court or police")
        SUPERVISION = "supervision", _("Supervision")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    body = EncryptedTextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class OnwardReferral(models.Model):
    """A referral on to a service in the directory, made with the person's consent."""

    class Status(models.TextChoices):
        MADE = "made", _("Made")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Completed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="onward_referrals")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MADE)
    consent_given = models.BooleanField(default=False)
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-made_at", "-pk"]

    def __str__(self) -> str:
        return f"referral on {self.pk}"


class JusticeStep(models.Model):
    """Police and court support, tracked when the person chose to involve the police."""

    class Kind(models.TextChoices):
        REPORTED = "reported", _("Reported to the police")
        STATEMENT = "statement", _("Statement or interview")
        ARREST = "arrest", _("Suspect arrested or interviewed")
        CHARGE = "charge", _("Charging decision")
        NFA = "nfa", _("No further action")
        HEARING = "hearing", _("Court hearing")
        TRIAL = "trial", _("Trial")
        VERDICT = "verdict", _("Verdict or sentence")
        ORDER = "order", _("Protective order")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="justice_steps")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    on = models.DateField()
    note = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"justice step {self.pk}"


class TimeEntry(models.Model):
    """Minutes spent on a case; the evaluation's cost of the service sums these."""

    class Activity(models.TextChoices):
        CONTACT = "contact", _("Contact with the person")
        ATTEMPT = "attempt", _("Attempted contact")
        ADVOCACY = "advocacy", _("Advocacy")
        COURT = "court", _("Court or police support")
        REFERRAL = "referral", _("Referring on")
        ADMIN = "admin", _("Case administration")
        TRAVEL = "travel", _("Travel")
        SUPERVISION = "supervision", _("Supervision")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="time_entries")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="casework_time"
    )
    activity_type = models.CharField(max_length=12, choices=Activity.choices)
    minutes = models.PositiveIntegerField()
    on = models.DateField(default=timezone.localdate, db_index=True)
    note = models.ForeignKey(
        Note, null=True, blank=True, on_delete=models.SET_NULL, related_name="time_entries"
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="time_entries"
    )

    class Meta:
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0, minutes__lte=24 * 60),
                name="casework_time_minutes_in_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.minutes} min {self.activity_type}"


class GlassGrant(models.Model):
    """Access to a case that is not the worker's own, after breaking the glass."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="glass_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_glass"
    )
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"glass grant {self.pk}"


class Notice(models.Model):
    """An in-app notice for caseworkers and supervisors (shown on the dashboard)."""

    class Kind(models.TextChoices):
        BREAK_GLASS = "break_glass", _("Someone opened a case in your team by breaking the glass")
        ASSIGNED = "assigned", _("A case was allocated to you")
        REOPENED = "reopened", _("A case of yours was reopened")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casework_notices"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"notice {self.pk}"
