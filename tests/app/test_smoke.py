"""Every page runs without an exception, on an empty database and on the demo data."""

from pathlib import Path

import pytest

PAGES = sorted(
    str(p.relative_to(Path(__file__).resolve().parents[2]))
    for p in (Path(__file__).resolve().parents[2] / "pages").glob("[!_]*.py")
)


def test_every_page_file_is_in_the_navigation():
    app_py = (Path(__file__).resolve().parents[2] / "app.py").read_text()
    assert PAGES and all(f'"{page}"' in app_py for page in PAGES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_the_page_runs_without_an_exception(open_page, page, demo):
    at = open_page(page, demo=demo, query_params={"id": "1"})
    assert not at.exception, [e.value for e in at.exception]
    if demo:
        assert any("demo data" in m.value for m in at.markdown)
