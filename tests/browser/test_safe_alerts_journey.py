"""Safe alerts on a phone, with two moderators: the draft is made from the report's facts and
its narrative is read beside it; what the moderator quotes is checked for details about the
reporter (her name flagged, his phone masked by itself); one flag is kept with a reason the
approver reads; and nothing goes out, the first send or a later update, until a second
moderator approves it. The same steps work as plain forms with JavaScript off."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.alerts.models import Alert, AlertUpdate, FlagDecision
from redbrolly.alerts.testing import accepted_report
from tests.browser.conftest import Check, fits_the_phone

pytestmark = pytest.mark.django_db(transaction=True)

HER_PHONE = "07700 900461"
HIS_PHONE = "07700 900123"  # the report's own identifier for him (accepted_report)
QUOTED = (
    f"I'm Jade and he booked me from {HIS_PHONE}, came to the Pink Lady sauna on Church "
    "Street at 11:45pm and took my money back by force."
)
NARRATIVE = f"{QUOTED} Ring me on {HER_PHONE} if you need more."
SUMMARY = f'She wrote: "{QUOTED}"'
KEEP_REASON = "A parlour where many women work: members need to know he goes there"
UPDATE = "He has been arrested. The police ask anyone else he robbed to come forward."


def alert_details(page: Any) -> Any:
    """The alert's own words on the staff page (the narratives beside it are not its words)."""
    return page.locator("section[aria-labelledby='details-heading']")


def told(page: Any, text: str) -> None:
    """The message shown after a form was sent (a success, or the service's refusal)."""
    page.locator(".messages li", has_text=text).wait_for()


def flag_item(page: Any, excerpt: str) -> Any:
    return alert_details(page).locator(".flag-list li", has_text=excerpt)


def start_draft(page: Any, report: Any, check: Check) -> Alert:
    page.goto(f"/staff/alerts/new/?report={report.pk}")
    assert page.get_by_label(report.reference, exact=False).is_checked()
    check(page)
    page.get_by_role("button", name="Start the draft").click()
    page.get_by_role("heading", name="What the reporters wrote").wait_for()
    return Alert.objects.get()


def read_narrative_beside(page: Any) -> None:
    """The narrative is shown beside the draft, her details highlighted, his phone masked."""
    beside = page.locator("section.beside")
    beside.locator("summary").first.click()
    narrative = beside.locator(".narrative .alert-text").first
    narrative.wait_for()
    flagged = narrative.locator("mark.flag").all_inner_texts()
    assert "Jade" in flagged
    # Her number, which her story gives as hers: taken out, not masked as his, and flagged.
    assert any("Ring me on […]" in text for text in flagged)
    assert "07*******23" in narrative.inner_text()  # his: masked, not flagged
    assert "Gary" not in " ".join(flagged)
    assert HIS_PHONE not in page.content() and HER_PHONE not in page.content()
    # Nothing of the narrative is copied into the draft.
    assert "Jade" not in alert_details(page).inner_text()


def quote_in_summary(page: Any, check: Check) -> None:
    page.get_by_role("link", name="Edit the text").click()
    page.get_by_role("heading", name="What the reporters wrote").wait_for()
    assert page.locator("details.narrative").first.get_attribute("open") is not None
    check(page)
    page.get_by_label("In your words (optional)").fill(SUMMARY)
    page.get_by_role("button", name="Save the draft").click()
    told(page, "The draft is saved.")


def resolve_flags(page: Any, check: Check) -> None:
    """Keeps the venue with a reason; removes everything else that is flagged."""
    venue = flag_item(page, "A named venue or business")
    venue.get_by_label("Why it is safe to keep").fill(KEEP_REASON)
    venue.get_by_role("button", name="Keep it").click()
    told(page, "The detail is kept, with your reason.")
    check(page)
    for _ in range(10):
        remove = alert_details(page).get_by_role("button", name="Remove it")
        if remove.count() == 0:
            break
        remove.first.click()
        told(page, "The detail was taken out.")
        check(page)
    else:
        raise AssertionError("flags kept coming back")
    page.get_by_text("No unresolved identifying details.").wait_for()


