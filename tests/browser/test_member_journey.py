"""A person joins, staff approve with a second factor, the member signs in and sets up."""

from __future__ import annotations

import pytest

from redbrolly.accounts.models import MemberProfile

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_approval_with_mfa_and_member_preferences(page, people, sign_in, axe) -> None:
    people("moderator")
    page.goto("/")
    page.get_by_role("link", name="Join").click()
    page.get_by_label("Username").fill("scarlett21")
    page.get_by_label("Password", exact=True).fill("a long safe passphrase")
    page.get_by_label("Password (again)").fill("a long safe passphrase")
    page.get_by_label("Individual sex worker").check()
    page.get_by_label("Email (optional)").fill("scarlett21@example.com")
    page.get_by_label("Greater Manchester (Manchester").check()
    page.get_by_role("button", name="Apply to join").click()
    page.get_by_text("Waiting for review").wait_for()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "moderator", staff=True)
    page.get_by_role("link", name="Membership applications").click()
    page.get_by_role("link", name="scarlett21").click()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Save decision").click()
    page.get_by_text("Decision saved for scarlett21").wait_for()
    assert MemberProfile.objects.get(user__username="scarlett21").status == "approved"
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "scarlett21", password="a long safe passphrase")
    page.get_by_text("Your membership is active.").wait_for()
    page.get_by_role("link", name="Preferences: where you work").click()
    page.get_by_label("Cheshire (Chester").check()
    page.get_by_label("Text message (SMS)").uncheck()
    page.get_by_label("Dark screen").check()
    page.get_by_role("button", name="Save preferences").click()
    page.get_by_text("Your preferences are saved.").wait_for()
    assert page.locator("html.dark").count() == 1
    assert axe(page) == []
    profile = MemberProfile.objects.get(user__username="scarlett21")
    assert sorted(r.code for r in profile.regions.all()) == ["cheshire", "greater-manchester"]
    assert profile.dark_screen is True
