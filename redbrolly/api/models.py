"""API credentials: member tokens and partner keys. Only a hash of each secret is kept."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def secret_hash(secret: str) -> str:
    # Tokens carry 256 bits of randomness, so a fast hash is enough (no slow KDF needed).
    return hashlib.sha256(secret.encode()).hexdigest()


class CredentialQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def live(self) -> CredentialQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A member's (or staff member's) personal API token."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CredentialQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Partner(models.Model):
    """A partner platform (e.g. an advertising site) that embeds the checker or reports."""

    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    lookups_per_minute = models.PositiveIntegerField(default=120)
    lookups_per_day = models.PositiveIntegerField(default=20000)
    can_report = models.BooleanField(_("may submit reports"), default=False)
    can_check = models.BooleanField(_("may use the checker"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    active = models.BooleanField(default=True)

    class Meta:
        permissions = [("manage_partners", "Can manage partner platforms and their keys")]

    def __str__(self) -> str:
        return self.name


class PartnerKey(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="keys")
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CredentialQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.partner} ({self.prefix}…)"
