"""People: accounts (working names, never legal names), membership and preferences."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from redbrolly.accounts.roles import STAFF_ROLES
from redbrolly.lib.crypto import BlindIndexField, EncryptedBinaryField, EncryptedTextField


class UserManager(DjangoUserManager["User"]):
    """Accounts have no email column, so creation takes a working name and a password."""

    def create_user(  # type: ignore[override]
        self, username: str, password: str | None = None, **extra: Any
    ) -> User:
        user = self.model(username=self.model.normalize_username(username), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, username: str, password: str | None = None, **extra: Any
    ) -> User:
        return self.create_user(username, password, is_staff=True, is_superuser=True, **extra)


class User(AbstractUser):
    """An account. `username` is the working name a person chose; no legal name is kept.

    Contact details live encrypted on `MemberProfile`, not in plain columns here.
    """

    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = None  # type: ignore[assignment]
    # Bumped to sign a person out everywhere (accounts.middleware compares it per request).
    session_epoch = models.PositiveIntegerField(default=0)

    EMAIL_FIELD = None  # type: ignore[assignment,misc]
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        permissions = [
            ("revoke_sessions", "Can sign a person out of every session"),
        ]

    @cached_property
    def role_names(self) -> frozenset[str]:
        """Staff roles this account holds (views, menus and the MFA rule use it)."""
        return frozenset(self.groups.values_list("name", flat=True)) & STAFF_ROLES

    @property
    def is_staff_role(self) -> bool:
        return bool(self.role_names)

    @property
    def is_approved_member(self) -> bool:
        """Members whose application staff approved; staff count as members for reading."""
        # The profile first: it is usually loaded already, the roles cost a query.
        profile = getattr(self, "member_profile", None)
        if profile is not None and profile.status == MemberProfile.Status.APPROVED:
            return True
        return self.is_staff_role


class MemberProfile(models.Model):
    class MembershipType(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual sex worker")
        PRACTITIONER = "practitioner", _("Project or practitioner")
        SITE = "site", _("Site or establishment")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        MORE_INFO = "more_info", _("We asked for more information")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    class Sector(models.TextChoices):
        STREET = "street", _("Street")
        INDOOR = "indoor", _("Indoor (incall)")
        OUTCALL = "outcall", _("Outcall / escort")
        ONLINE = "online", _("Online")
        PARLOUR = "parlour", _("Parlour or establishment")
        OTHER = "other", _("Other")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="member_profile")
    membership_type = models.CharField(
        _("membership type"),
        max_length=20,
        choices=MembershipType.choices,
        default=MembershipType.INDIVIDUAL,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    status_reason = models.TextField(_("reason given to the applicant"), blank=True)
    applicant_note = EncryptedTextField(_("how we can verify you"), blank=True)
    applied_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    email = EncryptedTextField(_("email"), blank=True)
    email_index = BlindIndexField()
    mobile = EncryptedTextField(_("mobile number"), blank=True)
    mobile_index = BlindIndexField()

    regions = models.ManyToManyField("core.Region", blank=True, verbose_name=_("where I work"))
    sectors = models.JSONField(_("how I work"), default=list, blank=True)
    notify_email = models.BooleanField(_("email"), default=False)
    notify_sms = models.BooleanField(_("text message (SMS)"), default=False)
    notify_push = models.BooleanField(_("notifications on this device"), default=False)
    notify_inapp = models.BooleanField(_("in my member area"), default=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    discreet_mode = models.BooleanField(
        _("discreet mode"),
        default=True,
        help_text=_(
            "Notifications say only 'You have a new update' and the site title is neutral."
        ),
    )
    dark_screen = models.BooleanField(_("dark screen"), default=False)

    class Meta:
        permissions = [("review_membership", "Can review membership applications")]

    def __str__(self) -> str:
        return f"member profile {self.pk}"

    @property
    def channels(self) -> list[str]:
        """The channels alerts go out on (alerts targeting and the preview use it)."""
        chosen = {
            "email": self.notify_email and bool(self.email),
            "sms": self.notify_sms and bool(self.mobile),
            "push": self.notify_push,
            "inapp": self.notify_inapp,
        }
        return [name for name, on in chosen.items() if on]


class MembershipProof(models.Model):
    """A file an applicant attached to show they work in the industry (issue 2).

    Sealed like report evidence (images re-encoded without metadata, or PDFs); only staff who
    review applications open it, and it is deleted once the application is decided.
    """

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")

    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="proofs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=40)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    content = EncryptedBinaryField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"membership proof {self.pk}"

    @property
    def download_name(self) -> str:
        """Neutral: says nothing about what the file shows (the reviewer's download)."""
        return f"proof-{self.pk}.{self.extension}"
