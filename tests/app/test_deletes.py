"""Deleting a debrief, a reflection or a strategy review from the page: it asks first, "Keep it"
keeps it, and confirming removes exactly that item with a calm word; nothing else on the page is lost."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.core import db
from lib.core.models import (
    ApplicationIn,
    DebriefIn,
    InterviewQuestionIn,
    RejectionIn,
    StageEventIn,
    StrategyReviewIn,
)
from lib.store import applications as apps
from lib.store import debriefs, reflections
from lib.store import strategy as strategy_store
from tests.app.shown import shown

TODAY = dt.date.today()
ASK = "asking_delete__{}__ask"
YES = "asking_delete__{}__yes"
NO = "asking_delete__{}__no"


def _ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def seeded(app_env):
    """An application with two debriefs and two reflections on its ending."""
    engine = db.open_database(app_env)
    app_id = apps.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=_ago(20)))
    apps.add_stage_event(engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=_ago(6)))
    interviews = [
        debriefs.save_interview(
            engine,
            DebriefIn(
                application_id=app_id,
                round_type=round_type,
                occurred_on=_ago(days),
                questions=[InterviewQuestionIn(question=question, rating=4)],
            ),
        )
        for round_type, days, question in (("technical", 6, "Why us?"), ("final", 4, "Any questions?"))
    ]
    reflection_ids = [
        reflections.record_rejection(
            engine,
            RejectionIn(
                application_id=app_id,
                stage_reached="final",
                occurred_on=_ago(1),
                via="email",
                mood=2,
                pause_until=dt.datetime.combine(TODAY, dt.time(18)),
                answers={"lessons": lesson},
            ),
            record_event=first,
        )
        for first, lesson in ((True, "Structure the case"), (False, "Ask about the team"))
    ]
    return engine, app_id, interviews, reflection_ids


def _application_with_drawers_open(open_page, app_id, interviews, reflection_ids):
    """The application's page with each debrief and reflection opened (each is drawn once opened)."""
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert not at.get("text_area")  # closed, nothing of their forms is drawn
    for kind, ids in (("debrief", interviews), ("reflection", reflection_ids)):
        for item in ids:
            at.session_state[f"timeline_{kind}_{item}"] = True
    return at.run()


def _question_shown(at, words: str) -> bool:
    return any(words in s for s in shown(at.markdown))


@pytest.mark.parametrize("kind", ["debrief", "reflection"])
def test_deleting_from_an_application_asks_first_and_keep_it_keeps_it(open_page, seeded, kind):
    engine, app_id, interviews, reflection_ids = seeded
    item = (interviews if kind == "debrief" else reflection_ids)[0]
    at = _application_with_drawers_open(open_page, app_id, interviews, reflection_ids)
    assert not at.exception
    at.button(key=ASK.format(f"{kind}_{item}")).click().run()
    assert _question_shown(at, f"Delete this {kind}?")
    assert len(debriefs.interviews_for(engine, app_id)) == 2  # asking deletes nothing
    at.button(key=NO.format(f"{kind}_{item}")).click().run()
    assert not at.exception
    assert not _question_shown(at, f"Delete this {kind}?")
    assert len(debriefs.interviews_for(engine, app_id)) == 2
    assert len(reflections.reflections_for(engine, app_id)) == 2
    assert not at.success  # no message: nothing happened


def test_confirming_deletes_exactly_that_debrief_and_leaves_the_rest_of_the_page_as_it_was(open_page, seeded):
    engine, app_id, (gone, kept), reflection_ids = seeded
    at = _application_with_drawers_open(open_page, app_id, [gone, kept], reflection_ids)
    at.button(key=ASK.format(f"reflection_{reflection_ids[0]}")).click().run()  # another question open
    at.button(key=ASK.format(f"debrief_{gone}")).click().run()
    at.button(key=YES.format(f"debrief_{gone}")).click().run()
    assert not at.exception
    assert [d["id"] for d in debriefs.interviews_for(engine, app_id)] == [kept]
    assert [r["id"] for r in reflections.reflections_for(engine, app_id)] == reflection_ids
    assert "Debrief deleted." in shown(at.success)
    titles = [e.label for e in at.expander]
    assert not any("Technical" in t for t in titles) and any("Final" in t for t in titles)
    assert not _question_shown(at, "Delete this debrief?")
    assert _question_shown(at, "Delete this reflection?")  # still asking, untouched
    at.run()  # kept while the page stays open: what is under it keeps its place
    assert "Debrief deleted." in shown(at.success)


