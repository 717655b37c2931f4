"""Two tabs, one truth: a save that started from an older version is refused, with what is stored
now, instead of silently overwriting what the other tab saved."""

import datetime as dt

import pytest

from lib.core.models import ApplicationIn, RejectionIn
from lib.store import applications as apps
from lib.store import reflections as store
from lib.store.base import Conflict

TODAY = dt.date.today()


def _app(**kw) -> ApplicationIn:
    values = dict(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20)) | kw
    return ApplicationIn(**values)


def test_a_second_tab_saving_notes_from_the_old_version_gets_a_conflict_with_the_first_tabs_text(engine):
    app_id = apps.add_application(engine, _app())
    opened = apps.get_application(engine, app_id)["version"]
    assert apps.update_application(engine, app_id, _app(notes="from tab one"), opened) == opened + 1
    with pytest.raises(Conflict) as caught:
        apps.update_application(engine, app_id, _app(notes="from tab two"), opened)
    assert caught.value.saved["notes"] == "from tab one"
    assert apps.get_application(engine, app_id)["notes"] == "from tab one"
    # choosing "keep mine" saves over the version now stored
    apps.update_application(engine, app_id, _app(notes="from tab two"), caught.value.saved["version"])
    assert apps.get_application(engine, app_id)["notes"] == "from tab two"


def test_a_reflection_edited_in_two_tabs_keeps_the_first_save_and_reports_the_second(engine):
    app_id = apps.add_application(engine, _app())
    reflection_id = store.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="interview",
            occurred_on=TODAY - dt.timedelta(days=1),
            via="email",
            mood=2,
            mood_words="flat",
            pause_until=dt.datetime.combine(TODAY, dt.time(18)),
            answers={"lessons": "first"},
        ),
    )
    opened = store.get_reflection(engine, reflection_id)["version"]
    store.update_reflection(engine, reflection_id, {"lessons": "tab one"}, None, expected_version=opened)
    with pytest.raises(Conflict) as caught:
        store.update_reflection(engine, reflection_id, {"lessons": "tab two"}, None, expected_version=opened)
    assert caught.value.saved["answers"]["lessons"] == "tab one"
    assert store.get_reflection(engine, reflection_id)["answers"]["lessons"] == "tab one"


def test_a_shared_draft_written_by_another_tab_is_not_overwritten(engine):
    first = store.save_draft(engine, "rejection:1", {"answers": {"lesson": "tab one"}}, expected_version=0)
    with pytest.raises(Conflict) as caught:
        store.save_draft(engine, "rejection:1", {"answers": {"lesson": "tab two"}}, expected_version=0)
    assert caught.value.saved["payload"] == {"answers": {"lesson": "tab one"}}
    assert store.save_draft(engine, "rejection:1", {"answers": {"lesson": "x"}}, expected_version=first) == 2
    assert store.load_draft(engine, "rejection:1")["version"] == 2
