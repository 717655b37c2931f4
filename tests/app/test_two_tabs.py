"""Two tabs editing one application's notes: the second save shows both texts and lets the person
choose; nothing is overwritten silently. A save while a big import holds the database says so calmly."""

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as store
from tests.app.shown import shown


def _seed(app_env):
    engine = db.open_database(app_env)
    app_id = store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today(), notes="start")
    )
    return engine, app_id


def _save_notes(at, app_id, text):
    at.text_area(key=f"edit_application_{app_id}_notes").set_value(text)
    at.button(key=f"FormSubmitter:edit_application_{app_id}-Save changes").click()
    return at.run()


def test_the_second_tab_sees_both_notes_and_chooses_which_to_keep(open_page, app_env):
    engine, app_id = _seed(app_env)
    tab_one = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    tab_two = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    _save_notes(tab_one, app_id, "written in tab one")
    _save_notes(tab_two, app_id, "written in tab two")
    assert store.get_application(engine, app_id)["notes"] == "written in tab one"
    assert any("changed in another tab" in w.value for w in tab_two.warning)
    shown_text = [t.value for t in tab_two.text]
    assert any("written in tab one" in t for t in shown_text)
    assert any("written in tab two" in t for t in shown_text)
    tab_two.button(key=f"edit_application_{app_id}__keep_mine").click()
    tab_two.run()
    assert store.get_application(engine, app_id)["notes"] == "written in tab two"
    assert not any("changed in another tab" in w.value for w in tab_two.warning)
    assert not tab_two.exception


def test_choosing_the_other_tabs_notes_reloads_them_into_the_form(open_page, app_env):
    engine, app_id = _seed(app_env)
    tab_one = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    tab_two = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    _save_notes(tab_one, app_id, "written in tab one")
    _save_notes(tab_two, app_id, "written in tab two")
    tab_two.button(key=f"edit_application_{app_id}__keep_theirs").click()
    tab_two.run()
    assert tab_two.text_area(key=f"edit_application_{app_id}_notes").value == "written in tab one"
    assert store.get_application(engine, app_id)["notes"] == "written in tab one"
    # and a save from there goes through: the form now stands on the stored version
    _save_notes(tab_two, app_id, "tab two, after choosing")
    assert store.get_application(engine, app_id)["notes"] == "tab two, after choosing"


