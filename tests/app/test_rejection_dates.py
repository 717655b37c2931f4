"""Recording a "no" keeps unknown dates unknown, and Home is honest when two pauses run at once."""

import datetime as dt

import pytest

from lib.core import db
from lib.core.models import ApplicationIn, RejectionIn
from lib.store import applications as apps
from lib.store import reflections as store
from tests.app.shown import shown

TODAY = dt.date.today()


def _r(app_id, field):
    return f"rejection_new_{app_id}__{field}"


def _text(at) -> str:
    return " ".join(shown([*at.markdown, *at.caption, *at.info, *at.success, *at.warning]))


@pytest.fixture
def engine(app_env):
    return db.open_database(app_env)


def _application(engine, company):
    return apps.add_application(
        engine, ApplicationIn(company=company, role="Data Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )


def _record_on_the_page(open_page, app_id, stage):
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    at.button_group(key=_r(app_id, "stage_reached")).set_value(stage)
    at.button_group(key=_r(app_id, "news_via")).set_value("email")
    at.button_group(key=_r(app_id, "mood")).set_value(3)
    at.run()
    at.button(key="save_rejection").click()
    at.run()
    assert not at.exception and not at.error
    return at


@pytest.mark.parametrize("stage", ["interview", "screen"])
def test_a_stage_the_form_implies_is_saved_undated_and_home_announces_no_interview_today(
    open_page, engine, stage
):
    gymshark = _application(engine, "Gymshark")  # no interview in its history
    home = _record_on_the_page(open_page, gymshark, stage)
    events = apps.events_for(engine, gymshark)
    assert events["kind"].tolist() == [stage, "rejected"]
    assert events["date_known"].tolist() == [False, True]  # the form asked how far, not when
    assert events["occurred_on"].iloc[-1].date() == TODAY  # the "no" keeps the date given
    text = _text(home)
    assert any("You're taking a pause" in i for i in shown(home.info))
    assert "Interview at Gymshark" not in text and "prep sheet" not in text
    home.toggle(key="home_show_all").set_value(True).run()  # everything, not only what can't wait
    assert "Interview at Gymshark" not in _text(home)


def test_the_composer_says_the_interview_date_is_unknown_not_today(open_page, engine):
    gymshark = _application(engine, "Gymshark")
    _record_on_the_page(open_page, gymshark, "interview")
    at = open_page("pages/compose.py", query_params={"app": str(gymshark)})
    at.button(key="pause_go_on").click().run()
    assert not at.exception
    captions = shown(at.caption)
    assert "Interview: date unknown · Rejected: today." in captions
    assert not any("Interview: today" in c for c in captions)


def test_a_second_no_during_a_pause_is_named_on_home_with_its_own_look_back(open_page, engine):
    first, second = _application(engine, "Gymshark"), _application(engine, "Monzo")
    store.record_rejection(
        engine,
        RejectionIn(
            application_id=first,
            stage_reached="applied",
            occurred_on=TODAY,
            via="email",
            mood=2,
            pause_until=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(18)),
        ),
    )
    home = _record_on_the_page(open_page, second, "applied")  # the form's default: until tomorrow evening
    assert any("or you can look back now" in s for s in shown(home.success) + shown(home.info) + _flash(home))
    [banner] = [i for i in shown(home.info) if "You're taking a pause" in i]
    assert "after the news from Gymshark and Monzo" in banner
    links = {str(link.label): link for link in home.get("page_link")}
    reflection_ids = {
        company: str(store.reflections_for(engine, app_id)[0]["id"])
        for company, app_id in (("Gymshark", first), ("Monzo", second))
    }
    for company, reflection_id in reflection_ids.items():
        label = f"Look back at {company}, if you'd like to"
        assert label in links
        assert reflection_id in str(links[label].proto.query_string)


def _flash(at) -> list[str]:
    return shown([*at.toast, *at.markdown])


def test_a_debrief_of_the_implied_interview_asks_its_date_and_then_the_date_is_known(open_page, engine):
    gymshark = _application(engine, "Gymshark")
    _record_on_the_page(open_page, gymshark, "interview")
    [event_id] = apps.events_for(engine, gymshark).query("kind == 'interview'")["id"].tolist()
    at = open_page("pages/debrief.py", query_params={"id": str(gymshark)})
    assert not at.exception
    assert at.selectbox(key=f"debrief_new_{gymshark}__stage_event").value == event_id
    assert "Interview · date unknown" in at.selectbox(key=f"debrief_new_{gymshark}__stage_event").options
    date = at.date_input(key=f"debrief_new_{gymshark}__occurred_on")
    assert date.value is None  # never the placeholder day
    day = TODAY - dt.timedelta(days=4)
    date.set_value(day)
    at.button_group(key=f"debrief_new_{gymshark}__round_type").set_value("technical")
    at.button_group(key=f"debrief_new_{gymshark}__comfort").set_value(3)  # not an empty debrief
    at.run()
    at.button(key="save_debrief").click()
    at.run()
    assert not at.exception
    events = apps.events_for(engine, gymshark)
    assert events["kind"].tolist() == ["interview", "rejected"] and events["date_known"].all()
    assert events["occurred_on"].iloc[0].date() == day
