"""Reading job emails: what an email is (kind), who it is from, for which role, and how far it got.

- `parse` turns `.eml`, `.mbox` (streamed), `.msg` and pasted text into `Email`s;
- `text` makes the body plain and keeps only the sender's own words;
- `classify` decides the kind and says why; `extract` finds company, role and stage;
- `match` links a reading to the log (the application it is about, or none: create one);
- `scan` reads whole files for the command line and the Import page.

    >>> reading = understand(from_pasted("Subject: Your application\\n\\nThanks for applying to Acme…"))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lib.data.email import extract
from lib.data.email.classify import KINDS, classify
from lib.data.email.parse import Email, MessageError, read_bytes, read_path
from lib.data.email.pasted import from_pasted

__all__ = [
    "KINDS",
    "Email",
    "MessageError",
    "Reading",
    "understand",
    "from_pasted",
    "read_bytes",
    "read_path",
]


@dataclass
class Reading:
    """What Rebound understood from one email (every guess editable before it is saved)."""

    email: Email
    kind: str
    confident: bool
    reason: str
    system: str | None
    language: str
    company: str | None = None
    role: str | None = None
    stage: str | None = None
    date: dt.date | None = None
    application_id: int | None = None  # set by matching to the log
    match_note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def job_related(self) -> bool:
        return self.kind != "other"


def understand(message: Email) -> Reading:
    verdict = classify(message.subject, message.sender, message.text, message.bulk)
    reading = Reading(
        email=message,
        kind=verdict.kind,
        confident=verdict.confident,
        reason=verdict.reason,
        system=verdict.system,
        language=verdict.language,
        # dated after today (the sender's time zone, a wrong clock): it reached the person today
        date=min(message.date, dt.date.today()) if message.date else None,
    )
    if verdict.kind == "other":
        return reading
    first_role = extract.role(message.subject, verdict.sentences, None)
    reading.company = extract.company(
        message.subject,
        message.sender,
        message.sender_name,
        verdict.sentences,
        message.text,
        avoid=first_role,
    )
    reading.role = extract.role(message.subject, verdict.sentences, reading.company)
    reading.stage = extract.stage(verdict.kind, verdict.sentences)
    if reading.company is None:
        reading.confident = False  # nothing to attach it to without a company
    return reading
