"""Every page usable by everyone: axe-core finds no critical or serious violation on any page,
with no data and with the demo data."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import goto

READY = "[data-testid='stApp'][data-test-script-state='notRunning']"

# Every page in app.py's navigation (url path, with an id where the page shows one item).
PAGES = [
    "",
    "applications",
    "add_application",
    "application?id=1",
    "debrief",
    "rejection",
    "rejection?reflection=1",  # looking back on a recorded rejection (needs the demo's)
    "questions",
    "practice",
    "writing",
    "compose",
    "feedback",
    "network",
    "traction",
    "insights",
    "strategy",
    "report",
    "data",
    "settings",
]
SERIOUS = {"critical", "serious"}


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("data", ["empty", "demo"])
def test_no_page_has_a_critical_or_serious_axe_violation(page, server, data):
    found = {}
    if data == "demo":  # the demo database is built on its first visit: give that time
        page.goto(f"{server.base_url}/?data=demo")
        expect(page.get_by_text("demo data").first).to_be_visible(timeout=180_000)
        page.wait_for_selector(READY, timeout=180_000)
    for path in PAGES:
        query = ("&" if "?" in path else "?") + "data=demo" if data == "demo" else ""
        goto(page, server, path + query)
        expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Home")).to_be_visible(
            timeout=60_000
        )
        expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)  # all drawn
        page.wait_for_timeout(500)  # charts draw after the script finishes
        violations = _violations(page)
        if violations:
            found[path or "home"] = violations
    assert not found, "\n".join(f"{p}: {v}" for p, vs in found.items() for v in vs)


def test_the_shared_report_has_no_critical_or_serious_axe_violation(page, server):
    """The report file a person sends a coach is read on its own, outside the app: it too."""
    from lib.core import db
    from lib.data import demo
    from lib.learn.report import ReportOptions, make

    engine = db.open_database(server.db_url.replace("rebound.db", "report-demo.db"))
    demo.build(engine)
    page.set_content(make(engine, ReportOptions()).html)
    assert page.locator("svg[role=img]").count() >= 6
    assert not _violations(page)


def test_a_saves_toast_is_named_by_its_words(page, server):
    # Streamlit's toast is an alertdialog named by a title it never draws (axe: aria-dialog-name)
    goto(page, server, "strategy?strategy_tab=Plan+the+week")
    page.get_by_role("button", name="Save my plan").click()
    toast = page.get_by_test_id("stToast").first
    expect(toast).to_be_visible()
    expect(toast).to_have_attribute("aria-label", re.compile(r"^Your plan for the week of .* is saved\.$"))
    assert not [v for v in _violations(page) if v.startswith("aria-dialog-name")]


FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
    return [document.activeElement.innerText.trim(), s.outlineStyle, parseFloat(s.outlineWidth)]; }"""


def test_a_link_with_the_keyboards_focus_shows_a_ring(page, server):
    """It showed only a faint grey, the same as the page you are on."""
    goto(page, server)
    link = page.get_by_test_id("stSidebar").get_by_role("link", name="Applications")
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focused from the keyboard: :focus-visible
    # the page's style arrives with its run's elements: give a late one a moment before judging
    try:
        page.wait_for_function(
            f"() => {{ const [t, s, w] = ({FOCUS_RING})(); return s !== 'none' && w >= 2; }}",
            timeout=5_000,
        )
    except Exception:  # noqa: BLE001 — the assertion below says what was seen
        pass
    text, style, width = page.evaluate(FOCUS_RING)
    assert text.endswith("Applications") and style != "none" and width >= 2


def test_tab_goes_from_field_to_field_not_through_heading_links(page, server):
    """Strategy's headings each held a "Link to heading" that Tab stopped on (7 of them), between
    the fields a person fills in."""
    goto(page, server, "strategy")
    expect(page.get_by_role("heading", name="Strategy review")).to_be_visible()
    page.get_by_test_id("stSkipToContent").focus()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''"))
    assert "Link to heading" not in reached
