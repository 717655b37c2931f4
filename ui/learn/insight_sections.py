"""Drawing the insights: each section is its sentence (escaped: it quotes user text), the chart
of its aggregated frame, and the small table behind it."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.core.text import plural
from lib.learn.insights import COMPANIES_SHOWN, MIN_POINTS, Insight
from lib.learn.strategy import priority_label
from ui import charts, tables
from ui.text import md

COMPOSE_PAGE = "pages/compose.py"
ROOT = Path(__file__).resolve().parents[2]


def sentence(insight: Insight) -> None:
    st.markdown(md(insight.sentence))


def _chart(specs: dict[str, charts.Prepared], key: str) -> None:
    if key in specs:
        charts.draw(specs[key])  # titled when prepared (insights_data.chart_specs)


def _nothing(insight: Insight, what_to_do: str) -> bool:
    if insight.frame.empty:
        st.info(what_to_do, icon=":material/lightbulb:")
        return True
    return False


def self_assessment(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(
        insight,
        "Rate yourself in the reflection after a rejection (prepared, qualified, heart in it, …) "
        "and note your comfort in each interview debrief: this compares them with how far you got.",
    ):
        return
    _chart(specs, "self_assessment")
    st.caption(f"Grey cells have fewer than {MIN_POINTS} applications: too few to say anything.")
    with st.expander("Each rating in plain words"):
        for words in insight.extra["correlations"]["words"]:
            st.markdown(f"- {md(words)}")


def comfort(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(
        insight, "Note how comfortable you felt in each interview debrief to see where you are at ease."
    ):
        return
    # Two in a row, the companies (up to 12) across the page: in thirds, the tables under the
    # charts cut their words at 1,280 px.
    places = [*st.columns(2), st.container()]
    for column, dimension in zip(places, ("Format", "Round type", "Company")):
        with column:
            st.markdown(
                f"**{dimension}**"
                + (f" (the {COMPANIES_SHOWN} with most rounds)" if dimension == "Company" else "")
            )
            part = insight.frame[insight.frame["dimension"] == dimension]
            if part.empty:
                st.caption("Nothing recorded yet.")
            else:
                _chart(specs, f"comfort:{dimension}")


def questions(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(
        insight, "Rate your answer to each question in the interview debrief to find your weakest kinds."
    ):
        return
    chart_col, practise_col = st.columns([2, 3])
    with chart_col:
        _chart(specs, "questions")
    with practise_col:
        st.markdown("**Better answers to practise**")
        practise = insight.extra["practise"]
        if practise.empty:
            st.caption("No better answer noted yet for a question you rated 3 or lower.")
        else:
            tables.reading_table(
                practise,
                {
                    "question": "Question",
                    "category": "Category",
                    "rating": "Rated that time",  # that answer's rating, not the question's latest
                    "better_answer": "Better answer",
                },
            )


def nos(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    themes_col, skills_col = st.columns(2)
    with themes_col:
        st.markdown("**Feedback themes**")
        if insight.frame.empty:
            st.caption(
                "No feedback received yet. Ask specifically (“which skills could I strengthen?”) and tag "
                "what comes back."
            )
        else:
            _chart(specs, "themes")
            by_month = insight.extra["by_month"]
            if by_month["month"].nunique() > 1:
                _chart(specs, "themes_by_month")
    with skills_col:
        st.markdown("**Skills to bolster**")
        skills = insight.extra["skills"]
        if skills.empty:
            st.caption("Name the skills to bolster in each reflection after a rejection.")
        else:
            _chart(specs, "skills")
        st.markdown("**Why I think I wasn't chosen** (latest)")
        why = insight.extra["why_not_chosen"]
        if why.empty:
            st.caption("Nothing written yet.")
        else:
            tables.reading_table(
                why, {"date": "Reflected on", "company": "Company", "why_not_chosen": "Why I think so"}
            )


def mood(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(
        insight,
        "Check in with your mood now and then (Home, or after a rejection) to see it beside your progress.",
    ):
        return
    if insight.frame["checkins"].sum() > 0:
        _chart(specs, "mood")
    else:  # weeks with applications but no check-in: an empty mood chart says nothing
        st.info(
            "No mood check-in yet: check in now and then (Home, or after a rejection) to see your "
            "mood week by week beside your progress.",
            icon=":material/lightbulb:",
        )
    _chart(specs, "mood_activity")
    st.caption(
        "A step closer to yes: an interview, final round or offer that week. Side by side, not cause "
        "and effect."
    )


def motivation(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(
        insight,
        "Answer “Why did I go for it?” in the reflection after a rejection to see which "
        "motivations take you furthest.",
    ):
        return
    _chart(specs, "motivation")
    # too-few groups draw no bar at all (a faded "1 of 2" at 50% was the longest): said as it is
    st.caption(
        f"A motivation with fewer than {MIN_POINTS} rejections gets no bar, only its count: too few to claim."
    )


def _compose_link(application_id: int, company: str) -> None:
    if not (ROOT / COMPOSE_PAGE).exists():
        return
    try:
        st.page_link(
            COMPOSE_PAGE,
            label=f"Draft a re-application intro for {md(company)}",
            icon=":material/edit:",
            query_params={"app": str(application_id), "kind": "re-application intro"},
        )
    except StreamlitAPIException:  # the notes page is not in the navigation yet
        pass


def reapply(insight: Insight, months: int) -> None:
    sentence(insight)
    if _nothing(
        insight,
        f"A company shows up here once you reached an interview there, said in your reflection "
        f"that you are still interested, know someone there, and {months} months have passed "
        "(change that in the settings).",
    ):
        return
    for row in insight.frame.itertuples():
        with st.container(border=True):
            badge = "Ready now" if row.ready else f"From {row.ready_on:%d %b %Y}"
            st.markdown(f"**{md(row.company)}** · {badge}")
            st.caption(md(row.reason))
            if row.ready:
                _compose_link(int(row.application_id), row.company)
    if insight.total_rows > len(insight.frame):
        st.caption(f"+ {insight.total_rows - len(insight.frame):,} more.")


def targets(insight: Insight, limit: int = 50) -> None:
    sentence(insight)
    if _nothing(
        insight,
        "Mark target companies in the strategy review (Target list): each gets a suggestion here, "
        "as does any company where interviews come as often as across your search.",
    ):
        return
    frame = insight.frame.head(limit).assign(
        target_priority=lambda f: f["target_priority"].map(priority_label)
    )
    columns = {
        "suggestion": "Suggestion",
        "company": "Company",
        "target_priority": "Priority now",
        "reason": "Why (from your data)",
    }
    # What to act on first; the companies with too few applications to say are folded beneath
    # (a list of 22 "keep watching" rows gave nothing to do).
    watching = frame["suggestion"].astype(str).str.startswith("keep watching")
    if not watching.all():  # (all watching: the sentence above says so)
        tables.reading_table(frame[~watching], columns)  # the reasons are sentences: shown whole
    if watching.any():
        with st.expander(
            f"Keep watching: {plural(int(watching.sum()), 'company', 'companies')} with too few "
            "applications to say yet"
        ):
            tables.reading_table(frame[watching], columns)
    if insight.total_rows > len(frame):
        st.caption(f"Showing {len(frame):,} of {insight.total_rows:,}: promote and drop first.")


def traction(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    if _nothing(insight, "Log applications and their stages to see where things move."):
        return
    for column, dimension in zip(st.columns(2), ("Channel", "Role")):
        with column:
            _chart(specs, f"traction:{dimension}")


def on_track(insight: Insight, specs: dict[str, charts.Prepared]) -> None:
    sentence(insight)
    _chart(specs, "on_track")
