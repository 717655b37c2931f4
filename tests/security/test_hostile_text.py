"""User text is always text: Markdown typed into (or imported as) a company, a role, a note or a name
never loads anything from elsewhere and never becomes a live link, on any page.

The demo data set goes into the user's database with a hostile tail on every free-text field; Chromium
opens every page (and each detail page of a few applications). An image in that text would fetch from
a listener on 127.0.0.2, which counts every hit; a link would show up as an <a href>.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.e2e.conftest import CHROMIUM_ARGS, _require_browser
from tests.security.conftest import ROOT, free_port, server_command, stop, wait_healthy

PAGES = ["", "applications", "add_application", "debrief", "rejection", "questions", "compose"]
PAGES += ["feedback", "network", "traction", "insights", "strategy", "data", "settings"]
DETAIL_PAGES = ["application", "debrief", "rejection", "compose"]
# Free text the person types or imports, table by table.
FREE_TEXT = {
    "companies": ["name", "target_reason", "notes"],
    "applications": ["role", "source", "location", "notes", "reapply_reason", "resume_version"],
    "stage_events": ["round_label", "note"],
    "contacts": ["name", "notes"],
    "interview_questions": ["question", "my_answer", "better_answer"],
    "feedback": ["text"],
    "follow_up_notes": ["recipient_name", "subject", "body"],
    "next_actions": ["title"],
    "mood_checkins": ["words"],
}


class Listener:
    """An HTTP server on 127.0.0.2 that counts every request a page makes to it."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.2", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def seed(url: str, payload: str) -> list[int]:
    """The demo data in the user's database, every free-text field ending in `payload`."""
    script = (
        "import sys; from lib.core import db; from lib.data import demo; "
        "demo.build(db.open_database(sys.argv[1]), n_applications=16)"
    )
    subprocess.run([sys.executable, "-c", script, url], cwd=ROOT, check=True, timeout=120)
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        for table, columns in FREE_TEXT.items():
            for column in columns:
                conn.execute(f"UPDATE {table} SET {column} = coalesce({column}, '') || ?", (payload,))  # noqa: S608
        return [row[0] for row in conn.execute("SELECT id FROM applications ORDER BY id LIMIT 3")]


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Listener, list[int]]]:
    browser_path = _require_browser()
    listener = Listener()
    payload = (
        f" ![](http://127.0.0.2:{listener.port}/img) [t](javascript:alert(1))"
        f" [go](http://127.0.0.2:{listener.port}/link) <img src=http://127.0.0.2:{listener.port}/html>"
    )
    data = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{data / 'rebound.db'}"
    app_ids = seed(url, payload)
    port, log = free_port(), data / "server.log"
    env = dict(
        os.environ, REBOUND_DATABASE_URL=url, REBOUND_DEMO_DATABASE_URL=f"sqlite:///{data / 'demo.db'}"
    )
    with open(log, "w") as out:
        process = subprocess.Popen(
            server_command(port), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process, log)
            yield f"http://127.0.0.1:{port}", listener, app_ids, browser_path
        finally:
            stop(process)
            listener.server.shutdown()


def _settle(page) -> None:
    page.wait_for_timeout(150)  # a click that reruns the page starts it within this
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")


def _live_links(page) -> int:
    return page.locator("a[href^='javascript:' i], a[href*='127.0.0.2'], img[src*='127.0.0.2']").count()


def _each_tab_and_drawer(page) -> Iterator[int]:
    """Open each tab in turn, and in it each drawer (expander): pages draw only what is open, so
    the text inside is drawn only then. Yields the live links found in each."""
    _settle(page)
    yield _live_links(page)
    tabs = page.get_by_role("main").get_by_role("tab")
    for index in range(max(tabs.count(), 1)):
        if index:
            tabs.nth(index).click()
            _settle(page)
        for summary in page.locator("[data-testid='stExpander'] summary").all()[:20]:
            if summary.is_visible():
                summary.click()
                _settle(page)
        yield _live_links(page)


def test_no_page_fetches_from_elsewhere_or_shows_a_live_link_from_user_text(hostile_app):
    from playwright.sync_api import sync_playwright

    base, listener, app_ids, browser_path = hostile_app
    urls = [f"{base}/{path}" for path in PAGES]
    urls += [f"{base}/{path}?id={app_id}" for path in DETAIL_PAGES for app_id in app_ids]
    elsewhere: list[str] = []
    live_links: dict[str, int] = {}
    fetched_from: dict[str, int] = {}  # the pages whose drawing reached the other address
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.on(
            "request",
            lambda request: (
                None if request.url.startswith((base, "data:", "blob:")) else elsewhere.append(request.url)
            ),
        )
        page = context.new_page()
        page.set_default_timeout(90_000)  # a busy machine; a page settles in seconds
        for url in urls:
            before = len(listener.hits)
            page.goto(url)
            links = sum(_each_tab_and_drawer(page))
            if links:
                live_links[url] = links
            page.wait_for_timeout(300)
            if len(listener.hits) > before:
                fetched_from[url] = len(listener.hits) - before
        browser.close()
    assert fetched_from == {}
    assert listener.hits == []
    assert elsewhere == []
    assert live_links == {}
