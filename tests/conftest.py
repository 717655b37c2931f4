"""Fixtures shared by every test layer: a fresh, migrated database per test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from lib.core import db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rebound.db'}"


@pytest.fixture
def engine(db_url: str) -> Engine:
    """A fresh database file, migrated to the newest schema."""
    eng = db.open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
