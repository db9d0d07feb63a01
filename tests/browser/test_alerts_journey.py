"""An alert from report to members: drafted with identifying details flagged and masked,
approved by a second moderator, seen by the member in that region and by no one elsewhere."""

from __future__ import annotations

import pytest

from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import accepted_report

pytestmark = pytest.mark.django_db(transaction=True)


def resolve_every_flag(page) -> None:
    """Keeps the client's alias with a reason, takes out or masks everything else."""
    page.get_by_label("Why it is safe to keep").first.wait_for()
    alias = page.locator("li", has_text="A person's name").filter(has_text="Gary").last
    alias.get_by_label("Why it is safe to keep").fill("The client's alias, not the reporter")
    alias.get_by_role("button", name="Keep it").click()
    page.get_by_text("The detail is kept, with your reason.").wait_for()
    for _ in range(30):
        button = page.get_by_role("button", name="Remove it").or_(
            page.get_by_role("button", name="Mask it")
        )
        if button.count() == 0:
            return
        button.first.click()
        page.get_by_role("status").first.wait_for()
    raise AssertionError("flags kept coming back")


def test_moderators_turn_a_report_into_an_alert_only_that_regions_members_see(
    page, people, sign_in, axe, planted
) -> None:
    people("moderator", "moderator2", "member", "member2")
    planted("07700 900777")
    report = accepted_report()

    sign_in(page, "moderator", staff=True)
    page.goto(f"/staff/alerts/new/?report={report.pk}")
    assert page.get_by_label(report.reference, exact=False).is_checked()
    assert axe(page) == []
    page.get_by_role("button", name="Start the draft").click()
    page.get_by_text("highlighted details could identify the reporter").wait_for()
    flagged = page.locator("mark.flag").all_inner_texts()
    assert {"Gary", "12 Acacia Avenue", "at 11:45pm"} <= set(flagged)
    assert "07*******23" in page.locator("main").inner_text()  # masked when drafted
    assert axe(page) == []

    page.get_by_role("link", name="Edit the text").click()
    summary = page.get_by_label("What happened")
    summary.fill(summary.input_value() + " He also texts from 07700 900777.")
    page.get_by_role("button", name="Save the draft").click()
    assert "07700 900777" in page.locator("mark.flag").all_inner_texts()
    page.locator("li", has_text="07700 900777").get_by_role("button", name="Mask it").click()
    page.get_by_text("The detail was taken out.").wait_for()
    assert "07*******77" in page.locator("main").inner_text()

    resolve_every_flag(page)
    page.get_by_text("No unresolved identifying details.").wait_for()
    page.get_by_role("button", name="Send for approval").click()
    page.get_by_text("Sent for approval").wait_for()
    page.get_by_role("button", name="Approve and send").click()
    page.get_by_text("A second moderator must approve").wait_for()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "moderator2", staff=True)
    page.goto("/staff/alerts/?status=awaiting")
    page.get_by_role("link", name="Robbery").first.click()
    page.get_by_text("1 member will receive it.").wait_for()
    assert axe(page) == []
    page.get_by_role("button", name="Approve and send").click()
    page.get_by_text("Approved and sent.").wait_for()
    alert = Alert.objects.get()
    assert (alert.status, alert.approved_by.username) == ("published", "moderator2")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "member")
    page.goto("/alerts/")
    card = page.locator(".alert-card")
    assert card.count() == 1
    assert "Robbery" in card.inner_text()
    assert "Acacia" not in card.inner_text()
    assert axe(page) == []
    card.get_by_role("link").click()
    page.get_by_role("heading", name="Numbers and names used").wait_for()
    assert "07*******23" in page.locator("main").inner_text()
    assert axe(page) == []
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "member2")
    page.goto("/alerts/")
    page.get_by_text("No current alerts for your regions").wait_for()
    assert page.locator(".alert-card").count() == 0
    assert page.goto(f"/alerts/{alert.pk}/").status == 404
