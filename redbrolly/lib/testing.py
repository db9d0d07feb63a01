"""Named people for tests (STYLE.md: personas), shared by every app's tests via conftest.py."""

from __future__ import annotations

from typing import Any

from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.accounts.services import Contact, contact_indexes
from redbrolly.core.models import Region

TEST_PASSWORD = "correct horse battery staple"
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPTESTSECRETAAAAAA"

# Every kind of person the access test tries each URL as.
PERSONAS: dict[str, dict[str, Any]] = {
    "applicant": {"member": ("individual", "pending", "greater-manchester")},
    "member": {"member": ("individual", "approved", "greater-manchester")},
    "member2": {"member": ("individual", "approved", "scotland-greater-glasgow")},
    "practitioner": {"member": ("practitioner", "approved", "metropolitan")},
    "moderator": {"roles": ["moderator"]},
    "moderator2": {"roles": ["moderator"]},
    "caseworker": {"roles": ["caseworker"]},
    "caseworker2": {"roles": ["caseworker"]},
    "supervisor": {"roles": ["case_supervisor"]},
    "analyst": {"roles": ["analyst"]},
    "researcher": {"roles": ["researcher"]},
    "admin": {"roles": ["admin"], "is_staff": True},
}


def make_person(username: str, **spec: Any) -> User:
    user = User.objects.create_user(
        username=username, password=TEST_PASSWORD, is_staff=spec.get("is_staff", False)
    )
    if spec.get("roles"):
        user.groups.set(Group.objects.filter(name__in=spec["roles"]))
        TOTP.activate(user, TEST_TOTP_SECRET)
    if spec.get("member"):
        kind, status, region = spec["member"]
        make_profile(user, kind, status, region)
    return user


def make_profile(user: User, kind: str, status: str, region: str) -> MemberProfile:
    contact = Contact(
        email=f"{user.username}@example.com", mobile="+447700900" + str(100 + user.pk)
    )
    profile = MemberProfile.objects.create(
        user=user,
        membership_type=kind,
        status=status,
        email=contact.email,
        mobile=contact.mobile,
        notify_email=True,
        **contact_indexes(contact),
    )
    profile.regions.set(Region.objects.filter(code=region))
    return profile


def persona(username: str) -> User:
    return make_person(username, **PERSONAS[username])


def totp_now(secret: str = TEST_TOTP_SECRET) -> str:
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
