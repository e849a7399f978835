"""Headless Chromium (Debian's, not a Playwright download) against the live server.

Playwright's sync API runs an event loop in this thread, which makes Django refuse
ORM calls from fixtures as "async-unsafe"; nothing here is actually concurrent, so
the check is switched off while the browser runs (only when browser tests run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run .ci/browser-deps.sh "
            "(apt-get install chromium chromium-driver fonts-noto-cjk)",
            pytrace=False,
        )
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                args=["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
            )
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1440, "height": 900},
        locale="zh-CN",
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def submit_login(page, username: str, password: str) -> None:
    """Fill the login form the page shows and wait for the home page."""
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def log_in(page, username: str = "planner", password: str = "pw-planner-1") -> None:
    """Log in afresh as `username` (by default the planner the worlds create)."""
    page.context.clear_cookies()
    page.goto("/login/")
    submit_login(page, username, password)
