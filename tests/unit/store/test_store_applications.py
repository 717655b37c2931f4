import datetime as dt

import pytest

from lib.core.models import ApplicationIn, StageEventIn
from lib.learn import traction
from lib.store import applications as store
from lib.store.base import StoreError

DAY = dt.date(2026, 1, 5)


def _add(engine, company="Acme", role="Data Analyst", applied_on=DAY, **extra):
    return store.add_application(
        engine, ApplicationIn(company=company, role=role, applied_on=applied_on, **extra)
    )


def _event(engine, app_id, kind, day):
    return store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=day))


def test_applications_share_one_company_however_it_is_typed(engine):
    _add(engine, company="Acme")
    _add(engine, company="acme ", role="Analyst")
    assert store.company_names(engine) == ["Acme"]
    assert set(store.load_applications(engine)["company"]) == {"Acme"}


def test_a_saved_application_reads_back_as_entered(engine):
    app_id = _add(
        engine,
        channel="referral",
        source="Greenhouse",
        job_url="https://acme.example/jobs/1",
        resume_version="v4",
        location="Berlin",
        work_mode="hybrid",
        notes="ask for Maya",
    )
    app = store.get_application(engine, app_id)
    assert (app["company"], app["role"], app["applied_on"], app["channel"], app["work_mode"]) == (
        "Acme",
        "Data Analyst",
        DAY,
        "referral",
        "hybrid",
    )


def test_the_log_derives_furthest_stage_and_outcome_from_events(engine):
    app_id = _add(engine)
    _event(engine, app_id, "screen", DAY + dt.timedelta(days=3))
    _event(engine, app_id, "interview", DAY + dt.timedelta(days=9))
    _event(engine, app_id, "rejected", DAY + dt.timedelta(days=12))
    log = traction.with_status(store.load_applications(engine), store.load_events(engine))
    assert log.loc[0, ["furthest_stage", "outcome"]].tolist() == ["interview", "rejected"]


def test_a_stage_before_the_application_date_is_refused_and_nothing_is_saved(engine):
    app_id = _add(engine)
    with pytest.raises(StoreError) as exc:
        _event(engine, app_id, "screen", DAY - dt.timedelta(days=1))
    assert exc.value.field == "occurred_on" and "before the application date" in exc.value.message
    assert store.events_for(engine, app_id).empty


def test_nothing_can_be_recorded_after_an_ending(engine):
    app_id = _add(engine)
    _event(engine, app_id, "rejected", DAY + dt.timedelta(days=2))
    with pytest.raises(StoreError, match="already ended"):
        _event(engine, app_id, "interview", DAY + dt.timedelta(days=5))


def test_an_ending_cannot_predate_the_last_stage(engine):
    app_id = _add(engine)
    _event(engine, app_id, "interview", DAY + dt.timedelta(days=10))
    with pytest.raises(StoreError, match="can't come before"):
        _event(engine, app_id, "rejected", DAY + dt.timedelta(days=5))


def test_declining_needs_an_offer(engine):
    app_id = _add(engine)
    with pytest.raises(StoreError, match="after an offer"):
        _event(engine, app_id, "declined", DAY + dt.timedelta(days=5))


def test_the_application_date_cannot_move_past_its_first_event(engine):
    app_id = _add(engine)
    _event(engine, app_id, "screen", DAY + dt.timedelta(days=2))
    moved = ApplicationIn(company="Acme", role="Data Analyst", applied_on=DAY + dt.timedelta(days=4))
    with pytest.raises(StoreError) as exc:
        store.update_application(engine, app_id, moved)
    assert exc.value.field == "applied_on"
    assert store.get_application(engine, app_id)["applied_on"] == DAY


def test_deleting_an_application_removes_its_events(engine):
    app_id = _add(engine)
    _event(engine, app_id, "screen", DAY + dt.timedelta(days=1))
    store.delete_application(engine, app_id)
    assert store.get_application(engine, app_id) is None and store.load_events(engine).empty


def test_same_company_and_role_is_found_for_the_repeat_warning(engine):
    first = _add(engine, role="Data  Analyst")
    assert [r["id"] for r in store.same_role_elsewhere(engine, "ACME", "data analyst")] == [first]
    assert store.same_role_elsewhere(engine, "Acme", "Engineer") == []


def test_a_reapplication_links_to_an_earlier_one_at_the_same_company_only(engine):
    first = _add(engine)
    other = _add(engine, company="Zeta")
    second = _add(
        engine,
        role="Senior Analyst",
        applied_on=DAY + dt.timedelta(days=90),
        reapplication_of=first,
        reapply_reason="Closer to product",
    )
    assert store.get_application(engine, second)["reapplication_of"] == first
    with pytest.raises(StoreError, match="same company"):
        _add(engine, reapplication_of=other)


def test_every_write_bumps_the_data_revision(engine):
    from lib.core import db

    before = db.revision(engine)
    _add(engine)
    assert db.revision(engine) == before + 1


def test_a_corrected_day_keeps_the_history_in_order(engine):
    app_id = store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date(2026, 1, 5))
    )

    def step(kind, day, round_label=""):
        event = StageEventIn(application_id=app_id, kind=kind, occurred_on=day, round_label=round_label)
        return store.add_stage_event(engine, event)

    first = step("interview", dt.date(2026, 1, 10), "Technical")
    second = step("interview", dt.date(2026, 1, 14), "Technical")
    ended = step("rejected", dt.date(2026, 1, 20))
    with pytest.raises(StoreError, match="ending can't come before the last recorded stage"):
        store.set_event_date(engine, ended, dt.date(2026, 1, 12))
    with pytest.raises(StoreError, match="after the application ended"):
        store.set_event_date(engine, first, dt.date(2026, 1, 21))
    with pytest.raises(StoreError, match="already in the history"):
        store.set_event_date(engine, first, dt.date(2026, 1, 14))
    with pytest.raises(StoreError, match="in the future"):
        store.set_event_date(engine, first, dt.date.today() + dt.timedelta(days=1))
    store.set_event_date(engine, first, dt.date(2026, 1, 11))
    store.set_event_date(engine, ended, dt.date(2026, 1, 14))  # the same day as the last step is fine
    days = store.events_for(engine, app_id).set_index("id")["occurred_on"].dt.date
    assert days[first] == dt.date(2026, 1, 11) and days[ended] == dt.date(2026, 1, 14)
    assert days[second] == dt.date(2026, 1, 14)
