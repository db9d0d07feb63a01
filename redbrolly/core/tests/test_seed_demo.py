from __future__ import annotations

import base64

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.core.demo import DEMO_TOTP_SECRETS

pytestmark = pytest.mark.django_db


def test_it_creates_every_demo_login_and_hundreds_of_members_of_each_type() -> None:
    call_command("seed_demo", "--quiet-logins")
    names = {"member", "member2", "practitioner", *DEMO_TOTP_SECRETS}
    assert names <= set(User.objects.values_list("username", flat=True))
    for kind in MemberProfile.MembershipType.values:
        assert MemberProfile.objects.filter(membership_type=kind).count() >= 200
    assert MemberProfile.objects.values("regions").distinct().count() > 40


def test_staff_logins_have_working_second_factors_and_the_secrets_are_valid() -> None:
    call_command("seed_demo", "--quiet-logins")
    for name, secret in DEMO_TOTP_SECRETS.items():
        base64.b32decode(secret)
        assert Authenticator.objects.filter(user__username=name, type="totp").exists()


def test_seeding_twice_changes_nothing() -> None:
    call_command("seed_demo", "--quiet-logins")
    before = User.objects.count(), MemberProfile.objects.count()
    call_command("seed_demo", "--quiet-logins", "--force")
    assert (User.objects.count(), MemberProfile.objects.count()) == before


def test_demo_contact_details_are_fictional() -> None:
    call_command("seed_demo", "--quiet-logins")
    for profile in MemberProfile.objects.exclude(email="")[:200]:
        assert profile.email.rsplit("@", 1)[1] in {"example.com", "example.org", "example.net"}
    for profile in MemberProfile.objects.exclude(mobile="")[:200]:
        assert profile.mobile.startswith("+447700900")
