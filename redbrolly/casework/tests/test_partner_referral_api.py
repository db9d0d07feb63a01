"""POST /api/v1/referrals: partners refer someone; nobody else may."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.api.models import Partner
from redbrolly.api.services import api_token_issue, partner_key_issue
from redbrolly.casework.models import Case
from redbrolly.core.models import Region
from redbrolly.lib import ratelimit

pytestmark = pytest.mark.django_db

BODY = {
    "working_name": "Kitty",
    "contact_route": "call",
    "contact_details": "07700 900 555",
    "safe_times": "after 8pm",
    "language": "pl",
    "urgency": "urgent",
    "region": "metropolitan",
    "reason": "Assaulted last week, wants help with the police.",
    "referrer_contact": "outreach@example.org",
    "consent": True,
}


@pytest.fixture(autouse=True)
def empty_rate_limits():
    ratelimit.reset_all()


@pytest.fixture
def partner_key(admin_person) -> str:
    partner = Partner.objects.create(name="Example Ads")
    _row, secret = partner_key_issue(actor=admin_person, partner=partner)
    return secret


def post(client, key: str | None, body: dict) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post("/api/v1/referrals", body, content_type="application/json", **headers)


def test_a_partner_refers_someone_and_gets_a_reference(client, partner_key, planted) -> None:
    planted("+447700900555")
    response = post(client, partner_key, BODY)
    assert response.status_code == 201
    reference = response.json()["reference"]
    case = Case.objects.get(referral__reference=reference)
    assert case.status == Case.Status.UNALLOCATED
    assert case.source == Case.Source.PARTNER
    assert case.urgency == Case.Urgency.URGENT
    assert case.contact_details == "+447700900555"
    assert str(case.referral.partner) == "Example Ads"
    assert case.region == Region.objects.get(code="metropolitan")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"consent": False}, "consent"),
        ({"region": "atlantis"}, "region"),
        ({"contact_details": "ring me"}, "contact_details"),
        ({"contact_details": ""}, "contact_details"),
        ({"urgency": "yesterday"}, "urgency"),
        ({"reason": ""}, "reason"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client, partner_key, change, field) -> None:
    response = post(client, partner_key, {**BODY, **change})
    assert response.status_code == 422
    assert field in str(response.json()["detail"])
    assert not Case.objects.exists()


def test_a_malformed_body_is_a_4xx_never_a_500(client, partner_key) -> None:
    response = client.post(
        "/api/v1/referrals",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {partner_key}",
    )
    assert 400 <= response.status_code < 500


def test_members_cannot_refer_over_the_api(client, member) -> None:
    _row, token = api_token_issue(user=member, name="phone")
    assert post(client, token, BODY).status_code == 403
    assert not Case.objects.exists()


def test_callers_without_a_key_are_refused(client) -> None:
    assert post(client, None, BODY).status_code == 401
