"""API credentials: issued once, hashed at rest, revocable; the API knows who calls."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from redbrolly.api.models import ApiToken, Partner
from redbrolly.api.services import api_token_issue, partner_key_issue

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_command_prints_the_new_token_alone_on_its_last_line(member, client, planted) -> None:
    out = StringIO()
    call_command("issue_api_token", "member", stdout=out)
    secret = planted(out.getvalue().strip().splitlines()[-1])
    assert secret.startswith("rbt_")
    assert " " not in secret
    assert not ApiToken.objects.filter(key_hash=secret).exists()  # only its hash is kept
    response = client.get("/api/v1/me", **bearer(secret))
    assert response.json() == {"kind": "person", "name": "member", "member": True}


def test_the_command_refuses_an_unknown_person() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No active account"):
        call_command("issue_api_token", "nobody")


def test_a_revoked_token_and_a_made_up_one_are_refused(member, client) -> None:
    token, secret = api_token_issue(user=member, name="phone")
    client.force_login(member)
    client.post(f"/me/tokens/{token.pk}/revoke/")
    client.logout()
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 401
    assert client.get("/api/v1/me", **bearer("rbt_made-up")).status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_a_partner_key_identifies_the_partner(client, planted) -> None:
    partner = Partner.objects.create(name="Adverts Example Ltd")
    _key, secret = partner_key_issue(actor=None, partner=partner)
    response = client.get("/api/v1/me", **bearer(planted(secret)))
    assert response.json() == {"kind": "partner", "name": "Adverts Example Ltd", "member": False}


def test_members_create_tokens_in_their_area_and_see_the_secret_once(member, client) -> None:
    client.force_login(member)
    page = client.post("/me/tokens/", {"name": "my phone"}).content.decode()
    secret = page.split('<p class="secret">')[1].split("</p>")[0]
    assert secret.startswith("rbt_") and len(secret) > 40
    assert secret not in client.get("/me/tokens/").content.decode()
    assert ApiToken.objects.filter(user=member, name="my phone").exists()


def test_a_member_cannot_revoke_someone_elses_token(people, client) -> None:
    member, member2 = people("member", "member2")
    token, _secret = api_token_issue(user=member2, name="theirs")
    client.force_login(member)
    assert client.post(f"/me/tokens/{token.pk}/revoke/").status_code == 404


def test_regions_are_public_reference_data_with_main_towns(client) -> None:
    regions = {r["code"]: r for r in client.get("/api/v1/regions").json()}
    assert len(regions) == 58
    assert "Glasgow" in regions["scotland-greater-glasgow"]["main_towns"]
    assert regions["online"]["name"] == "Online only"


def test_the_openapi_document_and_docs_are_served(client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/regions" in spec["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_a_deactivated_account_or_partner_is_refused(member, client) -> None:
    _token, secret = api_token_issue(user=member, name="phone")
    partner = Partner.objects.create(name="Adverts Example Ltd")
    _key, partner_secret = partner_key_issue(actor=None, partner=partner)
    member.is_active = False
    member.save()
    Partner.objects.filter(pk=partner.pk).update(active=False)
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 401
    assert client.get("/api/v1/me", **bearer(partner_secret)).status_code == 401


@pytest.mark.parametrize(
    ("who", "member"), [("applicant", False), ("moderator", True), ("analyst", True)]
)
def test_the_caller_is_the_account_with_its_profile_or_its_staff_role(
    who, member, people, client
) -> None:
    # Staff hold no member profile; an applicant's profile is not approved yet.
    person = people(who)
    _token, secret = api_token_issue(user=person, name="phone")
    answer = client.get("/api/v1/me", **bearer(secret)).json()
    assert answer == {"kind": "person", "name": person.username, "member": member}
