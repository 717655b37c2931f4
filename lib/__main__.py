"""Rebound on the command line, for scripting and for people who live in a terminal.

    python -m lib import FILE... [--db PATH] [--dry-run] [--json]
    python -m lib export --out DIR [--db PATH]
    python -m lib backup FILE [--db PATH]
    python -m lib restore FILE [--db PATH]
    python -m lib report --out FILE [--from DATE] [--to DATE] [--include PART]... [--mask-companies] [--db PATH]
    python -m lib mcp [--db PATH] [--allow-writes] [--include-reflections]

The database is REBOUND_DATABASE_URL (else data/rebound.db) unless --db names a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from lib.core import db
from lib.core.text import plural
from lib.data import backup, export
from lib.data.email.scan import mailbox_file
from lib.data.importers import import_files


def _url(path: str | None) -> str:
    return db.as_url(path) if path else db.database_url()


def _database_exists(url: str) -> bool:
    """Whether the SQLite file `url` names is there (an in-memory or other database counts as there)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return True
    return Path(parsed.database).exists()


def _print_import(result: dict) -> None:
    verb = "Would add" if result.get("dry_run") else "Added"
    for entry in result["files"]:
        print(
            f"{entry['path']} ({entry['format']}): {plural(entry['rows'], 'row')}, {entry['imported']} to add, "
            f"{entry['duplicates']} duplicates, {len(entry['errors'])} with errors"
        )
        for key, count in entry["skipped"].items():
            print(f"  skipped {count} ({key})")
        for notice in entry["notices"]:
            print(f"  note: {notice}")
        for error in entry["errors"][:20]:
            print(f"  line {error['line']}, {error['field']}: {error['message']}")
        if len(entry["errors"]) > 20:
            print(f"  … and {len(entry['errors']) - 20} more (use --json for all)")
    counts = result["imported"]
    print(
        f"{verb}: {counts['applications']} applications, {counts['stage_events']} stage events, "
        f"{counts['contacts']} contacts, {counts['companies']} new companies, {counts['saved_jobs']} saved jobs. "
        f"Duplicates skipped: {result['duplicates_skipped']}."
    )


def cmd_import(args: argparse.Namespace) -> int:
    args.files = [str(mailbox_file(f)) for f in args.files]  # Apple Mail's "Inbox.mbox" is a folder
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"No such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    url = _url(args.db)
    with tempfile.TemporaryDirectory(prefix="rebound-dry-run-") as scratch:
        if args.dry_run and not _database_exists(url):  # a dry run writes nothing, not even a new file
            url = f"sqlite:///{Path(scratch) / 'empty.db'}"
        engine = db.open_database(url)
        try:
            result = import_files(args.files, engine, dry_run=args.dry_run)
        finally:
            engine.dispose()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    else:
        _print_import(result)
    added = any(entry["imported"] for entry in result["files"]) or any(result["imported"].values())
    if not added and not result["duplicates_skipped"]:
        print(f"Nothing could be imported: {_why_nothing(result)}", file=sys.stderr)
        return 1
    return 0


def _why_nothing(result: dict) -> str:
    """The first reason each file gave (its file-level problem, else its first row error)."""
    reasons = []
    for entry in result["files"]:
        errors = entry["errors"]
        first = next((e for e in errors if e["field"] in ("file", "header")), errors[0] if errors else None)
        skipped = ", ".join(f"{count} {why}" for why, count in entry["skipped"].items())
        why = (
            first["message"]
            if first
            else (f"skipped {skipped}" if skipped else "nothing in it could be added")
        )
        reasons.append(f"{entry['path']}: {why}")
    return "; ".join(reasons) or "no file was given."


