"""The tables: the schema designed whole (applications and everything hung off them).

Created and upgraded only by the Alembic revisions in lib/core/migrations (a change here needs a new
revision there). Read and written only through lib/store.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _fk(
    column: str, table: str, *, nullable: bool = False, ondelete: str = "CASCADE", index: bool = True
) -> sa.Column:
    return sa.Column(
        column,
        sa.Integer,
        sa.ForeignKey(f"{table}.id", ondelete=ondelete),
        nullable=nullable,
        index=index,
    )


def _created() -> sa.Column:
    return sa.Column("created_at", sa.DateTime, nullable=False, server_default=sa.func.now())


def _version() -> sa.Column:
    """Bumped by every save of a row two tabs may edit: a save names the version it started from."""
    return sa.Column("version", sa.Integer, nullable=False, server_default="1")


# One row: a counter bumped by every write, so caches can key on it cheaply.
meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)

companies = sa.Table(
    "companies",
    metadata,
    _id(),
    sa.Column("name", sa.String, nullable=False),
    # casefolded, whitespace-collapsed name: "acme " and "ACME" are one company
    sa.Column("name_key", sa.String, nullable=False, unique=True),
    sa.Column("website", sa.String),
    sa.Column("target_priority", sa.Integer),  # 1 high, 2 medium, 3 low; NULL: not a target
    sa.Column("target_reason", sa.Text),
    sa.Column("notes", sa.Text),
    _created(),
)

applications = sa.Table(
    "applications",
    metadata,
    _id(),
    _fk("company_id", "companies", ondelete="RESTRICT"),
    sa.Column("role", sa.String, nullable=False),
    sa.Column("applied_on", sa.Date, nullable=False, index=True),
    # false: an import had no date applied and the status date stands in (never a response time)
    sa.Column("applied_known", sa.Boolean, nullable=False, server_default=sa.true()),  # revision 0008
    sa.Column("channel", sa.String, nullable=False),
    sa.Column("source", sa.String),  # the board or ATS name
    sa.Column("job_url", sa.String),
    sa.Column("resume_version", sa.String),
    sa.Column("location", sa.String),
    sa.Column("work_mode", sa.String),
    sa.Column("notes", sa.Text),
    sa.Column("reapplication_of", sa.Integer, sa.ForeignKey("applications.id", ondelete="SET NULL")),
    sa.Column("reapply_reason", sa.Text),
    sa.Column("import_key", sa.String, unique=True),  # makes re-importing a file a no-op
    _created(),
    sa.Column("updated_at", sa.DateTime),
    _version(),
)

stage_events = sa.Table(
    "stage_events",
    metadata,
    _id(),
    _fk("application_id", "applications", index=False),  # ix_stage_events_app_date serves it
    sa.Column("kind", sa.String, nullable=False),  # vocab.EVENT_KINDS
    sa.Column(
        "occurred_on", sa.Date, nullable=False
    ),  # when date_known is false: an ordering placeholder only
    sa.Column("date_known", sa.Boolean, nullable=False, server_default=sa.true()),  # revision 0002
    sa.Column("round_label", sa.String),  # "Technical", "Round 2", ...
    sa.Column("via", sa.String),  # how the news came (vocab.NEWS_CHANNELS)
    sa.Column("note", sa.Text),
    _created(),
)

contacts = sa.Table(
    "contacts",
    metadata,
    _id(),
    _fk("company_id", "companies", nullable=True, ondelete="SET NULL"),
    sa.Column("name", sa.String, nullable=False),
    sa.Column("role", sa.String, nullable=False, server_default="other"),
    sa.Column("email", sa.String),
    sa.Column("phone", sa.String),
    sa.Column("profile_url", sa.String),
    sa.Column("met_on", sa.Date),
    sa.Column("connected_on", sa.Date),
    sa.Column("last_contact_on", sa.Date),
    sa.Column("next_checkin_on", sa.Date),
    sa.Column("notes", sa.Text),
    sa.Column("import_key", sa.String, unique=True),
    _created(),
)

# A debrief of one interview round. Bank answers beyond the fixed columns live in `answers`.
interviews = sa.Table(
    "interviews",
    metadata,
    _id(),
    _fk("application_id", "applications"),
    sa.Column("round_type", sa.String),
    sa.Column("occurred_on", sa.Date),
    sa.Column("format", sa.String),
    sa.Column("comfort", sa.Integer),
    sa.Column("bank_version", sa.Integer),
    sa.Column("answers", sa.JSON, nullable=False, default=dict),
    _created(),
    sa.Column("updated_at", sa.DateTime),
    # The stage event of the round debriefed (revision 0002; NULL for older debriefs). The column
    # was added in place with ON DELETE SET NULL, an option SQLAlchemy doesn't read back inline.
    sa.Column("stage_event_id", sa.Integer, sa.ForeignKey("stage_events.id"), index=True),
)

interview_contacts = sa.Table(
    "interview_contacts",
    metadata,
    sa.Column(
        "interview_id",
        sa.Integer,
        sa.ForeignKey("interviews.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "contact_id",
        sa.Integer,
        sa.ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

interview_questions = sa.Table(
    "interview_questions",
    metadata,
    _id(),
    _fk("interview_id", "interviews"),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("category", sa.String),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("my_answer", sa.Text),
    sa.Column("rating", sa.Integer),
    sa.Column("better_answer", sa.Text),
)

# Questionnaire answers by question id, with the bank they were asked from (see questionnaires).
reflections = sa.Table(
    "reflections",
    metadata,
    _id(),
    _fk("application_id", "applications"),
    sa.Column("bank", sa.String, nullable=False),  # e.g. "rejection"
    sa.Column("bank_version", sa.Integer, nullable=False),
    sa.Column("answers", sa.JSON, nullable=False, default=dict),
    sa.Column("pause_until", sa.DateTime),
    _created(),
    sa.Column("updated_at", sa.DateTime),
    _version(),
)

# Half-filled questionnaires, so nothing typed is lost across pages and reloads.
drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("key", sa.String, primary_key=True),  # e.g. "debrief:12"
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False, server_default=sa.func.now()),
    _version(),
)

feedback = sa.Table(
    "feedback",
    metadata,
    _id(),
    _fk("application_id", "applications"),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL"), index=True),
    sa.Column("asked_on", sa.Date),
    sa.Column("asked_via", sa.String),
    sa.Column("received_on", sa.Date),
    sa.Column("text", sa.Text),
    sa.Column("themes", sa.JSON, nullable=False, default=list),
    _created(),
)

follow_up_notes = sa.Table(
    "follow_up_notes",
    metadata,
    _id(),
    _fk("application_id", "applications", nullable=True),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL"), index=True),
    sa.Column("kind", sa.String, nullable=False),  # vocab.NOTE_KINDS
    sa.Column("recipient_role", sa.String),
    sa.Column("recipient_name", sa.String),
    sa.Column("recipient_email", sa.String),
    sa.Column("subject", sa.String),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sent_on", sa.Date),
    _created(),
    sa.Column("updated_at", sa.DateTime),
)

# Next actions are computed from the data; this table keeps what the user decided about them
# (done, snoozed) by a stable rule key, plus actions the user added by hand.
next_actions = sa.Table(
    "next_actions",
    metadata,
    _id(),
    sa.Column("rule_key", sa.String, nullable=False, unique=True),  # "thank-you:app:12" or "manual:…"
    sa.Column("title", sa.String),
    sa.Column("due_on", sa.Date),
    sa.Column("status", sa.String, nullable=False, server_default="open"),  # open, done, snoozed
    sa.Column("snoozed_until", sa.Date),
    sa.Column("done_at", sa.DateTime),
    _created(),
)

mood_checkins = sa.Table(
    "mood_checkins",
    metadata,
    _id(),
    sa.Column("recorded_at", sa.DateTime, nullable=False, index=True),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("words", sa.Text),
    sa.Column(
        "application_id",
        sa.Integer,
        sa.ForeignKey("applications.id", ondelete="SET NULL"),
        index=True,
    ),
)

strategy_reviews = sa.Table(
    "strategy_reviews",
    metadata,
    _id(),
    sa.Column("bank_version", sa.Integer, nullable=False),
    sa.Column("answers", sa.JSON, nullable=False, default=dict),
    sa.Column("weekly_goal", sa.Integer),
    sa.Column("targets", sa.JSON, nullable=False, default=list),  # the target list as it stood
    _created(),
)

sa.Index("ix_stage_events_app_date", stage_events.c.application_id, stage_events.c.occurred_on)
# Only re-applications are looked up by it; most rows have none (revision 0006).
sa.Index(
    "ix_applications_reapplication_of",
    applications.c.reapplication_of,
    sqlite_where=applications.c.reapplication_of.isnot(None),
)


# The practice tables (revision 0004) live in their own module, on this same metadata.
from lib.core import schema_practice  # noqa: E402, F401
