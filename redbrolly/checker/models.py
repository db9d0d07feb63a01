"""The checker: the lookup log, abuse flags and suspensions, the organisation's checker policy,
and the fragment indexes behind staff partial search.

No table here holds a checked or reported identifier in clear: lookups keep only the blind
index, fragments only keyed HMACs of pieces of a value.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import BlindIndexField
from redbrolly.lib.normalise import IdentifierKind


class Channel(models.TextChoices):
    WEB = "web", _("Web page")
    API = "api", _("API")
    SMS = "sms", _("Text message")
    BULK = "bulk", _("Bulk check")


class Result(models.TextChoices):
    NO_REPORTS = "no_reports", _("No reports")
    CAUTION = "caution", _("Take care")
    WARNING = "warning", _("Warning")


KIND_CHOICES = [(kind.value, kind.value) for kind in IdentifierKind]


class CheckerPolicy(models.Model):
    """The organisation's checker settings (one row; staff edit it at /staff/checker/policy/)."""

    count_unreviewed_known = models.BooleanField(
        _("count reports from members and partners before a moderator reviews them"),
        default=True,
        help_text=_("They show as 'take care' until reviewed."),
    )
    count_unreviewed_anonymous = models.BooleanField(
        _("count anonymous reports before a moderator reviews them"), default=False
    )
    member_per_minute = models.PositiveIntegerField(
        _("checks a member may make a minute"), default=20
    )
    member_per_day = models.PositiveIntegerField(_("checks a member may make a day"), default=200)
    bulk_per_ten_minutes = models.PositiveIntegerField(
        _("numbers a member may bulk-check in ten minutes"), default=50
    )
    identifier_per_ten_minutes = models.PositiveIntegerField(
        _("checks of one identifier, by everyone, in ten minutes"), default=30
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("checker policy")

    def __str__(self) -> str:
        return "checker policy"


class Lookup(models.Model):
    """One check, by a person or a partner platform: the identifier only as its blind index.

    `near_a`/`near_b` are short keyed HMACs of the 20-number block around a phone number (two
    grids offset by 10), so enumeration detection can see numerically adjacent checks without
    the numbers. The `checker.forget_old_details` job blanks them after a day, and the index
    after 90 days (statistics keep the row).
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No database constraint (Django still sets NULL on delete): a constraint check would lock
    # the caller's account row on every lookup, the hottest write of the site.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checker_lookups",
        db_constraint=False,
    )
    partner = models.ForeignKey(
        "api.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lookups",
        db_constraint=False,
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    index = models.CharField(max_length=64, blank=True)
    result = models.CharField(max_length=12, choices=Result.choices)
    reports = models.PositiveIntegerField(default=0)
    near_a = models.CharField(max_length=16, blank=True)
    near_b = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"lookup {self.pk}"


class Flag(models.Model):
    """A checking pattern staff should look at (enumeration), raised by the detection job."""

    class Reason(models.TextChoices):
        SEQUENTIAL = "sequential", _("Many numerically adjacent numbers")
        RANDOM = "random", _("Many different identifiers, almost none reported")
        SHARED = "shared", _("One identifier checked by many accounts")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DISMISSED = "dismissed", _("Dismissed: normal use")
        CONFIRMED = "confirmed", _("Confirmed: access suspended")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checker_flags",
    )
    partner = models.ForeignKey(
        "api.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    # Only for SHARED flags: which identifier (blind) several accounts checked.
    identifier_index = models.CharField(max_length=64, blank=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    raised_at = models.DateTimeField(default=timezone.now, db_index=True)
    window_start = models.DateTimeField()
    details = models.JSONField(default=dict, blank=True)
    auto_suspended = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return f"{self.reason} flag {self.pk}"


class SuspensionQuerySet(models.QuerySet["Suspension"]):
    def active(self) -> SuspensionQuerySet:
        return self.filter(lifted_at__isnull=True)


class Suspension(models.Model):
    """Checker access taken away from an account or a partner until staff lift it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checker_suspensions",
    )
    partner = models.ForeignKey(
        "api.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="suspensions"
    )
    flag = models.ForeignKey(
        Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="suspensions"
    )
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=True) ^ models.Q(partner__isnull=True),
                name="checker_suspension_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"suspension {self.pk}"


class Fragment(models.Model):
    """A keyed HMAC of a piece of a reported identifier (last four digits, plate trigrams).

    Staff partial search finds candidates by fragment, then reads the few candidates' values.
    Kind "whole" carries the identifier's own index: it marks the identifier as processed by
    `checker.index_fragments` and goes stale when the identifier's value changes.
    """

    WHOLE = "whole"
    PHONE_LAST4 = "phone.last4"
    PLATE_NGRAM3 = "plate.ngram3"

    identifier = models.ForeignKey(
        "reports.Identifier", on_delete=models.CASCADE, related_name="checker_fragments"
    )
    kind = models.CharField(max_length=16)
    index = BlindIndexField()

    class Meta:
        permissions = [
            (
                "search_identifiers",
                "Can search partial identifiers, see checker statistics and review checker flags",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} fragment {self.pk}"