def test_a_save_during_a_long_import_says_rebound_is_busy_and_keeps_the_text(open_page, app_env, monkeypatch):
    engine, app_id = _seed(app_env)
    tab = open_page(
        "pages/application.py", query_params={"id": str(app_id), "application_tab": "Edit details"}
    )
    monkeypatch.setattr(db, "SAVE_WAIT_S", 0.3)
    import sqlite3

    holder = sqlite3.connect(engine.url.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        _save_notes(tab, app_id, "typed during an import")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not tab.exception
    assert "Rebound is busy importing; try again in a moment." in shown(tab.error)
    assert tab.text_area(key=f"edit_application_{app_id}_notes").value == "typed during an import"
    assert store.get_application(engine, app_id)["notes"] == "start"


def test_a_rejection_draft_typed_in_two_tabs_is_not_overwritten_and_both_texts_are_shown(open_page, app_env):
    engine, app_id = _seed(app_env)
    lessons = f"rejection_new_{app_id}__mood_words"  # the record step: a few words
    tab_one = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    tab_two = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    tab_one.text_input(key=lessons).set_value("lesson from tab one")
    tab_one.run()
    tab_two.text_input(key=lessons).set_value("lesson from tab two")
    tab_two.run()
    from lib.store import reflections

    assert reflections.load_draft(engine, f"rejection:{app_id}")["payload"]["answers"]["mood_words"] == (
        "lesson from tab one"
    )
    assert any("changed in another tab" in w.value for w in tab_two.warning)
    shown_text = " ".join(t.value for t in tab_two.text)
    assert "lesson from tab one" in shown_text and "lesson from tab two" in shown_text
    tab_two.button(key=f"rejection_new_{app_id}__draft__keep_theirs").click()
    tab_two.run()
    assert tab_two.text_input(key=lessons).value == "lesson from tab one"
    tab_two.text_input(key=lessons).set_value("both, merged by hand")
    tab_two.run()
    assert not any("changed in another tab" in w.value for w in tab_two.warning)
    assert reflections.load_draft(engine, f"rejection:{app_id}")["payload"]["answers"]["mood_words"] == (
        "both, merged by hand"
    )


def test_a_reflection_looked_back_on_in_two_tabs_asks_once_with_both_lessons(open_page, app_env):
    from lib.core.models import RejectionIn
    from lib.store import reflections

    engine, app_id = _seed(app_env)
    rid = reflections.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="interview",
            occurred_on=dt.date.today(),
            via="email",
            mood=2,
            pause_until=dt.datetime.combine(dt.date.today(), dt.time(0)),
            answers={"mood": 2},
        ),
    )
    lessons = f"reflection_{rid}__lessons"
    tab_one = open_page("pages/rejection.py", query_params={"reflection": str(rid)})
    tab_two = open_page("pages/rejection.py", query_params={"reflection": str(rid)})
    tab_one.text_area(key=lessons).set_value("lesson from tab one").run()
    tab_two.text_area(key=lessons).set_value("lesson from tab two").run()
    tab_one.button(key="save_rejection").click().run()
    assert reflections.get_reflection(engine, rid)["answers"]["lessons"] == "lesson from tab one"
    tab_two.text_area(key=lessons).set_value("lesson from tab two, again").run()  # its draft: kept
    tab_two.button(key="save_rejection").click().run()
    assert reflections.get_reflection(engine, rid)["answers"]["lessons"] == "lesson from tab one"
    asked = [w.value for w in tab_two.warning if "changed in another tab" in w.value]
    assert len(asked) == 1  # one question, not the row's and the draft's
    assert any("Another tab saved this since" in t.value for t in tab_two.toast)  # seen from the foot
    both = " ".join(t.value for t in tab_two.text)
    assert "lesson from tab one" in both and "lesson from tab two, again" in both
    next(b for b in tab_two.button if b.key and b.key.endswith("__row__keep_mine")).click().run()
    assert not tab_two.exception
    assert reflections.get_reflection(engine, rid)["answers"]["lessons"] == "lesson from tab two, again"
    assert not [w for w in tab_two.warning if "changed in another tab" in w.value]


def test_a_no_recorded_first_in_another_tab_leaves_this_tabs_words_in_view(open_page, app_env):
    """Tab B's mood and words went without a word when tab A recorded the same "no" first."""
    engine, app_id = _seed(app_env)
    key = lambda field: f"rejection_new_{app_id}__{field}"  # noqa: E731
    tab_one = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    tab_two = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    tab_one.button_group(key=key("news_via")).set_value("email")
    tab_one.button_group(key=key("mood")).set_value(3)
    tab_one.run()
    tab_one.button(key="save_rejection").click().run()
    from lib.store import reflections

    assert len(reflections.reflections_for(engine, app_id)) == 1  # recorded in tab one
    tab_two.button_group(key=key("news_via")).set_value("phone")
    tab_two.button_group(key=key("mood")).set_value(2)
    tab_two.text_input(key=key("mood_words")).set_value("TAB-B words")
    tab_two.run()  # its next run knows: no Save to press into nothing, and the words are kept in view
    assert not tab_two.exception and "save_rejection" not in [b.key for b in tab_two.button]
    assert any("Another tab recorded this “no” first" in w.value for w in tab_two.warning)
    kept = " ".join(t.value for t in tab_two.text)
    assert "In a few words? TAB-B words" in kept and "How do you feel right now? 2 of 5" in kept


def test_one_tab_whose_draft_version_was_cut_off_is_not_told_another_tab_changed_it(open_page, app_env):
    """A key held down on a mood pill: a quick run cut off keeping the version of this tab's own last
    write, and the next change showed "changed in another tab" with the same text on both sides."""
    engine, app_id = _seed(app_env)
    words = f"rejection_new_{app_id}__mood_words"
    tab = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    tab.text_input(key=words).set_value("tired")
    tab.run()
    tab.session_state[f"rejection_new_{app_id}__draft_version"] = 0  # as if that run was cut off
    tab.text_input(key=words).set_value("tired, hopeful")
    tab.run()
    from lib.store import reflections

    assert not any("changed in another tab" in w.value for w in tab.warning)
    assert reflections.load_draft(engine, f"rejection:{app_id}")["payload"]["answers"]["mood_words"] == (
        "tired, hopeful"
    )
