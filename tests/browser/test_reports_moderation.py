"""A moderator triages a report, grades it and accepts it; staff take a report by phone."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.reports.models import Report
from redbrolly.reports.parsing import parse_report
from redbrolly.reports.services import report_submit, taxonomy_current

pytestmark = pytest.mark.django_db(transaction=True)


def a_report(planted: Any) -> Report:
    payload = {
        "incident_types": ["robbery"],
        "occurred_on": "2026-02-01",
        "region": "metropolitan",
        "narrative": planted("He took my phone and cash at knifepoint near the station"),
        "perpetrators": [{"phones": ["07700 900233"]}],
        "consent": {"level": "alert"},
    }
    return report_submit(data=parse_report(payload, taxonomy_current()), source="anonymous").report


def test_a_moderator_triages_and_accepts_a_report(page, axe, people, sign_in, planted) -> None:
    older = a_report(planted)
    report = a_report(planted)
    people("moderator")
    sign_in(page, "moderator", staff=True)
    page.goto("/staff/reports/")
    assert axe(page) == []
    page.get_by_role("link", name=report.reference).click()
    page.get_by_text("at knifepoint").wait_for()
    # The same phone number was reported before: the older report is one click away.
    same = page.get_by_role("table").filter(has_text="Same")
    assert same.get_by_role("row").filter(has_text=older.reference).inner_text().endswith("Phone")
    assert axe(page) == []
    page.get_by_role("button", name="Work on this report").click()
    page.get_by_text("This report is yours for the next 15 minutes.").wait_for()
    page.get_by_label("Move to").select_option("triage")
    page.get_by_label("Why? (internal note, optional)").fill(
        "Checking the phone against older reports"
    )
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("Status changed.").wait_for()
    page.locator("form[action$='/do/accept/']").get_by_label("Severity").select_option("high")
    page.get_by_role("button", name="Accept this report").click()
    page.get_by_text("Report accepted.").wait_for()
    assert axe(page) == []
    report.refresh_from_db()
    assert report.status == "accepted" and report.severity == "high" and report.is_reviewed
    assert "Checking the phone against older reports" in page.content()


def test_staff_take_a_report_by_phone(page, axe, people, sign_in, planted, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"form_min_seconds": 0}
    people("caseworker")
    sign_in(page, "caseworker", staff=True)
    page.goto("/staff/reports/phone/")
    assert axe(page) == []
    page.get_by_role("button", name="Start a new phone report").click()
    page.get_by_label("Threats").check()
    page.get_by_label("Date (or your best guess)").fill("2026-02-03")
    page.get_by_label("Where did it happen?").select_option("merseyside")
    page.get_by_label("Outcall (their place or a hotel)").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("What happened?", exact=True).fill(
        planted("Caller says he threatened her with a bottle")
    )
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Record it only (help the statistics)").check()
    page.get_by_label("Who is calling?").fill("Caller, wants to be called Kim")
    page.get_by_label("The caller agreed to this report and its consent level").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Send my report").click()
    page.get_by_text("Read this receipt code to the caller").wait_for()
    assert Report.objects.get().source == "staff_phone"
