"""Insights: what your own reflections say about your search, each with the chart behind it."""

from functools import partial

import streamlit as st

from ui import layout, state
from ui.learn import insight_sections as sections
from ui.learn import insights_data

head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title("Insights")
action.page_link("pages/strategy.py", label="Strategy review", icon=":material/flag:")
layout.demo_banner()

found = insights_data.all_insights()
if found["traction"].n == 0:
    st.info(
        "No applications yet, so nothing to learn from. Log the applications you send, debrief each "
        "interview and reflect on each rejection: this page then joins your own answers to how far you "
        "got. Or look around the demo data first.",
        icon=":material/lightbulb:",
    )
    layout.first_steps("insights")
    layout.end_page()

st.caption(
    "From your own answers, not generic advice. Every finding states how many data points it rests on; "
    "nothing is claimed from fewer than 5, and a link between two things is not a cause."
)

# Only the open tab is drawn, its finding and its charts (lazy tabs rerun on a switch).
SECTIONS = [  # (tab, insight, how it is drawn, its charts)
    ("Self-assessment", "self_assessment", sections.self_assessment, ("self_assessment",)),
    ("Comfort", "comfort", sections.comfort, ("comfort:Format", "comfort:Round type", "comfort:Company")),
    ("Weakest questions", "questions", sections.questions, ("questions",)),
    ("The “no”s", "nos", sections.nos, ("themes", "themes_by_month", "skills")),
    ("Mood", "mood", sections.mood, ("mood", "mood_activity")),
    ("Was it for me", "motivation", sections.motivation, ("motivation",)),
]


def _section(insight: str, draw, charts: tuple[str, ...]) -> None:
    draw(found[insight], insights_data.chart_specs(only=charts))


def _targets() -> None:
    sections.targets(found["targets"])
    st.page_link(
        "pages/strategy.py", label="Edit the target list in the strategy review", icon=":material/flag:"
    )


layout.lazy_tabs(
    {name: partial(_section, insight, draw, charts) for name, insight, draw, charts in SECTIONS}
    | {
        "Worth another try": lambda: sections.reapply(
            found["reapply"], state.settings()["reapproach_months"]
        ),
        "Target list": _targets,
    },
    key="insights_tab",
)
