"""A member checks a client's number in Chromium: warning with the alert link, or no reports."""

from __future__ import annotations

import pytest

from redbrolly.checker.selectors import forget_rules
from redbrolly.checker.tests.factories import report_about
from redbrolly.lib import ratelimit

pytestmark = pytest.mark.django_db(transaction=True)

# An Ofcom drama number like those of the demo reports.
REPORTED = "07700 900461"
NEVER_REPORTED = "07700 900999"
FIELD = "Phone number, email, handle or number plate"


@pytest.fixture(autouse=True)
def fresh_checker_state() -> None:
    ratelimit.reset_all()
    forget_rules()


def check(page, typed: str) -> None:
    page.goto("/check/")
    page.get_by_label(FIELD).fill(typed)
    page.get_by_role("button", name="Check", exact=True).click()


def published_alert_about(report, people) -> object:
    from redbrolly.alerts import services

    moderator, second = people("moderator", "moderator2")
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[report])
    services.alert_submit(moderator=moderator, alert=alert)
    services.alert_approve(moderator=second, alert=alert)
    return alert


def test_a_reported_number_shows_warning_and_a_new_one_shows_no_reports(
    page, people, sign_in, axe, planted
) -> None:
    people("member")
    report_about(planted("+447700900461"), reviewed=True, violent=True, severity="high")
    sign_in(page, "member")
    check(page, "+44 7700 900461")
    answer = page.get_by_role("status").filter(has_text="You checked")
    assert answer.get_by_role("heading", name="Warning").is_visible()
    assert answer.locator("img.answer-icon").get_attribute("src").endswith("warning.svg")
    assert "Reports" in answer.inner_text() and "High" in answer.inner_text()
    assert axe(page) == []
    check(page, NEVER_REPORTED)
    assert page.get_by_role("heading", name="No reports").is_visible()
    assert axe(page) == []
    assert page.third_party == []


def test_the_warning_links_to_the_alert_the_member_may_see(page, people, sign_in, axe) -> None:
    people("member")
    report = report_about(REPORTED, reviewed=True, violent=True, severity="high")
    alert = published_alert_about(report, people)
    sign_in(page, "member")
    check(page, REPORTED)
    assert page.get_by_role("heading", name="Warning").is_visible()
    page.get_by_role("link", name=alert.text_in("en")["title"]).click()
    assert page.url.endswith(f"/alerts/{alert.pk}/")
    assert axe(page) == []


def test_report_it_from_the_answer(page, people, sign_in) -> None:
    people("member")
    sign_in(page, "member")
    check(page, NEVER_REPORTED)
    page.get_by_role("button", name="Report it").click()
    assert page.url.endswith("/report/")
    assert "900999" not in page.url


def test_a_bulk_check_of_a_call_log(page, people, sign_in, axe) -> None:
    people("member")
    report_about(REPORTED, reviewed=True, violent=True)
    sign_in(page, "member")
    page.goto("/check/bulk/")
    page.get_by_label("Numbers to check, one a line").fill(f"{REPORTED}\n{NEVER_REPORTED}\nnope!")
    page.get_by_role("button", name="Check them all").click()
    assert page.get_by_text("1 warning, 0 take care, 1 with no reports.").is_visible()
    assert axe(page) == []


def test_staff_checker_pages_are_accessible(page, people, sign_in, axe) -> None:
    people("analyst")
    report_about("KX61 MZT", reviewed=True)
    sign_in(page, "analyst", staff=True)
    for path in ("/staff/checker/stats/", "/staff/checker/flags/", "/staff/checker/search/"):
        page.goto(path)
        assert axe(page) == [], path
    page.get_by_label("Part of a number plate (use ? for an unknown character)").check()
    page.get_by_label("Search for").fill("KX61")
    page.get_by_label("Why are you searching?").fill("Checking the demo")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="0 matches").is_visible()  # not yet indexed
    assert axe(page) == []


def test_the_checker_settings_page_is_accessible(page, people, sign_in, axe) -> None:
    people("admin")
    sign_in(page, "admin", staff=True)
    page.goto("/staff/checker/policy/")
    assert axe(page) == []


def test_the_answers_read_well_on_a_dark_screen(page, people, sign_in, axe) -> None:
    member = people("member")
    member.member_profile.dark_screen = True
    member.member_profile.save()
    report_about(REPORTED, reviewed=True, violent=True)
    report_about("07700 900462")
    sign_in(page, "member")
    for typed in (REPORTED, "07700 900462", NEVER_REPORTED):
        check(page, typed)
        assert axe(page) == [], typed
