"""The Import tab: upload, correct the column mapping and the status words, preview, import.

Parsing is cached on the file's bytes and the user's corrections; the preview (what is new, what
is a duplicate) on the data revision too, so reruns while correcting a mapping stay quick.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

import pandas as pd
import streamlit as st

from lib.core import db, vocab
from lib.core.db import Engine
from lib.core.text import joined, plural
from lib.data.export import frame_to_csv
from lib.data.importers import ParsedFile, parse_bytes
from lib.data.importers.rows import FIELDS, REQUIRED, skipped_text
from lib.data.importers.spreadsheet import UNMAPPED
from lib.data.importers.statuses import TWO_WAYS_NOTE, status_map_from_table
from lib.search.filters import applied_known, gone_quiet
from lib.store import imports as import_store
from ui import state
from ui.data import import_problems as problems
from ui.text import md

NOT_IN_FILE = "(not in this file)"
UPLOADER = "import_uploader"
DONE = "import_done"
PREVIEW_ROWS = 200
ERROR_ROWS = 1_000
FORMAT_LABELS = {
    "spreadsheet": "Spreadsheet",
    "jobsync": "JobSync export",
    "huntr": "Huntr export",
    "hired": "Hired export",
    "email": "Mail",
    "simplify": "Simplify export",
    "stage-history": "Tracker with a stage history",
    "rebound": "Rebound export",
    "linkedin-applications": "LinkedIn job applications",
    "linkedin-saved-jobs": "LinkedIn saved jobs",
    "linkedin-connections": "LinkedIn connections",
    "linkedin-preferences": "LinkedIn job-seeker preferences",
    "zip": "Zip archive",
    "unreadable": "Unreadable file",
    problems.REFUSED: "Not a CSV",
}
SPREADSHEETS = {"spreadsheet", "simplify", "stage-history", "rebound"}

# the app takes files up to server.maxUploadSize (20 MB); the command line up to MAX_FILE
BIGGER_FILES = (
    "A file over 20 MB (Streamlit says “File must be 20.0MB or smaller”) imports from a terminal, "
    "up to 64 MB: “python -m lib import FILE” in the Rebound folder."
)


@st.cache_data(max_entries=4, show_spinner="Reading the file…")  # each holds a whole file's rows
def _parse(
    name: str, digest: str, _data: bytes, mapping: tuple | None, statuses: tuple | None
) -> list[ParsedFile]:
    return parse_bytes(
        name,
        _data,
        mapping=dict(mapping) if mapping is not None else None,
        status_map={w: (s, o) for w, s, o in statuses} if statuses else None,
    )


@st.cache_data(max_entries=4, show_spinner="Comparing with what you have…")
def _plan(_engine: Engine, url: str, rev: int, key: str, _files: list[ParsedFile]) -> import_store.ImportPlan:
    # Not @state.cached: the parsed files are keyed by their digest (`key`), not hashed.
    return import_store.plan(_engine, _files)


def home_choice() -> None:
    """Home, with no data yet: bring in what you already have."""
    with st.container(border=True):
        st.markdown("**Bring in what you already have**")
        st.caption(
            "LinkedIn's data archive (job applications, saved jobs, connections), a spreadsheet "
            "of your applications, or the emails about them. You see a preview before anything is added."
        )
        st.page_link("pages/data.py", label="Import LinkedIn or a spreadsheet", icon=":material/upload_file:")
        st.page_link(
            "pages/data.py",
            label="Import emails (.eml, .mbox, .msg)",
            icon=":material/mail:",
            query_params={"data_tab": "Emails"},  # the tab the address names (layout.lazy_tabs)
        )


def _mapping_widgets(parsed: ParsedFile, digest: str) -> tuple:
    """Selectboxes (one per Rebound field) holding the guessed mapping; returns the chosen one."""
    options = [NOT_IN_FILE] + parsed.columns
    chosen = {}
    columns = st.columns(4)
    for i, (field, label) in enumerate(FIELDS.items()):
        guess = parsed.mapping.get(field, NOT_IN_FILE)
        value = columns[i % 4].selectbox(
            f"{label}{' *' if field in REQUIRED else ''}",
            options,
            index=options.index(guess) if guess in options else 0,
            key=f"map_{digest[:12]}_{field}",
        )
        if value != NOT_IN_FILE:
            chosen[field] = value
    return tuple(sorted(chosen.items()))


def _status_editor(table: pd.DataFrame, digest: str) -> tuple:
    """The editable status-word table; returns the chosen map as a hashable tuple."""
    st.markdown("**Status words** — how far each got and how it ended. Correct any row.")
    unknown_slot = st.empty()  # said above the table, once the table says which are still unset
    for word in table.loc[table["two_ways"], "word"].tolist() if "two_ways" in table else []:
        st.info(f"“{md(word)}” {TWO_WAYS_NOTE}", icon=":material/help:")
    edited = st.data_editor(
        table[["word", "rows", "stage", "outcome"]],
        key=f"status_{digest[:12]}",
        hide_index=True,
        disabled=["word", "rows"],
        placeholder="",
        column_config={
            "word": st.column_config.TextColumn("Status in the file"),
            "rows": st.column_config.NumberColumn("Rows"),
            "stage": st.column_config.SelectboxColumn(
                "Furthest stage", options=list(vocab.STAGES), required=True
            ),
            "outcome": st.column_config.SelectboxColumn(
                "Ending", options=[vocab.OPEN, *vocab.OUTCOMES], required=True
            ),
        },
        height=min(38 + 35 * len(table), 320),
    )
    # a word the person has set since is not "not recognised" any more (it stayed said after)
    as_taken = (edited["stage"] == vocab.STAGES[0]) & (edited["outcome"] == vocab.OPEN)
    unknown = edited.loc[~table["recognised"].to_numpy() & as_taken.to_numpy(), "word"].tolist()
    if unknown:
        named = ", ".join(f"“{md(word)}”" for word in unknown[:5]) + (" and more" if len(unknown) > 5 else "")
        unknown_slot.warning(
            f"{plural(len(unknown), 'status word')} {'was' if len(unknown) == 1 else 'were'} not recognised "
            f"and taken as applied ({named}): set {'its' if len(unknown) == 1 else 'their'} stage or ending "
            "below.",
            icon=":material/help:",
        )
    chosen = status_map_from_table(edited)
    return tuple(sorted((w, s, o) for w, (s, o) in chosen.items()))


def _file_section(upload, digest: str) -> tuple[list[ParsedFile], str]:
    """The parsed file (with the user's corrections) and a key naming exactly that parse;
    `digest`: the file's SHA-1, worked out once per rerun by the caller."""
    data = upload.getvalue()
    if (mail := problems.email_file(upload.name, data)) is not None:
        return [mail], digest
    first = _parse(upload.name, digest, data, None, None)
    if len(first) != 1 or first[0].format not in SPREADSHEETS or not first[0].columns:
        return first, digest
    parsed = first[0]
    words = parsed.statuses
    needs_look = any(e.field == "header" for e in parsed.errors) or (
        words is not None
        and (not words["recognised"].all() or bool(words.get("two_ways", pd.Series(dtype=bool)).any()))
    )
    with st.expander(
        f"How the columns of {md(upload.name)} are read — {FORMAT_LABELS.get(parsed.format, parsed.format)}",
        expanded=needs_look,
        icon=":material/table_edit:",
    ):
        st.caption("Rebound guessed which column holds what. Pick another column where it guessed wrong.")
        unmapped = st.empty()  # said above the pickers that mend it: under them it was below the fold
        mapping = _mapping_widgets(parsed, digest)
        with_mapping = _parse(upload.name, digest, data, mapping, None)[0]
        unpicked = [e for e in with_mapping.errors if e.field == "header" and e.message.startswith(UNMAPPED)]
        for error in unpicked[:1]:  # the columns to pick; other header problems are said as they are
            missing = error.message.split(":")[0]  # "No column is mapped to Company or Date applied"
            unmapped.warning(
                f"{md(missing)}: pick it below, or give the column that name in the file.",
                icon=":material/table_edit:",
            )
        statuses = ()
        if with_mapping.statuses is not None and not with_mapping.statuses.empty:
            statuses = _status_editor(with_mapping.statuses, digest)
    return _parse(upload.name, digest, data, mapping, statuses or None), f"{digest}:{mapping}:{statuses}"


def _file_cell(path: str) -> str:
    """A file's name for a table cell, its own name first: a zip's "Basic_LinkedInDataExport_12-06-2…"
    was all a cut cell showed, the same for every file in it."""
    archive, slash, member = path.rpartition(".zip/")
    name = PurePosixPath(member if slash else path).name
    return f"{name} (in {PurePosixPath(archive).name}.zip)" if slash else name


def _errors_frame(files: list[ParsedFile]) -> pd.DataFrame:
    rows = [
        {
            "file": _file_cell(f.path),
            "line": e.line,
            "field": e.field,
            "problem": e.message,
            "what happens": problems.what_happens(e),
        }
        for f in files
        for e in f.errors
    ]
    return pd.DataFrame(rows, columns=["file", "line", "field", "problem", "what happens"])


def _summary(files: list[ParsedFile], plan: import_store.ImportPlan) -> None:
    counts = plan.counts
    a, b, c, d, e = st.columns(5)
    a.metric("Applications to add", f"{counts['applications']:,}")
    b.metric("Stage events", f"{counts['stage_events']:,}")
    c.metric("Contacts", f"{counts['contacts']:,}")
    d.metric(
        "Duplicates skipped",
        f"{plan.duplicates_skipped:,}",
        help="Already in Rebound (or twice in the "
        "files): left out, so importing the same file again adds nothing.",
    )
    found = problems.tally(files)
    e.metric(
        "Problems",
        f"{found.problems:,}",
        help=f"{problems.in_words(found) or 'None'}: listed below with their line, field and what happens.",
    )
    adds = counts["applications"] + counts["contacts"] + counts["saved_jobs"] + counts["stage_events"]
    if not adds and plan.duplicates_skipped:  # a number and a greyed button said it only by implication
        st.success(
            f"Everything {'this file holds' if len(files) == 1 else 'these files hold'} is in your log "
            f"already{', the problems below aside' if found.problems else ''}: importing "
            f"{'it' if len(files) == 1 else 'them'} again adds nothing.",
            icon=":material/done_all:",
        )
    said: dict[str, list[str]] = {}  # a notice true of several files is said once, naming them
    for f, adds in zip(files, plan.added):
        for notice in f.notices if adds else ():  # how rows are saved: moot when none will be
            said.setdefault(notice, []).append(f.path)
    for notice, paths in said.items():
        st.info(f"{md(_file_names(paths))}: {md(notice)}", icon=":material/info:")
    for f in files:
        words = f.statuses
        if f.format not in SPREADSHEETS and words is not None and "two_ways" in words:
            # other trackers' files have no status table to correct here: said, with how to say it
            for word in words.loc[words["two_ways"], "word"]:
                st.info(f"{md(f.path)}: “{md(word)}” {TWO_WAYS_NOTE}", icon=":material/help:")
    if counts.get("undated_events"):
        st.info(import_store.undated_notice(counts["undated_events"]), icon=":material/event_busy:")
    if plan.matched_companies:  # one identity per company: a name a letter apart joins the one there
        matched = "; ".join(
            f"{md(typed)} matched to {md(there)}" for typed, there in plan.matched_companies.items()
        )
        st.info(f"Companies already in your log: {matched}.", icon=":material/join_inner:")
    _further_in_file(plan.further)


def _file_names(paths: list[str]) -> str:
    """ "Job Applications.csv", or "Job Applications.csv and Job Applications_1.csv", or "3 files"."""
    if len(paths) == 1:
        return paths[0]
    names = [PurePosixPath(p).name for p in paths]
    return " and ".join(names) if len(names) == 2 else f"{len(names)} files ({', '.join(names[:2])}, …)"


FURTHER_LINKS = 5  # applications linked one by one; the rest counted


def _further_in_file(further: pd.DataFrame) -> None:
    """Applications already in the log that a file shows further along (a tracker exported again
    after a reply): the import adds only what is new, so say which, and link to each."""
    if further.empty:
        return
    n = len(further)
    st.info(
        f"{plural(n, 'application')} already in your log {'is' if n == 1 else 'are'} further along in "
        "this file. An import adds only what is new and leaves "
        f"{'it' if n == 1 else 'them'} as {'it is' if n == 1 else 'they are'}: record the step on "
        f"{'its' if n == 1 else 'each'} page.",
        icon=":material/update:",
    )
    for row in further.head(FURTHER_LINKS).itertuples():
        day = getattr(row, "file_day", pd.NaT)
        on = f" on {day:%d %b %Y}" if pd.notna(day) else ""
        st.page_link(
            "pages/application.py",
            label=f"{md(row.company)} · {md(row.role)} — the file says: "
            f"{vocab.stage_label(row.file_says).lower()}{on}",
            icon=":material/arrow_forward:",
            query_params={"id": str(int(row.application_id))},
        )
    if n > FURTHER_LINKS:
        st.caption(f"…and {n - FURTHER_LINKS:,} more.")


# A long file name took half the table: "what happens" and "left out" were cut at the right edge.
FILE_COLUMN = {"file": st.column_config.TextColumn("file", width="medium")}


def _problem_table(rows: pd.DataFrame) -> None:
    """The rows with problems (the preview's, or those left out after an import): their first
    ERROR_ROWS, a short table that scrolls."""
    st.dataframe(
        rows.head(ERROR_ROWS),
        hide_index=True,
        height=min(38 + 35 * len(rows), 300),
        placeholder="",
        column_config=FILE_COLUMN,
    )


def _details(files: list[ParsedFile], plan: import_store.ImportPlan, errors: pd.DataFrame) -> None:
    counts = plan.counts
    summary = pd.DataFrame(
        [
            {
                "file": _file_cell(f.path),
                "kind": FORMAT_LABELS.get(f.format, f.format),
                "rows": f.rows,
                "to add": plan.added[i],
                "duplicates": plan.duplicates[i],
                "problems": len(f.errors),
                "left out": ", ".join(skipped_text(n, why) for why, n in f.skipped.items()),
            }
            for i, f in enumerate(files)
        ]
    )
    st.dataframe(summary, hide_index=True, placeholder="", column_config=FILE_COLUMN)
    noted = []  # only what these files hold: "0 saved jobs" spoke of a file not given
    if jobs := counts["saved_jobs"]:
        noted.append(
            f"{plural(jobs, 'saved job')} will be noted on {'its company' if jobs == 1 else 'their companies'}"
        )
    if linked := counts["contacts_matched_to_companies"]:
        noted.append(f"{plural(linked, 'contact')} linked to a company you have")
    if noted:
        st.caption("; ".join(noted) + ".")
    if not errors.empty:
        found = problems.tally(files)
        st.markdown(
            f"**{problems.in_words(found)}** — below, each with what happens to it"
            + (
                ". Where you can, fix them in the file and import it again (the rows already imported "
                "are skipped as duplicates)."
                if found.left_out or found.files
                else "; nothing is left out."
            )
        )
        _problem_table(errors)
        if len(errors) > ERROR_ROWS:
            st.caption(f"The first {ERROR_ROWS:,} of {len(errors):,} problems are shown.")
    if counts["applications"]:
        st.markdown(
            "**Applications to add**"
            + (f" (first {PREVIEW_ROWS})" if counts["applications"] > PREVIEW_ROWS else "")
        )
        head = plan.applications.head(PREVIEW_ROWS)
        shown = head[["company", "role", "applied_on", "channel", "source"]].copy()
        # a stand-in day (no date applied in the file: the status date) reads "by …", as on its page
        days = pd.to_datetime(shown["applied_on"]).dt.strftime("%d %b %Y")
        shown["applied_on"] = days.where(applied_known(head), "by " + days)
        # how far each got, so a status read the wrong way is seen before anything is written
        shown = shown.join(import_store.how_far(plan.events, head["import_key"]))
        st.dataframe(
            shown,
            hide_index=True,
            height=min(38 + 35 * len(shown), 300),
            column_config={
                "company": "Company",
                "role": "Role",
                "channel": "Channel",
                "source": "Source",
                "applied_on": st.column_config.TextColumn(
                    "Applied", help="“by …”: the file gives no date applied; the status date stands in."
                ),
                "how_far": st.column_config.TextColumn(
                    "How far it got", help="The furthest stage the file gives, and how it ended if it did."
                ),
            },
            placeholder="",
        )


def _run_import(files: list[ParsedFile], errors: pd.DataFrame) -> None:
    bar = st.progress(0.0, text="Importing…")
    plan = import_store.apply(
        state.engine(), files, progress=lambda fraction, text: bar.progress(fraction, text=text)
    )
    # what was left out stays said after the import: the preview's list went with the preview
    left_out = problems.tally(files) if not errors.empty else None
    st.session_state[DONE] = plan.counts | {
        "duplicates": plan.duplicates_skipped,
        "left_out": left_out,
        "left_out_rows": errors,
    }
    st.session_state[UPLOADER] = st.session_state.get(UPLOADER, 0) + 1  # a fresh, empty uploader
    st.rerun()


def _left_out(done: dict) -> None:
    """The rows the import left out, as the preview listed them, with the list to download."""
    rows, found = done.get("left_out_rows"), done.get("left_out")
    if rows is None or rows.empty or found is None:
        return
    said = problems.in_words(found)  # it starts with a number: "2 rows left out; …"
    if found.left_out or found.files:
        st.warning(
            f"{said}. Where you can, fix them in the file and import it again: what "
            "came in now is skipped as a duplicate.",
            icon=":material/warning:",
        )
    else:
        st.info(f"{said}: listed below.", icon=":material/info:")
    _problem_table(rows)
    st.download_button(
        "Download the list (.csv)",
        frame_to_csv(rows),
        file_name="rebound-rows-left-out.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="left_out_download",
    )


def render() -> None:
    done = st.session_state.pop(DONE, None)
    if done:
        parts = [  # what came in, only: "0 applications, 0 stage events and 130 contacts"
            plural(done[key], word)
            for key, word in (
                ("applications", "application"),
                ("stage_events", "stage event"),
                ("contacts", "contact"),
            )
            if done[key]
        ]
        skipped = f"; {plural(done['duplicates'], 'duplicate')} skipped" if done["duplicates"] else ""
        st.success(
            f"Imported {joined(parts) if parts else 'nothing new'}{skipped}.", icon=":material/check_circle:"
        )
        # an "Applied" row can read Ghosted: say why first (only when applications came in: after
        # contacts it read as news about the people just imported)
        if done["applications"] and (quiet := state.from_log(gone_quiet)):
            ghost_days = state.settings()["ghost_days"]
            st.caption(
                f"{plural(quiet, 'open application')} in your log {'has' if quiet == 1 else 'have'} had no "
                f"word from the employer for {plural(ghost_days, 'day')} or more: the log shows "
                f"{'it' if quiet == 1 else 'them'} as Ghosted, as Traction counts them. The number of days "
                "is in Settings."
            )
        if done["applications"]:
            st.page_link("pages/applications.py", label="See them in the log", icon=":material/work:")
        elif done["contacts"]:  # only people came in: they are in Network, not the log
            st.page_link("pages/network.py", label="See them in Network", icon=":material/group:")
        _left_out(done)
    if state.is_demo():
        st.info(
            "Importing goes into your own data: switch to **My data** (beside the demo banner, or in the sidebar) first.",
            icon=":material/info:",
        )
        return
    uploads = st.file_uploader(
        "LinkedIn archive (.zip) or its CSV files, or a spreadsheet CSV of your applications",
        accept_multiple_files=True,  # any file: one Rebound can't read gets a message, not a red icon
        key=f"import_files_{st.session_state.get(UPLOADER, 0)}",
        help="From LinkedIn: Settings → Data privacy → Get a copy of your data. From a spreadsheet: "
        "File → Download → CSV. Nothing is added before you confirm.",
    )
    if not uploads:
        st.caption(
            "Drop one or more files. You will see what each holds, correct how its columns are read, "
            f"and preview what will be added before anything is written. {problems.ACCEPTED} "
            f"{BIGGER_FILES}"
        )
        return
    top = st.container()  # the summary and the import button, above the per-file details
    files: list[ParsedFile] = []
    keys = []
    seen: dict[str, str] = {}  # digest -> the name it was read under
    for upload in uploads:
        digest = hashlib.sha1(upload.getvalue()).hexdigest()
        if digest in seen:  # "tracker (1).csv" beside "tracker.csv": read once (its widgets clashed)
            with top:
                st.info(
                    f"**{md(upload.name)}** holds the same as **{md(seen[digest])}**: it is read once.",
                    icon=":material/content_copy:",
                )
            continue
        seen[digest] = upload.name
        parsed, key = _file_section(upload, digest)
        files.extend(parsed)
        keys.append(key)
    files, refused = problems.split_refused(files)
    with top:  # first: a file that can't be read at all is said before any preview
        problems.show_refused(refused)
    if not files:
        return
    eng = state.engine()
    key = hashlib.sha1("|".join(keys).encode()).hexdigest()
    plan = _plan(eng, str(eng.url), db.revision(eng), key, files)
    errors = _errors_frame(files)
    _details(files, plan, errors)
    with top:
        _summary(files, plan)
        total = plan.counts["applications"] + plan.counts["contacts"] + plan.counts["saved_jobs"]
        if st.button(
            f"Import {plural(total, 'record')}" if total else "Nothing new to import",
            type="primary",
            icon=":material/download_done:",
            disabled=not total,
            key="import_go",
        ):
            _run_import(files, errors)
