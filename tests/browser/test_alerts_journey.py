"""An alert from report to members: drafted from the report's facts with its narrative beside
it, what the moderator quotes flagged and his numbers masked, approved by a second moderator,
seen by the member in that region and by no one elsewhere."""

from __future__ import annotations

import pytest

from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import accepted_report

pytestmark = pytest.mark.django_db(transaction=True)

# Quoted from the report's narrative (alerts.testing.NARRATIVE), with a number it does not give.
QUOTE = (
    "A client called himself Gary, booked an outcall to 12 Acacia Avenue at 11:45pm and took "
    "back the money by force. He also texts from 07700 900777."
)
KEEP_REASON = "His second number: the reporter told us on the phone it is his"


def alert_details(page):
    """The alert's own words on the staff page, not the narratives shown beside them."""
    return page.locator("section[aria-labelledby='details-heading']")


def told(page, text: str) -> None:
    page.locator(".messages li", has_text=text).wait_for()


def resolve_every_flag(page) -> None:
    """Keeps his second number with a reason, takes out everything else."""
    number = alert_details(page).locator(".flag-list li", has_text="07*******77")
    number.get_by_label("Why it is safe to keep").fill(KEEP_REASON)
    number.get_by_role("button", name="Keep it").click()
    told(page, "The detail is kept, with your reason.")
    for _ in range(30):
        button = alert_details(page).get_by_role("button", name="Remove it")
        if button.count() == 0:
            return
        button.first.click()
        told(page, "The detail was taken out.")
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
    # Made from the facts: nothing of the narrative in it, so nothing of hers to flag...
    page.get_by_text("No unresolved identifying details.").wait_for()
    assert alert_details(page).locator("mark.flag").count() == 0
    assert "Acacia" not in alert_details(page).inner_text()
    assert "07*******23" in page.locator("main").inner_text()  # masked when drafted
    assert "07700 900123" not in page.content()
    # ...and the narrative beside it, her details highlighted, the name he used left alone.
    page.locator("section.beside summary").first.click()
    beside = page.locator("section.beside .narrative").first
    flagged = " | ".join(beside.locator("mark.flag").all_inner_texts())
    assert "12 Acacia Avenue" in flagged and "at 11:45pm" in flagged
    assert "Gary" not in flagged
    assert "07*******23" in beside.inner_text()
    assert axe(page) == []

    page.get_by_role("link", name="Edit the text").click()
    assert axe(page) == []
    page.get_by_label("In your words (optional)").fill(QUOTE)
    page.get_by_role("button", name="Save the draft").click()
    told(page, "The draft is saved.")
    # The number typed in was masked by itself; not one of the report's, so it is flagged.
    assert "07700 900777" not in page.content()
    flagged = alert_details(page).locator("mark.flag").all_inner_texts()
    assert "07*******77" in flagged
    assert any("12 Acacia Avenue" in text for text in flagged)
    assert any("11:45pm" in text for text in flagged)
    assert not any("Gary" in text for text in flagged)
    assert axe(page) == []

    resolve_every_flag(page)
    page.get_by_text("No unresolved identifying details.").wait_for()
    words = alert_details(page).inner_text()
    assert "Acacia" not in words and "11:45" not in words and "07*******77" in words
    page.get_by_role("button", name="Send for approval").click()
    told(page, "Sent for approval")
    page.get_by_role("button", name="Approve and send").click()
    told(page, "A second moderator must approve")
    assert Alert.objects.get().status == Alert.Status.AWAITING
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "moderator2", staff=True)
    page.goto("/staff/alerts/?status=awaiting")
    page.get_by_role("link", name="Robbery").first.click()
    page.get_by_text("1 member will receive it.").wait_for()
    kept = page.locator(".kept-list li")
    assert kept.count() == 1 and KEEP_REASON in kept.inner_text()
    assert axe(page) == []
    page.get_by_role("button", name="Approve and send").click()
    told(page, "Approved and sent.")
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
    main = page.locator("main").inner_text()
    assert "07*******23" in main and "07*******77" in main
    assert "Acacia" not in main and "07700 900777" not in main
    assert axe(page) == []
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "member2")
    page.goto("/alerts/")
    page.get_by_text("No current alerts for your regions").wait_for()
    assert page.locator(".alert-card").count() == 0
    assert page.goto(f"/alerts/{alert.pk}/").status == 404
