"""What the import preview says is wrong: files it can't read at all, each refused in one sentence,
and the problems in the rest, counted the same way in the headline and in the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lib.core.text import plural
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


@dataclass(frozen=True)
class Tally:
    """What the problems in some files come to: rows left out, rows that come in with a note (extra
    cells ignored, NULs removed), and files that can't be brought in as they are."""

    problems: int = 0
    left_out: int = 0
    kept: int = 0
    files: int = 0
    cut_short: int = 0  # files read only up to a line that can't be read


def _whole_file(error: RowError) -> bool:
    return error.line <= 0 or error.field == "header"


def tally(files: list[ParsedFile]) -> Tally:
    """Every problem counted once; a row once however many problems it has (rows of different files
    apart), left out when any of its problems leaves it out."""
    left_out, noted, whole = set(), set(), set()
    for i, f in enumerate(files):
        for e in f.errors:
            if _whole_file(e):
                whole.add(i)
            else:  # a line that stops the reading counts as a row left out, the rest said apart
                (noted if e.kept else left_out).add((i, e.line))
    cut = sum(1 for f in files if any(e.rest_of_file for e in f.errors))
    return Tally(sum(len(f.errors) for f in files), len(left_out), len(noted - left_out), len(whole), cut)


def in_words(t: Tally) -> str:
    """ "2 rows left out; 1 row brought in with a note", "1 file can't be brought in as it is"."""
    said = []
    if t.files:
        said.append(
            f"{plural(t.files, 'file')} can't be brought in as {'it is' if t.files == 1 else 'they are'}"
        )
    if t.left_out:
        said.append(f"{plural(t.left_out, 'row')} left out")
    if t.cut_short:
        said.append(f"{plural(t.cut_short, 'file')} read only up to a line that can't be read")
    if t.kept:
        said.append(f"{plural(t.kept, 'row')} brought in with a note")
    return "; ".join(said)


def what_happens(error: RowError) -> str:
    """The problem table's last column: what became of the row."""
    if _whole_file(error):
        return "file not brought in"
    if error.rest_of_file:
        return "left out, with the rest of the file"
    return "brought in, as said" if error.kept else "left out"
