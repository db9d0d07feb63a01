"""Alerts: sanitised warnings drafted from reports, approved by a second person, sent.

Alert text is stored encrypted even though a published alert is read by every member of
its regions: a draft starts from the reporters' own words, before a moderator has removed
what could identify them. Nothing about the reporters themselves is ever copied here.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.accounts.models import MemberProfile
from redbrolly.lib.crypto import EncryptedTextField
from redbrolly.lib.masking import Keep, MaskingRules

# What a moderator writes, and every approval scans (identifiers are chosen, never written).
TEXT_FIELDS = ("title", "summary", "perpetrator", "vehicle")


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    CAUTION = "caution", _("Caution")
    DANGER = "danger", _("Danger")


class AlertQuerySet(models.QuerySet["Alert"]):
    def sent_out(self) -> AlertQuerySet:
        """Published at some point: what members may read (current, expired or withdrawn)."""
        return self.filter(status__in=[Alert.Status.PUBLISHED, Alert.Status.WITHDRAWN])

    def current(self, now: datetime.datetime | None = None) -> AlertQuerySet:
        return self.filter(status=Alert.Status.PUBLISHED, expires_at__gt=now or timezone.now())

    def archived(self, now: datetime.datetime | None = None) -> AlertQuerySet:
        expired = models.Q(status=Alert.Status.PUBLISHED, expires_at__lte=now or timezone.now())
        return self.filter(expired | models.Q(status=Alert.Status.WITHDRAWN))

    def for_regions(self, region_ids: list[int]) -> AlertQuerySet:
        """National alerts, and alerts for any of the regions."""
        ids = self.filter(models.Q(national=True) | models.Q(regions__in=region_ids))
        return self.filter(pk__in=ids.values("pk"))


class Alert(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING = "awaiting", _("Waiting for approval")
        PUBLISHED = "published", _("Sent")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ApprovalMode(models.TextChoices):
        FOUR_EYES = "four_eyes", _("Approved by a second person")
        SINGLE_BY_SEVERITY = "single_by_severity", _("One person (allowed for this severity)")
        SINGLE_OUT_OF_HOURS = "single_out_of_hours", _("One person, out of hours (danger)")

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Each update or withdrawal sent to members is a new version (delivery keys carry it).
    version = models.PositiveSmallIntegerField(default=1)
    # What the reports say, structured (alerts.wording renders it in each member's language):
    # incident types, settings, coarse places, rounded dates. Never a narrative.
    facts = models.JSONField(default=dict, blank=True)
    # The moderator's own title (empty: the title made from the facts) and words.
    title = EncryptedTextField(_("title"), blank=True)
    summary = EncryptedTextField(_("what happened"), blank=True)
    perpetrator = EncryptedTextField(_("description of the person"), blank=True)
    vehicle = EncryptedTextField(_("vehicle"), blank=True)
    # Chosen from the reports' own identifiers, never typed; `identifiers` is their masked text.
    shown_identifiers = models.ManyToManyField(
        "reports.Identifier", blank=True, related_name="alerts"
    )
    identifiers = EncryptedTextField(_("masked phone numbers, emails, handles, plates"), blank=True)
    regions = models.ManyToManyField("core.Region", blank=True, related_name="alerts")
    national = models.BooleanField(_("national: send to every region"), default=False)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.CAUTION
    )
    incident_types = models.ManyToManyField("core.IncidentType", blank=True, related_name="+")
    sectors = models.JSONField(_("who it matters for"), default=list, blank=True)
    expires_at = models.DateTimeField(_("archive after"), db_index=True)
    reports = models.ManyToManyField("reports.Report", blank=True, related_name="alerts")
    reporter_review = models.BooleanField(
        _("the reporter asked to see the text before it is sent"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_note = EncryptedTextField(blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_mode = models.CharField(max_length=24, choices=ApprovalMode.choices, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        permissions = [
            ("draft_alert", "Can draft alerts from reports"),
            ("approve_alert", "Can approve and send alerts"),
        ]

    def __str__(self) -> str:
        return f"alert {self.pk}"

    def clean(self) -> None:
        unknown = set(self.sectors) - set(MemberProfile.Sector.values)
        if unknown:
            raise ValidationError({"sectors": _("Choose sectors from the list.")})

    @property
    def is_current(self) -> bool:
        """Shown in the member feed (not archived): published and not yet expired."""
        return self.status == self.Status.PUBLISHED and self.expires_at > timezone.now()

    @property
    def sent_updates(self) -> list[AlertUpdate]:
        """What members read: updates a second moderator approved (prefetched updates)."""
        return [update for update in self.updates.all() if update.sent_at is not None]

    @property
    def latest_update(self) -> AlertUpdate | None:
        """Shown on feed cards."""
        sent = self.sent_updates
        return sent[-1] if sent else None

    @property
    def pending_updates(self) -> list[AlertUpdate]:
        """Updates and withdrawal notices waiting for a second moderator (the staff page)."""
        return [update for update in self.updates.all() if update.sent_at is None]

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.AWAITING}

    def translation_in(self, language: str) -> AlertTranslation | None:
        """The translation members of `language` read: once the alert is sent, only one a
        second moderator approved (before, the reporter's preview shows the draft's)."""
        for translation in self.translations.all():
            if translation.language == language and (
                translation.approved_at is not None or self.is_editable
            ):
                return translation
        return None

    def text_in(self, language: str) -> dict[str, str]:
        """The alert's words in `language`: the facts in that language, the moderator's words
        translated when a translation is approved, otherwise as written."""
        from redbrolly.alerts import wording

        translation = self.translation_in(language)
        made = wording.from_facts(self.facts, language)

        def own(name: str) -> str:
            return (getattr(translation, name, "") if translation else "") or getattr(self, name)

        return {
            "title": own("title") or made.title,
            "summary": "\n\n".join(part for part in (made.summary, own("summary")) if part),
            "perpetrator": own("perpetrator"),
            "vehicle": own("vehicle"),
            "identifiers": self.identifiers,
        }

    @property
    def staff_title(self) -> str:
        """Staff lists and pages: the title members of the staff member's language read."""
        from django.utils.translation import get_language

        return self.text_in(get_language() or "en")["title"]


