"""A member's app shows the alert they asked to see and sends their answer (member token)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from redbrolly.alerts import services
from redbrolly.alerts.models import AlertReview
from redbrolly.api.services import api_token_issue

pytestmark = pytest.mark.django_db
URL = "/api/v1/alerts/reviews"


def token_of(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token_issue(user=user, name='app')[1]}"}


def test_the_member_reads_the_draft_and_answers_then_changes_the_answer(
    client: Client, asked: AlertReview, people: Any
) -> None:
    auth = token_of(people("member"))
    [shown] = client.get(URL, headers=auth).json()
    assert shown["id"] == asked.pk and shown["title"] == asked.alert.text_in("en")["title"]
    assert (shown["answer"], shown["can_answer"]) == ("waiting", True)
    assert all("*" in line for line in shown["identifiers"])  # masked, as members read them
    answer = client.post(
        f"{URL}/{asked.pk}",
        {"ok": False, "comment": "Less detail"},
        content_type="application/json",
        headers=auth,
    )
    assert answer.status_code == 200
    assert (answer.json()["answer"], answer.json()["comment"]) == ("changes", "Less detail")
    client.post(f"{URL}/{asked.pk}", {"ok": True}, content_type="application/json", headers=auth)
    asked.refresh_from_db()
    assert asked.answer == AlertReview.Answer.OK


def test_no_one_else_sees_or_answers_it(client: Client, asked: AlertReview, people: Any) -> None:
    other = token_of(people("member2"))
    assert client.get(URL, headers=other).json() == []
    answer = client.post(
        f"{URL}/{asked.pk}", {"ok": True}, content_type="application/json", headers=other
    )
    assert answer.status_code == 404
    assert client.get(URL).status_code == 401
    asked.refresh_from_db()
    assert asked.answer == AlertReview.Answer.WAITING


def test_once_sent_the_answer_is_refused_with_a_reason(
    client: Client, asked: AlertReview, people: Any
) -> None:
    services.alert_approve(moderator=people("moderator2"), alert=asked.alert, without_reporter=True)
    auth = token_of(people("member"))
    assert client.get(URL, headers=auth).json()[0]["can_answer"] is False
    answer = client.post(
        f"{URL}/{asked.pk}", {"ok": True}, content_type="application/json", headers=auth
    )
    assert answer.status_code == 409
    assert answer.json() == {"detail": "This alert has already been sent."}


def test_a_partner_key_has_no_reviews(client: Client) -> None:
    from redbrolly.api.models import Partner
    from redbrolly.api.services import partner_key_issue

    partner = Partner.objects.create(name="Adverts Example Ltd")
    key = partner_key_issue(actor=None, partner=partner)[1]
    response = client.get(URL, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 403
