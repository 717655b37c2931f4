"""A bookmarked page opened on a freshly started app still gets the whole app around it."""

from tests.e2e.conftest import goto


def test_the_first_visit_to_a_deep_link_shows_the_apps_navigation(page, server):
    goto(page, server, "applications")
    assert page.get_by_role("heading", name="Applications").is_visible()
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_by_text("My data").is_visible()  # drawn by app.py, not by the page
    assert sidebar.get_by_text("Your search").is_visible()
