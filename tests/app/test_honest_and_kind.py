"""Honest and kind on every page that speaks about the search: with the demo data no sentence rests
on fewer than 5 or shows a rate without its interval; during a pause Home holds back what can wait."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, RejectionIn, StageEventIn
from lib.learn import claims, insights, traction
from lib.store import applications as apps
from lib.store import insight_data
from lib.store import reflections as store
from tests.app.shown import shown

TODAY = dt.date.today()
PAGES = ["pages/home.py", "pages/traction.py", "pages/insights.py", "pages/strategy.py"]


def _sentences(at) -> list[str]:
    return shown([*at.markdown, *at.caption, *at.info, *at.success, *at.warning])


def _breaks_a_rule(text: str) -> str | None:
    intervals = len(re.findall(r"95% interval \d+%–\d+%", text))
    # each rate has its interval (low, high) beside it; an interval alone is a metric's caption,
    # its rate the metric's big number just above
    if len(re.findall(r"\d+%(?! interval)", text)) - 2 * intervals > intervals:
        return "a rate without its interval"
    if "tends to go with" in text and ("95% interval" not in text or "n = " not in text):
        return "a link without its interval and n"
    if "overdue" in text.casefold():
        return "overdue"
    if "cause" in re.sub(r"not a cause|because|not cause and effect", "", text):
        return "a cause"
    return None


@pytest.mark.parametrize("page", PAGES)
def test_with_demo_data_no_sentence_breaks_the_claim_rules(open_page, page):
    at = open_page(page, demo=True)
    assert not at.exception
    broken = [(text, why) for text in _sentences(at) if (why := _breaks_a_rule(text))]
    assert broken == []


def test_with_demo_data_every_claim_rests_on_five_or_more_in_each_group(open_page):
    open_page(demo=True)  # builds the demo database
    import os

    engine = db.open_database(os.environ["REBOUND_DEMO_DATABASE_URL"])
    data = insight_data.load(engine)
    for insight in insights.all_insights(data, TODAY).values():
        assert not insight.rests_on or min(insight.rests_on) >= claims.MIN_CASES, insight.sentence
    table = traction.traction_table(data["log"], data["events"], TODAY)
    claim = traction.strongest_claim(table)
    assert not claim.rests_on or min(claim.rests_on) >= claims.MIN_CASES


@pytest.fixture
def resting(app_env):
    """A rejection with a pause that runs 2 more days, a check-in long due, an interview today."""
    engine = db.open_database(app_env)
    acme = apps.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )
    apps.add_stage_event(
        engine, StageEventIn(application_id=acme, kind="interview", occurred_on=TODAY - dt.timedelta(days=4))
    )
    store.record_rejection(
        engine,
        RejectionIn(
            application_id=acme,
            stage_reached="interview",
            occurred_on=TODAY - dt.timedelta(days=1),
            via="email",
            mood=2,
            pause_until=dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(18)),
        ),
    )
    beta = apps.add_application(
        engine, ApplicationIn(company="Beta", role="BI", applied_on=TODAY - dt.timedelta(days=10))
    )
    apps.add_stage_event(engine, StageEventIn(application_id=beta, kind="interview", occurred_on=TODAY))
    with db.transaction(engine) as connection:
        connection.execute(
            sa.insert(db.contacts).values(
                name="Dana", role="recruiter", next_checkin_on=TODAY - dt.timedelta(days=9)
            )
        )
    return engine, acme


def test_during_a_pause_home_shows_the_pause_the_check_in_and_only_what_cannot_wait(open_page, resting):
    at = open_page()
    assert not at.exception
    text = " ".join(_sentences(at))
    assert any("You're taking a pause" in i for i in shown(at.info))
    assert "Interview at Beta today" in text  # cannot wait
    assert "Dana" not in text and "Review your strategy" not in text  # held
    back = TODAY + dt.timedelta(days=2)
    assert f"can wait: they come back on {back:%a %d %b}, after your pause" in text
    assert "overdue" not in text.casefold()
    assert not at.metric  # no numbers about the search while resting
    assert any(b.label == "Check in" for b in at.button) or at.get("form")
    assert any("Look back now" in str(link.label) for link in at.get("page_link"))
    at.toggle(key="home_show_all").set_value(True).run()  # the person may still choose to see it all
    assert at.metric and "Check in with Dana" in " ".join(_sentences(at))


def test_during_a_pause_the_strategy_review_is_not_due(open_page, resting):
    at = open_page("pages/strategy.py")
    assert not at.exception
    notices = shown([*at.info, *at.warning])
    assert not [n for n in notices if "due" in n]  # it was "your first one is due today"
    assert any(f"pause until {TODAY + dt.timedelta(days=2):%a %d %b}" in n for n in notices)


def test_when_the_pause_has_ended_home_offers_to_look_back_and_nothing_is_overdue(open_page, resting):
    engine, acme = resting
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(db.reflections).values(pause_until=dt.datetime.now() - dt.timedelta(hours=1))
        )
    at = open_page()
    text = " ".join(_sentences(at))
    assert "You're taking a pause" not in text
    assert "Look back at Acme when you're ready" in text
    assert "Check in with Dana" in text and "when you're ready" in text
    assert "overdue" not in text.casefold()


def test_show_everything_during_a_pause_stays_on_for_the_visit(open_page, resting):
    """It went off again at each return to Home."""
    at = open_page()
    at.toggle(key="home_show_all").set_value(True).run()
    at.switch_page("pages/network.py").run()
    at.switch_page("pages/home.py").run()
    assert at.toggle(key="home_show_all").value is True
    assert at.metric  # everything, as chosen


def test_once_looked_back_the_pause_no_longer_says_everything_waits_until_you_are_ready(open_page, resting):
    engine, acme = resting
    [reflection] = store.reflections_for(engine, acme)
    answers = {**reflection["answers"], "lessons": "Ask about the team earlier"}
    store.update_reflection(
        engine, reflection["id"], answers, reflection["pause_until"], None, reflection["version"]
    )
    said = " ".join(shown(open_page().info))
    assert "until you're ready" not in said and "You've looked back already" in said
