"""A person joins (with a proof-of-work screenshot), staff open it and approve with a second
factor, the file is gone, the member signs in and sets up."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from redbrolly.accounts.models import MemberProfile, MembershipProof


def screenshot() -> bytes:
    """A small PNG standing in for a screenshot of an advert."""
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 30, 60)).save(out, format="PNG")
    return out.getvalue()


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
    page.get_by_label("A file that shows you work in the industry (optional)").set_input_files(
        files=[{"name": "advert.png", "mimeType": "image/png", "buffer": screenshot()}]
    )
    page.get_by_role("button", name="Apply to join").click()
    page.get_by_text("Waiting for review").wait_for()
    assert MembershipProof.objects.filter(profile__user__username="scarlett21").count() == 1
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "moderator", staff=True)
    page.get_by_role("link", name="Membership applications").click()
    page.get_by_role("link", name="scarlett21").click()
    assert axe(page) == []
    with page.expect_response(lambda r: "/proofs/" in r.url) as opened:
        page.get_by_role("link", name="Open the image").click()
    shown = opened.value
    assert shown.status == 200 and shown.headers["content-type"] == "image/png"
    page.go_back()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Save decision").click()
    page.get_by_text("Decision saved for scarlett21").wait_for()
    assert MemberProfile.objects.get(user__username="scarlett21").status == "approved"
    assert not MembershipProof.objects.filter(profile__user__username="scarlett21").exists()
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
