"""What the import preview says is wrong: files it can't read at all, each refused in one sentence,
and the problems in the rest, counted the same way in the headline and in the table.
"""

from __future__ import annotations

import streamlit as st

from lib.data.email.scan import is_email_file
from lib.data.importers import ParsedFile, RowError
from ui.text import md

REFUSED = "not-text"  # the importers' format for a file that is not text (an image, a workbook, …)
EMAIL = (
    "This is an email file: bring emails in on the Emails tab (above), which reads .eml, .mbox "
    "and .msg files."
)
ACCEPTED = (
    "Rebound reads CSV files (also .tsv and .txt) and LinkedIn's data archive (.zip). From Excel or "
    "Numbers, save or export a CSV copy first."
)


def email_file(name: str, data: bytes) -> ParsedFile | None:
    """An email dropped here, refused with the way to where emails are read; None for anything else."""
    if is_email_file(name, data[:64]):
        return ParsedFile(path=name, format=REFUSED, errors=[RowError(0, "file", EMAIL)])
    return None


def split_refused(files: list[ParsedFile]) -> tuple[list[ParsedFile], list[ParsedFile]]:
    """(files to preview, files refused outright)."""
    return [f for f in files if f.format != REFUSED], [f for f in files if f.format == REFUSED]


def show_refused(files: list[ParsedFile]) -> None:
    """One calm message per refused file: what it is and how to get a file Rebound reads."""
    for f in files:
        why = " ".join(e.message for e in f.errors)
        st.warning(f"**{md(f.path)}** — {md(why)}", icon=":material/description:")


def counts(files: list[ParsedFile]) -> tuple[int, int]:
    """(problems, rows with a problem): every problem listed once; a row counted once however many
    problems it has (rows of different files apart; a problem with a whole file is on no row)."""
    problems = sum(len(f.errors) for f in files)
    rows = len({(i, e.line) for i, f in enumerate(files) for e in f.errors if e.line > 0})
    return problems, rows


def in_words(problems: int, rows: int) -> str:
    """ "10 problems on 8 rows", "1 problem on 1 row", "2 problems with the file as a whole"."""
    said = f"{problems:,} problem{'s' if problems != 1 else ''}"
    if not rows:
        return f"{said} with the file as a whole"
    return f"{said} on {rows:,} row{'s' if rows != 1 else ''}"
