"""A member reports from their account; a practitioner reports for someone who agreed."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.reports.models import Report
from tests.browser.test_reports_anonymous import NARRATIVE, fill_rest, fill_what

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick_people(settings: Any) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"form_min_seconds": 0}
    from redbrolly.lib import ratelimit

    ratelimit.reset_all()


def test_a_member_reports_and_finds_it_in_my_reports(page, axe, people, sign_in, planted) -> None:
    planted(NARRATIVE)
    member = people("member")
    sign_in(page, "member")
    fill_what(page, axe)
    fill_rest(page, axe)
    report = Report.objects.get()
    assert report.reporter == member and report.source == "member" and not report.receipt_hash
    page.get_by_role("link", name="See my report").click()
    page.get_by_role("heading", name="Your report", exact=True).wait_for()
    assert axe(page) == []
    page.goto("/me/reports/")
    assert report.reference in page.content()
    assert axe(page) == []


def test_a_practitioner_reports_for_someone(page, axe, people, sign_in, planted) -> None:
    planted(NARRATIVE)
    people("practitioner")
    sign_in(page, "practitioner")
    fill_what(page, axe)

    def for_someone(page: Any) -> None:
        page.get_by_label("I am reporting for someone else").check()
        page.get_by_label("Who are you reporting for?").fill("R., from the Tuesday drop-in")
        page.get_by_label("They agreed to this report and to what we may do with it").check()

    fill_rest(page, axe, choices=for_someone)
    report = Report.objects.get()
    assert report.source == "practitioner" and report.on_behalf_of_someone and report.behalf_consent
