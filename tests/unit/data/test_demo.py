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
