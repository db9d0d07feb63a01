"""GET/POST /api/v1/reports/mine with X-Receipt or a member token."""

from __future__ import annotations

import pytest

from redbrolly.api.services import api_token_issue
from redbrolly.reports import services
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_a_receipt_reads_status_and_messages(client, payload, people) -> None:
    result = submitted(payload())
    services.message_from_staff(author=people("moderator"), report=result.report, body="Call us?")
    body = client.get("/api/v1/reports/mine", headers={"X-Receipt": result.receipt}).json()
    assert body[0]["reference"] == result.report.reference and body[0]["status"] == "new"
    assert body[0]["messages"][0] == {
        "from_staff": True,
        "kind": "message",
        "body": "Call us?",
        "sent_on": body[0]["submitted_on"],
    }


def test_a_receipt_adds_a_message(client, payload) -> None:
    result = submitted(payload())
    response = client.post(
        "/api/v1/reports/mine",
        {"body": "One more thing"},
        content_type="application/json",
        headers={"X-Receipt": result.receipt},
    )
    assert response.status_code == 201
    assert result.report.messages.get().body == "One more thing"


def test_a_wrong_receipt_or_no_credentials_is_401(client, payload) -> None:
    submitted(payload())
    assert (
        client.get("/api/v1/reports/mine", headers={"X-Receipt": "1234123412341234"}).status_code
        == 401
    )
    assert (
        client.get("/api/v1/reports/mine", headers={"X-Receipt": "drop table"}).status_code == 401
    )
    assert client.get("/api/v1/reports/mine").status_code == 401


def test_a_member_token_lists_own_reports_and_needs_a_reference_to_post(
    client, payload, people
) -> None:
    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    _row, token = api_token_issue(user=member, name="app")
    auth = {"Authorization": f"Bearer {token}"}
    assert [r["reference"] for r in client.get("/api/v1/reports/mine", headers=auth).json()] == [
        report.reference
    ]
    assert (
        client.post(
            "/api/v1/reports/mine", {"body": "hi"}, content_type="application/json", headers=auth
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/api/v1/reports/mine",
            {"body": "hi", "reference": report.reference},
            content_type="application/json",
            headers=auth,
        ).status_code
        == 201
    )


def test_consent_is_changed_and_withdrawn_over_the_api(client, payload) -> None:
    result = submitted(payload())
    headers = {"X-Receipt": result.receipt}
    changed = client.post(
        "/api/v1/reports/mine/consent",
        {"level": "police_full"},
        content_type="application/json",
        headers=headers,
    )
    assert changed.json()["consent_level"] == "police_full"
    withdrawn = client.post(
        "/api/v1/reports/mine/consent",
        {"withdraw": True},
        content_type="application/json",
        headers=headers,
    )
    assert withdrawn.json()["withdrawn"] is True
    again = client.post(
        "/api/v1/reports/mine/consent",
        {"level": "alert"},
        content_type="application/json",
        headers=headers,
    )
    assert again.status_code == 409


def test_receipt_guesses_over_the_api_are_rate_limited(client, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"receipt_address": [2, 900]}
    codes = [
        client.get("/api/v1/reports/mine", headers={"X-Receipt": "1234123412341234"}).status_code
        for _ in range(3)
    ]
    assert codes == [401, 401, 429]


def test_a_members_list_costs_the_same_queries_for_one_report_or_many(
    client, payload, people
) -> None:
    """Reading and marking the messages is one query each for the whole list, not per report."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    member, moderator = people("member", "moderator")
    _row, token = api_token_issue(user=member, name="app")
    auth = {"Authorization": f"Bearer {token}"}

    def listed() -> tuple[int, list[dict]]:
        with CaptureQueriesContext(connection) as queries:
            body = client.get("/api/v1/reports/mine", headers=auth).json()
        return len(queries), body

    def one_more_report(body: str) -> None:
        report = submitted(payload(), reporter=member, source="member").report
        services.message_from_staff(author=moderator, report=report, body=body)

    one_more_report("First")
    listed()  # the token's first use is recorded once
    one, _body = listed()
    for n in range(4):
        one_more_report(f"Later {n}")
    many, body = listed()
    assert many == one
    assert sorted(m["body"] for r in body for m in r["messages"]) == [
        "First",
        "Later 0",
        "Later 1",
        "Later 2",
        "Later 3",
    ]
    assert not member.reports.filter(messages__read_by_reporter=False).exists()
