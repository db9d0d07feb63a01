"""'Exit this page' leaves at once for a neutral site and takes our page out of history."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def assert_left_without_a_trace(page, live_server) -> None:
    page.wait_for_url("https://www.bbc.co.uk/weather")
    assert page.title() == "Weather"
    page.go_back()
    assert not page.url.startswith(live_server.url)


def test_the_button_leaves_and_replaces_the_history_entry(page, live_server) -> None:
    page.goto("about:blank")
    page.goto("/get-help/")
    page.get_by_role("link", name="Exit this page").click()
    assert_left_without_a_trace(page, live_server)


def test_pressing_shift_three_times_leaves(page, live_server) -> None:
    page.goto("about:blank")
    page.goto("/privacy/")
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_without_a_trace(page, live_server)


def test_the_button_works_without_javascript(browser, live_server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title>"
        ),
    )
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    context.close()
