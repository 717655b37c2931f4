"""The Insights and Strategy review charts as ready Vega-Lite specs, built once per data revision."""

from __future__ import annotations

from lib.learn.insight_charts import (
    comfort_chart,
    count_bars,
    motivation_chart,
    on_track_chart,
    self_assessment_chart,
    themes_over_time_chart,
    traction_chart,
    weakest_chart,
)
from lib.learn.mood_charts import mood_activity_chart, mood_line_chart


def all_specs(found: dict, only: tuple[str, ...] | None = None) -> dict[str, dict]:
    """Every insight chart (or those named in `only`) as a Vega-Lite spec (built once per data
    revision: building an Altair chart costs far more than drawing a ready spec). Keys name the
    chart; empty frames get none."""
    builders = {
        "self_assessment": lambda: self_assessment_chart(found["self_assessment"].frame),
        "questions": lambda: weakest_chart(found["questions"].frame),
        "themes": lambda: count_bars(found["nos"].frame, "theme", "Theme"),
        "themes_by_month": lambda: themes_over_time_chart(found["nos"].extra["by_month"]),
        "skills": lambda: count_bars(found["nos"].extra["skills"].head(12), "skill", "Skill", "Reflections"),
        "mood": lambda: mood_line_chart(found["mood"].frame),
        "mood_activity": lambda: mood_activity_chart(found["mood"].frame),
        "motivation": lambda: motivation_chart(found["motivation"].frame),
    }
    for dimension in ("Format", "Round type", "Company"):
        builders[f"comfort:{dimension}"] = lambda d=dimension: comfort_chart(found["comfort"].frame, d)
    for dimension in ("Channel", "Role"):
        builders[f"traction:{dimension}"] = lambda d=dimension: traction_chart(found["traction"].frame, d)
    if "on_track" in found:
        builders["on_track"] = lambda: on_track_chart(found["on_track"].frame)
    sources = {
        "themes": found["nos"].frame,
        "themes_by_month": found["nos"].extra["by_month"],
        "skills": found["nos"].extra["skills"],
        "mood_activity": found["mood"].frame,
    }
    out = {}
    for key, build in builders.items():
        if only is not None and key not in only:
            continue
        name, _, dimension = key.partition(":")
        frame = sources[key] if key in sources else found[name].frame
        if dimension:
            frame = frame[frame["dimension"] == dimension]
        if not frame.empty:
            out[key] = build().to_dict(validate=False)  # the unit tests validate each chart
    return out
