"""Bearer authentication for the API: member tokens (rbt_…) and partner keys (rbp_…)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from redbrolly.api.models import ApiToken, Partner, PartnerKey, secret_hash
from redbrolly.lib import rows
from redbrolly.lib.rows import column as _col
from redbrolly.lib.rows import quote as _q


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


# Every API call checks its bearer token: the two queries are written once from the models'
# `_meta` (lib/rows.py) instead of compiled by the ORM per call, which cost more than running
# them (bench/checker.py). Values are always parameters; only names from `_meta` are spliced.


@cache
def member_sql() -> str:
    from redbrolly.accounts.models import MemberProfile, User

    user_fk = _col(ApiToken, "user")
    profile_user = _col(MemberProfile, "user")
    return (
        f"SELECT {rows.columns(ApiToken, 't')}, {rows.columns(User, 'u')}, "  # noqa: S608
        f"{rows.columns(MemberProfile, 'p')} "
        f"FROM {_q(ApiToken._meta.db_table)} t "
        f"JOIN {_q(User._meta.db_table)} u ON u.{_q('id')} = t.{user_fk} "
        f"LEFT JOIN {_q(MemberProfile._meta.db_table)} p ON p.{profile_user} = u.{_q('id')} "
        f"WHERE t.{_q('key_hash')} = %s AND t.{_q('revoked_at')} IS NULL AND u.{_q('is_active')}"
    )


def member_caller(token: str) -> Caller | None:
    from redbrolly.accounts.models import MemberProfile, User

    row = fetch_one(member_sql(), secret_hash(token))
    if row is None:
        return None
    token_end = rows.width(ApiToken)
    user_end = token_end + rows.width(User)
    found = rows.build(ApiToken, row[:token_end])
    user = rows.build(User, row[token_end:user_end])
    profile_row = row[user_end:]
    profile = rows.build(MemberProfile, profile_row) if profile_row[0] is not None else None
    # What select_related("user", "user__member_profile") would have cached.
    ApiToken._meta.get_field("user").set_cached_value(found, user)
    to_user = MemberProfile._meta.get_field("user")
    to_user.remote_field.set_cached_value(user, profile)  # None: "has no profile", no query
    if profile is not None:
        to_user.set_cached_value(profile, user)
    touch(ApiToken, found.pk, found.last_used_at)
    return Caller(user=user)


@cache
def partner_sql() -> str:
    partner_fk = _col(PartnerKey, "partner")
    return (
        f"SELECT {rows.columns(PartnerKey, 'k')}, {rows.columns(Partner, 'p')} "  # noqa: S608
        f"FROM {_q(PartnerKey._meta.db_table)} k "
        f"JOIN {_q(Partner._meta.db_table)} p ON p.{_q('id')} = k.{partner_fk} "
        f"WHERE k.{_q('key_hash')} = %s AND k.{_q('revoked_at')} IS NULL AND p.{_q('active')}"
    )


def partner_caller(token: str) -> Caller | None:
    row = fetch_one(partner_sql(), secret_hash(token))
    if row is None:
        return None
    key_end = rows.width(PartnerKey)
    found = rows.build(PartnerKey, row[:key_end])
    partner = rows.build(Partner, row[key_end:])
    PartnerKey._meta.get_field("partner").set_cached_value(found, partner)
    touch(PartnerKey, found.pk, found.last_used_at)
    return Caller(partner=partner)


def fetch_one(sql: str, *params: Any) -> tuple[Any, ...] | None:
    found = rows.run(sql, params)
    return found[0] if found else None


def touch(model: Any, pk: int, last: Any) -> None:
    # Written at most once a minute per credential: a hot path must not write every call.
    now = timezone.now()
    if last is None or (now - last).total_seconds() > 60:
        model.objects.filter(pk=pk).update(last_used_at=now)


class OptionalTokenAuth(TokenAuth):
    """For endpoints open to anonymous callers that still recognise a token when given."""

    def __call__(self, request: HttpRequest) -> Any:
        return super().__call__(request) or Caller()
