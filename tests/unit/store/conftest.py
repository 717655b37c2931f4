"""Fixtures shared by the store tests: dates counted back from today, an application that ended."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store

TODAY = dt.date.today()


def ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def rejected_app(engine):
    """An application interviewed six days ago and turned down yesterday."""
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=ago(20))
    )
    for kind, day in (("interview", ago(6)), ("rejected", ago(1))):
        app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind=kind, occurred_on=day))
    return app_id