def cmd_export(args: argparse.Namespace) -> int:
    engine = db.open_database(_url(args.db))
    try:
        written = export.export_csv(engine, args.out)
    finally:
        engine.dispose()
    print(f"Wrote {len(written)} CSV files to {args.out}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    path = backup.backup(_url(args.db), args.file)
    print(f"Backup written to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    url = _url(args.db)
    try:
        result = backup.restore(url, args.file)
    except backup.RestoreError as exc:
        print(f"Not restored: {exc}", file=sys.stderr)
        return 1
    before = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in result.replaced.items() if n) or "nothing"
    after = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in result.check.counts.items() if n) or "nothing"
    print(f"Restored: {after}.\nReplaced: {before} (kept at {result.previous}).")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_report(args: argparse.Namespace) -> int:
    from lib.learn import report

    sections = frozenset(report.SECTIONS) - set(args.leave_out or ())
    try:
        options = report.ReportOptions(
            date_from=args.date_from,
            date_to=args.date_to,
            sections=sections,
            private=frozenset(args.include or ()),
            mask_companies=args.mask_companies,
        )
    except ValueError as exc:
        print(f"Not written: {exc}.", file=sys.stderr)
        return 2
    engine = db.open_database(_url(args.db))
    try:
        files = report.make(engine, options)
    finally:
        engine.dispose()
    html_path, pdf_path = report.write(files, args.out)
    print(f"{files.summary}\nWrote {html_path} and {pdf_path}.")
    left_out = options.left_out()
    if left_out:
        print("Left out: " + "; ".join(left_out) + ".")
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    from lib.data.mcp import server

    return server.serve(
        _url(args.db), allow_writes=args.allow_writes, include_reflections=args.include_reflections
    )


def _add_share_commands(commands) -> None:
    from lib.learn.report.options import PRIVATE, SECTIONS

    rep = commands.add_parser(
        "report",
        help="write a report for a coach: one self-contained HTML file and the same as a PDF",
        description="Private parts (mood, reflections, written-out sessions, contacts) are left out "
        "unless named with --include.",
    )
    rep.add_argument(
        "--out", required=True, metavar="FILE", help="the HTML file; the PDF is written beside it"
    )
    rep.add_argument("--from", dest="date_from", type=_day, metavar="DATE", help="first application date")
    rep.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="last application date")
    rep.add_argument("--include", action="append", choices=sorted(PRIVATE), help="add a private part")
    rep.add_argument("--leave-out", action="append", choices=sorted(SECTIONS), help="leave a section out")
    rep.add_argument("--mask-companies", action="store_true", help='write "Company A", "Company B", …')
    rep.add_argument("--db", metavar="PATH")
    rep.set_defaults(func=cmd_report)

    mcp = commands.add_parser(
        "mcp",
        help="serve your data to your own assistant over stdio (Model Context Protocol)",
        description="Read-only unless --allow-writes; reflections, mood and written-out sessions only "
        "with --include-reflections. An assistant running in the cloud sends what it reads to its provider.",
    )
    mcp.add_argument("--db", metavar="PATH")
    mcp.add_argument(
        "--allow-writes", action="store_true", help="let the assistant add applications, events, contacts"
    )
    mcp.add_argument(
        "--include-reflections", action="store_true", help="let it read reflections, mood and writing"
    )
    mcp.set_defaults(func=cmd_mcp)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib", description="Rebound's data on the command line.")
    commands = parser.add_subparsers(dest="command", required=True)

    imp = commands.add_parser(
        "import", help="import LinkedIn exports (.zip or CSVs), spreadsheet CSVs and mail (.eml, .mbox, .msg)"
    )
    imp.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a LinkedIn .zip or CSV, a tracker's CSV, or a mail file (.eml, .mbox, .msg)",
    )
    imp.add_argument(
        "--db", metavar="PATH", help="the database file (default: REBOUND_DATABASE_URL or data/rebound.db)"
    )
    imp.add_argument("--dry-run", action="store_true", help="say what would be added, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object (last line)")
    imp.set_defaults(func=cmd_import)

    exp = commands.add_parser("export", help="write one CSV per table")
    exp.add_argument("--out", required=True, metavar="DIR")
    exp.add_argument("--db", metavar="PATH")
    exp.set_defaults(func=cmd_export)

    bak = commands.add_parser("backup", help="write a full backup of the database to FILE")
    bak.add_argument("file", metavar="FILE")
    bak.add_argument("--db", metavar="PATH")
    bak.set_defaults(func=cmd_backup)

    res = commands.add_parser(
        "restore", help="replace the database with the backup FILE (the old one is kept)"
    )
    res.add_argument("file", metavar="FILE")
    res.add_argument("--db", metavar="PATH")
    res.set_defaults(func=cmd_restore)
    _add_share_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
