"""The import bench: a 50,000-row tracker spreadsheet imported into an empty database.

    python -m bench.imports [ROWS]      prints {"imports": [{"rows", "ms", "read_csv_ms", "store_floor_ms"}]}

Each time is the best of REPEATS (a fresh database each run), so a busy moment doesn't count:
- `ms`: `import_files` on the file, as `python -m lib.data.importers` runs it;
- `read_csv_ms`: pandas just reading the same file (the target is `ms` within 12x of it);
- `store_floor_ms`: SQLite just storing the rows the import wrote (companies, applications, stage
  events) with bare `executemany`, no reading or checking: the part of `ms` no importer avoids.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.core import db  # noqa: E402
from lib.store.imports import IMPORT_CACHE_KB  # noqa: E402

ROWS = 50_000
REPEATS = 3
STATUSES = ["Applied", "Phone Screen", "Interview", "Final Round", "Rejected", "Ghosted", "Offer"]
STORED = ("companies", "applications", "stage_events")


def write_tracker(path: Path, rows: int) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company", "Position", "Date Applied", "Status", "Source", "Link", "Notes"])
        for i in range(rows):
            writer.writerow(
                [
                    f"Company {i % 3000}",
                    f"Role {i % 97}",
                    f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                    STATUSES[i % len(STATUSES)],
                    "LinkedIn",
                    f"https://jobs.example.com/{i}",
                    "note",
                ]
            )


def _best_ms(run) -> float:
    times = []
    for i in range(REPEATS):
        start = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - start) * 1000)
    return round(min(times), 1)


def _store_floor_ms(imported: Path, workdir: Path) -> float:
    """Bare executemany of the rows `imported` holds into an empty database of the same schema."""
    source = sqlite3.connect(imported)
    tables = {}
    for table in STORED:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
        rows = source.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        # as the import does: columns left empty (or to their default) are not sent
        filled = [
            i for i, c in enumerate(columns) if c != "created_at" and any(r[i] is not None for r in rows)
        ]
        tables[table] = ([columns[i] for i in filled], [tuple(r[i] for i in filled) for r in rows])
    source.close()
    for i in range(REPEATS):  # made before the clock starts: only the storing is timed
        db.open_database(f"sqlite:///{workdir / f'floor-{i}.db'}").dispose()

    def run(i: int) -> None:
        target = sqlite3.connect(workdir / f"floor-{i}.db", isolation_level=None)
        target.execute("PRAGMA foreign_keys=ON")
        target.execute("PRAGMA synchronous=NORMAL")
        target.execute(f"PRAGMA cache_size={-IMPORT_CACHE_KB}")  # as roomy as the import's
        target.execute("BEGIN")
        for table, (columns, rows) in tables.items():
            marks = ", ".join("?" * len(columns))
            target.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        target.execute("COMMIT")
        target.close()

    return _best_ms(run)


def measure_imports(workdir: Path, rows: int = ROWS) -> list[dict]:
    import pandas as pd

    from lib.data.importers import import_files

    path = workdir / "import.csv"
    write_tracker(path, rows)
    read_csv_ms = _best_ms(lambda i: pd.read_csv(path))
    engines = [db.open_database(f"sqlite:///{workdir / f'import-{i}.db'}") for i in range(REPEATS)]
    import_ms = _best_ms(lambda i: import_files([path], engines[i]))
    for engine in engines:
        engine.dispose()
    floor_ms = _store_floor_ms(workdir / "import-0.db", workdir)
    return [{"rows": rows, "ms": import_ms, "read_csv_ms": read_csv_ms, "store_floor_ms": floor_ms}]


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    print(json.dumps({"imports": measure_imports(Path(tempfile.mkdtemp(prefix="rebound-bench-")), rows)}))
