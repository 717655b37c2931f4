"""Insights builds a tab's charts when it is opened: switching tabs draws them in the browser."""

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app


def test_opening_another_insights_tab_draws_its_chart(page, server):
    goto(page, server, "insights?data=demo")
    expect(page.get_by_role("heading", name="Insights")).to_be_visible()
    panel = page.get_by_role("tabpanel")
    expect(panel.locator(".vega-embed").first).to_be_visible(timeout=20_000)
    page.get_by_role("tab", name="Mood").click()
    wait_for_app(page)
    expect(page.get_by_role("tabpanel", name="Mood").locator(".vega-embed").first).to_be_visible(
        timeout=20_000
    )
    expect(page.get_by_role("tabpanel", name="Mood")).to_contain_text("check-in")
