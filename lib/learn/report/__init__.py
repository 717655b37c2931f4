"""A report for a coach: one self-contained HTML file (and the same as a PDF) with what the person
chose to share. `make` builds both from a database; `content`, `html` and `pdf` are the steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lib.core.db import Engine
from lib.core.text import plural
from lib.learn.report import content, data, html, pdf
from lib.learn.report.options import PRIVATE, SECTIONS, ReportOptions
from lib.learn.report.render_charts import to_png

__all__ = ["PRIVATE", "SECTIONS", "ReportFiles", "ReportOptions", "make", "write"]


@dataclass(frozen=True)
class ReportFiles:
    html: str
    pdf: bytes
    report: content.Report

    @property
    def summary(self) -> str:
        r = self.report
        return (
            f"{r.period}: {plural(r.applications, 'application')}, {plural(len(r.charts), 'chart')}, "
            f"{plural(len(r.findings), 'insight')}, {plural(len(r.practise), 'question')} to practise."
        )


def make(engine: Engine, options: ReportOptions, today: dt.date | None = None) -> ReportFiles:
    """Read, build and render the report (HTML text and PDF bytes); writes nothing."""
    report = content.build(data.load(engine, options), options, today)
    svgs = html.chart_svgs(report)
    pngs = {c.key: to_png(c.spec) for c in report.charts}
    mood = report.private.get("mood")
    if mood and mood.get("spec"):
        pngs["mood"] = to_png(mood["spec"])
    return ReportFiles(html.render(report, svgs), pdf.render(report, pngs), report)


def write(files: ReportFiles, out: str | Path) -> tuple[Path, Path]:
    """Write the HTML to `out` (".html" added when it has no suffix) and the PDF beside it."""
    path = Path(out).expanduser()
    if not path.suffix:
        path = path.with_suffix(".html")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf_path = path.with_suffix(".pdf")
    path.write_text(files.html, encoding="utf-8")
    pdf_path.write_bytes(files.pdf)
    return path, pdf_path
