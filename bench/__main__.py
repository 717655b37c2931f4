"""`make bench`: every page's first run (median of 3 cold starts) and rerun median at growing
data sizes, plus imports.

Prints a table, then as its last line one JSON object:
{"floor_rerun_ms": F, "pages": [{"page", "n_applications", "first_run_ms", "rerun_median_ms"}...],
 "imports": [{"rows", "ms", "read_csv_ms", "store_floor_ms"}...]   (bench/imports.py says what each is),
 "email_scan": {...}, "browser": {"first_load_ms", "floor_first_load_ms"}}   (BENCH_BROWSER=0 skips it)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.browser import first_loads  # noqa: E402
from bench.email_scan import measure_email_scan  # noqa: E402
from bench.imports import measure_imports  # noqa: E402
from bench.seed import seed  # noqa: E402
from lib.core import db  # noqa: E402

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",")]
RERUNS = int(os.environ.get("BENCH_RERUNS", "20"))
FIRST_RUNS = int(os.environ.get("BENCH_FIRST_RUNS", "3"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "50000"))
EMAIL_MESSAGES = int(os.environ.get("BENCH_EMAIL_MESSAGES", "20000"))  # 0 skips the email scan
PAGES = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "pages").glob("*.py")
    if p.stem != "__init__"
    and (not os.environ.get("BENCH_PAGES") or p.stem in os.environ["BENCH_PAGES"].split(","))
)


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def floor_rerun_ms() -> float:
    at = AppTest.from_string("import streamlit as st\nst.button('Press')", default_timeout=60)
    at.run()
    times = []
    for _ in range(RERUNS):
        start = time.perf_counter()
        at.run()
        times.append(_ms(start))
    return statistics.median(times)


def _cold_app(page: str) -> tuple[AppTest, float]:
    """A new session on `page` with every cache cleared (data, shared frames, engines): its first
    run is what a user waits for after starting the app."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["id"] = "1"
    at.switch_page(page)
    start = time.perf_counter()
    at.run()
    return at, _ms(start)


def measure_page(page: str) -> tuple[float, float, str | None]:
    """Median of FIRST_RUNS cold first runs, and the median of RERUNS reruns after that."""
    firsts = []
    for _ in range(FIRST_RUNS):
        at, first = _cold_app(page)
        firsts.append(first)
    error = at.exception[0].value if at.exception else None
    times = []
    for _ in range(RERUNS):
        start = time.perf_counter()
        at.run()
        times.append(_ms(start))
    return statistics.median(firsts), statistics.median(times), error


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="rebound-bench-"))
    os.environ["REBOUND_DEMO_DATABASE_URL"] = f"sqlite:///{workdir / 'demo.db'}"
    floor = floor_rerun_ms()
    results = []
    for size in SIZES:
        url = f"sqlite:///{workdir / f'bench-{size}.db'}"
        seed(db.open_database(url), size)
        os.environ["REBOUND_DATABASE_URL"] = url
        for page in PAGES:
            first, rerun, error = measure_page(page)
            results.append(
                {
                    "page": Path(page).stem,
                    "n_applications": size,
                    "first_run_ms": first,
                    "rerun_median_ms": rerun,
                    **({"error": error} if error else {}),
                }
            )
            print(
                f"{Path(page).stem:<20} {size:>7,} apps  first {first:>8.1f} ms  rerun {rerun:>7.1f} ms"
                + (f"  ERROR {error}" if error else ""),
                file=sys.stderr,
                flush=True,
            )
    imports = measure_imports(workdir, IMPORT_ROWS) if IMPORT_ROWS else []
    email_scan = measure_email_scan(EMAIL_MESSAGES, workdir) if EMAIL_MESSAGES else None
    browser = first_loads(workdir) if os.environ.get("BENCH_BROWSER", "1") != "0" else None

    print(
        f"\nfloor (one-widget app) rerun median: {floor:.1f} ms   target per page: <= {15 * floor:.0f} ms\n"
    )
    print(f"{'page':<20} {'apps':>7} {'first ms':>10} {'rerun ms':>10} {'x floor':>8} {'x @100':>7}")
    base = {r["page"]: r["rerun_median_ms"] for r in results if r["n_applications"] == SIZES[0]}
    for r in results:
        print(
            f"{r['page']:<20} {r['n_applications']:>7,} {r['first_run_ms']:>10.1f} {r['rerun_median_ms']:>10.1f} "
            f"{r['rerun_median_ms'] / floor:>8.1f} {r['rerun_median_ms'] / max(base[r['page']], 0.1):>7.2f}"
        )
    for imp in imports:
        print(
            f"import {imp['rows']:,} rows: {imp['ms']:.0f} ms "
            f"(pandas read_csv {imp['read_csv_ms']:.0f} ms, {imp['ms'] / imp['read_csv_ms']:.1f}x; "
            f"SQLite just storing the rows {imp['store_floor_ms']:.0f} ms, "
            f"{imp['store_floor_ms'] / imp['read_csv_ms']:.1f}x)"
        )
    if email_scan:
        print(
            f"email scan {email_scan['messages']:,} messages: {email_scan['ms']:.0f} ms, peak {email_scan['peak_rss_mb']} MB"
        )
    if browser:
        print(
            f"first load in a browser: {browser['first_load_ms']:.0f} ms "
            f"(one-widget app {browser['floor_first_load_ms']:.0f} ms, "
            f"{browser['first_load_ms'] / browser['floor_first_load_ms']:.1f}x)"
        )
    print(
        json.dumps(
            {"floor_rerun_ms": floor, "pages": results, "imports": imports, "email_scan": email_scan}
            | ({"browser": browser} if browser else {})
        )
    )


if __name__ == "__main__":
    main()
