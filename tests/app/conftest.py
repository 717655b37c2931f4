"""AppTest fixtures: the real app.py against a fresh database (and a private demo database)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the app at databases in tmp_path; returns the user database URL."""
    url = f"sqlite:///{tmp_path / 'rebound.db'}"
    monkeypatch.setenv("REBOUND_DATABASE_URL", url)
    monkeypatch.setenv("REBOUND_DEMO_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    return url


@pytest.fixture
def open_page(app_env: str) -> Callable[..., AppTest]:
    """open_page("pages/x.py", query_params={...}) -> an AppTest that has run that page."""

    def _open(page: str | None = None, *, demo: bool = False, query_params: dict | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if demo:
            at.session_state["data_mode"] = "demo"
        for key, value in (query_params or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        return at

    return _open
