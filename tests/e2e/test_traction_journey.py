"""Someone looks at where their search gets traction, then drills into one company."""

from tests.e2e.conftest import goto, wait_for_app


def _charts_drawn(page) -> int:
    """How many Vega charts are drawn and visible (charts in hidden tabs don't count)."""
    drawn = page.locator(".vega-embed").locator("canvas, svg.marks").locator("visible=true")
    drawn.first.wait_for()
    return drawn.count()


def test_the_charts_draw_and_a_company_can_be_picked_to_drill_down(page, server):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    goto(page, server, "traction?data=demo")
    assert page.get_by_role("heading", name="Traction").is_visible()
    assert _charts_drawn(page) >= 1

    page.get_by_role("combobox", name="See a company's applications").click()
    page.get_by_role("option", name="Acme Robotics", exact=True).click()
    wait_for_app(page)
    assert page.get_by_text("Acme Robotics · 3 applications").is_visible()
    page.get_by_test_id("stDataFrame").first.wait_for()

    page.get_by_role("tab", name="Funnel").click()
    wait_for_app(page)
    assert _charts_drawn(page) >= 2
    assert errors == []


def test_home_shows_the_headline_numbers(page, server):
    goto(page, server, "?data=demo")
    assert page.get_by_test_id("stMetric").first.is_visible()
    assert page.get_by_text("Traction is strongest").is_visible()
    page.get_by_role("link", name="See where your search gets traction").click()
    wait_for_app(page)
    assert _charts_drawn(page) >= 1
