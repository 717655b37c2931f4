"""Bringing a search in from elsewhere: one module per outside format.

- `parse_bytes(name, data)` recognises a file (a LinkedIn archive `.zip` or one of its CSVs, or
  any spreadsheet CSV) and returns validated rows and row errors per file, writing nothing;
- `import_files(paths, engine, dry_run=False)` parses files from disk and adds what they hold in
  one transaction, returning the report the command line prints as JSON.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pandas as pd

from lib.core.db import Engine
from lib.core.text import plural
from lib.data.importers import binary, linkedin, rebound_export, spreadsheet, statuses, trackers
from lib.data.importers.rows import ParsedFile
from lib.data.importers.text import RowError, paused_gc, read_table

__all__ = ["ParsedFile", "RowError", "parse_bytes", "parse_path", "import_files", "report"]

MAX_FILE = 64 * 1024 * 1024  # bytes in one file to import; 50,000 applications take about 10 MB
MAX_LINES = 200_000  # lines in one file: time and memory grow with them, and a search has thousands
MAX_ZIP_MEMBER = 50 * 1024 * 1024  # bytes uncompressed; LinkedIn's CSVs are far smaller
MAX_ZIP_TOTAL = 100 * 1024 * 1024  # bytes uncompressed across all the members read, counted as read
MAX_ZIP_ENTRIES = 2_000  # a LinkedIn export has about a hundred files
MAX_ZIP_READ = 10  # of which Rebound reads three kinds
FURTHER_SAID = 200  # applications further along in the files, named one by one in the report
_LINKEDIN_PARSERS = {
    "linkedin-applications": linkedin.parse_applications,
    "linkedin-saved-jobs": linkedin.parse_saved_jobs,
    "linkedin-connections": linkedin.parse_connections,
    "linkedin-preferences": linkedin.parse_preferences,
}


def _failed(name: str, fmt: str, message: str) -> ParsedFile:
    return ParsedFile(path=name, format=fmt, errors=[RowError(0, "file", message)])


def _header(data: bytes) -> list[str]:
    head = data[:65_536]
    return read_table(head[: head.rfind(b"\n") + 1] or head).header


def detect(data: bytes) -> str:
    """The format of one CSV file, from its header."""
    head = data[:65_536]
    head = head[: head.rfind(b"\n") + 1] or head  # whole lines only: the header is near the top
    return linkedin.kind_of(read_table(head).header) or "spreadsheet"


def _zip_members(name: str, data: bytes) -> list[ParsedFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return [_failed(name, "zip", f"This is not a zip archive Rebound can open ({type(exc).__name__}).")]
    if len(infos) > MAX_ZIP_ENTRIES:
        return [
            _failed(
                name,
                "zip",
                f"This archive holds {len(infos):,} files; a LinkedIn export holds about a hundred, so "
                f"Rebound opens archives of up to {MAX_ZIP_ENTRIES:,}. Nothing in it was read.",
            )
        ]
    wanted = []
    for info in infos:
        member = PurePosixPath(info.filename)
        stem = member.stem.casefold()
        if member.suffix.casefold() != ".csv" or info.is_dir():
            continue
        if stem.startswith("job applications") or stem == "saved jobs" or stem == "connections":
            wanted.append(info)
    if not wanted:
        applications, others = rebound_export.members([i.filename for i in infos if not i.is_dir()])
        if applications is None:
            return [_failed(name, "not-text", _no_linkedin_files(infos))]
        parsed = _read_members(name, archive, [archive.getinfo(applications)])
        for each in parsed:  # Rebound's own export: its applications, and what else it holds said
            each.notices.append(rebound_export.left_out(others))
        return parsed
    if len(wanted) > MAX_ZIP_READ:
        return [
            _failed(
                name,
                "zip",
                f"This archive holds {len(wanted):,} application and connection files; a LinkedIn export "
                f"holds a few, so Rebound reads up to {MAX_ZIP_READ}. Nothing in it was read.",
            )
        ]
    return _read_members(name, archive, sorted(wanted, key=lambda i: i.filename))


def _no_linkedin_files(infos: list[zipfile.ZipInfo]) -> str:
    if any(PurePosixPath(i.filename).suffix.casefold() == ".csv" for i in infos):
        return (
            "This zip holds CSV files, but not LinkedIn's Job Applications, Saved Jobs or Connections. "
            "Unzip it and upload the CSV of your applications on its own."
        )
    return (
        "This zip holds no CSV file, so Rebound can't read it. Rebound reads LinkedIn's data archive "
        "or a CSV of your applications: " + binary.HOW_TO_CSV[0].lower() + binary.HOW_TO_CSV[1:]
    )


def _read_members(name: str, archive: zipfile.ZipFile, wanted: list[zipfile.ZipInfo]) -> list[ParsedFile]:
    """Each wanted member, decompressed only while the sizes read so far (not the sizes the archive
    claims) stay within MAX_ZIP_MEMBER each and MAX_ZIP_TOTAL together."""
    parsed, budget = [], MAX_ZIP_TOTAL
    for info in wanted:
        label = f"{name}/{info.filename}"
        if budget <= 0:
            parsed.append(_failed(label, "zip", _TOO_MUCH))
            continue
        if info.file_size > MAX_ZIP_MEMBER:
            parsed.append(
                _failed(label, "zip", "This file in the archive is too large to be a LinkedIn export.")
            )
            continue
        try:
            with archive.open(info) as handle:
                member = handle.read(min(MAX_ZIP_MEMBER, budget) + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as exc:
            parsed.append(
                _failed(label, "zip", f"This file in the archive can't be read ({type(exc).__name__}).")
            )
            continue
        budget -= len(member)
        if len(member) > MAX_ZIP_MEMBER:
            parsed.append(
                _failed(label, "zip", "This file in the archive is too large to be a LinkedIn export.")
            )
        elif budget < 0:
            parsed.append(_failed(label, "zip", _TOO_MUCH))
        elif member[:4] == b"PK\x03\x04":
            parsed.append(
                _failed(label, "zip", "This is a zip inside the zip; Rebound reads only CSV files in it.")
            )
        else:
            parsed.extend(parse_bytes(label, member, in_archive=True))  # a zip in it is refused above
    return parsed


_TOO_MUCH = (
    f"Together, the files in this archive unpack to more than {MAX_ZIP_TOTAL // (1024 * 1024)} MB, far more "
    "than a LinkedIn export; this one was not read."
)


def parse_bytes(
    name: str,
    data: bytes,
    mapping: dict[str, str] | None = None,
    status_map: dict[str, tuple[str, str]] | None = None,
    in_archive: bool = False,
) -> list[ParsedFile]:
    """Validated rows and row errors for one uploaded file (a zip gives one entry per CSV in it;
    an empty one there, a LinkedIn file with nothing yet, is not a problem as a file of its own is).

    `mapping` ({Rebound field: column}) and `status_map` ({status word: (stage, outcome)}) are the
    user's corrections for a spreadsheet; without them, the guesses are used."""
    if len(data) > MAX_FILE:
        return [_failed(name, "file", _too_large(len(data)))]
    if padding := binary.nul_padding(data):  # read as the text before it, and said
        data = data[: len(data) - padding]
    if (why := binary.refusal(name, data)) is not None:
        return [_failed(name, "not-text", why)]
    if data[:4] not in (b"PK\x03\x04", b"PK\x05\x06") and (lines := data.count(b"\n")) > MAX_LINES:
        return [_failed(name, "file", _too_long(lines))]  # counted at C speed, before any is read
    with paused_gc():
        parsed = _parse(name, data, mapping, status_map)
        for each in parsed if padding else ():
            each.notices.append(binary.padding_notice(padding))
        archive = in_archive or data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
        return parsed if archive else [_said_when_empty(p) for p in parsed]


