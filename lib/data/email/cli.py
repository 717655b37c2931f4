"""Mail files on the command line: scan, record what is confident, report per message.

The report entry for one mail file: {"path", "format": "email", "rows" (messages read),
"imported", "duplicates", "skipped", "notices", "errors", "emails": [{"message_id", "date", "kind",
"company", "role", "stage", "application_id"}]}. Only confident readings are written; a dry run
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lib.core.db import Engine
from lib.data.email import Reading
from lib.data.email.scan import scan_path


def to_record(reading: Reading, today: dt.date | None = None):
    from lib.store.emails import EmailRecord

    message = reading.email
    return EmailRecord(
        message_id=message.message_id,
        kind=reading.kind,
        company=reading.company or "",
        role=reading.role,
        date=min(reading.date or today or dt.date.today(), dt.date.today()),
        stage=reading.stage,
        application_id=reading.application_id,
        sender=message.sender,
        subject=message.subject,
        text=message.text,
        hiring_system=reading.system,
    )


def import_mail(paths: list[str | Path], engine: Engine, dry_run: bool = False) -> list[dict]:
    from lib.store import emails as store

    if not paths:  # a spreadsheet-only import needs no match log (reading it costs a table scan)
        return []
    log = store.match_log(engine)
    entries = []
    for path in paths:
        scan = scan_path(path, log)
        confident = [r for r in scan.readings if r.confident and r.company]
        already = store.kept_ids(engine, [r.email.message_id for r in scan.readings])
        fresh = [r for r in confident if r.email.message_id not in already]
        recorded = None
        if fresh:  # a dry run records and rolls back: it says what a real run would add
            recorded = store.record(engine, [to_record(r) for r in fresh], dry_run=dry_run)
            if not dry_run:
                log = store.match_log(engine)
        by_id = {r.email.message_id: r for r in scan.readings}
        emails = []
        for message_id in scan.message_ids:
            reading = by_id.get(message_id)
            if reading is None:
                emails.append(
                    {
                        "message_id": message_id,
                        "date": None,
                        "kind": "other",
                        "company": None,
                        "role": None,
                        "stage": None,
                        "application_id": None,
                    }
                )
                continue
            app_id = reading.application_id
            if recorded is not None and not dry_run:
                app_id = recorded.application_ids.get(message_id, app_id)
            emails.append(
                {
                    "message_id": message_id,
                    "date": reading.date.isoformat() if reading.date else None,
                    "kind": reading.kind,
                    "company": reading.company,
                    "role": reading.role,
                    "stage": reading.stage,
                    "application_id": app_id,
                }
            )
        errors = [{"line": e.position, "field": "message", "message": e.message} for e in scan.errors]
        if recorded is not None:
            errors += [
                {"line": by_id[m].email.position, "field": "message", "message": why}
                for m, why in recorded.errors.items()
            ]
        unsure = len(scan.readings) - len(confident)
        entries.append(
            {
                "path": str(path),
                "format": "email",
                "rows": scan.rows,
                "imported": recorded.emails if recorded else 0,
                "duplicates": len([r for r in confident if r.email.message_id in already])
                + (recorded.duplicates if recorded else 0),
                "skipped": {
                    k: v
                    for k, v in {"not about a job": scan.others, "not sure enough to record": unsure}.items()
                    if v
                },
                "notices": [],
                "errors": errors,
                "emails": emails,
                "counts": {
                    "applications": recorded.applications if recorded else 0,
                    "stage_events": recorded.stage_events if recorded else 0,
                    "companies": recorded.companies if recorded else 0,
                },
            }
        )
    return entries
