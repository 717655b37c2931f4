"""Back from the demo in one click, from the banner on the page, and the sidebar's switch agrees."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app


def test_the_banner_takes_you_back_to_your_own_data_and_it_stays(page, server):
    goto(page, server, "traction?data=demo")
    banner = page.get_by_text("You are looking at demo data")
    expect(banner).to_be_visible()
    page.get_by_role("button", name="My data").click()
    wait_for_app(page)
    expect(banner).to_have_count(0)
    expect(page.get_by_role("radio", name="My data")).to_be_checked()
    page.get_by_role("link", name="Applications").first.click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Applications").first).to_be_visible()
    expect(page.get_by_text("You are looking at demo data")).to_have_count(0)


def test_the_demo_stays_in_the_address_from_page_to_page_so_a_reload_keeps_it(page, server):
    goto(page, server, "traction?data=demo")
    page.get_by_role("link", name="Network").first.click()
    wait_for_app(page)
    expect(page.get_by_text("You are looking at demo data")).to_be_visible()
    assert "data=demo" in page.url
    page.reload()
    wait_for_app(page)
    expect(page.get_by_text("You are looking at demo data")).to_be_visible()
