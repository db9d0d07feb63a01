"""POST /api/v1/reports: anonymous, member and partner submissions, and their refusals."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from redbrolly.api.models import Partner
from redbrolly.api.services import api_token_issue, partner_key_issue
from redbrolly.lib.crypto import blind_index
from redbrolly.reports.models import Identifier, Report
from redbrolly.reports.tests.conftest import EMAIL, PHONE_E164

pytestmark = pytest.mark.django_db


def post(client: Client, data: Any, **headers: str) -> Any:
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post("/api/v1/reports", body, content_type="application/json", headers=headers)


def test_an_anonymous_report_gets_a_reference_and_a_sixteen_digit_receipt(client, payload) -> None:
    response = post(client, payload())
    assert response.status_code == 201, response.content
    body = response.json()
    report = Report.objects.get(reference=body["reference"])
    assert len(body["receipt"]) == 16 and body["receipt"].isdigit()
    assert report.source == Report.Source.ANONYMOUS and report.reporter is None
    assert report.submitted_on is not None and report.status == Report.Status.NEW
    assert sorted(report.incident_types.values_list("code", flat=True)) == [
        "non_payment",
        "physical_assault",
    ]


def test_identifiers_are_normalised_and_blind_indexed_for_the_checker(client, payload) -> None:
    post(client, payload())
    found = {row.kind: row for row in Identifier.objects.all()}
    # Ofcom's drama numbers are "possible" but not "valid": kept, with the flag saying so.
    assert found["phone"].value == PHONE_E164 and not found["phone"].valid
    assert found["phone"].index == blind_index("phone", PHONE_E164)
    assert found["email"].value == EMAIL
    assert found["handle"].value == "corvin_pw"
    assert found["plate"].value == "MA19?XK" and found["plate"].partial


def test_phones_in_the_narrative_are_not_added_unless_chosen(client, payload) -> None:
    post(client, payload())
    assert Identifier.objects.count() == 4
    post(client, payload(add_phones=["07700 900638"]))
    assert Identifier.objects.filter(index=blind_index("phone", "+447700900638")).count() == 1


def test_a_member_report_has_a_reporter_and_no_receipt(client, payload, people) -> None:
    member = people("member")
    _row, token = api_token_issue(user=member, name="phone")
    response = post(client, payload(), Authorization=f"Bearer {token}")
    assert response.status_code == 201
    assert response.json()["receipt"] is None
    report = Report.objects.get()
    assert report.reporter == member and report.source == Report.Source.MEMBER


def test_a_partner_key_needs_permission_to_report(client, payload, people) -> None:
    partner = Partner.objects.create(name="Ad site", can_report=False)
    _row, key = partner_key_issue(actor=people("admin"), partner=partner)
    assert post(client, payload(), Authorization=f"Bearer {key}").status_code == 403
    Partner.objects.filter(pk=partner.pk).update(can_report=True)
    response = post(client, payload(), Authorization=f"Bearer {key}")
    assert response.status_code == 201
    assert Report.objects.get().source == Report.Source.PARTNER


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"region": "atlantis"}, "region"),
        ({"incident_types": ["dancing"]}, "incident_types"),
        ({"occurred_on": "2999-01-01"}, "occurred_on"),
        ({"perpetrators": [{"phones": ["12"]}]}, "perpetrators.0.phones.0"),
        ({"perpetrators": [{"vehicle": {"plate": "!"}}]}, "perpetrators.0.vehicle.plate"),
        ({"on_behalf": {"who": "a friend", "consent": False}}, "on_behalf.consent"),
    ],
)
def test_invalid_fields_get_a_422_naming_the_field(client, payload, changes, field) -> None:
    response = post(client, payload(**changes))
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["detail"]]
    assert not Report.objects.exists()


@pytest.mark.parametrize("body", ["", "{", "[]", '{"narrative": 5}', "null", '"text"'])
def test_malformed_bodies_are_refused_with_a_4xx(client, body) -> None:
    response = post(client, body)
    assert 400 <= response.status_code < 500


def test_a_validation_error_never_repeats_the_submitted_values(client, payload) -> None:
    response = post(client, payload(region="atlantis", perpetrators=[{"phones": ["0770 PLANTED"]}]))
    assert b"PLANTED" not in response.content and b"atlantis" not in response.content


def test_the_taxonomy_lists_incident_types_and_settings(client) -> None:
    body = client.get("/api/v1/taxonomy").json()
    assert "physical_assault" in [t["code"] for t in body["incident_types"]]
    assert [s["code"] for s in body["settings"]] == [
        "street",
        "incall",
        "outcall",
        "online",
        "parlour",
        "other",
    ]
    assert body["consent_levels"][0]["code"] == "record_only"


def test_anonymous_submissions_are_rate_limited_per_address(client, payload, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"address": [2, 3600]}
    assert [post(client, payload()).status_code for _ in range(3)] == [201, 201, 429]
