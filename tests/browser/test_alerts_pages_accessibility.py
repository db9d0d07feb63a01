"""Every alerts page passes axe (WCAG 2.2 AA) on a phone, for staff, members and receipt
holders looking at an alert before it is sent."""

from __future__ import annotations

import pytest

from redbrolly.alerts.models import AlertReview
from redbrolly.alerts.services import alert_review_request
from redbrolly.alerts.testing import accepted_report, published_alert, ready_alert

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_alert_pages_pass_axe(page, people, sign_in, axe) -> None:
    drafter, approver = people("moderator", "moderator2")
    sent = published_alert(drafter, approver)
    draft = ready_alert(drafter)
    sign_in(page, "moderator", staff=True)
    for path in (
        "/staff/alerts/",
        f"/staff/alerts/{sent.pk}/",
        f"/staff/alerts/{draft.pk}/edit/",
        f"/staff/alerts/{draft.pk}/translation/",
        f"/staff/alerts/{sent.pk}/deliveries/?status=pending",
        "/alerts/bulletin/",
    ):
        page.goto(path)
        assert axe(page) == [], path


def test_member_alert_pages_pass_axe(page, people, sign_in, axe) -> None:
    member = people("member")
    drafter = people("moderator")
    alert = ready_alert(drafter, accepted_report(reporter=member))
    (review,) = alert_review_request(moderator=drafter, alert=alert)
    sign_in(page, "member")
    for path in (
        "/alerts/archive/",
        "/alerts/reviews/",
        f"/alerts/reviews/{review.pk}/",
        "/me/notifications/",
    ):
        page.goto(path)
        assert axe(page) == [], path


def test_a_receipt_holder_reads_the_alert_and_asks_for_a_change(page, people, axe) -> None:
    drafter = people("moderator")
    receipt = "4929118466203357"
    report = accepted_report(receipt=receipt, wants_alert_review=True)
    (review,) = alert_review_request(moderator=drafter, alert=ready_alert(drafter, report))
    page.goto("/report/follow-up/")
    page.get_by_label("Your receipt code").fill(receipt)
    page.get_by_role("button", name="Open my report").click()
    page.get_by_role("heading", name="The alert we plan to send").wait_for()
    assert axe(page) == []
    page.get_by_label("What should change (optional)").fill("Leave out the stairs")
    page.get_by_role("button", name="Please change it").click()
    page.get_by_text("You asked us to change it").wait_for()
    assert axe(page) == []
    assert AlertReview.objects.get(pk=review.pk).answer == "changes"
