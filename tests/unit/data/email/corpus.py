"""Measuring the email reader on a labelled corpus (a folder of .eml files and labels.csv).

`REBOUND_EMAIL_CORPUS=/path/to/folder` measures another corpus (a held-out one) the same way.
"""

from __future__ import annotations

import csv
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lib.data.email import Reading, read_path, understand
from lib.search.companies import company_key

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "emails"


def corpus_dir() -> Path:
    return Path(os.environ.get("REBOUND_EMAIL_CORPUS") or FIXTURES)


@dataclass
class Case:
    file: str
    language: str
    kind: str
    company: str
    role: str
    stage: str
    reading: Reading


def load(folder: Path | None = None) -> list[Case]:
    folder = folder or corpus_dir()
    cases = []
    with open(folder / "labels.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            messages = list(read_path(folder / row["file"]))
            assert len(messages) == 1 and not hasattr(messages[0], "message") or hasattr(messages[0], "text")
            cases.append(
                Case(
                    row["file"],
                    row.get("language", ""),
                    row["kind"],
                    row.get("company", ""),
                    row.get("role", ""),
                    row.get("stage", ""),
                    understand(messages[0]),
                )
            )
    return cases


def _folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", company_key(name))
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def same_name(a: str | None, b: str | None) -> bool:
    """The same name, ignoring case, spacing, accents and legal suffixes."""
    return bool(a and b) and _folded(a) == _folded(b)


def metrics(cases: list[Case]) -> dict[str, float]:
    said_no = [c for c in cases if c.reading.kind == "rejection"]
    were_no = [c for c in cases if c.kind == "rejection"]
    events = [c for c in cases if c.kind != "other"]
    with_role = [c for c in events if c.role]
    stages = [c for c in were_no if c.stage and c.reading.kind == "rejection"]
    others = [c for c in cases if c.kind == "other"]
    return {
        "n": len(cases),
        "rejection_precision": sum(c.kind == "rejection" for c in said_no) / max(len(said_no), 1),
        "rejection_recall": sum(c.reading.kind == "rejection" for c in were_no) / max(len(were_no), 1),
        "kind_accuracy": sum(c.reading.kind == c.kind for c in cases) / max(len(cases), 1),
        "company": sum(same_name(c.reading.company, c.company) for c in events) / max(len(events), 1),
        "role": sum(same_name(c.reading.role, c.role) for c in with_role) / max(len(with_role), 1),
        "stage": sum(c.reading.stage == c.stage for c in stages) / max(len(stages), 1),
        "unrelated_confident_events": sum(c.reading.kind != "other" and c.reading.confident for c in others),
    }
