"""A reporter who asked to see the alert first sees the text in their account and answers;
the approver sees the answer, and cannot send over a pending look without saying so."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import AlertReview
from redbrolly.alerts.testing import accepted_report

pytestmark = pytest.mark.django_db


def test_the_reporter_reads_the_draft_and_answers(asked: AlertReview, people: Any) -> None:
    client = Client()
    client.force_login(people("member"))
    page = client.get(f"/alerts/reviews/{asked.pk}/")
    assert asked.alert.title in page.content.decode()
    client.post(f"/alerts/reviews/{asked.pk}/", {"answer": "changes", "comment": "Less detail"})
    asked.refresh_from_db()
    assert (asked.answer, asked.comment) == ("changes", "Less detail")


def test_no_one_else_can_open_the_reporters_review(asked: AlertReview, people: Any) -> None:
    client = Client()
    client.force_login(people("member2"))
    assert client.get(f"/alerts/reviews/{asked.pk}/").status_code == 404


def test_approval_waits_for_the_reporter_unless_the_approver_confirms(
    asked: AlertReview, people: Any
) -> None:
    approver = people("moderator2")
    with pytest.raises(ValidationError, match="reporter has not answered"):
        services.alert_approve(moderator=approver, alert=asked.alert)
    services.alert_approve(moderator=approver, alert=asked.alert, without_reporter=True)
    asked.alert.refresh_from_db()
    assert asked.alert.status == "published"


def test_an_alert_the_reporter_asked_to_see_waits_until_it_is_shown(people: Any) -> None:
    drafter = people("moderator")
    alert = services.alert_draft_from_reports(
        moderator=drafter, reports=[accepted_report(reporter=people("member"))]
    )
    alert.reporter_review = True
    alert.save()
    for item in selectors.unresolved(selectors.flags_in(alert)):
        services.alert_flag_keep(
            moderator=drafter,
            alert=alert,
            name=item.field,
            fingerprint=item.fingerprint,
            reason="checked",
        )
    with pytest.raises(ValidationError, match="asked to see the text"):
        services.alert_submit(moderator=drafter, alert=alert)
    services.alert_review_request(moderator=drafter, alert=alert)
    services.alert_submit(moderator=drafter, alert=alert)


def test_once_the_alert_is_sent_the_answer_can_no_longer_change(
    asked: AlertReview, people: Any
) -> None:
    services.alert_approve(moderator=people("moderator2"), alert=asked.alert, without_reporter=True)
    client = Client()
    client.force_login(people("member"))
    answer = client.post(f"/alerts/reviews/{asked.pk}/", {"answer": "ok"}, follow=True)
    assert "This alert has already been sent." in answer.content.decode()
    asked.refresh_from_db()
    assert asked.answer == AlertReview.Answer.WAITING
