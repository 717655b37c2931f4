"""Taking the data out as CSV: one file per table, safe to open in a spreadsheet.

UTF-8 with a BOM (spreadsheets then read accents right); any cell that begins with `=` `+` `-` `@`,
a tab or a carriage return is prefixed with `'` so a spreadsheet shows it as text instead of
running it (OWASP CSV injection). Rebound's importer removes the prefix again, so an export imports
back as it was. Backup and restore are in lib/data/backup.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from lib.core.db import Engine
from lib.data.importers.text import neutralised
from lib.store import data as data_store

# --- CSV ---------------------------------------------------------------------------------------


def neutralise(value: object) -> object:
    """A cell made safe for a spreadsheet: formula-like text gets a leading `'`."""
    if isinstance(value, str) and value and neutralised(value):
        return "'" + value
    return value


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (pd.Timestamp, dt.date, dt.datetime)):
        value = value.isoformat()
    return neutralise(value)


def frame_to_csv(frame: pd.DataFrame) -> bytes:
    """One table as CSV bytes (UTF-8 with BOM, CRLF, formula-safe)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_csv_files(engine: Engine) -> dict[str, bytes]:
    """{"applications.csv": bytes, ...}: every table, one CSV each."""
    return {f"{name}.csv": frame_to_csv(frame) for name, frame in data_store.table_frames(engine).items()}


def export_csv(engine: Engine, out_dir: str | Path) -> list[Path]:
    """Write one CSV per table into `out_dir` (created if needed); returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in export_csv_files(engine).items():
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


def export_zip(engine: Engine) -> bytes:
    """Every table's CSV in one zip (the page's download)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in export_csv_files(engine).items():
            archive.writestr(f"rebound-export/{name}", content)
    return buffer.getvalue()
