"""Every alerts page passes axe (WCAG 2.2 AA) and fits a phone's screen, for staff (a draft
with flags to resolve and its narrative beside it, one waiting for approval with a kept
detail, a sent one with an update and a translation waiting), members and receipt holders
looking at an alert before it is sent."""

from __future__ import annotations

import pytest

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import AlertReview
from redbrolly.alerts.services import alert_review_request
from redbrolly.alerts.testing import accepted_report, published_alert, ready_alert
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

QUOTE = (
    "She wrote: a client called himself Gary, booked an outcall to the Grand Hotel on "
    "12 Acacia Avenue at 11:45pm and took back the money by force."
)


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def quoted_draft(drafter):
    """A draft whose summary quotes the narrative: its details about her are flagged."""
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[accepted_report()])
    content = services.AlertContent(
        summary=QUOTE,
        perpetrator=alert.perpetrator,
        vehicle=alert.vehicle,
        identifier_rows=list(alert.shown_identifiers.all()),
        regions=list(alert.regions.all()),
        severity=alert.severity,
        incident_types=list(alert.incident_types.all()),
        sectors=alert.sectors,
        expires_at=alert.expires_at,
    )
    return services.alert_edit(moderator=drafter, alert=alert, content=content)


def awaiting_with_a_kept_detail(drafter):
    """The quoted draft with its first flag kept with a reason, the others taken out."""
    alert = quoted_draft(drafter)
    first, *others = selectors.flags_in(alert)
    where = {"moderator": drafter, "alert": alert, "name": first.field}
    services.alert_flag_keep(**where, fingerprint=first.fingerprint, reason="A big hotel")
    for _ in others:
        item = selectors.unresolved(selectors.flags_in(alert))[0]
        where = {"moderator": drafter, "alert": alert, "name": item.field}
        services.alert_flag_remove(**where, fingerprint=item.fingerprint)
    alert.refresh_from_db()
    return services.alert_submit(moderator=drafter, alert=alert)


def test_staff_alert_pages_pass_axe(page, people, sign_in, axe) -> None:
    drafter, approver = people("moderator", "moderator2")
    sent = published_alert(drafter, approver)
    services.alert_update(moderator=drafter, alert=sent, text="He has been arrested.")
    services.alert_translation_save(
        moderator=drafter, alert=sent, language="ro", text={"summary": "A fost arestat."}
    )
    draft = ready_alert(drafter)
    flagged = quoted_draft(drafter)
    kept = awaiting_with_a_kept_detail(drafter)
    report = accepted_report()
    sign_in(page, "moderator2", staff=True)
    for path, shows in (
        ("/staff/alerts/", "Alerts"),
        (f"/staff/alerts/new/?report={report.pk}", "Draft an alert"),
        (f"/staff/alerts/{sent.pk}/", "Update waiting for approval"),
        (f"/staff/alerts/{flagged.pk}/", "What the reporters wrote"),
        (f"/staff/alerts/{flagged.pk}/edit/", "What the reporters wrote"),
        (f"/staff/alerts/{kept.pk}/", "Details kept on purpose"),
        (f"/staff/alerts/{draft.pk}/edit/", "Edit alert"),
        (f"/staff/alerts/{draft.pk}/translation/", "Translate the alert"),
        (f"/staff/alerts/{sent.pk}/deliveries/?status=pending", "Deliveries"),
        ("/alerts/bulletin/", "Printable bulletin"),
    ):
        page.goto(path)
        page.get_by_role("heading", name=shows).first.wait_for()
        assert axe(page) == [], path
        assert fits_the_phone(page), path
    page.goto(f"/staff/alerts/{flagged.pk}/")
    assert page.get_by_role("button", name="Keep it").count() >= 2
    page.locator("section.beside summary").first.click()  # the narrative, opened
    assert axe(page) == []
    assert fits_the_phone(page)


def test_member_alert_pages_pass_axe(page, people, sign_in, axe) -> None:
    member = people("member")
    drafter, approver = people("moderator", "moderator2")
    alert = ready_alert(drafter, accepted_report(reporter=member))
    (review,) = alert_review_request(moderator=drafter, alert=alert)
    sent = published_alert(drafter, approver)
    update = services.alert_update(moderator=drafter, alert=sent, text="He was arrested.")
    services.alert_update_approve(moderator=approver, update=update)
    sign_in(page, "member")
    for path in (
        "/alerts/",
        f"/alerts/{sent.pk}/",
        "/alerts/archive/",
        "/alerts/reviews/",
        f"/alerts/reviews/{review.pk}/",
        "/me/notifications/",
    ):
        page.goto(path)
        assert axe(page) == [], path
        assert fits_the_phone(page), path


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
    assert fits_the_phone(page)
    page.get_by_label("What should change (optional)").fill("Leave out the stairs")
    page.get_by_role("button", name="Please change it").click()
    page.get_by_text("You asked us to change it").wait_for()
    assert axe(page) == []
    assert AlertReview.objects.get(pk=review.pk).answer == "changes"
