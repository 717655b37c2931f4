"""A stage whose date is unknown reads "date unknown" on the timeline, and typing the date fixes it."""

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as store
from tests.app.shown import shown


def test_an_undated_step_shows_date_unknown_and_typing_the_date_makes_it_known(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2026, 1, 5), channel="other")
    )
    event = store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="offer", occurred_on=dt.date(2026, 1, 5), date_known=False),
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert not at.exception
    timeline = shown(at.markdown)
    assert any("date unknown" in t and "Offer" in t for t in timeline)
    assert not any("05 Jan 2026** — Offer" in t for t in timeline)  # never the application date instead

    at.date_input(key=f"event_date_fix_{event}").set_value(dt.date(2026, 1, 19)).run()
    at.button(key=f"event_date_save_{event}").click()
    at.run()
    assert not at.exception
    assert any("19 Jan 2026" in t and "Offer" in t for t in shown(at.markdown))
    saved = store.load_events(engine)
    assert saved["date_known"].all() and saved["occurred_on"].iloc[0].date() == dt.date(2026, 1, 19)


def _imported_no(engine) -> int:
    """A "no" from an import that gave no day for it (as many trackers do)."""
    from lib.data.importers import parse_bytes
    from lib.store import imports as import_store

    import_store.apply(
        engine,
        parse_bytes(
            "tracker.csv", b"Company,Position,Date Applied,Status\nContoso,Engineer,2026-01-06,Rejected\n"
        ),
    )
    return int(store.load_applications(engine)["id"].iloc[0])


def test_an_imported_no_offers_its_reflection_and_it_saves_though_the_day_is_unknown(open_page, app_env):
    from lib.store import reflections

    engine = db.open_database(app_env)
    app_id = _imported_no(engine)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    [link] = [p for p in at.get("page_link") if "Reflect on this" in p.proto.label]
    assert "rejection" in link.proto.page
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    assert not at.exception  # it stopped with "Cannot compare NaT with datetime.date"
    assert any("**Date:** not recorded" in m for m in shown(at.markdown))
    at.button_group(key=f"rejection_new_{app_id}__mood").set_value(2)
    at.run()
    at.button(key="save_rejection").click()
    at.run()
    assert not at.exception
    assert not shown(at.error)  # it asked for a day no box on the page could give
    [reflection] = reflections.reflections_for(engine, app_id)
    assert reflection["answers"]["mood"] == 2
    assert store.events_for(engine, app_id)["kind"].tolist() == ["rejected"]  # no second ending
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert not [p for p in at.get("page_link") if "Reflect on this" in p.proto.label]


def test_the_log_and_home_leave_a_stand_in_day_applied_empty(open_page, app_env):
    """An imported "no" with no date applied: its answer's day is not shown as the day applied."""
    from lib.data.importers import parse_bytes
    from lib.store import imports as import_store

    engine = db.open_database(app_env)
    today = dt.date.today()
    rows = f"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,{today}\nBeta,Analyst,{today},,\n"
    import_store.apply(engine, parse_bytes("tracker.csv", rows.encode()))
    for page in ("pages/applications.py", "pages/home.py"):
        at = open_page(page)
        assert not at.exception
        table = at.dataframe[0].value.set_index("company")["applied_on"]
        assert table.isna().to_dict() == {"Acme": True, "Beta": False}, page


def test_a_step_typed_on_the_wrong_day_is_corrected_from_its_menu(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2026, 1, 5), channel="other")
    )
    screen = store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="screen", occurred_on=dt.date(2026, 1, 9))
    )
    store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=dt.date(2026, 1, 20))
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert f"event_date_change_{screen}" not in [d.key for d in at.date_input]  # asked once opened
    at.session_state[f"ask_event_{screen}"] = True  # the person opens the step's menu
    at.run()
    at.date_input(key=f"event_date_change_{screen}").set_value(dt.date(2026, 1, 25)).run()
    at.button(key=f"event_date_change_save_{screen}").click()
    at.run()
    assert not at.exception
    assert any("after the application ended (rejected on 20 Jan 2026)" in e for e in shown(at.error))
    assert store.events_for(engine, app_id)["occurred_on"].iloc[0].date() == dt.date(2026, 1, 9)  # untouched

    at.date_input(key=f"event_date_change_{screen}").set_value(dt.date(2026, 1, 12)).run()
    at.button(key=f"event_date_change_save_{screen}").click()
    at.run()
    assert not at.exception
    assert any("12 Jan 2026" in t and "Screen" in t for t in shown(at.markdown))
    assert store.events_for(engine, app_id)["occurred_on"].iloc[0].date() == dt.date(2026, 1, 12)
