"""Browser tests: Debian's Chromium driven by Playwright, axe-core for accessibility.

They skip with a clear message when Chromium or Playwright is missing (`make test` on a
bare machine); `.ci/run` installs both, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("REDBROLLY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in this thread; Django's ORM in the same
# thread is still synchronous code, so tell Django the loop is not ours to worry about.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    reason = missing_browser()
    if reason and os.environ.get("REDBROLLY_REQUIRE_BROWSER"):
        # CI sets this: a browser test skipped there would hide a missing install step.
        raise pytest.UsageError(reason)
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def missing_browser() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need Playwright (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A phone-sized page on the live server; anything not on the live server is refused."""
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.route("**/*", lambda route: keep_local(route, live_server.url))
    opened = context.new_page()
    # Every request that would leave the machine, for tests asserting there are none.
    opened.third_party = []
    opened.on("request", lambda request: note_third_party(opened, request, live_server.url))
    # Generous: two test workers, two browsers and two live servers share two cores in CI.
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def note_third_party(page: Any, request: Any, base: str) -> None:
    url = request.url
    if not (url.startswith(base) or url.startswith(("data:", "about:", "blob:"))):
        page.third_party.append(url)


def keep_local(route: Any, base: str) -> None:
    url = route.request.url
    if url.startswith(base) or url.startswith("data:") or url == "about:blank":
        route.continue_()
    else:
        # The exit page's neutral site, or anything third-party: never leaves the machine.
        route.fulfill(
            status=200,
            content_type="text/html",
            body="<html><head><title>Weather</title></head><body>Weather</body></html>",
        )


AXE_SOURCE = None


def axe_source() -> str:
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_playwright_python

        AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    return AXE_SOURCE


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now (WCAG 2.2 AA).

    After a click the page may still be arriving (its stylesheet not yet applied, so links
    are their unstyled size): wait for the load event first, or axe judges a half-drawn page.
    """
    page.wait_for_load_state("load")
    page.evaluate(axe_source())
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def axe() -> Callable[[Any], list[str]]:
    return serious_violations


@pytest.fixture
def sign_in() -> Callable[..., None]:
    """Signs in through the real forms, with the TOTP step for staff."""
    from redbrolly.lib.testing import TEST_PASSWORD, totp_now

    def do(page: Any, username: str, *, password: str = TEST_PASSWORD, staff: bool = False) -> None:
        page.goto("/accounts/login/")
        page.get_by_label("Working name").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        if staff:
            enter_code(page, totp_now)

    return do


def enter_code(page: Any, totp_now: Callable[[], str]) -> None:
    """The code step, waiting until it has passed. A code typed as its 30-second window ends
    (or one already used in that window) is refused: then wait for the next window, once."""
    import time

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(2):
        if attempt:
            time.sleep(30 - time.time() % 30 + 0.5)
        page.get_by_label("Code").fill(totp_now())
        page.get_by_role("button", name="Sign In").click()
        try:
            page.wait_for_url(lambda url: "/2fa/authenticate" not in url, timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError("the staff sign-in did not get past the code step")


# --- phones: every journey is walked at 390x844, with and without JavaScript ----------------

SHOTS_ENV = "REDBROLLY_SCREENSHOTS"


def fits_the_phone(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def shoot(page: Any, name: str) -> None:
    """A screenshot for docs/screenshots/ when REDBROLLY_SCREENSHOTS names a folder
    (scripts/screenshots.sh); nothing otherwise."""
    folder = os.environ.get(SHOTS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


Check = Callable[[Any], None]


@pytest.fixture
def checked(axe: Callable[[Any], list[str]]) -> Check:
    """Every page visited: axe-clean, and no wider than the phone's screen."""

    def check(page: Any) -> None:
        assert axe(page) == [], page.url
        fits_the_phone(page)

    return check


@pytest.fixture
def phone(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """phone() -> a new phone-sized page of its own (its own cookies: a second person);
    phone(javascript=False) -> the same with JavaScript off."""
    contexts: list[Any] = []

    def open_page(*, javascript: bool = True) -> Any:
        context = browser.new_context(
            viewport=PHONE, base_url=live_server.url, java_script_enabled=javascript
        )
        context.route("**/*", lambda route: keep_local(route, live_server.url))
        contexts.append(context)
        opened = context.new_page()
        opened.set_default_timeout(30_000)
        return opened

    yield open_page
    for context in contexts:
        context.close()
