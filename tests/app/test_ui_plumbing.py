"""The shared Streamlit plumbing, each piece run on its own with AppTest.from_function."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.shown import shown


def _flash_app():
    import streamlit as st

    from ui import forms

    page = st.session_state.get("on_page", "one")
    forms.run_started(page)  # as app.py does around each page's run
    if page != "three":  # a page with no flash slot (Traction, Insights)
        forms.show_flash()
    if st.session_state.pop("cut_short", False):  # a second click arriving while this run draws
        st.rerun()
    if st.session_state.pop("cut_short_by_a_link", False):  # a menu link clicked while it draws
        st.session_state["on_page"] = "two"
        st.rerun()
    if st.button("Save", key="save"):
        forms.flash("Added **Jo** [x](javascript:alert(1)).")
        st.rerun()
    if st.button("Save twice", key="save_twice"):
        forms.flash("Added Jo.")
        st.session_state["cut_short"] = True
        st.rerun()
    if st.button("Save, then leave", key="save_leave"):
        forms.flash("Recorded.")
        st.session_state["cut_short_by_a_link"] = True
        st.rerun()
    if st.button("Fail", key="fail"):
        forms.set_errors("f", {"role": "is required"})
    st.radio("Page", ["one", "two", "three"], key="on_page")
    forms.run_ended()


def test_a_flash_message_shows_after_the_save_literally_and_stays_while_its_page_is_open(app_env):
    at = AppTest.from_function(_flash_app, default_timeout=30).run()
    assert not at.success
    at.button(key="save").click().run()
    assert shown(at.success) == ["Added **Jo** [x](javascript:alert(1))."]
    assert "\\*\\*Jo\\*\\*" in at.success[0].value  # escaped: no bold, no link
    # a rerun on the same page (leaving a text box is one) keeps it: gone, it moved what was under
    # it from under a click being made
    at.run()
    assert shown(at.success) == ["Added **Jo** [x](javascript:alert(1))."]
    at.radio(key="on_page").set_value("two").run()
    assert not at.success  # another page: said and done
    at.radio(key="on_page").set_value("one").run()
    assert not at.success


def test_a_flash_message_gives_way_to_the_next_error(app_env):
    at = AppTest.from_function(_flash_app, default_timeout=30).run()
    at.button(key="save").click().run()
    at.button(key="fail").click().run()
    at.run()
    assert not at.success  # "saved" beside the next save's error would say the opposite


def test_a_flash_message_cut_short_by_a_double_click_still_shows(app_env):
    at = AppTest.from_function(_flash_app, default_timeout=30).run()
    at.button(key="save_twice").click().run()
    assert shown(at.success) == ["Added Jo."]  # the run that drew it first was cut short
    at.radio(key="on_page").set_value("two").run()
    assert not at.success


def test_a_flash_message_cut_short_by_going_to_another_page_does_not_follow_there(app_env):
    """ "Recorded. Be kind to yourself until …" showed on Network, a page after Home."""
    at = AppTest.from_function(_flash_app, default_timeout=30).run()
    at.button(key="save_leave").click().run()
    assert at.radio(key="on_page").value == "two"
    assert not at.success


def _field_error_app():
    import streamlit as st

    from ui import forms

    if st.button("Fail", key="fail"):
        forms.set_errors("f", {"role": "is required", "form": "Something went wrong."})
    forms.form_error("f")
    forms.field_error("f", "role")


def test_field_errors_name_their_field_and_the_form_error_comes_first(app_env):
    at = AppTest.from_function(_field_error_app, default_timeout=30).run()
    assert not at.error
    at.button(key="fail").click().run()
    assert shown(at.error) == ["Something went wrong.", "Role is required"]


def _cached_app():
    import streamlit as st

    from lib.core import db
    from ui import state

    @state.cached()
    def names(engine):
        return sorted(state.company_names())

    if st.button("Add", key="add"):
        with db.transaction(state.engine()) as connection:
            connection.execute(db.companies.insert().values(name="Acme", name_key="acme"))
    st.write(", ".join(names()) or "none")


def test_a_cached_loader_refreshes_after_any_write(app_env):
    at = AppTest.from_function(_cached_app, default_timeout=30).run()
    assert at.markdown[-1].value == "none"
    at.button(key="add").click().run()
    assert at.markdown[-1].value == "Acme"


def test_an_unanswered_question_is_asked_again_in_its_own_words():
    def page():
        from ui import forms

        forms.set_errors("f", {"mood": "is required", "via": "must be one of the choices"})
        forms.field_error("f", "mood", "Mood", unanswered="Please answer “How do you feel?”.")
        forms.field_error("f", "via", "How it came", unanswered="Please answer “How did it reach you?”.")

    at = AppTest.from_function(page).run()
    assert shown(at.error) == [
        "Please answer “How do you feel?”.",
        "How it came must be one of the choices",
    ]


def test_the_demo_banner_takes_you_back_to_your_own_data(open_page):
    """The way back sits beside the banner (the sidebar's switch is below a 900 px window's fold),
    and the sidebar's switch follows it."""
    at = open_page("pages/traction.py", demo=True)
    assert any("demo data" in m.value for m in at.markdown)
    at.button(key="demo_back").click().run()
    assert at.session_state["data_mode"] == "mine"  # the sidebar's switch: tests/e2e/test_demo_switch.py
    assert not any("You are looking at" in m.value for m in at.markdown)
    at.run()  # and it stays there on the next run
    assert at.session_state["data_mode"] == "mine"


def _chart_from_before_a_reload():
    """A prepared chart kept in a shared cache while the code reloads is an instance of the old
    class: draw took it for a spec and the page showed an AttributeError."""
    import importlib
    import sys

    from ui import charts

    spec = {"title": "Tries", "mark": "bar", "data": {"values": [{"x": 1}]}, "encoding": {}}
    kept = charts.prepare(spec)
    importlib.reload(sys.modules["ui.charts"])  # what a code change while the app runs does
    charts.draw(kept)


def test_a_chart_prepared_before_a_code_reload_still_draws(app_env):
    at = AppTest.from_function(_chart_from_before_a_reload, default_timeout=30).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1


def test_a_kept_message_ends_on_a_page_with_no_flash_slot_too(app_env):
    """Settings → Traction → Settings showed "Settings saved." again: Traction has no slot to end it."""
    at = AppTest.from_function(_flash_app, default_timeout=30).run()
    at.button(key="save").click().run()
    assert shown(at.success)
    at.radio(key="on_page").set_value("three").run()
    at.radio(key="on_page").set_value("one").run()
    assert not at.success


def test_a_conflicts_values_read_as_words_and_an_impossible_day_as_typed():
    import datetime as dt

    from ui.conflicts import _text

    assert _text("2026-12-05") == "05 Dec 2026" and _text(True) == "yes"
    assert _text(["feedback", "another role"]) == "feedback, another role" and _text(None) == "—"
    assert _text("2026-02-30") == "2026-02-30"  # shaped like a day, not one: it crashed the box
    assert _text(dt.datetime(2026, 12, 5, 18, 0)) == "05 Dec 2026, 18:00"
