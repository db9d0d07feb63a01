"""The evaluation report and the statistics page in Chromium: accessible, self-contained."""

from __future__ import annotations

import random

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer imputations and replicates than the full analysis: the same page, sooner."""
    from redbrolly.insights import selectors

    monkeypatch.setattr(selectors, "PARAMETERS_OVERRIDE", {"m": 5, "n_boot": 1000})


def warm_the_report() -> None:
    """Run the analysis before the browser asks, so the page loads within the test's timeout."""
    from redbrolly.insights import demo, selectors
    from redbrolly.insights.report import chart_uris

    demo.seed(random.Random(0))
    chart_uris(selectors.report_for(selectors.study_source(None)))


def test_the_evaluation_report_is_accessible_and_fetches_nothing_elsewhere(
    page, people, sign_in, axe
) -> None:
    people("researcher")
    warm_the_report()
    sign_in(page, "researcher", staff=True)
    page.goto("/staff/evaluation/", timeout=60_000)
    assert page.get_by_role("heading", name="Cost-effectiveness", exact=True).is_visible()
    assert page.locator("figure img").count() == 4
    assert all(
        page.locator("figure img").nth(i).evaluate("img => img.naturalWidth > 0") for i in range(4)
    )
    assert axe(page) == []
    assert page.third_party == []


def test_a_bad_threshold_is_explained_next_to_the_field(page, people, sign_in, axe) -> None:
    people("researcher")
    warm_the_report()
    sign_in(page, "researcher", staff=True)
    page.goto("/staff/evaluation/", timeout=60_000)
    page.get_by_label("Another threshold (£ per QALY)").fill("twenty grand")
    page.get_by_role("button", name="Show this threshold").click()
    page.wait_for_load_state()
    assert page.get_by_text("Enter a whole number of pounds, such as 25000.").is_visible()
    assert page.get_by_label("Another threshold (£ per QALY)").input_value() == "twenty grand"
    assert axe(page) == []


def test_the_statistics_page_is_accessible(page, people, sign_in, axe) -> None:
    people("analyst")
    sign_in(page, "analyst", staff=True)
    page.goto("/staff/insights/")
    assert page.get_by_role("heading", name="Statistics", exact=True).is_visible()
    assert axe(page) == []
