"""The demo is a believable search: what it shows must be true of its own data."""

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from lib.core import db, vocab
from lib.data import demo

TODAY = dt.date(2026, 6, 1)


def test_a_ghosted_application_was_silent_for_the_ghosting_threshold_and_came_by_no_channel(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.build(engine, TODAY)
    with engine.connect() as connection:
        apps = pd.read_sql(sa.select(db.applications.c.id, db.applications.c.applied_on), connection)
        events = pd.read_sql(sa.select(db.stage_events), connection)
    ghosted = events[events["kind"] == "ghosted"]
    assert len(ghosted) >= 3  # the demo shows ghosting at all
    assert ghosted["via"].isna().all()  # silence came by no channel ("Ghosted (email)" was seen)
    for row in ghosted.itertuples():
        before = events[(events["application_id"] == row.application_id) & (events["id"] != row.id)]
        applied = apps.loc[apps["id"] == row.application_id, "applied_on"].iloc[0]
        last_heard = max([pd.Timestamp(applied), *pd.to_datetime(before["occurred_on"])])
        assert (pd.Timestamp(row.occurred_on) - last_heard).days >= vocab.DEFAULT_GHOST_DAYS


def test_nothing_in_the_demo_is_dated_after_the_day_it_is_built(tmp_path):
    """A "no" on the build day had its feedback asked "tomorrow" and answered in five days: the
    demo showed answers from the future. Whatever the day, every date is on or before it."""
    for day in [TODAY + dt.timedelta(days=offset) for offset in range(0, 40, 3)]:
        engine = db.open_database(f"sqlite:///{tmp_path / f'demo-{day}.db'}")
        demo.build(engine, day)
        end = pd.Timestamp(day) + pd.Timedelta(days=1)  # before the next midnight
        with engine.connect() as connection:
            for table, column in (
                (db.feedback, "asked_on"),
                (db.feedback, "received_on"),
                (db.follow_up_notes, "sent_on"),
                (db.reflections, "created_at"),
                (db.mood_checkins, "recorded_at"),
                (db.stage_events, "occurred_on"),
            ):
                values = pd.to_datetime(pd.read_sql(sa.select(table.c[column]), connection)[column])
                assert (values.dropna() < end).all(), f"{table.name}.{column} after {day}"
        engine.dispose()


def test_the_demo_search_goes_on_only_while_no_offer_was_accepted(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.build(engine, TODAY)
    with engine.connect() as connection:
        applied = pd.read_sql(sa.select(db.applications.c.applied_on), connection)["applied_on"]
        events = pd.read_sql(sa.select(db.stage_events), connection)
    accepted = pd.to_datetime(events.loc[events["kind"] == "accepted", "occurred_on"])
    assert accepted.empty or (pd.to_datetime(applied) <= accepted.min()).all()
    assert (events["kind"] == "declined").any()  # offers still end: declined


def test_the_demo_opens_on_a_whole_home_not_in_a_pause(tmp_path):
    """The demo's latest "no" came a day before it was built: its pause (until 18:00 the next day)
    was still running, and Home showed little but the pause. Pauses ended before then still count."""
    from lib.store.reflections import pauses_ending_after

    ended = 0
    for day in [TODAY + dt.timedelta(days=offset) for offset in range(0, 40, 3)]:
        engine = db.open_database(f"sqlite:///{tmp_path / f'demo-{day}.db'}")
        demo.build(engine, day)
        built = dt.datetime.combine(day, dt.time(23, 59))
        assert pauses_ending_after(engine, built) == [], day
        ended += len(pauses_ending_after(engine, dt.datetime(2000, 1, 1)))
        engine.dispose()
    assert ended > 0  # the earlier pauses are kept: a pause is part of the demo's story


def test_feedback_asked_by_email_comes_with_the_note_that_asked_it_sent(tmp_path):
    """The Feedback page listed asks by email whose only note was still "draft, not sent"."""
    engine = db.open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.build(engine, TODAY)
    with engine.connect() as connection:
        asked = pd.read_sql(sa.select(db.feedback), connection)
        notes = pd.read_sql(sa.select(db.follow_up_notes), connection)
    by_email = asked[asked["asked_via"] == "email"]
    assert len(by_email) >= 3
    for row in by_email.itertuples():
        theirs = notes[
            (notes["application_id"] == row.application_id) & (notes["contact_id"] == row.contact_id)
        ]
        assert theirs["sent_on"].notna().any(), row.application_id
    assert (asked["asked_via"] == "phone").any()  # the drafts' asks: another way


def test_a_demo_debrief_names_its_round_as_the_stage_history_does(tmp_path):
    """Kettle Labs: the history said "Interview (Round 2)", its debrief "Other round"."""
    engine = db.open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    demo.build(engine, TODAY)
    with engine.connect() as connection:
        rounds = pd.read_sql(
            sa.select(db.interviews.c.round_type, db.stage_events.c.round_label).join(
                db.stage_events,
                (db.interviews.c.application_id == db.stage_events.c.application_id)
                & (db.interviews.c.occurred_on == db.stage_events.c.occurred_on)
                & db.stage_events.c.kind.in_(["interview", "final"]),
            ),
            connection,
        )
    labelled = rounds[rounds["round_label"].notna()]
    assert len(labelled) >= 5
    assert (labelled["round_type"] != "other").all()
    assert (labelled["round_type"].str[:4] == labelled["round_label"].str.lower().str[:4]).all()
