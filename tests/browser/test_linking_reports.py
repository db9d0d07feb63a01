"""A moderator confirms that two reports are the same man and reads his profile."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.reports.models import Report
from redbrolly.reports.parsing import parse_report
from redbrolly.reports.services import report_submit, taxonomy_current

pytestmark = pytest.mark.django_db(transaction=True)


def a_report(planted: Any, phone: str, region: str, consent: str = "alert") -> Report:
    payload = {
        "incident_types": ["robbery"],
        "occurred_on": "2026-02-01",
        "region": region,
        "narrative": planted("He took my phone and cash at knifepoint near the station"),
        "perpetrators": [{"phones": [phone], "description": "grey hoodie, Leeds accent"}],
        "consent": {"level": consent},
    }
    return report_submit(data=parse_report(payload, taxonomy_current()), source="anonymous").report


def test_a_moderator_links_two_reports_and_reads_the_profile(
    page, axe, people, sign_in, planted
) -> None:
    first = a_report(planted, "07700 900233", "metropolitan", consent="police_anonymous")
    second = a_report(planted, "+44 7700 900233", "west-yorkshire")
    people("moderator")
    sign_in(page, "moderator", staff=True)
    page.goto("/staff/")
    page.get_by_role("link", name="Same person? Suggested links and perpetrator profiles").click()
    group = page.get_by_role("region", name="2 could be the same person: same Phone")
    assert group.get_by_role("checkbox", name=f"Same person: {first.reference}").is_checked()
    assert group.get_by_role("checkbox", name=f"Same person: {second.reference}").is_checked()
    assert axe(page) == []
    group.get_by_label("Why? (optional, for the team)").fill("Same number, same hoodie")
    group.get_by_role("button", name="The ticked ones are the same person").click()
    page.get_by_text("Linked: they are now one profile.").wait_for()
    page.get_by_role("link", name="Perpetrator profiles").click()
    page.get_by_role("link", name=f"Profile from {first.reference}").click()
    page.get_by_text("2 reports, Feb. 1, 2026 to Feb. 1, 2026.").wait_for()
    assert "London (Metropolitan), West Yorkshire" in page.content()
    assert "1 of these 2 reports may be shared with the police" in page.content()
    assert axe(page) == []


def described(planted: Any, phone: str, day: str) -> Report:
    man = {
        "names": ["Kieran"],
        "phones": [phone],
        "description": "bald, scar on his chin, Irish accent",
        "vehicle": {"make": "Skoda", "model": "Octavia", "colour": "red"},
    }
    payload = {
        "incident_types": ["non_payment"],
        "occurred_on": day,
        "region": "merseyside",
        "narrative": planted("He left without paying and laughed about it from the car"),
        "perpetrators": [man],
        "consent": {"level": "alert"},
    }
    return report_submit(data=parse_report(payload, taxonomy_current()), source="anonymous").report


def test_a_moderator_links_a_man_who_changed_his_number(
    page, axe, people, sign_in, planted
) -> None:
    first = described(planted, "07700 900241", "2026-03-02")
    second = described(planted, "07700 900258", "2026-04-11")
    people("moderator")
    sign_in(page, "moderator", staff=True)
    page.goto("/staff/linkage/")
    page.get_by_role("link", name="Described alike").click()
    pair = page.get_by_role(
        "region",
        name=f"{first.reference} and {second.reference}: alike in name, car, car colour, "
        "looks, region",
    )
    assert pair.get_by_text("Kieran").count() == 2
    assert axe(page) == []
    pair.get_by_label("Why? (optional, for the team)").fill("Same red Octavia, same scar")
    pair.get_by_role("button", name="Same person", exact=True).click()
    page.get_by_text("Linked: both reports are now in one profile.").wait_for()
    assert "No reports without shared details are described alike." in page.content()
    page.get_by_role("link", name="Perpetrator profiles").click()
    page.get_by_role("link", name=f"Profile from {first.reference}").click()
    page.get_by_text("2 reports").first.wait_for()
