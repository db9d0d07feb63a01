"""A person applies with a working name; contact details are kept encrypted."""

from __future__ import annotations

import pytest

from redbrolly.accounts.models import MemberProfile
from redbrolly.core.models import AuditEntry, Region

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {
        "username": "ruby77",
        "password1": "a long safe passphrase",
        "password2": "a long safe passphrase",
        "membership_type": "individual",
        "contact_email": "Ruby.77@Example.com",
        "mobile": "07700 900 456",
        "regions": [Region.objects.get(code="merseyside").pk],
        "sectors": ["indoor"],
        "language": "en",
        "applicant_note": "Known to the Liverpool drop-in",
    }
    data.update(overrides)
    return data


def test_applying_creates_a_pending_membership_with_normalised_contact(client, planted) -> None:
    planted("ruby.77@example.com")
    response = client.post("/accounts/signup/", form())
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__username="ruby77")
    assert profile.status == "pending"
    assert profile.email == "ruby.77@example.com"
    assert profile.mobile == "+447700900456"
    assert [r.code for r in profile.regions.all()] == ["merseyside"]
    assert AuditEntry.objects.filter(action="accounts.membership.applied").exists()


def test_a_bad_phone_number_is_explained_and_what_was_typed_is_kept(client) -> None:
    response = client.post("/accounts/signup/", form(mobile="call me maybe"))
    assert response.status_code == 200
    assert b"does not look like a phone number" in response.content
    assert b'value="ruby77"' in response.content
    assert not MemberProfile.objects.exists()


def test_a_common_password_is_refused(client) -> None:
    response = client.post(
        "/accounts/signup/", form(password1="password123", password2="password123")
    )
    assert response.status_code == 200
    assert not MemberProfile.objects.exists()


def test_the_honeypot_stops_bots(client) -> None:
    response = client.post("/accounts/signup/", form(website="http://spam.example"))
    assert response.status_code == 200
    assert not MemberProfile.objects.exists()


def test_an_applicant_cannot_use_member_pages_until_approved(client) -> None:
    client.post("/accounts/signup/", form())
    assert client.get("/me/").status_code == 200
    assert client.get("/me/tokens/").status_code == 403
