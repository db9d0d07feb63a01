"""The organisation profile, its reference data, and the one audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def default_languages() -> list[str]:
    return ["en"]


def default_proof_upload_types() -> list[str]:
    # Every MemberProfile.MembershipType value (core does not import accounts; a test keeps
    # the two in step).
    return ["individual", "practitioner", "site"]


def default_contact_routes() -> list[dict[str, str]]:
    return [
        {"kind": "phone", "label": "Helpline (24 hours)", "value": "0808 000 0000"},
        {"kind": "email", "label": "Email", "value": "help@example.org"},
    ]


class Organisation(models.Model):
    """The deploying organisation's profile: one row, edited in the admin.

    Another country's organisation changes this row, the regions and the taxonomy: data,
    not code. Read it through `Organisation.current()`.
    """

    name = models.CharField(_("name"), max_length=120)
    phone_region = models.CharField(
        _("default phone region"),
        max_length=2,
        default="GB",
        help_text=_("ISO country code used to read phone numbers written without +."),
    )
    languages = models.JSONField(_("languages"), default=default_languages)
    contact_routes = models.JSONField(_("contact routes"), default=default_contact_routes)
    membership_proof = models.BooleanField(
        _("ask applicants how we can verify they work in the industry"), default=True
    )
    membership_proof_upload_types = models.JSONField(
        _("membership types offered a proof-of-work file"),
        default=default_proof_upload_types,
        blank=True,
        help_text=_(
            "Applicants of these types may attach a file (for example a screenshot of an "
            "advert, or a letter from a project) when the question above is asked. Always "
            "optional; deleted once the application is decided."
        ),
    )
    seeded_version = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        verbose_name = _("organisation profile")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Organisation:
        found = cls.objects.order_by("pk").first()
        if found is None:
            found = cls.objects.create(
                name=settings.REDBROLLY_ORG_NAME, phone_region=settings.REDBROLLY_PHONE_REGION
            )
        return found

    def offers_proof_upload(self, membership_type: str) -> bool:
        """Whether applicants of this type may attach a proof-of-work file (accounts forms)."""
        return self.membership_proof and membership_type in self.membership_proof_upload_types


class RegionQuerySet(models.QuerySet["Region"]):
    def active(self) -> RegionQuerySet:
        return self.filter(active=True)


class Region(models.Model):
    """Where people work: police force areas, Scottish divisions, NI, and "online"."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    nation = models.CharField(_("nation"), max_length=60, blank=True)
    main_towns = models.JSONField(_("main towns"), default=list, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def towns_text(self) -> str:
        """Shown beside the name so a person can find where they work."""
        return ", ".join(self.main_towns)


class IncidentType(models.Model):
    """The organisation's incident taxonomy (reports, alerts, statistics)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=120)
    violent = models.BooleanField(
        _("violence or robbery"),
        default=False,
        help_text=_("Reviewed reports of this type make the checker answer 'warning'."),
    )
    sort_order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "label"]

    def __str__(self) -> str:
        return self.label


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("the audit log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")

    def about(self, obj: models.Model) -> AuditQuerySet:
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class AuditEntry(models.Model):
    """One thing someone did or looked at. Never the sensitive values themselves.

    Append-only: the app offers no update or delete, and on PostgreSQL a trigger refuses
    them (migration 0002).
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No cascade of any kind: deleting a person must not rewrite the log (the trigger
    # would refuse it); actor_label keeps who it was.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")