def test_confirming_deletes_exactly_that_reflection(open_page, seeded):
    engine, app_id, interviews, (gone, kept) = seeded
    events = len(apps.events_for(engine, app_id))
    at = _application_with_drawers_open(open_page, app_id, interviews, [gone, kept])
    at.button(key=ASK.format(f"reflection_{gone}")).click().run()
    at.button(key=YES.format(f"reflection_{gone}")).click().run()
    assert not at.exception
    assert [r["id"] for r in reflections.reflections_for(engine, app_id)] == [kept]
    assert len(debriefs.interviews_for(engine, app_id)) == 2
    assert len(apps.events_for(engine, app_id)) == events  # the ending stays in the timeline
    assert "Reflection deleted." in shown(at.success)
    assert "Reflection deleted." in shown(at.toast)  # also in view when the list was scrolled far down


@pytest.fixture
def reviews(app_env):
    engine = db.open_database(app_env)
    ids = [strategy_store.save_review(engine, StrategyReviewIn(answers={}, weekly_goal=g)) for g in (3, 5, 8)]
    return engine, ids


def test_a_strategy_review_is_deleted_only_once_confirmed(open_page, reviews):
    engine, (first, second, third) = reviews
    at = open_page("pages/strategy.py")
    at.session_state["strategy_tab"] = "Compare reviews"
    at.run()
    assert not at.exception
    at.selectbox(key="compare_earlier").set_value(first).run()
    at.button(key=ASK.format(f"review_{second}")).click().run()
    assert _question_shown(at, "Delete this review?")
    at.button(key=NO.format(f"review_{second}")).click().run()
    assert len(strategy_store.load_reviews(engine)) == 3
    at.button(key=ASK.format(f"review_{second}")).click().run()
    at.button(key=YES.format(f"review_{second}")).click().run()
    assert not at.exception
    assert sorted(strategy_store.load_reviews(engine)["id"]) == [first, third]
    assert "Review deleted." in shown(at.success)
    assert not any(f"#{second}" in s for s in shown(at.markdown))
    assert at.selectbox(key="compare_earlier").value == first  # the comparison picked stays


def test_the_last_review_can_be_deleted_too(open_page, reviews):
    engine, ids = reviews
    at = open_page("pages/strategy.py")
    at.session_state["strategy_tab"] = "Compare reviews"
    at.run()
    for review_id in ids:
        at.button(key=ASK.format(f"review_{review_id}")).click().run()
        at.button(key=YES.format(f"review_{review_id}")).click().run()
        assert not at.exception
    assert strategy_store.load_reviews(engine).empty
    assert any("No review yet" in i.value for i in at.info)


def _busy_app():
    from lib.core.db import DatabaseBusy
    from ui import forms

    def delete():
        raise DatabaseBusy()

    forms.show_flash()
    forms.ask_before_deleting("x", "Delete this note?", delete, "Note deleted.")


def test_a_busy_database_keeps_the_question_open_with_a_calm_word(app_env):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_busy_app, default_timeout=30).run()
    at.button(key=ASK.format("x")).click().run()
    at.button(key=YES.format("x")).click().run()
    assert not at.exception and not at.success
    assert shown(at.error) == ["Rebound is busy importing; try again in a moment."]
    assert _question_shown(at, "Delete this note?")
    at.button(key=NO.format("x")).click().run()
    assert not at.error and not _question_shown(at, "Delete this note?")