def _said_when_empty(parsed: ParsedFile) -> ParsedFile:
    """A file with nothing in it says so (it used to show a table of zeros and no word)."""
    if parsed.rows == 0 and not parsed.errors:
        what = "only a header and no rows" if parsed.columns else "no rows"
        parsed.errors.append(RowError(0, "file", f"This file has {what}: there is nothing in it to import."))
    return parsed


def _parse(name: str, data: bytes, mapping: dict | None, status_map: dict | None) -> list[ParsedFile]:
    """The file by its kind: a zip's CSVs, another tracker's export, LinkedIn's, or a spreadsheet."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_members(name, data)
    fmt = detect(data)
    header = _header(data) if fmt == "spreadsheet" else []
    own = rebound_export.table_of(header)
    if own is not None and own != rebound_export.APPLICATIONS:  # companies.csv made 426 "applications"
        return [_failed(name, "rebound-export", rebound_export.refusal(own))]
    tracker = trackers.kind_of(header) if fmt == "spreadsheet" else None
    if tracker:  # Huntr, Hired, JobSync: their statuses kept as they mean them
        return [trackers.PARSERS[tracker](data, name, status_map=status_map)]
    if fmt in _LINKEDIN_PARSERS:
        return [_LINKEDIN_PARSERS[fmt](data, name)]
    return [spreadsheet.parse(data, name, mapping=mapping, status_map=status_map)]


def _too_large(size: int) -> str:
    return (
        f"This file is {size / (1024 * 1024):,.0f} MB; Rebound imports files of up to "
        f"{MAX_FILE // (1024 * 1024)} MB (50,000 applications take about 10 MB). Split it, or export less."
    )


def _too_long(lines: int) -> str:
    return (
        f"This file has {lines:,} lines; Rebound imports files of up to {MAX_LINES:,} (a search of "
        "50,000 applications fits in one). Split it, or export less. Nothing in it was read."
    )


def parse_path(path: str | Path) -> list[ParsedFile]:
    path = Path(path)
    try:
        if (size := path.stat().st_size) > MAX_FILE:  # said before reading any of it
            return [_failed(str(path), "file", _too_large(size))]
        data = path.read_bytes()
    except OSError as exc:
        return [_failed(str(path), "unreadable", f"The file can't be read: {exc.strerror or exc}.")]
    return parse_bytes(str(path), data)


def report(files: Sequence[ParsedFile], plan) -> dict:
    """The import report (the command line's JSON): per file, then totals."""
    return {
        "files": [
            {
                "path": f.path,
                "format": f.format,
                "rows": f.rows,
                "imported": plan.added[i],
                "duplicates": plan.duplicates[i],
                "skipped": dict(f.skipped),
                "notices": list(f.notices) + _unrecognised_statuses(f),
                "errors": [e.as_dict() for e in f.errors],
            }
            for i, f in enumerate(files)
        ],
        "imported": dict(plan.counts),
        "duplicates_skipped": plan.duplicates_skipped,
        # already there, further along in the files: not changed by an import, so named
        "further_along": [
            {
                "application_id": int(r.application_id),
                "company": r.company,
                "role": r.role,
                "file_says": r.file_says,
                "file_day": None if pd.isna(r.file_day) else f"{r.file_day:%Y-%m-%d}",
            }
            for r in plan.further.head(FURTHER_SAID).itertuples()
        ]
        if not plan.further.empty
        else [],
    }


def _unrecognised_statuses(parsed: ParsedFile) -> list[str]:
    """Status words read as "applied, still open" for want of a meaning (the app's preview asks;
    the command line says)."""
    table = parsed.statuses
    if table is None or table.empty:
        return []
    said = [
        f"“{word[:40]}” {statuses.TWO_WAYS_NOTE}"
        for word in (table.loc[table["two_ways"], "word"] if "two_ways" in table else [])
    ]
    if table["recognised"].all():
        return said
    unknown = table[~table["recognised"].astype(bool)]
    shown = ", ".join(f"“{w[:40]}”" for w in unknown["word"].head(5)) + ("…" if len(unknown) > 5 else "")
    rows = plural(int(unknown["rows"].sum()), "row")
    return said + [
        f"{plural(len(unknown), 'status word')} ({shown}, {rows}) "
        "didn't say how far an application got: read as applied, still open. To say what they mean, "
        "import the file in the app (Import & export), or write a known word in the file."
    ]


def import_files(paths: Sequence[str | Path], engine: Engine, dry_run: bool = False) -> dict:
    """Parse `paths` and add what they hold to the database in one transaction.

    With `dry_run`, nothing is written and the report says what would be added. Returns
    {"files": [{"path", "format", "rows", "imported", "duplicates", "skipped", "notices",
    "errors": [{"line", "field", "message"}]}], "imported": {"applications", "stage_events",
    "contacts", "companies", "saved_jobs", "contacts_matched_to_companies"}, "duplicates_skipped": N,
    "further_along": [{"application_id", "company", "role", "file_says", "file_day"}]} (the first FURTHER_SAID).
    """
    from lib.data.email.cli import import_mail
    from lib.data.email.scan import is_email_file
    from lib.store import imports as store

    mail = [p for p in paths if is_email_file(str(p), _head(p))]
    with paused_gc():
        files = [parsed for path in paths if path not in mail for parsed in parse_path(path)]
        plan = store.plan(engine, files) if dry_run else store.apply(engine, files)
    result = report(files, plan)
    for entry in import_mail(mail, engine, dry_run=dry_run):  # .eml, .mbox, .msg: read as a stream
        counts = entry.pop("counts")
        result["files"].append(entry)
        result["imported"]["applications"] += counts["applications"]
        result["imported"]["stage_events"] += counts["stage_events"]
        result["imported"]["companies"] += counts["companies"]
        result["duplicates_skipped"] += entry["duplicates"]
    result["dry_run"] = dry_run
    return result


def _head(path: str | Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(64)
    except OSError:
        return b""
