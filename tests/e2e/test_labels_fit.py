"""At 1,280 px (a common laptop) and 1,400 px every button and filter label shows whole: none is
cut to "Mark …" or "Includ…"; nor is a chart's title, subtitle or legend ("by for…")."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn
from lib.follow_up import notes
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from tests.e2e.conftest import goto, wait_for_app

# Text cut with an ellipsis: wider than its box, outside the tables (whose cells may clip).
CUT_LABELS = """() => [...document.querySelectorAll('[data-testid=stMain] *')]
    .filter(e => e.offsetParent && getComputedStyle(e).textOverflow === 'ellipsis'
        && e.scrollWidth > e.clientWidth + 1 && !e.closest('[data-testid=stDataFrame]')
        && !e.closest('[data-baseweb=select]') && !e.closest('[data-testid=stTextInputRootElement]'))
    .map(e => e.innerText)"""


@pytest.fixture(scope="module")
def seeded(server):
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine,
        ApplicationIn(company="Gymshark", role="Associate Consumer Research Analyst", applied_on=today),
    )
    for i in range(24):
        app_store.add_application(
            engine, ApplicationIn(company=f"Firm {i:02}", role="Analyst", applied_on=today)
        )
    contact_id = contact_store.add_contact(
        engine,
        ContactIn(
            name="Priya Shah",
            company="Gymshark",
            role="recruiter",
            email="priya@gymshark.example",
            profile_url="https://www.linkedin.com/in/priya-example",
            met_on=today,
        ),
    )
    return app_id, contact_id


@pytest.fixture(params=[1280, 1400])
def width(request, page):
    page.set_viewport_size({"width": request.param, "height": 1000})
    return request.param


# A date box whose text is wider than the box: its days scroll sideways, the last one half hidden.
CUT_DATES = """() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stDateInputFieldsScroller]')]
    .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""

# Chips of a multi-select cut at its edge ("Felix Becker (" at 1,280 px).
CUT_CHIPS = """label => [...document.querySelectorAll('[data-testid=stMultiSelect]')]
    .filter(b => b.innerText.startsWith(label))
    .flatMap(b => {
        const box = b.querySelector('[data-testid=stMultiSelectTagsContainer]').getBoundingClientRect();
        return [...b.querySelectorAll('[data-tag] span[title]')]
            .filter(t => t.getBoundingClientRect().right > box.right + 1).map(t => t.innerText);
    })"""


def test_the_traction_filter_bar_fits(page, server, seeded, width):
    goto(page, server, "traction")
    expect(page.get_by_text("Include open")).to_be_visible()
    expect(page.get_by_test_id("stDateInputFieldsScroller")).to_contain_text(f"{dt.date.today():%Y}")
    assert page.evaluate(CUT_LABELS) == []
    assert page.evaluate(CUT_DATES) == []


def test_a_person_and_the_people_to_connect_with_show_whole_buttons(page, server, seeded, width):
    _, contact_id = seeded
    goto(page, server, f"network?contact={contact_id}")
    expect(page.get_by_role("button", name="Connected today")).to_be_visible()
    assert page.evaluate(CUT_LABELS) == []
    page.get_by_role("tab", name="Met, not connected").click()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Connected today").nth(1)).to_be_visible()
    assert page.evaluate(CUT_LABELS) == []


def test_a_drafted_note_shows_whole_buttons(page, server, seeded, width):
    # An application of its own at each width: the drafts written at the other width are kept, and
    # an application with drafts opens with them (its setup folded).
    engine = db.open_database(server.db_url)
    company = f"Gymshark {width}"
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company=company, role="Associate Consumer Research Analyst", applied_on=dt.date.today()
        ),
    )
    contact_id = contact_store.add_contact(
        engine,
        # an address is one person: each width's Priya has her own (the module's server keeps them all)
        ContactIn(
            name="Priya Shah", company=company, role="recruiter", email=f"priya.{width}@gymshark.example"
        ),
    )
    goto(page, server, f"compose?app={app_id}&contact={contact_id}")
    page.get_by_role("button", name="Write the drafts").click()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Mark sent")).to_be_visible()
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    assert page.evaluate(CUT_LABELS) == []


