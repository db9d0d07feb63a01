"""Every alerts page passes axe (WCAG 2.2 AA) on a phone, for staff and for members."""

from __future__ import annotations

import pytest

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
