"""Changing contact details and exporting data need a fresh password; deleting is final."""

from __future__ import annotations

import json

import pytest

from redbrolly.accounts.models import User
from redbrolly.core.models import AuditEntry
from redbrolly.lib.testing import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_contact_details_ask_for_the_password_again(client, member) -> None:
    client.force_login(member)
    response = client.get("/me/contact/")
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]


def reauthenticate(client) -> None:
    response = client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert response.status_code == 302


def test_after_reauthenticating_a_member_changes_contact_details(client, member, planted) -> None:
    planted("new.address@example.org")
    client.force_login(member)
    reauthenticate(client)
    response = client.post(
        "/me/contact/", {"contact_email": "New.Address@example.org", "mobile": "+44 7700 900999"}
    )
    assert response.status_code == 302
    member.member_profile.refresh_from_db()
    assert member.member_profile.email == "new.address@example.org"
    assert member.member_profile.mobile == "+447700900999"


def test_a_member_downloads_everything_held_about_them(client, member) -> None:
    client.force_login(member)
    reauthenticate(client)
    response = client.post("/me/data/")
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["working_name"] == "member"
    assert data["membership"]["email"] == "member@example.com"
    assert AuditEntry.objects.filter(action="accounts.data.exported").exists()


def test_a_member_deletes_their_account(client, member) -> None:
    client.force_login(member)
    reauthenticate(client)
    response = client.post("/me/delete/", {"confirm": "DELETE"})
    assert response.status_code == 302
    assert not User.objects.filter(username="member").exists()
    assert client.get("/me/").status_code == 302
