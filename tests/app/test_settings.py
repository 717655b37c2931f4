"""The Settings page saves exactly what was entered, says so, and starts from what is saved."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote_plus

from lib.core import db
from lib.store import settings as settings_store
from tests.app.shown import shown


def test_settings_are_saved_and_shown_again(open_page, app_env):
    at = open_page("pages/settings.py")
    assert not at.exception
    at.number_input(key="setting_reapproach_months").set_value(6)
    at.number_input(key="setting_weekly_goal").set_value(8)
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    assert not at.exception
    assert any("Settings saved." in s for s in shown(at.success))
    saved = settings_store.all_settings(db.open_database(app_env))
    assert (saved["reapproach_months"], saved["weekly_goal"], saved["ghost_days"]) == (6, 8, 30)
    assert at.number_input(key="setting_reapproach_months").value == 6


def test_a_second_save_without_changes_changes_nothing(open_page, app_env):
    at = open_page("pages/settings.py")
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    assert not at.exception
    assert settings_store.all_settings(db.open_database(app_env))["weekly_goal"] == 5


def test_a_number_out_of_range_is_refused_beside_its_field_and_nothing_is_saved(open_page, app_env):
    at = open_page("pages/settings.py")
    at.number_input(key="setting_weekly_goal").set_value(8)
    at.number_input(key="setting_ghost_days").set_value(400)
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    assert not at.exception
    assert shown(at.error) == [
        "Nothing is saved yet: a field below needs a look (its note says what).",
        "Ghosted after (days) must be between 1 and 365.",
    ]
    assert not any("Settings saved." in s for s in shown(at.success))
    assert at.number_input(key="setting_ghost_days").value == 400  # kept as typed, to correct
    saved = settings_store.all_settings(db.open_database(app_env))
    assert (saved["ghost_days"], saved["weekly_goal"]) == (30, 5)  # nothing saved, not even the goal
    assert "From 1 to 365." in at.number_input(key="setting_ghost_days").help


def test_every_number_out_of_range_is_said_at_once(open_page, app_env):
    at = open_page("pages/settings.py")
    for key in ("ghost_days", "reapproach_months", "weekly_goal"):
        at.number_input(key=f"setting_{key}").set_value(-5)
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    assert not at.exception
    said = shown(at.error)
    assert "Ghosted after (days) must be between 1 and 365." in said
    assert "Re-approach after (months) must be between 1 and 36." in said
    assert "Weekly goal (applications) must be between 0 and 100." in said


def test_settings_offers_the_demo_once_home_no_longer_does_and_the_way_back_is_on_the_page(
    open_page, app_env
):
    from lib.core import db
    from lib.core.models import ApplicationIn
    from lib.store import applications as app_store

    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today())
    )
    assert not [b for b in open_page().button if b.key == "try_demo"]  # Home, with data: no offer
    at = open_page("pages/settings.py")
    at.button(key="settings_demo").click()
    at.run()
    assert not at.exception
    assert any("demo data" in m.value for m in at.markdown)
    assert at.session_state["data_switch"] == "Demo"  # the sidebar switch says the same
    assert not [b for b in at.button if b.key == "settings_demo"]
    at.button(key="demo_back").click()
    at.run()
    assert at.session_state["data_switch"] == "My data"
    assert len(app_store.load_applications(engine)) == 1
    engine.dispose()


def test_a_number_with_a_fraction_is_said_to_be_no_whole_number_not_saved_cut_down(open_page, app_env):
    at = open_page("pages/settings.py")
    at.number_input(key="setting_weekly_goal").set_value(2.5)
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    assert not at.exception
    assert "Weekly goal (applications) must be a whole number." in shown(at.error)
    assert settings_store.all_settings(db.open_database(app_env))["weekly_goal"] == 5


def test_the_weekly_goal_is_the_measure_of_homes_week_until_a_plan_is_made(open_page, app_env):
    """Changing it moved the strategy review's words, but Home's week line never named it."""
    from lib.core.models import ApplicationIn
    from lib.store import applications as app_store

    app_store.add_application(
        db.open_database(app_env), ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today())
    )
    at = open_page()
    assert any("1 application sent of the 5 a week you aim for (Settings)" in m for m in shown(at.markdown))
    at.switch_page("pages/settings.py")
    at.run()
    at.number_input(key="setting_weekly_goal").set_value(8)
    at.button(key="FormSubmitter:settings-Save settings").click()
    at.run()
    at.switch_page("pages/home.py")
    at.run()
    assert not at.exception
    assert any("1 application sent of the 8 a week you aim for (Settings)" in m for m in shown(at.markdown))


def test_settings_points_to_backup_export_and_delete_on_the_data_page(open_page):
    at = open_page("pages/settings.py")
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    for label, tab in (
        ("Back up or restore everything", "Backup & restore"),
        ("Export every table as CSV", "Export"),
        ("Delete all my data", "Delete all"),
    ):
        assert links[label].page == "data" and f"data_tab={quote_plus(tab)}" == links[label].query_string