def test_two_people_to_write_to_show_whole(page, server, width):
    engine = db.open_database(server.db_url)
    company = f"Northwind {width}"
    app_id = app_store.add_application(
        engine, ApplicationIn(company=company, role="Analyst", applied_on=dt.date.today())
    )
    for name, role in (("Maya Moreau", "hiring manager"), ("Felix Becker", "recruiter")):
        contact_store.add_contact(engine, ContactIn(name=name, company=company, role=role))
    goto(page, server, f"compose?app={app_id}")  # the people at the company are picked already
    expect(page.get_by_text("Maya Moreau (hiring manager)")).to_be_visible()
    expect(page.get_by_text("Felix Becker (recruiter)")).to_be_visible()
    assert page.evaluate(CUT_CHIPS, "To") == []


# The picked option of a drop-down (the value of its input), cut because the box is narrower.
CUT_CHOICE = """label => [...document.querySelectorAll('[data-testid=stSelectbox]')]
    .filter(b => b.innerText.startsWith(label))
    .flatMap(b => [...b.querySelectorAll('input')])
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.value)"""


def test_the_suggested_feedback_questions_show_whole(page, server, width):
    """They are long sentences: a half-width box cut them to "…to be a stro"."""
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine, ApplicationIn(company=f"Lumen {width}", role="Analyst", applied_on=dt.date.today())
    )
    goto(page, server, f"compose?app={app_id}&kind=feedback+request")
    box = page.get_by_role("combobox", name="Feedback question")
    expect(box).to_be_visible()
    for question in notes.FEEDBACK_QUESTIONS:
        box.click()
        page.get_by_role("option", name=question, exact=True).click()
        wait_for_app(page)
        assert page.evaluate(CUT_CHOICE, "Feedback question") == [], question


# Text Vega cut to fit its chart: it ends the cut words with "…".
CUT_CHART_TEXT = """() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stVegaLiteChart] svg text')]
    .map(t => t.textContent).filter(t => t.endsWith('…'))"""


@pytest.mark.parametrize(
    "address",
    [
        "traction?data=demo&traction_tab=Funnel",
        "traction?data=demo&traction_tab=Response+time",
        "insights?data=demo&insights_tab=Comfort",
        "insights?data=demo&insights_tab=Mood",
        "strategy?data=demo",
    ],
)
def test_chart_titles_and_labels_are_not_cut(page, server, width, address):
    goto(page, server, address)
    charts = page.locator("[data-testid=stVegaLiteChart] svg")
    expect(charts.first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(500)  # Vega lays out text after the first frame
    assert page.evaluate(CUT_CHART_TEXT) == []


def test_a_new_persons_keeping_in_touch_days_show_whole(page, server, width):
    """Side by side in the Add a person drawer, a filled day with its clear button read
    "01 / 12 / 20…" at 1,280 px."""
    goto(page, server, "network")
    page.get_by_text("More: profile link, last contact, next check-in, notes").click()
    expect(page.get_by_label("Next check-in", exact=True)).to_be_visible()
    assert page.evaluate(CUT_DATES) == []  # empty: "dd / mm / yyy…" already
    for label, day in (("Last contact", dt.date.today()), ("Next check-in", dt.date.today())):
        box = page.get_by_label(label, exact=True)
        box.click()
        box.press_sequentially(f"{day:%d%m%Y}")
        box.press("Escape")
    expect(
        page.get_by_test_id("stDateInputFieldsScroller").filter(has_text=f"{dt.date.today():%Y}")
    ).to_have_count(
        3  # Met on, and the two just filled
    )
    assert page.evaluate(CUT_DATES) == []
