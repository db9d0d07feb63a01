"""A reporter without an account who asked to see the alert first reads it on their report's
follow-up page and answers there; the moderator sees the answer, approval waits for it (or
is confirmed without it), and no other receipt can see or answer it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert, AlertReview
from redbrolly.alerts.testing import accepted_report, ready_alert
from redbrolly.core.models import AuditEntry
from redbrolly.lib import ratelimit
from redbrolly.notify.models import Delivery
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db

RECEIPT = "4929 1184 6620 3357".replace(" ", "")
OTHER_RECEIPT = "7031 5528 9046 1173".replace(" ", "")
COMMENT = "Please leave out the stairs, he would know it was me"


@pytest.fixture(autouse=True)
def fresh_limits() -> Iterator[None]:
    ratelimit.reset_all()
    yield
    ratelimit.reset_all()


def receipt_report(receipt: str = RECEIPT, **options: Any) -> Report:
    return accepted_report(receipt=receipt, **{"wants_alert_review": True, **options})


@pytest.fixture
def asked(people: Any) -> AlertReview:
    """A receipt holder's report, its alert waiting for approval and for their look."""
    drafter = people("moderator")
    alert = ready_alert(drafter, receipt_report())
    (review,) = services.alert_review_request(moderator=drafter, alert=alert)
    return review


def holder(receipt: str = RECEIPT) -> Client:
    client = Client()
    assert client.post("/report/follow-up/", {"receipt": receipt}).status_code == 302
    return client


def page_of(client: Client) -> str:
    return client.get("/report/follow-up/report/").content.decode()


def answer(client: Client, review: AlertReview, choice: str, comment: str = "") -> Any:
    data = {"review": review.pk, "answer": choice, "comment": comment}
    return client.post("/report/follow-up/do/review/", data)


def test_the_receipt_holder_reads_the_alert_exactly_as_it_would_go_out(
    asked: AlertReview,
) -> None:
    page = page_of(holder())
    alert = asked.alert
    for text in (
        alert.title,
        alert.summary,
        alert.perpetrator,
        "07*******23",
        "Greater Manchester",
    ):
        assert text in page, text
    assert "This is fine to send" in page and "Please change it" in page


def test_the_receipt_holder_answers_and_the_moderator_sees_it(
    asked: AlertReview, people: Any, planted: Any
) -> None:
    planted(COMMENT)
    client = holder()
    response = answer(client, asked, "changes", COMMENT)
    assert response.status_code == 302
    asked.refresh_from_db()
    assert (asked.answer, asked.comment) == ("changes", COMMENT)
    assert "You asked us to change it" in page_of(client)
    staff = Client()
    staff.force_login(people("moderator2"))
    alert_page = staff.get(f"/staff/alerts/{asked.alert.pk}/").content.decode()
    assert "The reporter asked for changes" in alert_page and COMMENT in alert_page
    assert asked.report is not None and asked.report.reference in alert_page


def test_the_answer_keeps_a_day_not_a_time_and_no_audit_row(asked: AlertReview) -> None:
    answer(holder(), asked, "ok")
    asked.refresh_from_db()
    assert asked.answer == "ok"
    assert asked.answered_at is not None
    assert asked.answered_at.time() == datetime.time(0, 0)
    assert not AuditEntry.objects.filter(action="alerts.review.answered").exists()


def test_nothing_about_the_review_is_sent_to_anyone(asked: AlertReview) -> None:
    assert not Delivery.objects.filter(purpose="alert_review").exists()


def test_approval_waits_for_the_receipt_holder_then_proceeds(
    asked: AlertReview, people: Any
) -> None:
    approver = people("moderator2")
    with pytest.raises(ValidationError, match="reporter has not answered"):
        services.alert_approve(moderator=approver, alert=asked.alert)
    answer(holder(), asked, "ok")
    services.alert_approve(moderator=approver, alert=asked.alert)
    asked.alert.refresh_from_db()
    assert asked.alert.status == Alert.Status.PUBLISHED


def test_the_approver_may_send_without_the_receipt_holder_and_the_look_ends(
    asked: AlertReview, people: Any
) -> None:
    services.alert_approve(moderator=people("moderator2"), alert=asked.alert, without_reporter=True)
    client = holder()
    assert asked.alert.text_in("en")["title"] not in page_of(client)
    late = answer(client, asked, "ok")
    assert "already been sent" in client.get(late.url).content.decode()
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_a_different_receipt_can_neither_see_nor_answer_it(asked: AlertReview) -> None:
    receipt_report(OTHER_RECEIPT)
    other = holder(OTHER_RECEIPT)
    assert asked.alert.text_in("en")["title"] not in page_of(other)
    assert answer(other, asked, "ok").status_code == 404
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_without_a_receipt_the_answer_goes_nowhere(asked: AlertReview, people: Any) -> None:
    assert answer(Client(), asked, "ok").status_code == 302  # to the receipt form
    member = Client()
    member.force_login(people("member"))
    assert answer(member, asked, "ok").status_code == 302
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_an_answer_without_a_choice_keeps_the_comment_and_says_why(asked: AlertReview) -> None:
    client = holder()
    response = client.post(
        "/report/follow-up/do/review/", {"review": asked.pk, "answer": "", "comment": "Shorter"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please choose one of the two buttons." in page and "Shorter" in page
    asked.refresh_from_db()
    assert asked.answer == "waiting"


def test_a_second_answer_is_refused(asked: AlertReview) -> None:
    client = holder()
    answer(client, asked, "ok")
    again = answer(client, asked, "changes")
    assert "You have already answered" in client.get(again.url).content.decode()
    asked.refresh_from_db()
    assert asked.answer == "ok"


def test_a_draft_from_a_report_that_asked_waits_until_it_is_shown(people: Any) -> None:
    drafter = people("moderator")
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[receipt_report()])
    assert alert.reporter_review
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


def test_a_receipt_holder_who_did_not_ask_is_not_asked(people: Any) -> None:
    drafter = people("moderator")
    alert = ready_alert(drafter, receipt_report(wants_alert_review=False))
    with pytest.raises(ValidationError, match="None of the reporters can be asked"):
        services.alert_review_request(moderator=drafter, alert=alert)
    assert not alert.reviews.exists()


def test_asking_again_adds_no_second_waiting_look(asked: AlertReview, people: Any) -> None:
    assert services.alert_review_request(moderator=people("moderator"), alert=asked.alert) == []
    assert asked.alert.reviews.count() == 1


def test_a_phone_caller_is_asked_by_receipt_not_the_staff_member_who_took_the_call(
    people: Any,
) -> None:
    drafter, taker = people("moderator", "caseworker")
    report = receipt_report(reporter=taker, source=Report.Source.STAFF_PHONE)
    alert = ready_alert(drafter, report)
    (review,) = services.alert_review_request(moderator=drafter, alert=alert)
    assert (review.reporter, review.report) == (None, report)


def test_a_review_belongs_to_a_reporter_or_a_report_never_both(
    asked: AlertReview, people: Any
) -> None:
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        AlertReview.objects.create(
            alert=asked.alert, reporter=people("member"), report=asked.report
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        AlertReview.objects.create(alert=asked.alert)
