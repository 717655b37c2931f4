"""A bookmarked page opened on a freshly started app still gets the whole app around it."""

from playwright.sync_api import expect

from tests.e2e.conftest import goto


def test_the_first_visit_to_a_deep_link_shows_the_apps_navigation(page, server):
    goto(page, server, "applications")
    expect(page.get_by_role("heading", name="Applications")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("My data")).to_be_visible()  # drawn by app.py, not by the page
    expect(sidebar.get_by_text("Your search")).to_be_visible()
