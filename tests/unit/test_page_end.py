"""Pages end early with `layout.end_page()`, never `st.stop()`: a stopped run keeps the values of the
widgets it didn't draw while the browser forgets them, and a form drawn again came back blank
(tests/e2e/test_same_page_round_trip.py shows it in a browser)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Before any page is drawn (the database can't open): nothing of a page is kept to go stale. And
# end_page itself, for a page run without app.py around it (AppTest).
ALLOWED = {ROOT / "ui" / "state.py", ROOT / "ui" / "layout.py"}


def test_no_page_ends_with_st_stop():
    stopping = [
        str(path.relative_to(ROOT))
        for top in ("pages", "ui")
        for path in sorted((ROOT / top).rglob("*.py"))
        if path not in ALLOWED and "st.stop(" in path.read_text(encoding="utf-8")
    ]
    assert not stopping, f"use layout.end_page() instead of st.stop() in {stopping}"
