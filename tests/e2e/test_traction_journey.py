"""Someone looks at where their search gets traction, then drills into one company."""

from playwright.sync_api import expect

from tests.e2e.conftest import goto, wait_for_app


def expect_charts(page, at_least: int) -> None:
    """Wait until at least `at_least` Vega charts are drawn and visible (hidden tabs don't count)."""
    drawn = page.locator(".vega-embed").locator("canvas, svg.marks").locator("visible=true")
    expect(drawn.nth(at_least - 1)).to_be_visible()


def test_the_charts_draw_and_a_company_can_be_picked_to_drill_down(page, server):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    goto(page, server, "traction?data=demo")
    expect(page.get_by_role("heading", name="Traction")).to_be_visible()
    expect_charts(page, 1)

    page.get_by_role("combobox", name="See a company's applications").click()
    page.get_by_role("option", name="Acme Robotics", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Acme Robotics · 3 applications")).to_be_visible()
    # each application's stage history in view beside the chart (in a grid it was off to the right)
    history = page.get_by_text("Applied ", exact=False).filter(has_text="→").first
    expect(history).to_be_visible()
    box = history.bounding_box()
    assert box is not None and box["x"] + box["width"] <= page.viewport_size["width"]

    page.get_by_role("tab", name="Funnel").click()
    wait_for_app(page)
    expect_charts(page, 2)
    assert errors == []


def test_home_shows_the_headline_numbers(page, server):
    goto(page, server, "?data=demo")
    # The demo opens on the whole of Home: no pause still running hides it.
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.get_by_text("Show everything anyway")).to_have_count(0)
    expect(page.get_by_text("Traction is highest so far")).to_be_visible()
    page.get_by_role("link", name="See where your search gets traction").click()
    wait_for_app(page)
    expect_charts(page, 1)
