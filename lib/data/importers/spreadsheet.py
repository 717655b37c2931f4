"""Any spreadsheet CSV of applications: columns guessed from the header, correctable by the user.

Known tracker exports are recognised by their header (JobSync, Simplify, a stage-history column as
JobSankey writes it, Rebound's own export) and get their known mapping; anything else gets a
guess from the header words (and, for links, from the cells).
"""

from __future__ import annotations

import re

import pandas as pd

from lib.data.importers.application_rows import applications_from
from lib.data.importers.rows import FIELDS, ParsedFile
from lib.data.importers.statuses import status_table
from lib.data.importers.text import RowError, read_table

# How a missing column to pick begins: the Import page says it above the column pickers
UNMAPPED = "No column is mapped to"

# Header words for each field, most specific first (compared after normalising the header).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": (
        "company",
        "company name",
        "employer",
        "organization",
        "organisation",
        "firm",
        "business",
        "name",
    ),
    "role": (
        "role",
        "job title",
        "position",
        "title",
        "job",
        "job name",
        "position title",
        "job role",
        "vacancy",
        "opening",
    ),
    "applied_on": (
        "date applied",
        "applied date",
        "application date",
        "applied on",
        "applied at",
        "date of application",
        "applied",
        "submitted",
        "submitted on",
        "date submitted",
        "date",
        "created at",
        "created",
    ),
    "status": (
        "status",
        "final status",
        "current status",
        "application status",
        "stage",
        "outcome",
        "result",
        "state",
    ),
    "status_date": (
        "status date",
        "response date",
        "first reply on",
        "reply date",
        "date of response",
        "last updated",
        "last update",
        "updated at",
        "updated",
        "outcome date",
        "decision date",
        "last status date",
    ),
    "stage_history": ("stage history", "status history", "history", "stages"),
    "source": ("board or ats", "ats", "job board name"),
    "channel": (
        "channel",
        "source",
        "job source",
        "applied via",
        "application site",
        "via",
        "platform",
        "site",
        "board",
        "job board",
        "how applied",
        "where applied",
        "portal",
    ),
    "job_url": (
        "job url",
        "job link",
        "url",
        "link",
        "application url",
        "posting",
        "job posting",
        "posting url",
        "application link",
        "listing",
    ),
    "location": ("location", "city", "place", "office"),
    "work_mode": ("work mode", "workplace type", "workplace", "remote", "work type", "arrangement"),
    "resume_version": ("resume version", "resume", "cv", "resume name", "cv version"),
    "notes": ("notes", "note", "details", "comments", "comment", "description", "remarks", "memo"),
}

# Known exports: a set of header words that identifies them, and their mapping.
KNOWN: list[tuple[str, frozenset[str], dict[str, str]]] = [
    (
        "rebound",
        frozenset({"company", "role", "applied_on", "channel", "stage_history"}),
        {
            "company": "company",
            "role": "role",
            "applied_on": "applied_on",
            "channel": "channel",
            "stage_history": "stage_history",
            "source": "source",
            "job_url": "job_url",
            "location": "location",
            "work_mode": "work_mode",
            "resume_version": "resume_version",
            "notes": "notes",
        },
    ),
    (
        "jobsync",
        frozenset({"createdAt", "appliedDate", "Company", "JobTitle", "JobSource", "Status"}),
        {
            "company": "Company",
            "role": "JobTitle",
            "applied_on": "appliedDate",
            "status": "Status",
            "channel": "JobSource",
            "location": "Location",
            "work_mode": "workplaceType",
        },
    ),
    (
        "simplify",
        frozenset({"Job Title", "Company Name", "Job URL", "Applied Date", "Status", "Status Date"}),
        {
            "company": "Company Name",
            "role": "Job Title",
            "applied_on": "Applied Date",
            "status": "Status",
            "status_date": "Status Date",
            "job_url": "Job URL",
        },
    ),
    (
        "stage-history",
        frozenset({"Name", "Stage History"}),
        {
            "company": "Name",
            "job_url": "Application URL",
            "applied_on": "Date",
            "status": "Stage",
            "stage_history": "Stage History",
        },
    ),
]


def normalise_header(name: str) -> str:
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(name))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.casefold()).split())


