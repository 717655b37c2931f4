"""Reading whole mail files: every message understood, the job-related ones matched to the log.

Only what the scan returns about job emails is kept in memory; everything else is counted and
forgotten as the stream moves on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.data.email import Reading, understand
from lib.data.email.classify import OUTREACH
from lib.data.email.match import company_in_text, match
from lib.data.email.parse import Email, MessageError, read_stream

EMAIL_SUFFIXES = (".eml", ".mbox", ".msg", ".mbx")
Progress = Callable[[float, str], None]


@dataclass
class FileScan:
    path: str
    rows: int = 0  # messages read
    readings: list[Reading] = field(default_factory=list)  # job-related only
    kinds: dict[str, int] = field(default_factory=dict)  # every message, by kind
    errors: list[MessageError] = field(default_factory=list)
    message_ids: list[str] = field(default_factory=list)  # every message read, in order
    others: int = 0
    # recruiters reaching out (date, from, subject): not an application, but named so the person
    # can add one when they apply; the first OUTREACH_KEPT only
    outreach: list[tuple] = field(default_factory=list)


def is_email_file(name: str, head: bytes) -> bool:
    """Mail by name (.eml, .mbox, .msg) or by content (an mbox "From " line, an RFC 822 header)."""
    if name.casefold().endswith(EMAIL_SUFFIXES):
        return True
    return head.startswith(b"From ") or head[:40].lower().startswith(
        (b"return-path:", b"received:", b"delivered-to:", b"message-id:", b"mime-version:")
    )


REPLY_REASON = "A reply in the thread of"  # said first in the review's Why (ui.data.email_import)
OUTREACH_KEPT = 50


def join_threads(scans: list[FileScan], log: pd.DataFrame) -> None:
    """Each reply takes its company and role from the job email it answers, in any of the files
    read together (one .eml a message is the usual export): the person's own reply from a webmail
    address named the person as the company. A reply saying what that email said already (the
    "yes, Tuesday works" after an invitation: same kind, same stage) is left unticked, as adding
    no step; a reply inviting to the next round is one."""
    readings = [r for scan in scans for r in scan.readings]
    threads = {r.email.message_id: r for r in readings}
    for reading in readings:
        started = next((threads[i] for i in reversed(reading.email.thread) if i in threads), None)
        if started is None or started is reading or not started.company:
            continue
        reading.company, reading.role = started.company, started.role or reading.role
        if (reading.kind, reading.stage) == (started.kind, started.stage):
            reading.confident = False
            reading.reason = (
                f"{REPLY_REASON} “{started.email.subject[:120]}”, which says this already: "
                "tick it only if it is a new step."
            )
        reading.application_id, reading.match_note = match(reading.kind, reading.company, reading.role, log)


def read_understood(messages: Iterable[Email | MessageError], log: pd.DataFrame, scan: FileScan) -> None:
    names = sorted(set(log["company"].dropna())) if not log.empty else []
    for message in messages:
        if isinstance(message, MessageError):
            scan.errors.append(message)
            if message.position:
                scan.rows += 1
            continue
        scan.rows += 1
        reading = understand(message)
        scan.kinds[reading.kind] = scan.kinds.get(reading.kind, 0) + 1
        scan.message_ids.append(message.message_id)
        if reading.kind == "other":
            scan.others += 1
            if reading.reason == OUTREACH and len(scan.outreach) < OUTREACH_KEPT:
                scan.outreach.append(
                    (reading.date, message.sender_name or message.sender, message.subject[:200])
                )
            continue
        if names:
            named = company_in_text(message.subject + "\n" + message.text, names)
            if named and (reading.company is None or reading.company.casefold() != named.casefold()):
                in_log = (
                    match(reading.kind, reading.company, reading.role, log)[0] if reading.company else None
                )
                if in_log is None:
                    reading.company = named
        reading.application_id, reading.match_note = match(reading.kind, reading.company, reading.role, log)
        scan.readings.append(reading)


def scan_stream(name: str, stream, log: pd.DataFrame, progress: Progress | None = None) -> FileScan:
    scan = FileScan(path=name)
    size = 0
    if progress:
        try:
            size = os.fstat(stream.fileno()).st_size
        except (AttributeError, OSError, ValueError):
            size = len(stream.getbuffer()) if hasattr(stream, "getbuffer") else 0

    def messages():
        for count, message in enumerate(read_stream(name, stream), 1):
            if progress and size and count % 200 == 0:
                progress(min(stream.tell() / size, 1.0), f"Read {count:,} messages…")
            yield message

    read_understood(messages(), log, scan)
    join_threads([scan], log)
    if progress:
        progress(1.0, f"Read {scan.rows:,} messages.")
    return scan


def mailbox_file(typed: str | Path) -> Path:
    """The file a typed mailbox path names: quotes around it dropped (Windows' "Copy as path" adds
    them), "~" expanded, and Apple Mail's export (a folder "Inbox.mbox" holding a file "mbox") read
    as the file inside."""
    path = Path(str(typed).strip().strip("\"'").strip()).expanduser()
    if path.is_dir() and (path / "mbox").is_file():
        return path / "mbox"
    return path


def scan_path(path: str | Path, log: pd.DataFrame, progress: Progress | None = None) -> FileScan:
    path = mailbox_file(path)
    if path.is_dir():
        return FileScan(
            path=str(path),
            errors=[MessageError(0, "This is a folder: give the path of the mailbox file in it.")],
        )
    try:
        with open(path, "rb") as stream:
            return scan_stream(str(path), stream, log, progress)
    except OSError as exc:
        return FileScan(
            path=str(path), errors=[MessageError(0, f"The file can't be read: {exc.strerror or exc}.")]
        )
