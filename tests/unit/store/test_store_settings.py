import pytest

from lib.core import db
from lib.store.base import StoreError
from lib.store.settings import all_settings, get_setting, set_setting, set_settings


def test_a_setting_never_saved_reads_as_its_default(engine):
    assert get_setting(engine, "ghost_days") == 30
    assert all_settings(engine) == {"ghost_days": 30, "reapproach_months": 3, "weekly_goal": 5}


def test_a_saved_setting_reads_back_as_an_int_and_bumps_the_revision(engine):
    before = db.revision(engine)
    set_setting(engine, "ghost_days", 45)
    set_setting(engine, "ghost_days", 21)
    assert get_setting(engine, "ghost_days") == 21
    assert all_settings(engine)["ghost_days"] == 21
    assert db.revision(engine) == before + 2


def test_a_value_out_of_range_is_refused_with_the_field_named(engine):
    with pytest.raises(StoreError) as refused:
        set_setting(engine, "ghost_days", 0)
    assert refused.value.field == "ghost_days"
    assert "between 1 and 365" in refused.value.message
    assert get_setting(engine, "ghost_days") == 30


def test_an_unreadable_saved_value_falls_back_to_the_default(engine):
    with db.transaction(engine) as connection:
        connection.execute(db.settings.insert().values(key="ghost_days", value="soon"))
    assert get_setting(engine, "ghost_days") == 30


def test_an_unknown_setting_is_a_programming_error(engine):
    with pytest.raises(KeyError):
        get_setting(engine, "ghost_dayz")


def test_several_settings_are_saved_together_or_not_at_all(engine):
    set_settings(engine, {"weekly_goal": 7, "ghost_days": 21})
    assert (get_setting(engine, "weekly_goal"), get_setting(engine, "ghost_days")) == (7, 21)
    with pytest.raises(StoreError) as exc:
        set_settings(engine, {"weekly_goal": 9, "ghost_days": 0})
    assert exc.value.field == "ghost_days"
    assert (get_setting(engine, "weekly_goal"), get_setting(engine, "ghost_days")) == (7, 21)


def test_every_setting_out_of_range_is_named_in_one_refusal(engine):
    """The store says each field at fault at once: the page shows them all under their boxes."""
    with pytest.raises(StoreError) as exc:
        set_settings(engine, {"weekly_goal": -1, "ghost_days": 400, "reapproach_months": 6})
    assert exc.value.errors == {
        "weekly_goal": "Weekly goal (applications) must be between 0 and 100.",
        "ghost_days": "Ghosted after (days) must be between 1 and 365.",
    }
    assert get_setting(engine, "ghost_days") == 30
