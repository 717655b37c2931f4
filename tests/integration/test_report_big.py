"""A report of 10,000 applications: every chart gets aggregated data (at most 5,000 rows) and the
files stay a sensible size."""

from __future__ import annotations

import time

from lib.core import db
from lib.data import demo
from lib.learn import report
from lib.learn.report.options import PRIVATE

MAX_HTML = 1_500_000
MAX_PDF = 3_000_000


def test_ten_thousand_applications_make_a_small_report(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'big.db'}")
    demo.build(engine, n_applications=10_000)
    started = time.perf_counter()
    files = report.make(engine, report.ReportOptions(private=frozenset(PRIVATE), mask_companies=True))
    took = time.perf_counter() - started
    engine.dispose()
    assert files.report.applications == 10_000
    assert files.report.charts and all(chart.rows <= 5_000 for chart in files.report.charts)
    assert len(files.html.encode()) < MAX_HTML and len(files.pdf) < MAX_PDF
    print(f"10,000 applications: {took:.1f} s, HTML {len(files.html.encode()):,} B, PDF {len(files.pdf):,} B")
