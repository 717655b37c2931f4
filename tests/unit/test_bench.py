"""`make bench` still runs: its modules import, and the import measure reports what it says."""

import importlib
import sqlite3

import pytest

from bench import imports as bench_imports


@pytest.mark.parametrize(
    "module", ["bench.__main__", "bench.browser", "bench.email_scan", "bench.imports", "bench.seed"]
)
def test_every_bench_module_imports(module):
    importlib.import_module(module)


def test_the_import_measure_reports_the_import_beside_its_floors(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_imports, "REPEATS", 1)
    (result,) = bench_imports.measure_imports(tmp_path, rows=300)
    assert result["rows"] == 300
    assert result["ms"] > 0 and result["read_csv_ms"] > 0 and result["store_floor_ms"] > 0
    imported = sqlite3.connect(tmp_path / "import-0.db")
    assert imported.execute("SELECT count(*) FROM applications").fetchone() == (300,)
    floor = sqlite3.connect(tmp_path / "floor-0.db")  # the floor stored the very same rows
    assert (
        floor.execute("SELECT count(*) FROM stage_events").fetchone()
        == imported.execute("SELECT count(*) FROM stage_events").fetchone()
    )
