"""The report as one self-contained HTML file: inline CSS, charts as inline SVG, no script, no
font, image or style from anywhere else. Every piece of the person's text is escaped by Jinja2."""

from __future__ import annotations

from pathlib import Path

import jinja2

from lib.learn.report.content import Report
from lib.learn.report.render_charts import to_svg

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def chart_svgs(report: Report) -> dict[str, str]:
    svgs = {
        chart.key: to_svg(
            chart.spec, f"{chart.title} — {chart.description}" if chart.description else chart.title
        )
        for chart in report.charts
    }
    mood = report.private.get("mood")
    if mood and mood.get("spec"):
        svgs["mood"] = to_svg(
            mood["spec"], "Mood beside applications: weekly mood (1–5) beside applications sent"
        )
    return svgs


def render(report: Report, svgs: dict[str, str] | None = None) -> str:
    svgs = chart_svgs(report) if svgs is None else svgs
    return _ENV.get_template("report.html.j2").render(r=report, svgs=svgs)
