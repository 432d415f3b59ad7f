"""Shared set-up for browser tests: Debian's chromium, headless, driven by Playwright.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium (installed by
`make chromium`). Screenshots go to artifacts/ for people to look at.
Registered once for the whole suite by `pytest_plugins` in tests/conftest.py: Playwright allows one
sync driver per process, so the browser is one session fixture shared by every test module.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PASSWORD = "correct horse battery staple"

# Playwright's sync API runs an event loop; Django's async-safety check would otherwise refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (the Makefile's test target does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def sign_in(page, live_server, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button:has-text('Sign in')")
    page.wait_for_load_state("networkidle")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def signed_in_page(chromium_browser, live_server):
    """`signed_in_page(user)`: a new page, in its own browser context, signed in as `user`.

    Each user gets a separate context (cookies), so one test can walk a case between several people.
    """
    contexts = []

    def open_for(user, password: str = PASSWORD):
        context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        new_page = context.new_page()
        new_page.set_default_timeout(15000)
        sign_in(new_page, live_server, user.username, password)
        return new_page

    yield open_for
    for context in contexts:
        context.close()