def test_two_moderators_make_a_safe_alert_and_its_update_on_a_phone(
    page, phone, people, sign_in, checked, planted
) -> None:
    people("moderator", "moderator2", "member")
    planted(HER_PHONE)
    planted(HIS_PHONE)
    report = accepted_report(narrative=NARRATIVE)

    # a. Moderator 1 drafts from the report, quoting it, and sends it for approval.
    sign_in(page, "moderator", staff=True)
    alert = start_draft(page, report, checked)
    checked(page)
    read_narrative_beside(page)
    checked(page)
    quote_in_summary(page, checked)
    summary = alert_details(page).locator(".panel", has_text="In your words")
    assert "07*******23" in summary.inner_text()  # his phone: masked as it was saved
    assert HIS_PHONE not in page.content()
    flags = summary.locator("mark.flag").all_inner_texts()
    assert "Jade" in flags
    assert "07*******23" not in " ".join(flags)
    assert flag_item(page, "Jade").get_by_text("A name: the reporter's").count() == 1
    checked(page)
    resolve_flags(page, checked)
    words = summary.inner_text()
    assert "Jade" not in words and "Church" not in words and "11:45" not in words
    assert "[…]" in words and "Pink Lady sauna" in words
    (kept_text,) = summary.locator("mark.flag.kept").all_inner_texts()
    assert "Pink Lady sauna" in kept_text
    (kept,) = FlagDecision.objects.filter(alert=alert)
    assert (kept.kind, kept.reason, kept.decided_by.username) == ("venue", KEEP_REASON, "moderator")

    page.get_by_role("button", name="Send for approval").click()
    told(page, "Sent for approval")
    checked(page)
    page.get_by_role("button", name="Approve and send").click()
    told(page, "A second moderator must approve")
    checked(page)
    assert Alert.objects.get().status == Alert.Status.AWAITING

    # b. Moderator 2 reads the kept detail and its reason, approves and sends.
    second = phone()
    sign_in(second, "moderator2", staff=True)
    second.goto("/staff/alerts/?status=awaiting")
    checked(second)
    second.get_by_role("link", name="Robbery").first.click()
    approve = second.locator("section[aria-labelledby='approve-heading']")
    approve.get_by_role("heading", name="Details kept on purpose").wait_for()
    kept_item = approve.locator(".kept-list li")
    assert kept_item.count() == 1
    assert "A named venue or business" in kept_item.inner_text()
    assert KEEP_REASON in kept_item.inner_text()
    assert approve.get_by_text("1 member will receive it.").count() == 1
    checked(second)
    approve.get_by_role("button", name="Approve and send").click()
    told(second, "Approved and sent.")
    checked(second)
    alert.refresh_from_db()
    assert (alert.status, alert.approved_by.username) == ("published", "moderator2")

    # c. Moderator 1 proposes an update; it waits for moderator 2, not for her.
    member = phone()
    sign_in(member, "member")
    member.goto(f"/alerts/{alert.pk}/")
    member.get_by_role("heading", name="What happened").wait_for()
    checked(member)
    text = member.locator("main").inner_text()
    assert "Pink Lady sauna" in text and "07*******23" in text
    assert "Jade" not in text and "Church" not in text and HER_PHONE not in text

    page.goto(f"/staff/alerts/{alert.pk}/")
    checked(page)
    page.get_by_label("Update for everyone who got it").fill(UPDATE)
    page.get_by_role("button", name="Ask for approval of the update").click()
    told(page, "The update waits for another moderator to approve it.")
    checked(page)
    pending = page.get_by_role("region", name="Update waiting for approval")
    pending.get_by_role("button", name="Approve and send").click()
    told(page, "A second moderator must approve")
    checked(page)
    (update,) = AlertUpdate.objects.filter(alert=alert)
    assert update.sent_at is None

    member.reload()
    member.get_by_role("heading", name="What happened").wait_for()
    assert member.get_by_role("heading", name="Updates").count() == 0
    assert "arrested" not in member.locator("main").inner_text()
    checked(member)

    second.goto(f"/staff/alerts/{alert.pk}/")
    pending = second.get_by_role("region", name="Update waiting for approval")
    assert UPDATE in pending.get_by_label("Change the words").input_value()
    checked(second)
    pending.get_by_role("button", name="Approve and send").click()
    told(second, "Approved and sent to everyone who got the alert.")
    checked(second)
    update.refresh_from_db()
    assert update.sent_at is not None and update.approved_by.username == "moderator2"

    member.reload()
    member.get_by_role("heading", name="Updates").wait_for()
    assert UPDATE in member.locator("main").inner_text()
    checked(member)


def test_the_same_steps_work_as_plain_forms_without_javascript(phone, people, sign_in) -> None:
    people("moderator", "moderator2", "member")
    report = accepted_report(narrative=NARRATIVE)
    first = phone(javascript=False)
    sign_in(first, "moderator", staff=True)
    assert first.evaluate("typeof window.htmx") == "undefined"  # the page's scripts never ran

    alert = start_draft(first, report, fits_the_phone)
    read_narrative_beside(first)  # a <details> opens without a script
    fits_the_phone(first)
    quote_in_summary(first, fits_the_phone)
    assert "Jade" in alert_details(first).locator("mark.flag").all_inner_texts()
    assert "07*******23" in alert_details(first).inner_text()
    fits_the_phone(first)
    resolve_flags(first, fits_the_phone)
    first.get_by_role("button", name="Send for approval").click()
    told(first, "Sent for approval")
    fits_the_phone(first)

    second = phone(javascript=False)
    sign_in(second, "moderator2", staff=True)
    second.goto(f"/staff/alerts/{alert.pk}/")
    approve = second.locator("section[aria-labelledby='approve-heading']")
    assert KEEP_REASON in approve.locator(".kept-list li").inner_text()
    fits_the_phone(second)
    approve.get_by_role("button", name="Approve and send").click()
    told(second, "Approved and sent.")
    fits_the_phone(second)
    alert.refresh_from_db()
    assert (alert.status, alert.approved_by.username) == ("published", "moderator2")

    member = phone(javascript=False)
    sign_in(member, "member")
    member.goto(f"/alerts/{alert.pk}/")
    assert "Pink Lady sauna" in member.locator("main").inner_text()
    assert "Jade" not in member.locator("main").inner_text()
    fits_the_phone(member)
