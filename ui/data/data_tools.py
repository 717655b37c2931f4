"""The Export, Backup & restore and Delete all tabs of the data page."""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

from lib.core import db
from lib.data import backup, export
from lib.store import data as data_store
from ui import forms, state
from ui.text import md

RESTORE_UPLOADER = "restore_uploader"
DELETE_FORM = "delete_all"
CONFIRM_WORD = "DELETE"
IMPORTABLE = (".csv", ".tsv", ".txt", ".zip", ".xlsx", ".xls", ".json")  # given to restore: sent to Import


@state.cached(max_entries=4)
def current_counts(engine) -> dict[str, int]:
    return data_store.counts(engine)


@st.cache_data(max_entries=4, show_spinner="Checking the backup…")
def _check(digest: str, _content: bytes) -> data_store.BackupCheck:
    return backup.check_backup_bytes(_content)


# the tables counted, in the words the pages use ("mood checkins" was the table's name)
TABLE_WORDS = {
    "applications": ("application", "applications"),
    "stage_events": ("stage event", "stage events"),
    "companies": ("company", "companies"),
    "contacts": ("contact", "contacts"),
    "interviews": ("interview", "interviews"),
    "reflections": ("reflection", "reflections"),
    "follow_up_notes": ("follow-up note", "follow-up notes"),
    "mood_checkins": ("mood check-in", "mood check-ins"),
    "interview_questions": ("interview question", "interview questions"),
    "feedback": ("feedback entry", "feedback entries"),
    "emails": ("email", "emails"),
    "strategy_reviews": ("strategy review", "strategy reviews"),
    "weekly_plans": ("weekly plan", "weekly plans"),
    "practice_cards": ("practice card", "practice cards"),
    "writing_sessions": ("writing session", "writing sessions"),
}


