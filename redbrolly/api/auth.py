"""Bearer authentication for the API: member tokens (rbt_…) and partner keys (rbp_…)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from redbrolly.api.models import ApiToken, Partner, PartnerKey, secret_hash


@dataclass(frozen=True)
class Caller:
    """Who is calling: a person (member or staff) or a partner platform."""

    user: Any = None
    partner: Partner | None = None

    @property
    def is_member(self) -> bool:
        return self.user is not None and self.user.is_approved_member


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Caller | None:
        if token.startswith("rbt_"):
            return member_caller(token)
        if token.startswith("rbp_"):
            return partner_caller(token)
        return None


def member_caller(token: str) -> Caller | None:
    found = (
        ApiToken.objects.live()
        .select_related("user", "user__member_profile")
        .filter(key_hash=secret_hash(token), user__is_active=True)
        .first()
    )
    if found is None:
        return None
    touch(ApiToken, found.pk, found.last_used_at)
    return Caller(user=found.user)


def partner_caller(token: str) -> Caller | None:
    found = (
        PartnerKey.objects.live()
        .select_related("partner")
        .filter(key_hash=secret_hash(token), partner__active=True)
        .first()
    )
    if found is None:
        return None
    touch(PartnerKey, found.pk, found.last_used_at)
    return Caller(partner=found.partner)


def touch(model: Any, pk: int, last: Any) -> None:
    # Written at most once a minute per credential: a hot path must not write every call.
    now = timezone.now()
    if last is None or (now - last).total_seconds() > 60:
        model.objects.filter(pk=pk).update(last_used_at=now)


class OptionalTokenAuth(TokenAuth):
    """For endpoints open to anonymous callers that still recognise a token when given."""

    def __call__(self, request: HttpRequest) -> Any:
        return super().__call__(request) or Caller()
