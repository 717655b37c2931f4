"""Rebound's own export (Import & export → Export): which of its CSV files the importer takes back.

Its `applications.csv` (with each application's stage history) imports as any spreadsheet does. Its
other files are tables of Rebound's own (companies, reflections, notes, …): read as a spreadsheet,
`companies.csv` became 426 applications "Role not given". They are named and refused instead, with
the way to bring everything back: a backup, restored.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from lib.core import db

APPLICATIONS = "applications"
# What the export adds beside a table's own columns (lib.store.data.table_frames).
_ADDED = {
    "applications": {"company", "furthest_stage", "outcome", "status", "stage_history"},
    "contacts": {"company"},
}
WORDS = {
    "companies": "companies",
    "stage_events": "stage history",
    "emails": "recorded emails",
    "contacts": "people",
    "interviews": "interview debriefs",
    "interview_contacts": "people met at interviews",
    "interview_questions": "interview questions",
    "reflections": "reflections",
    "feedback": "feedback",
    "follow_up_notes": "notes",
    "next_actions": "next-action decisions",
    "mood_checkins": "mood check-ins",
    "strategy_reviews": "strategy reviews",
    "drafts": "drafts",
    "settings": "settings",
    "writing_sessions": "writing sessions",
    "weekly_plans": "weekly plans",
    "search_checks": "self-checks",
    "practice_cards": "practice cards",
    "practice_reviews": "practice grades",
    "setback_notes": "setback notes",
    "practice_settings": "practice settings",
}
_ALWAYS = ("companies", "stage_events")  # in every export, with or without rows
HOW_TO_RESTORE = (
    "To bring back everything from Rebound, restore a backup (Import & export → Backup & restore); "
    "from an export, only applications.csv imports."
)


def table_of(header: list[str]) -> str | None:
    """The Rebound table a CSV's header is the export of, or None for any other file."""
    given = {h.strip() for h in header}
    best: tuple[int, str] | None = None
    for name in (APPLICATIONS, *WORDS):
        columns = {c.name for c in db.metadata.tables[name].columns}
        if columns <= given <= columns | _ADDED.get(name, set()):
            best = max(best or (0, ""), (len(columns), name))
    return best[1] if best else None


def refusal(table: str) -> str:
    """Why a file of Rebound's own table (not its applications) is not imported."""
    return (
        f"This is Rebound's own list of {WORDS.get(table, table)} from an export: it is not a list of "
        f"applications, so nothing in it was imported. {HOW_TO_RESTORE}"
    )


def members(filenames: list[str]) -> tuple[str | None, list[str]]:
    """In a zip: Rebound's applications.csv (or None) and the other export files beside it, by
    their names. A zip is Rebound's export when it holds applications.csv with the tables every
    export has beside it (companies and stage events): a zip of someone's applications.csv and
    contacts.csv is not taken for one."""
    by_stem = {PurePosixPath(f).stem.casefold(): f for f in filenames if f.casefold().endswith(".csv")}
    others = [by_stem[s] for s in by_stem if s in WORDS]
    if not {APPLICATIONS, *_ALWAYS} <= set(by_stem):
        return None, []
    return by_stem[APPLICATIONS], sorted(others)


def left_out(others: list[str]) -> str:
    """The notice on the applications read from an export zip: what else was in it, and why not."""
    names = sorted({WORDS[PurePosixPath(f).stem.casefold()] for f in others})
    shown = ", ".join(names[:6]) + ("…" if len(names) > 6 else "")
    return (
        f"From Rebound's export, the applications (with their stage history) were read; its other "
        f"files ({shown}) were not. {HOW_TO_RESTORE}"
    )
