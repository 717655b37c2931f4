"""The application log: add, warn on repeats, record stages, edit, delete, browse, demo switch."""

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as store
from lib.store import settings as settings_store
from tests.app.shown import shown

XSS = "<img src=x onerror=alert(1)>"


def _fill_and_submit(at, company, role, **fields):
    at.text_input(key="add_application_company_typed_0").input(company)
    at.run()
    at.text_input(key="add_application_role").set_value(role)
    for key, value in fields.items():
        at.text_area(key=f"add_application_{key}").set_value(value) if key == "notes" else at.text_input(
            key=f"add_application_{key}"
        ).set_value(value)
    at.button(key="FormSubmitter:add_application-Add application").click()
    return at.run()


def _widget(widgets, label):
    return next(w for w in widgets if w.label == label)


def _record(at, kind=None, **fields):
    """Fill the "Record what happened next" form by its labels (its keys change after each save)."""
    if kind:
        _widget(at.selectbox, "What happened").set_value(kind)
    for label, value in fields.items():
        _widget(at.text_input, label).set_value(value)
    _widget(at.button, "Record").click()
    return at.run()


def _errors(at):
    return [e.value for e in at.error]


def _known_company(app_env, name):
    with db.transaction(db.open_database(app_env)) as connection:
        store.company_id_for(connection, name)


def test_adding_an_application_saves_it_and_offers_to_open_it(open_page, app_env):
    _known_company(app_env, "Acme")
    at = _fill_and_submit(
        open_page("pages/add_application.py"), "Acme", "Data Analyst", source="LinkedIn", resume_version="v4"
    )
    assert not at.exception and not _errors(at)
    assert any("Saved: Data Analyst at Acme." in s for s in shown(at.markdown))
    log = store.load_applications(db.open_database(app_env))
    assert log[["company", "role", "source", "resume_version"]].values.tolist() == [
        ["Acme", "Data Analyst", "LinkedIn", "v4"]
    ]


def test_an_application_dated_1900_is_refused_beside_its_date(open_page, app_env):
    """01/01/1900 was kept: "Sent 46359 days ago", and Traction's axis began in 1900."""
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_company_typed_0").input("Acme")
    at.run()
    at.text_input(key="add_application_role").set_value("Data Analyst")
    _widget(at.date_input, "Date applied *").set_value(dt.date(1900, 1, 1))
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert not at.exception
    assert "Date applied is too long ago: check the year" in " ".join(shown(at.error))
    assert store.load_applications(db.open_database(app_env)).empty


def test_an_application_dated_1990_is_kept_and_its_year_questioned_under_saved(open_page, app_env):
    """01/12/1990 for 2026 was saved without a word: "No word for 13,154 days"."""
    _known_company(app_env, "Acme")
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_company_typed_0").input("Acme")
    at.run()
    at.text_input(key="add_application_role").set_value("Data Analyst")
    at.date_input(key="add_application_applied_on").set_value(dt.date(1990, 12, 1))
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert not at.exception and not _errors(at)
    said = " ".join(c.value for c in at.caption)
    today = dt.date.today()
    years = today.year - 1990 - ((today.month, today.day) < (12, 1))  # whole years
    assert f"Dated 01 Dec 1990, {years} years ago: if the year slipped, open it and change the date" in said
    assert "Ghosted" not in said  # the year first: the silence follows from it
    assert len(store.load_applications(db.open_database(app_env))) == 1


def test_an_application_added_after_the_ghost_days_says_it_reads_ghosted_there_not_only_in_the_log(
    open_page, app_env
):
    _known_company(app_env, "Acme")
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_company_typed_0").input("Acme")
    at.run()
    at.text_input(key="add_application_role").set_value("Data Analyst")
    at.date_input(key="add_application_applied_on").set_value(dt.date.today() - dt.timedelta(days=33))
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert not at.exception and not _errors(at)
    said = " ".join(c.value for c in at.caption)
    assert "Sent 33 days ago with no word yet: the log counts it as *Ghosted* after 30 days" in said
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Analyst")  # today: nothing to say
    assert any("Saved: Analyst at Acme." in s for s in shown(at.markdown))
    assert "Ghosted" not in " ".join(c.value for c in at.caption)