def _looks_like_urls(values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    return bool(filled) and sum(v.lower().startswith(("http://", "https://")) for v in filled) >= 0.6 * len(
        filled
    )


def known_format(header: list[str]) -> tuple[str, dict[str, str]] | None:
    present = set(header)
    for name, signature, mapping in KNOWN:
        if signature <= present:
            return name, {f: c for f, c in mapping.items() if c in present}
    return None


def guess_mapping(header: list[str], rows: list[list[str]] | None = None) -> dict[str, str]:
    """{Rebound field: file column} guessed from the header words (each column used once)."""
    known = known_format(header)
    if known:
        return dict(known[1])
    normalised = {column: normalise_header(column) for column in header}
    samples = {
        column: [row[i] for row in (rows or [])[:50] if i < len(row)] for i, column in enumerate(header)
    }
    mapping: dict[str, str] = {}
    used: set[str] = set()
    link_columns = [c for c in header if _looks_like_urls(samples.get(c, []))]
    if link_columns:
        mapping["job_url"] = link_columns[0]
        used.add(link_columns[0])
    for exact in (True, False):
        for field_name, words in SYNONYMS.items():
            if field_name in mapping:
                continue
            for word in words:
                found = next(
                    (
                        c
                        for c in header
                        if c not in used
                        and (
                            normalised[c] == word
                            if exact
                            else re.search(rf"\b{re.escape(word)}\b", normalised[c])
                        )
                    ),
                    None,
                )
                if found is not None and not (field_name != "job_url" and found in link_columns):
                    mapping[field_name] = found
                    used.add(found)
                    break
    return mapping


PROBE = 256 * 1024  # bytes read first: the header and enough rows to guess the columns


LONGEST_HEADER_CELL = 200  # characters: a column's name is a few words, not a paragraph


def parse(
    data: bytes,
    path: str = "applications.csv",
    mapping: dict[str, str] | None = None,
    status_map: dict[str, tuple[str, str]] | None = None,
) -> ParsedFile:
    """Validated applications (with stage events) and row errors from a spreadsheet CSV.

    The header and the first rows are read first; when they can't be mapped, the rest is not read."""
    cut = data.rfind(b"\n", 0, PROBE) + 1 if len(data) > PROBE else len(data)
    table = read_table(data[: cut or PROBE])
    known = known_format(table.header)
    fmt = known[0] if known else "spreadsheet"
    guessed = guess_mapping(table.header, table.rows)
    chosen = {
        f: c
        for f, c in (mapping if mapping is not None else guessed).items()
        if f in FIELDS and c in table.header
    }
    missing = [FIELDS[f] for f in ("company", "applied_on") if f not in chosen]
    if missing or not table.header:
        parsed = ParsedFile(path=path, format=fmt, rows=len(table.rows), errors=list(table.errors))
        one_cell = len(table.header) == 1 and len(table.header[0]) > LONGEST_HEADER_CELL
        if one_cell:
            # one endless cell: no mapping can help ("pick Company in the mapping" offered "aaaa…")
            parsed.errors.insert(
                0,
                RowError(
                    table.header_line,
                    "header",
                    f"This doesn't look like a table of applications: its first line is one cell of "
                    f"{len(table.header[0]):,} characters, with no commas, semicolons or tabs between "
                    "columns. Is this the right file?",
                ),
            )
        elif table.rows or table.header:
            parsed.errors.insert(
                0,
                RowError(
                    table.header_line,
                    "header",
                    f"{UNMAPPED} {' or '.join(missing or ['Company'])}: pick it in the mapping "
                    "under How the columns are read (on Import & export), or give the column that name in the file.",
                ),
            )
        if cut < len(data) and table.header and not one_cell:
            parsed.notices.append(
                "Only the start of the file was read: the rest is read once its columns are mapped."
            )
    elif not set(chosen.values()) <= set((whole := read_table(data) if cut < len(data) else table).header):
        # the header read whole lacks a column the start showed (a header line longer than the
        # start, with a cell no spreadsheet has): nothing below it can be placed
        table = whole
        parsed = ParsedFile(path=path, format=fmt, rows=len(table.rows), errors=list(table.errors))
        if not parsed.errors:
            parsed.errors.append(
                RowError(
                    table.header_line, "header", "The header can't be read whole: is this the right file?"
                )
            )
    else:
        table = whole
        index = {column: i for i, column in reversed(list(enumerate(table.header)))}
        fields = list(chosen)
        cells = pd.DataFrame(table.rows, columns=range(len(table.header)), dtype=object)
        frame = cells[[index[chosen[f]] for f in fields]].set_axis(fields, axis=1)
        frame.insert(0, "line", table.lines)
        if fmt == "rebound" and "applied_known" in index:  # Rebound's own: its stand-in days stay so
            frame["applied_known"] = cells[index["applied_known"]].to_numpy()
        parsed = applications_from(frame, path, fmt, status_map=status_map)
        parsed.errors = sorted(table.errors + parsed.errors, key=lambda e: e.line)
    parsed.columns = list(table.header)
    parsed.mapping = chosen
    parsed.notices.extend(_twice_named(table.header))
    if parsed.statuses is not None:
        parsed.statuses = status_table(parsed.statuses)
    return parsed


def _twice_named(header: list[str]) -> list[str]:
    """A column whose name another has already: only the first can be picked or read, said."""
    counts = pd.Series([h for h in header if h.strip()], dtype=object).value_counts()
    return [
        f"{int(n)} columns are named “{name[:60]}”: the first is read. Rename the other in the file "
        "to read it."
        for name, n in counts[counts > 1].items()
    ]
