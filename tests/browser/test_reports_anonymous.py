"""An anonymous person reports on a phone, keeps the receipt, comes back and talks with staff;
a dropped connection mid-form loses nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from redbrolly.reports import services
from redbrolly.reports.models import Attachment, Report

pytestmark = pytest.mark.django_db(transaction=True)

NARRATIVE = "He refused to pay and pushed me down the stairs, his car was a grey Focus"


@pytest.fixture(autouse=True)
def quick_people(settings: Any) -> None:
    """Tests fill the form faster than a person; the anti-bot minimum is for bots."""
    settings.REDBROLLY_INTAKE_LIMITS = {"form_min_seconds": 0}
    from redbrolly.lib import ratelimit

    ratelimit.reset_all()


def fill_what(page: Any, axe: Any) -> None:
    page.goto("/report/")
    assert axe(page) == []
    page.get_by_label("Physical assault").check()
    page.get_by_label("Non-payment or fraud").check()
    page.get_by_label("Around this day").check()
    page.get_by_label("Date (or your best guess)").fill("2026-02-03")
    page.get_by_label("Where did it happen?").select_option("greater-manchester")
    page.get_by_label("Town or area (optional)").fill("Salford")
    page.get_by_label("Street", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/report/story/")


def fill_rest(page: Any, axe: Any, *, choices: Any = None) -> None:
    assert axe(page) == []
    page.get_by_label("What happened?", exact=True).fill(NARRATIVE)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/report/people/")
    assert axe(page) == []
    page.get_by_label("Phone numbers (optional)").fill("07700 900417")
    page.get_by_label("Number plate (optional)").fill("MA19 ?XK")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/report/evidence/")
    assert axe(page) == []
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/report/choices/")
    assert axe(page) == []
    page.get_by_label("Warn other members with an anonymous alert").check()
    if choices:
        choices(page)
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/report/review/")
    assert axe(page) == []
    assert NARRATIVE in page.content()
    page.get_by_role("button", name="Send my report").click()
    page.get_by_role("heading", name="Thank you. Your report is sent.").wait_for()
    assert axe(page) == []


def photo() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (40, 30), (10, 120, 10))
    exif = image.getexif()
    exif.get_ifd(0x8825)[2] = (53.0, 28.0, 55.0)
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_an_anonymous_person_reports_on_a_phone_and_follows_up_with_the_receipt(
    page, axe, people, planted
) -> None:
    planted(NARRATIVE)
    fill_what(page, axe)
    page.get_by_label("What happened?", exact=True).fill(NARRATIVE)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()  # people: nothing known
    page.wait_for_url("**/report/evidence/")
    page.get_by_label("Add a photo, screenshot or PDF").set_input_files(
        files=[{"name": "IMG_1.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    page.get_by_role("button", name="Add this file").click()
    page.get_by_text("File added").wait_for()
    assert axe(page) == []
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Record it only (help the statistics)").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Send my report").click()
    receipt = page.locator("#receipt-code").inner_text().replace(" ", "")
    assert len(receipt) == 16 and receipt.isdigit()
    assert axe(page) == []
    report = Report.objects.get()
    assert Attachment.objects.get(report=report).kind == "image"

    services.message_from_staff(
        author=people("moderator"), report=report, body="Thank you. Did he give a name?"
    )
    page.goto("/report/follow-up/")
    assert axe(page) == []
    page.get_by_label("Your receipt code").fill(
        " ".join(receipt[i : i + 4] for i in range(0, 16, 4))
    )
    page.get_by_role("button", name="Open my report").click()
    page.get_by_text("Did he give a name?").wait_for()
    assert axe(page) == []
    page.get_by_label("Your message").fill("He said Steve")
    page.get_by_role("button", name="Send message").click()
    page.get_by_text("Your message was sent.").wait_for()
    assert "He said Steve" in page.content()
    assert report.messages.filter(from_staff=False).get().body == "He said Steve"


def test_the_receipt_can_be_saved_as_a_neutral_note(page, axe, planted) -> None:
    planted(NARRATIVE)
    fill_what(page, axe)
    fill_rest(page, axe)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save it as a note").click()
    assert download.value.suggested_filename == "notes.txt"


def test_a_dropped_connection_mid_form_loses_nothing(page, axe, planted) -> None:
    typed = planted("He waited outside in a grey car for an hour, then followed me home")
    fill_what(page, axe)
    page.get_by_label("What happened?", exact=True).fill(typed)
    page.locator("#autosave-status").get_by_text("Saved").wait_for()
    page.context.set_offline(True)
    with pytest.raises(Exception):
        page.goto("/report/people/", timeout=3000)
    page.context.set_offline(False)
    page.goto("/report/")
    page.wait_for_url("**/report/story/")
    assert page.get_by_label("What happened?", exact=True).input_value() == typed