class AlertTranslation(models.Model):
    """The moderator's words in another language; members whose language it is read this.

    The facts need no translator (alerts.wording). Approved with the alert, or, added to a
    sent alert, by a second moderator before any member reads it.
    """

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = EncryptedTextField(_("title"), blank=True)
    summary = EncryptedTextField(_("what happened"), blank=True)
    perpetrator = EncryptedTextField(_("description of the person"), blank=True)
    vehicle = EncryptedTextField(_("vehicle"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "language"], name="one_translation_each")
        ]

    def __str__(self) -> str:
        return f"{self.language} translation of alert {self.alert_id}"


class AlertUpdate(models.Model):
    """An update ("arrested") or a withdrawal, sent to everyone who got the alert once a
    second moderator approves its words (four eyes, like the first send)."""

    class Kind(models.TextChoices):
        UPDATE = "update", _("Update")
        WITHDRAWAL = "withdrawal", _("Withdrawal")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="updates")
    # The alert's version this update went out as; empty while it waits for approval.
    version = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = EncryptedTextField(_("what has changed"))
    # Empty when the system withdrew the alert (a reporter withdrew consent).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approval_mode = models.CharField(max_length=24, choices=Alert.ApprovalMode.choices, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "version"],
                condition=models.Q(version__isnull=False),
                name="one_update_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.version} of alert {self.alert_id}"