def test_missing_company_and_role_are_named_beside_the_fields_and_nothing_is_saved(open_page, app_env):
    at = open_page("pages/add_application.py")
    spacer = "&nbsp;"  # the picker's blank line, kept while nothing is typed
    assert spacer in [c.value for c in at.caption]
    at.text_input(key="add_application_location").set_value("Berlin")
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert "Company is required" in _errors(at) and "Role is required" in _errors(at)
    assert spacer not in [c.value for c in at.caption]  # it stood as a gap above "Company is required"
    assert at.text_input(key="add_application_location").value == "Berlin"  # nothing typed is lost
    assert store.load_applications(db.open_database(app_env)).empty
    # the company typed, its "required" goes at once (it stayed under the filled box till a save)
    at.text_input(key="add_application_company_typed_0").input("Acme").run()
    assert "Company is required" not in _errors(at) and "Role is required" in _errors(at)


def test_a_huge_pasted_note_is_kept_in_its_box_and_refused_with_how_far_over_not_dropped(open_page, app_env):
    """A long box has no max_chars: Streamlit dropped a longer paste whole, without a word."""
    _known_company(app_env, "Acme")
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Analyst", notes="x" * 50_000)
    assert not at.exception
    notes = next(t for t in at.text_area if t.label == "Notes")
    assert notes.proto.max_chars == 0 and len(notes.value) == 50_000  # kept, to shorten
    assert "Notes is too long: 50,000 characters, at most 20,000" in shown(at.error)
    engine = db.open_database(app_env)
    assert store.load_applications(engine).empty
    notes.set_value("x" * 20_000)
    next(b for b in at.button if b.label == "Add application").click()
    at.run()
    assert store.load_applications(engine)["notes"].str.len().tolist() == [20_000]


def test_the_same_company_and_role_again_asks_before_adding(open_page, app_env):
    engine = db.open_database(app_env)
    store.add_application(
        engine, ApplicationIn(company="Acme", role="Data Analyst", applied_on=dt.date.today())
    )
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "data  analyst ")
    assert any("You already applied to Acme for data  analyst" in w.value for w in at.warning)
    assert len(store.load_applications(engine)) == 1
    at.button(key="add_anyway").click()
    at.run()
    assert len(store.load_applications(engine)) == 2


def test_a_mended_field_then_the_same_role_again_asks_with_no_old_error_left(open_page, app_env):
    """The date fixed, the second try asked about the repeat, and "Date applied can't be in the
    future" with "Nothing is saved yet" stayed above the question as if still true."""
    engine = db.open_database(app_env)
    store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today()))
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_company_typed_0").input("Acme").run()
    at.text_input(key="add_application_role").set_value("Analyst")
    at.date_input(key="add_application_applied_on").set_value(dt.date.today() + dt.timedelta(days=30))
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert any("can't be in the future" in e for e in _errors(at))
    at.date_input(key="add_application_applied_on").set_value(dt.date.today())
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert any("You already applied to Acme for Analyst" in w.value for w in at.warning)
    assert _errors(at) == []
    assert len(store.load_applications(engine)) == 1


def _seed(app_env, **kw):
    engine = db.open_database(app_env)
    app_id = store.add_application(
        engine,
        ApplicationIn(
            company="Acme", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=10), **kw
        ),
    )
    return engine, app_id


