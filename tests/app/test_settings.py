"""The Settings page saves exactly what was entered, says so, and starts from what is saved."""

from __future__ import annotations

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
