"""axe-core finds no serious or critical violation on any page built so far."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC = ["/", "/get-help/", "/privacy/", "/staying-safe/", "/accounts/login/", "/accounts/signup/"]
MEMBER = ["/me/", "/me/preferences/", "/me/tokens/", "/me/data/", "/me/delete/", "/accounts/2fa/"]
STAFF = {
    "moderator": ["/staff/", "/staff/applications/"],
    "admin": ["/staff/", "/staff/people/", "/staff/partners/", "/staff/outbox/", "/staff/audit/"],
}


def check(page, axe, paths) -> None:
    for path in paths:
        page.goto(path)
        assert axe(page) == [], path
        assert page.third_party == [], f"{path} asked another site for {page.third_party}"


def test_public_pages(page, axe) -> None:
    check(page, axe, PUBLIC)


def test_member_pages_in_light_and_dark(page, people, sign_in, axe) -> None:
    member = people("member")
    sign_in(page, "member")
    check(page, axe, MEMBER)
    member.member_profile.dark_screen = True
    member.member_profile.save()
    check(page, axe, MEMBER)


def test_staff_pages(page, people, sign_in, axe) -> None:
    people("applicant")
    for name, paths in STAFF.items():
        people(name)
        sign_in(page, name, staff=True)
        check(page, axe, paths)
        page.get_by_role("button", name="Sign out").click()
