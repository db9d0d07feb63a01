"""GET /api/v1/alerts and /api/v1/alerts/{id}: members see their regions, partners the
regions they ask for, everyone else nothing; bad input gets a 4xx with a message."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from redbrolly.alerts.models import Alert, AlertTranslation
from redbrolly.alerts.testing import accepted_report, published_alert
from redbrolly.api.models import Partner
from redbrolly.api.services import api_token_issue, partner_key_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts(people: Any) -> dict[str, Alert]:
    drafter, approver = people("moderator", "moderator2")
    return {
        "manchester": published_alert(drafter, approver),
        "glasgow": published_alert(
            drafter, approver, accepted_report(region="scotland-greater-glasgow")
        ),
    }


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def member_token(user: Any) -> dict[str, str]:
    return bearer(api_token_issue(user=user, name="phone")[1])


def partner_token() -> dict[str, str]:
    partner = Partner.objects.create(name="Adverts Example Ltd")
    return bearer(partner_key_issue(actor=None, partner=partner)[1])


def test_a_member_gets_the_alerts_of_their_regions_only(
    client: Client, alerts: dict[str, Alert], member: Any
) -> None:
    response = client.get("/api/v1/alerts", headers=member_token(member))
    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [alerts["manchester"].pk]
    item = body["items"][0]
    assert item["regions"] == ["greater-manchester"]
    assert "07*******23" in item["identifiers"]
    assert item["state"] == "current"


def test_an_alert_outside_the_members_regions_is_not_found(
    client: Client, alerts: dict[str, Alert], member: Any
) -> None:
    headers = member_token(member)
    assert client.get(f"/api/v1/alerts/{alerts['glasgow'].pk}", headers=headers).status_code == 404
    assert (
        client.get(f"/api/v1/alerts/{alerts['manchester'].pk}", headers=headers).status_code == 200
    )
    assert client.get("/api/v1/alerts/999999", headers=headers).status_code == 404


def test_a_partner_reads_the_regions_it_asks_for(client: Client, alerts: dict[str, Alert]) -> None:
    headers = partner_token()
    response = client.get("/api/v1/alerts?region=scotland-greater-glasgow", headers=headers)
    assert [item["id"] for item in response.json()["items"]] == [alerts["glasgow"].pk]
    missing = client.get("/api/v1/alerts", headers=headers)
    assert missing.status_code == 422
    assert "region" in missing.json()["detail"]


def test_filters_narrow_the_list(client: Client, alerts: dict[str, Alert], member: Any) -> None:
    headers = member_token(member)
    assert client.get("/api/v1/alerts?severity=info", headers=headers).json()["items"] == []
    assert client.get("/api/v1/alerts?since=2999-01-01", headers=headers).json()["items"] == []
    archived = client.get("/api/v1/alerts?archived=true", headers=headers).json()["items"]
    assert archived == []


def test_a_member_reads_their_language_when_there_is_a_translation(
    client: Client, alerts: dict[str, Alert], member: Any
) -> None:
    AlertTranslation.objects.create(
        alert=alerts["manchester"],
        language="ro",
        title="Jaf în Manchester",
        summary="Un client…",
        approved_at=timezone.now(),
    )
    member.member_profile.language = "ro"
    member.member_profile.save()
    item = client.get("/api/v1/alerts", headers=member_token(member)).json()["items"][0]
    assert (item["title"], item["language"]) == ("Jaf în Manchester", "ro")


def test_nobody_without_a_token_or_approval_reads_alerts(
    client: Client, alerts: dict[str, Alert], people: Any
) -> None:
    assert client.get("/api/v1/alerts").status_code == 401
    waiting = people("applicant")
    assert client.get("/api/v1/alerts", headers=member_token(waiting)).status_code == 403


def test_malformed_filters_get_a_message_not_an_error(
    client: Client, alerts: dict[str, Alert], member: Any
) -> None:
    headers = member_token(member)
    for query in ("severity=extreme", "since=yesterday", "archived=perhaps", "limit=-5"):
        response = client.get(f"/api/v1/alerts?{query}", headers=headers)
        assert response.status_code == 422, query
    assert client.get("/api/v1/alerts/abc", headers=headers).status_code in {404, 422}