def _describe(counts: dict[str, int]) -> str:
    words = lambda name, n: TABLE_WORDS.get(name, (name.replace("_", " "),) * 2)[n != 1]  # noqa: E731
    parts = [f"{n:,} {words(name, n)}" for name, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing yet"


def _reopen() -> None:
    """After the database file changed under the app: forget every engine and cached read."""
    st.cache_resource.clear()
    st.cache_data.clear()


def export_tab() -> None:
    counts = current_counts()
    st.markdown(
        "Every table as its own CSV file, in one zip — ready for a spreadsheet. To keep a copy you "
        "can bring back into Rebound, use **Backup & restore** instead: one file with everything."
    )
    st.caption(  # no code styling: its green on white was too faint to read (axe: color-contrast)
        "Text that starts with =, +, - or @ gets a ' in front, so the spreadsheet shows it as you "
        "wrote it instead of running it. In applications.csv, “status” is each application as "
        "Rebound shows it today (ghosted after a long silence). Where the day you applied wasn't known "
        "(an application first seen in its answer), “applied_on” holds the day the answer came, and "
        "“applied_known” says False."
    )
    if not any(counts.values()):  # writing, reviews or practice alone are worth taking out too
        st.info("Nothing to export yet: import or add an application first.", icon=":material/info:")
        return
    eng = state.engine()
    st.download_button(
        "Download all tables (CSV, zip)",
        data=lambda: export.export_zip(eng),
        # the demo's own name: it never passes for the person's data in their downloads
        file_name=f"rebound-{'demo-' if state.is_demo() else ''}export-{dt.date.today():%Y-%m-%d}.zip",
        mime="application/zip",
        icon=":material/download:",
        type="primary",
        on_click="ignore",
        key="export_zip",
    )
    st.caption(f"Holds {_describe(counts)}.")


def _backup_button(label: str, key: str, primary: bool = False) -> None:
    """The full backup's download (made only when pressed), on Backup & restore and on Delete all."""
    url = db.database_url()
    st.download_button(
        label,
        data=lambda: backup.backup_bytes(url),
        file_name=f"rebound-backup-{dt.date.today():%Y-%m-%d}.db",
        mime="application/vnd.sqlite3",
        icon=":material/backup:",
        type="primary" if primary else "secondary",
        on_click="ignore",
        key=key,
    )


def backup_tab() -> None:
    forms.show_flash()
    if state.is_demo():
        st.info(
            "Backups and restores are for your own data: switch to **My data** (beside the demo banner, or in the sidebar).",
            icon=":material/info:",
        )
        return
    url = db.database_url()
    st.markdown("**Back up** — one file with everything, a consistent copy of the database.")
    _backup_button("Download a full backup", "backup_download", primary=True)
    st.divider()
    st.markdown(
        "**Restore** — replace your data with a backup. It is checked first; what it replaces is kept, "
        "so you can go one step back."
    )
    upload = st.file_uploader(  # any file: a CSV got Streamlit's bare "text/csv files are not allowed"
        "Backup file (.db)",
        key=f"restore_file_{st.session_state.get(RESTORE_UPLOADER, 0)}",
    )
    if upload is not None:
        content = upload.getvalue()
        check = _check(hashlib.sha1(content).hexdigest(), content)
        if not check.ok:
            told = "nothing was replaced" in check.message.lower()  # said once, not twice
            importable = upload.name.lower().endswith(IMPORTABLE)  # the other way in: say where it is
            st.error(
                f"This file can't be restored. {md(check.message)}"
                + ("" if told else " Nothing was changed.")
                + (
                    " To bring in a spreadsheet's or LinkedIn's rows, use the **Import** tab."
                    if importable
                    else ""
                ),
                icon=":material/error:",
            )
        else:
            st.write(f"This backup holds **{_describe(check.counts)}**.")
            now = current_counts()
            if any(now.values()):
                st.warning(
                    f"Restoring replaces what you have now: **{_describe(now)}**. "
                    "That is kept, so **Go back one step** can bring it back.",
                    icon=":material/warning:",
                )
            else:
                st.info(
                    "You have nothing saved in Rebound yet, so nothing is replaced.", icon=":material/info:"
                )
            sure = st.checkbox("Replace my data with this backup", key="restore_sure")
            if st.button(
                "Restore this backup",
                type="primary",
                disabled=not sure,
                icon=":material/restore:",
                key="restore_go",
            ):
                result = backup.restore_bytes(url, content, engines=[state.engine()])
                _reopen()
                st.session_state[RESTORE_UPLOADER] = st.session_state.get(RESTORE_UPLOADER, 0) + 1
                forms.flash(
                    f"Restored: {_describe(result.check.counts)}."
                    + (
                        " The data it replaced is kept — go back one step below if this was a mistake."
                        if any(result.replaced.values())
                        else ""  # nothing was replaced: nothing kept to speak of
                    )
                )
                st.rerun()
    if backup.can_undo_restore(url):
        # after a step back, the copy kept is the restored data: named by what it holds, the button
        # never says "undo" of what would be a redo
        kept = _kept_counts(str(backup.previous_path(url)), backup.previous_path(url).stat().st_mtime_ns)
        with st.expander("Go back one step"):
            st.caption(
                f"Puts back the data you had before the last restore or step back: **{_describe(kept)}**. "
                "What you have now is kept in turn, so you can come back to it the same way."
            )
            empties = not any(kept.values()) and any(current_counts().values())
            if empties:  # a step back to an empty Rebound: said plainly, and asked (it read "nothing yet")
                st.warning(
                    "That was an empty Rebound: going back empties it again.", icon=":material/warning:"
                )
            sure = not empties or st.checkbox("Empty Rebound, as it was", key="undo_restore_sure")
            if st.button("Go back one step", icon=":material/undo:", key="undo_restore", disabled=not sure):
                result = backup.undo_restore(url, engines=[state.engine()])
                _reopen()
                counts = result.check.counts
                forms.flash(
                    f"Back one step: you have {_describe(counts)}."
                    if any(counts.values())
                    else "Back one step: Rebound is empty again, as it was before the restore."
                )
                st.rerun()


@st.cache_data(max_entries=2, show_spinner=False)
def _kept_counts(path: str, modified_ns: int) -> dict[str, int]:
    """What the copy a restore kept holds (read again only when the copy changes)."""
    return backup.check_backup(path).counts


def delete_tab() -> None:
    forms.show_flash()
    if state.is_demo():
        st.info(
            "Deleting is for your own data: switch to **My data** (beside the demo banner, or in the sidebar). The demo data is "
            "made up and can't be deleted.",
            icon=":material/info:",
        )
        return
    counts = current_counts()
    kept = backup.can_undo_restore(db.database_url())
    if not any(counts.values()) and not kept:  # "Deletes everything — nothing yet", and a button
        st.info("Nothing to delete: Rebound holds no data of yours.", icon=":material/info:")
        return
    st.markdown(
        f"Deletes everything you have in Rebound — **{_describe(counts)}**"
        + (" — and the copy kept by the last restore" if kept else "")  # only while there is one
        + ". Your settings go back to their defaults. It can't be undone: download a backup first if "
        "you may want it back."
    )
    _backup_button("Download a full backup first", "backup_before_delete")
    with st.form(DELETE_FORM):
        typed = st.text_input(
            f"Type {CONFIRM_WORD} to confirm", key="delete_confirm", placeholder=CONFIRM_WORD
        )
        forms.field_error(DELETE_FORM, "confirm")
        if st.form_submit_button("Delete all my data", type="primary", icon=":material/delete_forever:"):
            if typed.strip() != CONFIRM_WORD:
                forms.set_errors(
                    DELETE_FORM,
                    {"confirm": f"Type {CONFIRM_WORD} (in capitals) to delete; nothing was deleted."},
                )
                st.rerun()
            forms.clear_errors(DELETE_FORM)
            backup.delete_all(db.database_url(), state.engine())
            _reopen()
            forms.flash("All your data was deleted.")
            st.rerun()
