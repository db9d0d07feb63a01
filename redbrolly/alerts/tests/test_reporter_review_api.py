"""A receipt holder who asked to see the alert first reads and answers it through the API
(`alert_reviews` in GET /api/v1/reports/mine, POST /api/v1/reports/mine/alert-review), as on
the follow-up page: only their own report's reviews, one answer, kept to the day."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from redbrolly.alerts.models import AlertReview
from redbrolly.alerts.tests.test_reporter_review_by_receipt import (
    COMMENT,
    OTHER_RECEIPT,
    RECEIPT,
    asked,
    fresh_limits,
    receipt_report,
)
from redbrolly.api.services import api_token_issue
from redbrolly.core.models import AuditEntry

__all__ = ["asked", "fresh_limits"]  # fixtures, used by name

pytestmark = pytest.mark.django_db

MINE = "/api/v1/reports/mine"
ANSWER = "/api/v1/reports/mine/alert-review"


def mine(receipt: str = RECEIPT) -> list[dict[str, Any]]:
    response = Client().get(MINE, headers={"X-Receipt": receipt})
    assert response.status_code == 200
    return response.json()


def answer(body: Any, receipt: str | None = RECEIPT, **headers: str) -> Any:
    if receipt is not None:
        headers["X-Receipt"] = receipt
    data = body if isinstance(body, str) else dict(body)
    return Client().post(ANSWER, data, content_type="application/json", headers=headers)


def test_the_receipt_holder_lists_the_waiting_alert_and_answers_it(
    asked: AlertReview, people: Any, planted: Any
) -> None:
    planted(COMMENT)
    alert = asked.alert
    (report,) = mine()
    (look,) = report["alert_reviews"]
    assert look == {
        "id": asked.pk,
        "title": alert.text_in("en")["title"],
        "summary": alert.text_in("en")["summary"],
        "perpetrator": alert.perpetrator,
        "vehicle": alert.vehicle,
        "identifiers": alert.identifiers.splitlines(),
        "regions": ["Greater Manchester"],
        "asked_on": timezone.localdate(asked.asked_at).isoformat(),
    }
    assert "07*******23" in look["identifiers"]

    response = answer({"review": asked.pk, "ok": False, "comment": COMMENT})
    assert response.status_code == 200
    assert response.json()["alert_reviews"] == []  # answered: nothing left to answer
    asked.refresh_from_db()
    assert (asked.answer, asked.comment) == ("changes", COMMENT)
    assert asked.answered_at is not None and asked.answered_at.time() == datetime.time(0, 0)
    assert not AuditEntry.objects.filter(action="alerts.review.answered").exists()
    staff = Client()
    staff.force_login(people("moderator2"))
    alert_page = staff.get(f"/staff/alerts/{alert.pk}/").content.decode()
    assert "The reporter asked for changes" in alert_page and COMMENT in alert_page
    assert mine()[0]["alert_reviews"] == []


def test_a_second_answer_is_409(asked: AlertReview) -> None:
    assert answer({"review": asked.pk, "ok": True}).status_code == 200
    again = answer({"review": asked.pk, "ok": False, "comment": "changed my mind"})
    assert again.status_code == 409
    assert "already answered" in again.json()["detail"]
    asked.refresh_from_db()
    assert (asked.answer, asked.comment) == ("ok", "")


def test_another_receipt_can_neither_see_nor_answer_it(asked: AlertReview) -> None:
    receipt_report(OTHER_RECEIPT)
    assert mine(OTHER_RECEIPT)[0]["alert_reviews"] == []
    refused = answer({"review": asked.pk, "ok": True}, OTHER_RECEIPT)
    assert refused.status_code == 404
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_a_member_token_sees_and_answers_nothing_here(asked: AlertReview, people: Any) -> None:
    _row, token = api_token_issue(user=people("member"), name="app")
    auth = {"Authorization": f"Bearer {token}"}
    assert asked.report is not None
    body = {"reference": asked.report.reference, "review": asked.pk, "ok": True}
    assert answer(body, None, **auth).status_code == 404
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_without_a_receipt_or_a_token_it_is_401(asked: AlertReview) -> None:
    assert answer({"review": asked.pk, "ok": True}, None).status_code == 401
    assert answer({"review": asked.pk, "ok": True}, "1234123412341234").status_code == 401
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_a_comment_too_long_is_422(asked: AlertReview) -> None:
    response = answer({"review": asked.pk, "ok": False, "comment": "x" * 2001})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["payload.comment"]
    asked.refresh_from_db()
    assert asked.answer == "waiting"


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        "[]",
        '{"ok": true}',
        '{"review": "seven", "ok": true}',
        '{"review": 99999999999999999999999, "ok": true}',
    ],
)
def test_malformed_input_is_a_4xx_not_a_500(asked: AlertReview, body: str) -> None:
    response = answer(body)
    assert 400 <= response.status_code < 500
    asked.refresh_from_db()
    assert asked.answer == "waiting"