class FlagDecision(models.Model):
    """A moderator kept a flagged detail on purpose, with the reason (four eyes see it)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="flag_decisions")
    field = models.CharField(max_length=40)
    kind = models.CharField(max_length=20)
    # Keyed HMAC of the flagged words: finds the decision again without storing them plainly.
    fingerprint = models.CharField(max_length=64)
    reason = EncryptedTextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "field", "fingerprint"], name="one_decision_per_flag"
            )
        ]

    def __str__(self) -> str:
        return f"kept {self.kind} in {self.field} of alert {self.alert_id}"


class AlertReview(models.Model):
    """The reporter asked to see the alert first: what they were shown and what they said.

    Asked either of a reporter with an account (`reporter`, who reads it in the member area)
    or of a report whose reporter has none (`report`: the receipt holder reads it on the
    report's follow-up page). Never both.
    """

    class Answer(models.TextChoices):
        WAITING = "waiting", _("Waiting for the reporter")
        OK = "ok", _("The reporter is happy with it")
        CHANGES = "changes", _("The reporter asked for changes")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="reviews")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_reviews",
    )
    report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_reviews",
    )
    answer = models.CharField(max_length=10, choices=Answer.choices, default=Answer.WAITING)
    comment = EncryptedTextField(blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    # For a receipt holder, the start of the day only (docs/security.md, anonymous reporting).
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(reporter__isnull=False, report__isnull=True)
                    | models.Q(reporter__isnull=True, report__isnull=False)
                ),
                name="review_asks_a_reporter_or_a_report",
            )
        ]

    def __str__(self) -> str:
        return f"review of alert {self.alert_id}"

    @property
    def by_receipt(self) -> bool:
        """The alert page says where the answer came from (receipt page or account)."""
        return self.report_id is not None


def default_office_days() -> list[int]:
    return [0, 1, 2, 3, 4]


def default_four_eyes() -> list[str]:
    return list(Severity.values)


class AlertPolicy(models.Model):
    """The organisation's rules for alerts (edited in the admin): approval and masking."""

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.CASCADE, related_name="alert_policy"
    )
    four_eyes_severities = models.JSONField(
        _("severities that need a second person to approve"), default=default_four_eyes
    )
    single_danger_out_of_hours = models.BooleanField(
        _("out of office hours, one moderator may send a danger alert alone"), default=False
    )
    office_opens = models.TimeField(_("office opens"), default=datetime.time(9, 0))
    office_closes = models.TimeField(_("office closes"), default=datetime.time(17, 30))
    office_days = models.JSONField(
        _("office days (0 = Monday)"), default=default_office_days, blank=True
    )
    default_expiry_days = models.PositiveSmallIntegerField(
        _("alerts are archived after (days)"), default=28
    )
    masking = models.JSONField(
        _("masking rules"),
        default=dict,
        blank=True,
        help_text=_(
            'Characters shown at the start and end of each kind, e.g. {"phone": [2, 2], '
            '"email_local": [1, 0], "email_domain": [1, 0], "handle": [2, 2], '
            '"plate": [2, 1], "plate_last_group": [1, 1]}. Never more than half is shown.'
        ),
    )

    class Meta:
        verbose_name = _("alert policy")
        verbose_name_plural = _("alert policies")

    def __str__(self) -> str:
        return f"alert policy of {self.organisation}"

    @classmethod
    def current(cls) -> AlertPolicy:
        from redbrolly.core.models import Organisation

        found, _created = cls.objects.get_or_create(organisation=Organisation.current())
        return found

    def clean(self) -> None:
        if set(self.four_eyes_severities) - set(Severity.values):
            raise ValidationError({"four_eyes_severities": _("Use info, caution or danger.")})
        try:
            self.masking_rules()
        except (TypeError, ValueError):
            raise ValidationError({"masking": _("Each rule is two whole numbers.")}) from None

    def masking_rules(self) -> MaskingRules:
        kinds = {name: Keep(*map(int, pair)) for name, pair in (self.masking or {}).items()}
        return MaskingRules(home_region=self.organisation.phone_region, **kinds)

    def needs_second_person(self, severity: str) -> bool:
        return severity in self.four_eyes_severities

    def out_of_hours(self, moment: datetime.datetime | None = None) -> bool:
        local = timezone.localtime(moment)
        in_office = self.office_opens <= local.time() < self.office_closes
        return local.weekday() not in self.office_days or not in_office
