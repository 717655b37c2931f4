"""The Share a report page: nothing written until asked; the choices make the report; private parts
stay out unless ticked."""

from __future__ import annotations

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn, MoodIn
from lib.store import applications as app_store
from lib.store import reflections as reflection_store
from ui.learn import report_form


def _files(at):
    options = at.session_state[report_form.CHOSEN]
    return options


def test_with_no_applications_the_page_explains_and_offers_the_form(open_page):
    at = open_page("pages/report.py")
    assert not at.exception and not at.error
    assert any("No applications yet" in i.value for i in at.info)
    assert at.button(key="FormSubmitter:report_choices-Prepare the report")
    assert not at.get("download_button")


def test_private_parts_start_unticked_and_sections_ticked(open_page):
    at = open_page("pages/report.py", demo=True)
    assert all(at.checkbox(key=f"rs_{k}").value for k in ("headline", "traction", "insights", "questions"))
    assert not any(at.checkbox(key=f"rp_{k}").value for k in ("mood", "reflections", "writing", "contacts"))


def test_a_strategy_review_is_ticked_only_once_one_is_saved(open_page, app_env):
    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Firm", role="Analyst", applied_on=dt.date.today())
    )
    engine.dispose()
    at = open_page("pages/report.py")  # none saved: the report would only say so
    assert not at.checkbox(key="rs_strategy").value and at.checkbox(key="rs_headline").value
    assert "No strategy review is saved yet" in at.checkbox(key="rs_strategy").help
    assert open_page("pages/report.py", demo=True).checkbox(key="rs_strategy").value  # the demo has one


def test_preparing_with_the_defaults_gives_both_downloads_and_leaves_the_private_parts_out(open_page):
    at = open_page("pages/report.py", demo=True)
    at.button(key="FormSubmitter:report_choices-Prepare the report").click().run(timeout=240)
    assert not at.exception and not at.error
    assert any("60 applications" in s.value for s in at.success)
    assert len(at.get("download_button")) == 2
    options = _files(at)
    assert options.private == frozenset() and "traction" in options.sections
    assert any("Left out" in c.value and "mood" in c.value for c in at.caption)


def test_a_ticked_private_part_and_masking_are_what_the_report_is_made_with(open_page, app_env):
    engine = db.open_database(app_env)
    today = dt.date.today()
    for i in range(5):
        app_store.add_application(
            engine, ApplicationIn(company=f"Firm {i}", role="Analyst", applied_on=today)
        )
    reflection_store.add_mood(engine, MoodIn(score=3, words="Quietly hopeful"))
    engine.dispose()
    at = open_page("pages/report.py")
    at.checkbox(key="rp_mood").check()
    at.checkbox(key="rs_traction").uncheck()
    at.checkbox(key="report_mask").check()
    at.button(key="FormSubmitter:report_choices-Prepare the report").click().run(timeout=240)
    assert not at.exception and not at.error
    options = _files(at)
    assert options.private == frozenset({"mood"}) and "traction" not in options.sections
    assert options.mask_companies
    assert not any("mood" in c.value.split("Left out", 1)[-1] for c in at.caption if "Left out" in c.value)


def test_the_period_runs_to_today_so_a_review_since_the_last_application_is_in(open_page, app_env):
    engine = db.open_database(app_env)
    first = dt.date.today() - dt.timedelta(days=30)
    app_store.add_application(engine, ApplicationIn(company="Firm", role="Analyst", applied_on=first))
    engine.dispose()
    at = open_page("pages/report.py")
    assert at.date_input[0].value == (first, dt.date.today())  # it ended on the last application


def test_with_the_choices_open_again_the_old_downloads_wait_for_prepare(open_page):
    """Reflections ticked, prepared, the choices opened and reflections unticked: the downloads
    still handed over the file with them, its summary still counting them."""
    at = open_page("pages/report.py", demo=True)
    at.checkbox(key="rp_reflections").check()
    at.button(key="FormSubmitter:report_choices-Prepare the report").click().run(timeout=240)
    assert len(at.get("download_button")) == 2
    at.session_state["report_fold_1"] = True  # "What goes in: change it and prepare again", opened
    at.run(timeout=240)
    assert not at.exception
    assert not at.get("download_button")
    assert any("You are changing what goes in" in i.value for i in at.info)
    at.checkbox(key="rp_reflections").uncheck()
    at.button(key="FormSubmitter:report_choices-Prepare the report").click().run(timeout=240)
    assert len(at.get("download_button")) == 2  # prepared again: folded, and the new file offered
    assert "reflections" not in _files(at).private
