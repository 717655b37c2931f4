"""Playwright in system Chromium against `streamlit run app.py` on a free port.

Each test module gets its own server and databases. Without Chromium the tests skip with the
reason shown, except in CI (CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

try:  # without playwright, the fixture below says how to install it
    from playwright.sync_api import expect

    # Playwright's own 5 s for `expect` is too short when two browsers and two servers share two
    # cores (the full suite): a popover once took longer to draw. A real failure still fails.
    expect.set_options(timeout=15_000)
except ImportError:
    pass

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("REBOUND_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _require_browser() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium not found (install the 'chromium' package) — e2e tests need a real browser"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("playwright is not installed: run `make test`, which installs requirements-dev.txt")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, base_url: str, db_url: str, demo_url: str):
        self.base_url, self.db_url, self.demo_url = base_url, db_url, demo_url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("e2e-data")
    port = _free_port()
    env = dict(os.environ)
    env["REBOUND_DATABASE_URL"] = f"sqlite:///{data / 'rebound.db'}"
    env["REBOUND_DEMO_DATABASE_URL"] = f"sqlite:///{data / 'demo.db'}"
    log = open(data / "server.log", "w")  # noqa: SIM115 - stays open for the server's lifetime
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"streamlit did not start: {(data / 'server.log').read_text()[-2000:]}")
    yield Server(base, env["REBOUND_DATABASE_URL"], env["REBOUND_DEMO_DATABASE_URL"])
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server: Server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def wait_for_app(page) -> None:
    """Wait until the script has finished running (Streamlit's own e2e idiom), twice: a run may
    end in a rerun (a page switch, st.rerun) that starts a moment later. Prefer Playwright's
    `expect(...)` for assertions: it waits for what a rerun draws."""
    ready = "[data-testid='stApp'][data-test-script-state='notRunning']"
    page.wait_for_selector(ready, timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(ready, timeout=30_000)


def hand_click(page, locator, hold_ms: int = 250) -> None:
    """A click as a hand makes it: the button pressed, held a moment, released. Playwright's own
    click is instant, so it misses what a rerun moves while the button is held down."""
    box = locator.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(hold_ms)
    page.mouse.up()


def goto(page, server: Server, path: str = "") -> None:
    page.goto(f"{server.base_url}/{path}")
    wait_for_app(page)


def add_application(page, company: str, role: str) -> None:
    """Add an application through the form, typing a new company into its picker."""
    page.get_by_role("link", name="Add application").first.click()
    wait_for_app(page)
    company_box = page.get_by_label("Company *")
    company_box.click()
    company_box.fill(company)
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_label("Role *").fill(role)
    page.get_by_role("button", name="Add application").click()
    wait_for_app(page)


def debrief_new_application(page, server: Server, company: str) -> None:
    """A new application (company, "Analyst") added through the form, then its debrief opened."""
    goto(page, server)
    add_application(page, company, "Analyst")
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    page.get_by_role("main").get_by_role("link", name="Debrief an interview").click()
    wait_for_app(page)