def test_recording_events_moves_the_furthest_stage_and_outcome(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    for kind in ("screen", "interview", "rejected"):
        _record(at, kind)
    assert not at.exception
    assert any("**Furthest stage:** Interview · **Outcome:** Rejected" in m.value for m in at.markdown)
    assert store.events_for(engine, app_id)["kind"].tolist() == ["screen", "interview", "rejected"]


def test_an_event_before_the_application_date_is_refused_beside_the_field(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    at.date_input(key="record_event_date").set_value(dt.date.today() - dt.timedelta(days=20))
    _record(at)
    assert any("before the application date" in e for e in _errors(at))
    # and the way to mend it: the day applied defaults to the day it was added
    said = " ".join(shown(at.error))
    assert "If you applied earlier, change its date under Edit details first." in said
    assert store.events_for(engine, app_id).empty


def test_after_the_ending_no_further_event_can_be_recorded(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    _record(at, "rejected")
    assert not at.exception
    # the event form closes once the application has ended, and says how to record more
    assert not [s for s in at.selectbox if s.label == "What happened"]
    assert any("This application ended" in i.value for i in at.info)
    assert store.events_for(engine, app_id)["kind"].tolist() == ["rejected"]


def test_one_marked_ghosted_says_how_to_record_an_answer_that_comes_after_all(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    _record(at, "ghosted")
    assert not at.exception
    said = " ".join(i.value for i in at.info)
    assert "If they answer after all, delete the ghosted mark in the timeline" in said
    assert "nothing more to record" not in said  # silence is not a no: an answer can still come


def test_editing_keeps_the_id_and_saves_the_change(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert f"edit_application_{app_id}_role" not in [t.key for t in at.text_input]  # only the open tab
    at = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    at.text_input(key=f"edit_application_{app_id}_role").set_value("Senior Analyst")
    at.button(key=f"FormSubmitter:edit_application_{app_id}-Save changes").click()
    at.run()
    assert store.get_application(engine, app_id)["role"] == "Senior Analyst"
    assert "Saved." in shown(at.toast)  # by the button too: the message at the top is out of view


def test_delete_needs_a_confirmation(open_page, app_env):
    from lib.core.models import MoodIn
    from lib.store import reflections

    engine, app_id = _seed(app_env)
    reflections.add_mood(engine, MoodIn(score=2, words="flat", application_id=app_id))
    at = open_page("pages/application.py", query_params={"id": str(app_id), "application_tab": "Delete"})
    assert any("stays in your mood history" in w for w in shown(at.warning))  # said before, not found after
    assert any("the feedback it brought and the emails kept with it" in w for w in shown(at.warning))
    delete = next(b for b in at.button if b.label == "Delete application")
    assert delete.disabled
    at.checkbox(key="confirm_delete").check()
    at.run()
    next(b for b in at.button if b.label == "Delete application").click()
    at.run()
    assert store.get_application(engine, app_id) is None
    assert reflections.load_moods(engine)["words"].tolist() == ["flat"]  # kept, as the warning said


def test_html_in_a_role_is_shown_as_text(open_page, app_env):
    _, app_id = _seed(app_env)
    engine = db.open_database(app_env)
    store.update_application(
        engine,
        app_id,
        ApplicationIn(company="Acme", role=XSS, applied_on=dt.date.today() - dt.timedelta(days=10)),
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert at.title[0].value == r"\<img src=x onerror=alert\(1\)\> · Acme"


def test_the_log_filters_narrow_the_rows(open_page, app_env):
    engine, first = _seed(app_env)
    store.add_application(
        engine, ApplicationIn(company="Zeta", role="Engineer", applied_on=dt.date.today(), channel="referral")
    )
    store.add_stage_event(
        engine, StageEventIn(application_id=first, kind="screen", occurred_on=dt.date.today())
    )
    at = open_page("pages/applications.py")
    assert "2 applications" in [c.value for c in at.caption]
    at.multiselect(key="log_stages").set_value(["screen"])
    at.run()
    assert "1 of 2 applications match" in [c.value for c in at.caption]
    at.multiselect(key="log_stages").set_value([])
    at.text_input(key="log_text").set_value("zeta")
    at.run()
    assert "1 of 2 applications match" in [c.value for c in at.caption]
    assert at.dataframe[0].value["company"].tolist() == ["Zeta"]


def test_an_empty_log_says_what_to_do(open_page):
    at = open_page("pages/applications.py")
    assert any("No applications yet" in i.value for i in at.info)


def test_home_offers_the_demo_and_switching_shows_the_banner(open_page, app_env):
    at = open_page()
    at.button(key="try_demo").click()
    at.run()
    assert any("demo data" in m.value for m in at.markdown)
    assert at.metric[0].value == "60"  # the whole of Home: no pause still running in the demo
    assert store.load_applications(db.open_database(app_env)).empty  # never mixed with the user's data


def test_an_unreadable_database_gets_a_clear_message(open_page, app_env, tmp_path, monkeypatch):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    monkeypatch.setenv("REBOUND_DATABASE_URL", f"sqlite:///{bad}")
    at = open_page()
    assert not at.exception
    assert any("could not open its database" in e.value for e in at.error)
    assert bad.read_bytes().startswith(b"this is not a database")


def test_recording_a_screen_then_an_interview_starts_each_from_fresh_defaults(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert _widget(at.selectbox, "What happened").value == "screen"  # the next rung after applying
    _record(at, "screen", **{"Round (for interviews)": "Phone screen", "Note": "call went fine"})
    assert not at.exception and not _errors(at)
    assert any("Recorded: Screen" in s for s in shown(at.success))
    # the form offers the next stage and today, never the last entry's text
    assert _widget(at.selectbox, "What happened").value == "interview"
    assert _widget(at.text_input, "Round (for interviews)").value == ""
    assert _widget(at.text_input, "Note").value == ""
    assert _widget(at.date_input, "When").value == dt.date.today()
    _record(at, **{"Round (for interviews)": "Technical"})
    events = store.events_for(engine, app_id)
    assert events[["kind", "round_label", "note"]].values.tolist() == [
        ["screen", "Phone screen", "call went fine"],
        ["interview", "Technical", None],
    ]


def test_the_same_event_submitted_twice_is_saved_once(open_page, app_env):
    engine, app_id = _seed(app_env)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    _record(at, "screen", Note="call")
    _record(at, "screen", Note="call")  # Enter then a click, or a double click, sends it again
    assert store.events_for(engine, app_id)["kind"].tolist() == ["screen"]
    assert not at.exception


def test_after_adding_an_application_the_form_is_empty_and_a_second_submit_adds_nothing(
    open_page, app_env, monkeypatch
):
    from ui import forms

    clock = [1000.0]
    monkeypatch.setattr(forms, "_now", lambda: clock[0])
    _known_company(app_env, "Acme")
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Data Analyst")
    assert any("Saved: Data Analyst at Acme." in s for s in shown(at.markdown))
    assert _widget(at.text_input, "Role *").value == ""
    assert _widget(at.text_input, "Company *").value == ""
    clock[0] += forms.DOUBLE_PRESS_SECONDS + 10  # a later press on the empty form, not a double click
    _widget(at.button, "Add application").click()
    at.run()
    assert "Company is required" in _errors(at)
    # not "Saved: …" over "Nothing is saved yet": the last one's line waits for the next save
    assert not any("Saved: Data Analyst at Acme." in s for s in shown(at.markdown))
    assert len(store.load_applications(db.open_database(app_env))) == 1


def test_a_company_close_to_one_in_the_log_is_asked_about_and_new_is_listed_last(open_page, app_env):
    _known_company(app_env, "Northwind Analytics")
    at = open_page("pages/add_application.py")
    _widget(at.text_input, "Company *").input("northwind")
    at.run()
    assert any("Did you mean **Northwind Analytics**?" in m.value for m in at.markdown)
    choice = at.radio[0]
    assert choice.options[-1] == "Add 'northwind' as a new company"
    assert choice.options[0].startswith("Northwind Analytics")
    _widget(at.text_input, "Role *").set_value("Analyst")
    _widget(at.button, "Add application").click()
    at.run()
    assert "Choose the company above" in " ".join(_errors(at))  # nothing chosen: nothing created
    assert store.load_applications(db.open_database(app_env)).empty
    at.radio[0].set_value("Northwind Analytics")
    at.run()
    _widget(at.button, "Add application").click()
    at.run()
    log = store.load_applications(db.open_database(app_env))
    assert log["company"].tolist() == ["Northwind Analytics"]
    assert store.company_names(db.open_database(app_env)) == ["Northwind Analytics"]


def test_a_missing_last_news_or_resume_shows_as_an_empty_cell_not_none(open_page, app_env):
    engine = db.open_database(app_env)
    store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today()))
    at = open_page("pages/applications.py")
    table = at.dataframe[0]
    assert table.value[["last_news_on", "resume_version"]].isna().all().all()
    assert table.proto.placeholder == ""  # drawn blank, not as the word "None"


def test_a_reapplication_says_how_often_before_in_plain_words(open_page, app_env):
    _known_company(app_env, "Acme")
    engine = db.open_database(app_env)
    store.add_application(engine, ApplicationIn(company="Acme", role="Engineer", applied_on=dt.date.today()))
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Analyst")
    assert any("You applied there once before." in m.value for m in at.markdown)
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Designer")
    assert any("You applied there twice before." in m.value for m in at.markdown)
    [link] = [link for link in at.get("page_link") if link.proto.label == "Open it to link an earlier try"]
    assert "application_tab=Re-application" in link.proto.query_string  # where the link is made


def test_a_board_card_from_an_earlier_year_says_the_year(open_page, app_env):
    engine = db.open_database(app_env)
    settings_store.set_setting(engine, "ghost_days", 365)  # a card can be from last year and still open
    today = dt.date.today()
    then = today - dt.timedelta(days=300)
    store.add_application(engine, ApplicationIn(company="Old Co", role="Analyst", applied_on=then))
    store.add_application(engine, ApplicationIn(company="New Co", role="Analyst", applied_on=today))
    at = open_page("pages/applications.py")
    assert not any("since" in m.value for m in at.markdown)  # only the open tab (the log) is drawn
    at.session_state["log_tab"] = "Board"
    at.run()
    cards = [m.value for m in at.markdown]
    old_day = f"{then:%d %b %Y}" if then.year != today.year else f"{then:%d %b}"
    assert f"**Old Co**  \nAnalyst · since {old_day}" in cards
    assert f"**New Co**  \nAnalyst · since {today:%d %b}" in cards


def test_an_application_gone_quiet_reads_ghosted_in_the_log_and_on_its_page_as_on_traction(
    open_page, app_env
):
    engine = db.open_database(app_env)
    today = dt.date.today()
    quiet = store.add_application(
        engine, ApplicationIn(company="Quiet Co", role="Analyst", applied_on=today - dt.timedelta(days=45))
    )
    store.add_application(engine, ApplicationIn(company="New Co", role="Analyst", applied_on=today))
    at = open_page("pages/applications.py")
    outcomes = dict(zip(at.dataframe[0].value["company"], at.dataframe[0].value["outcome"]))
    assert outcomes == {"Quiet Co": "Ghosted", "New Co": "Open"}  # 45 days of silence, 30 by default
    at.multiselect(key="log_outcomes").set_value(["ghosted"])
    at.run()
    assert at.dataframe[0].value["company"].tolist() == ["Quiet Co"]
    at.multiselect(key="log_outcomes").set_value([])
    at.session_state["log_tab"] = "Board"
    at.run()
    assert not any("Quiet Co" in m.value for m in at.markdown)  # not among the open ones
    assert any(
        "1 open application with no word from the employer for 30 days or more is not on the board: the "
        "log shows it as Ghosted. If they answer, record it and it is back." in c.value
        for c in at.caption
    )

    page = open_page("pages/application.py", query_params={"id": str(quiet)})
    assert "**Outcome:** Ghosted" in " ".join(m.value for m in page.markdown)
    assert any("No word from Quiet Co for 45 days" in c.value for c in page.caption)
    assert "Record a rejection" in [link.proto.label for link in page.main.get("page_link")]

    settings_store.set_setting(engine, "ghost_days", 60)  # the setting moves the line everywhere
    at = open_page("pages/applications.py")
    assert at.dataframe[0].value["outcome"].tolist() == ["Open", "Open"]


def test_record_a_rejection_is_offered_only_while_the_application_is_open(open_page, app_env):
    engine, app_id = _seed(app_env)

    def links(at):
        return [link.proto.label for link in at.main.get("page_link")]

    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert "Record a rejection" in links(at) and "Write a note" in links(at)
    _record(at, "rejected")
    assert not at.exception
    assert "Record a rejection" not in links(at)
    assert "Write a note" in links(at)  # a thank-you or a feedback request still makes sense


def test_an_ending_is_deleted_from_the_timeline_and_the_application_is_open_again(open_page, app_env):
    engine, app_id = _seed(app_env)
    ended = store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=dt.date.today())
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert any("This application ended (rejected)" in i.value for i in at.info)
    assert f"delete_event_{ended}" not in [b.key for b in at.button]  # asked only once opened
    at.session_state[f"ask_event_{ended}"] = True  # the person opens the step's menu
    at.run()
    at.button(key=f"delete_event_{ended}").click()
    at.run()
    assert any("Delete “Rejected” of" in w and "can't be undone" in w for w in shown(at.warning))
    assert len(store.events_for(engine, app_id)) == 1  # asked first: one press took it, note and all
    at.button(key=f"delete_event_yes_{ended}").click()
    at.run()
    assert not at.exception
    assert store.events_for(engine, app_id).empty
    assert any(t.startswith("Deleted: ") and "Rejected" in t for t in shown(at.toast))  # it went unsaid
    assert not any("This application ended" in i.value for i in at.info)
    assert "**Outcome:** Open" in " ".join(m.value for m in at.markdown)


def test_a_very_long_name_is_cut_in_the_page_title_and_kept_whole_in_the_record(open_page, app_env):
    engine = db.open_database(app_env)
    company, role = "Northwind " * 19, "Senior " * 27 + "Analyst"
    app_id = store.add_application(
        engine, ApplicationIn(company=company.strip(), role=role, applied_on=dt.date.today())
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    [title] = [t.value for t in at.title]
    assert len(title) < 140 and "…" in title
    assert store.get_application(engine, app_id)["company"] == company.strip()


def test_a_day_in_the_future_is_refused_under_its_box_not_saved_as_today(open_page, app_env):
    """The box's own range held a future day back in the browser, and the save took today instead."""
    engine, app_id = _seed(app_env)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    _widget(at.date_input, "When").set_value(tomorrow)
    _record(at, "screen")
    assert not at.exception
    # an interview still to come: said how to keep it in view (an invitation is days ahead)
    assert any(
        e.startswith("The date can't be in the future: an interview still to come is recorded on its day")
        for e in shown(at.error)
    )
    assert store.events_for(engine, app_id).empty
    at = open_page("pages/add_application.py")
    assert at.date_input(key="add_application_applied_on").max > dt.date.today()  # sent, then checked


def test_homes_latest_applications_hold_their_column_widths(open_page, app_env):
    """One long company name pushed Applied, Furthest stage and Outcome out of view."""
    import json

    _seed(app_env)
    at = open_page()
    widths = {
        name: config.get("width")
        for name, config in json.loads(at.dataframe[0].proto.columns or "{}").items()
    }
    assert widths.get("company") == widths.get("role") == "medium"
    assert widths.get("applied_on") == widths.get("outcome") == "small"


def test_a_long_note_in_the_timeline_shows_its_start_and_the_whole_one_click_away(open_page, app_env):
    """A 5,000-character note printed whole pushed the later events some 4,000 px down."""
    engine, app_id = _seed(app_env)
    long_note = "We talked about the team and the roadmap. " * 120
    store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=dt.date.today(), note=long_note),
    )
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert not at.exception
    shown_note = next(c.value for c in at.caption if c.value.startswith("We talked"))
    assert len(shown_note) <= 420 and shown_note.endswith("…")
    assert any(e.label.startswith("Read the whole note (5,03") for e in at.expander)  # one click away


def test_a_stand_in_date_applied_is_shown_as_one_and_the_edit_form_says_how_to_set_it(open_page, app_env):
    from lib.data.importers import parse_bytes
    from lib.store import imports as import_store

    engine = db.open_database(app_env)
    import_store.apply(
        engine,
        parse_bytes(
            "tracker.csv",
            b"Company,Role,Date applied,Status,Status date\nAcme,Analyst,,Rejected,2026-02-10\n",
        ),
    )
    app_id = int(store.load_applications(engine)["id"].iloc[0])
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert any(m.value == "**By 10 Feb 2026** — Applied" for m in at.markdown)
    assert any("a later day stands in" in c.value for c in at.caption)
    at = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    assert "Type the day you applied" in at.date_input(key=f"edit_application_{app_id}_applied_on").help
    # the stand-in was the day after all: ticked, saved, and it is the day applied from then on
    at.checkbox(key=f"edit_application_{app_id}_applied_confirmed").check()
    at.button(key=f"FormSubmitter:edit_application_{app_id}-Save changes").click()
    at.run()
    assert not at.exception
    assert store.get_application(engine, app_id)["applied_known"]
    at = open_page("pages/application.py", query_params={"id": str(app_id)})
    assert any(m.value == "**10 Feb 2026** — Applied" for m in at.markdown)


def test_a_company_whose_name_ends_in_a_full_stop_is_said_saved_with_one(open_page, app_env):
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme Inc.", "Analyst")
    assert any(s.endswith("Saved: Analyst at Acme Inc.") for s in shown(at.markdown))


def test_a_company_known_without_an_application_is_not_said_to_be_in_the_log(open_page, app_env):
    """Known from the network (or an application since deleted), it was "already in your log"."""
    _known_company(app_env, "Umbrella Corp")
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_company_typed_0").input("umbrella corp").run()
    said = " ".join(c.value for c in at.caption)
    assert "Umbrella Corp — already saved in Rebound." in said and "in your log" not in said


def test_the_logs_filters_stay_while_another_page_is_visited(open_page, app_env):
    """Channel = referral was gone after adding an application and coming back."""
    _seed(app_env)
    at = open_page("pages/applications.py")
    at.multiselect(key="log_channels").select("referral").run()
    at.text_input(key="log_text").input("acme").run()
    at.switch_page("pages/add_application.py").run()
    at.switch_page("pages/applications.py").run()
    assert at.multiselect(key="log_channels").value == ["referral"]
    assert at.text_input(key="log_text").value == "acme"


def test_a_later_refused_try_closes_the_question_about_the_one_before(open_page, app_env):
    """The repeat asked about, then the date changed to one in the future and Add pressed: refused,
    yet "Add it anyway" stayed under it and saved the earlier try, with its earlier date."""
    engine = db.open_database(app_env)
    store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today()))
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Analyst")
    assert at.button(key="add_anyway")
    at.date_input(key="add_application_applied_on").set_value(dt.date.today() + dt.timedelta(days=14))
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert any("can't be in the future" in e for e in _errors(at))
    assert not [b for b in at.button if b.key == "add_anyway"]
    assert len(store.load_applications(engine)) == 1


def _fill_again(at, company, role):
    """The form after a save: its fields under their fresh keys (`forms.renew`)."""
    at.text_input(key="add_application_company_1_typed_0").input(company)
    at.run()
    at.text_input(key="add_application_role_1").set_value(role)
    at.button(key="FormSubmitter:add_application__1-Add application").click()
    return at.run()


def test_a_second_press_on_the_emptied_form_says_nothing_failed(open_page, app_env):
    # 0.8 s after the save, the second press hit the fresh form: "Company is required", the Saved line gone
    at = _fill_and_submit(open_page("pages/add_application.py"), "Stark Industries", "ML Engineer")
    assert any("Saved: ML Engineer at Stark Industries." in s for s in shown(at.markdown))
    at.button(key="FormSubmitter:add_application__1-Add application").click()
    at.run()
    assert not at.exception and not _errors(at)
    assert any("Saved: ML Engineer at Stark Industries." in s for s in shown(at.markdown))
    assert len(store.load_applications(db.open_database(app_env))) == 1


def test_the_same_application_typed_again_later_is_asked_about_not_ignored(open_page, app_env, monkeypatch):
    # ignored as a double click however late, it stayed filled under the old "Saved" line, unsaid
    from ui import forms

    clock = [1000.0]
    monkeypatch.setattr(forms, "_now", lambda: clock[0])
    _known_company(app_env, "Acme")
    at = _fill_and_submit(open_page("pages/add_application.py"), "Acme", "Data Analyst")
    clock[0] += forms.DOUBLE_PRESS_SECONDS + 10
    at = _fill_again(at, "Acme", "Data Analyst")
    assert any("You already applied to Acme for Data Analyst" in w.value for w in at.warning)
    assert len(store.load_applications(db.open_database(app_env))) == 1


def test_a_re_application_link_shows_from_both_sides_and_a_delete_names_it(open_page, app_env):
    # the earlier try's page said "No earlier application to link to", nothing of the later one; its
    # delete unlinked the later try without a word
    engine = db.open_database(app_env)
    first = store.add_application(
        engine,
        ApplicationIn(company="Acme", role="Data Analyst", applied_on=dt.date.today() - dt.timedelta(90)),
    )
    store.add_application(
        engine,
        ApplicationIn(
            company="Acme",
            role="Senior Data Analyst",
            applied_on=dt.date.today() - dt.timedelta(5),
            reapplication_of=first,
            reapply_reason="dbt now",
        ),
    )
    at = open_page(
        "pages/application.py", query_params={"id": str(first), "application_tab": "Re-application"}
    )
    assert not at.exception
    assert any(
        link.label.startswith("Tried again later: Senior Data Analyst") for link in at.get("page_link")
    )
    at = open_page("pages/application.py", query_params={"id": str(first), "application_tab": "Delete"})
    said = " ".join(shown(at.warning))
    assert (
        "The later try linked to it (Senior Data Analyst, applied" in said
        and "stays, no longer linked" in said
    )


def test_the_summary_of_a_refusal_goes_once_its_field_is_mended(open_page, app_env):
    # the company's note went once a company was typed, the banner over the form stayed
    at = open_page("pages/add_application.py")
    at.text_input(key="add_application_role").set_value("Analyst")
    at.button(key="FormSubmitter:add_application-Add application").click()
    at.run()
    assert any("Nothing is saved yet" in e for e in _errors(at))
    at.text_input(key="add_application_company_typed_0").input("Mended Ltd")
    at.run()
    assert not _errors(at)


def test_a_board_card_clips_a_long_role_as_the_log_does(open_page, app_env):
    # a 200-character role made its card ten lines tall
    engine = db.open_database(app_env)
    role = "Principal Analytics Engineer for Platform Data Quality " * 3
    store.add_application(
        engine, ApplicationIn(company="Long Co", role=role.strip(), applied_on=dt.date.today())
    )
    at = open_page("pages/applications.py")
    at.session_state["log_tab"] = "Board"
    at.run()
    card = next(m.value for m in at.markdown if m.value.startswith("**Long Co**"))
    shown_role = card.split("\n")[1].split(" · since")[0]
    assert shown_role.endswith("…") and len(shown_role) == 60


def test_the_years_questioned_are_whole_years():
    from ui.search.application_form import saved_note

    assert "Dated 01 Dec 1990, 35 years ago" in saved_note(dt.date(1990, 12, 1), dt.date(2026, 1, 6), 30)
    assert "Dated 01 Dec 1990, 36 years ago" in saved_note(dt.date(1990, 12, 1), dt.date(2026, 12, 1), 30)
