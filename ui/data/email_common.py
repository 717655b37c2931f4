"""What the email components share: labels, the match log, and turning a reading into a record."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.core.db import Engine
from lib.reflect.timeline import application_choices
from lib.store import emails as email_store
from ui import state

KIND_LABELS = {
    "rejection": "A rejection",
    "interview": "An interview invitation",  # scheduling too; whole in a third of 1,280 px
    "application": "Application received",
    "offer": "An offer",
    "other": "Not news about an application",
}
STAGE_LABELS = {
    "": "Not said",
    "applied": "After applying",
    "screen": "Screen",
    "interview": "Interview",
    "final": "Final round",
}
NEW = 0  # the choice "create a new application"


@state.cached(max_entries=4)
def match_log(engine: Engine) -> pd.DataFrame:
    """The applications emails are matched against (cached on the data revision)."""
    return email_store.match_log(engine)


def choices() -> dict[int, str]:
    """{application id: label}, with 0 meaning "create a new application"."""
    return {NEW: "Create a new application", **state.from_log(application_choices, False, 500)}


def record(
    *,
    message_id: str,
    kind: str,
    company: str,
    role: str | None,
    date: dt.date,
    stage: str | None,
    application_id: int | None,
    sender: str = "",
    subject: str = "",
    text: str = "",
    system: str | None = None,
    applied_on: dt.date | None = None,
) -> email_store.EmailRecord:
    return email_store.EmailRecord(
        message_id=message_id,
        kind=kind,
        company=company.strip(),
        role=(role or "").strip() or None,
        date=date,  # as read (never after today) or typed: a day ahead is refused with a message
        stage=stage or None,
        application_id=application_id or None,
        sender=sender,
        subject=subject,
        text=text,
        hiring_system=system,
        applied_on=applied_on,
    )
