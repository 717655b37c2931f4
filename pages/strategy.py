"""Strategy review: a periodic look at what you want and what works, beside your insights; the target
list edited in place; two saved reviews side by side."""

import datetime as dt

import streamlit as st

from lib.learn.strategy import review_due
from lib.learn.strategy_bank import STRATEGY
from ui import forms, layout, state
from ui.learn import insight_sections as sections
from ui.learn import insights_data, plan_form, strategy_forms
from ui.reflect import mood

head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title("Strategy review")
action.page_link("pages/insights.py", label="All insights", icon=":material/lightbulb:")
layout.demo_banner()

today = dt.date.today()
saved = insights_data.reviews()
forms.show_flash()
due = review_due(saved["last_review_at"], today)
if pause_until := mood.pause_ends():  # kind first: during a pause nothing here is "due"
    st.info(
        f"You're taking a pause until {pause_until:%a %d %b}. The review can wait until after it; it is "
        "here whenever you want it.",
        icon=":material/spa:",
    )
elif saved["last_review_at"] is None:
    st.info(
        "No review yet: your first one is due today. Every two weeks, take ten minutes to look at what you "
        "want and what works — the insights are beside the questions.",
        icon=":material/event:",
    )
elif due <= today:
    st.warning(
        f"A review is due: the last one was on {saved['last_review_at']:%d %b %Y}.", icon=":material/event:"
    )
else:
    st.success(
        f"Next review due on {due:%d %b %Y} (in {(due - today).days} days). Last one: "
        f"{saved['last_review_at']:%d %b %Y}.",
        icon=":material/event_available:",
    )

found = insights_data.all_insights(today)
settings = state.settings()
if found["traction"].n == 0:
    st.caption(
        "With no applications logged yet, the numbers beside stay empty; the questions still help you "
        "decide what to aim for. Add applications as you send them."
    )


def _review() -> None:
    form_col, beside_col = st.columns([3, 2], gap="large")
    with form_col:
        skills = found["nos"].extra["skills"]["skill"].head(30).tolist()
        strategy_forms.review_form(STRATEGY, settings["weekly_goal"], found, skills)
    with beside_col:
        st.markdown("#### Beside you")
        with st.container(border=True):
            st.markdown("**Am I on track**")
            sections.on_track(found["on_track"], insights_data.chart_specs(today, only=("on_track",)))
            plan_form.plan_beside_goal(settings["weekly_goal"], today)
        for key in ("traction", "comfort", "nos", "motivation", "targets"):
            with st.container(border=True):
                st.markdown(f"**{found[key].title}**")
                sections.sentence(found[key])


def _plan() -> None:
    if saved_now := st.session_state.pop(strategy_forms.SAVED, None):
        st.success(saved_now, icon=":material/check_circle:")
    plan_form.render()  # the self-check, a broadening hint, the plan for the week


def _compare() -> None:
    strategy_forms.compare(saved["reviews"])
    strategy_forms.saved_reviews(saved["reviews"])


# Each tab is a page's worth of widgets: only the open one is drawn. A saved review moves on to
# the plan (strategy_forms.NEXT_TAB, set before the tabs exist).
if next_tab := st.session_state.pop(strategy_forms.NEXT_TAB, None):
    st.session_state["strategy_tab"] = next_tab
layout.lazy_tabs(
    {
        "New review": _review,
        "Plan the week": _plan,
        "Target list": lambda: strategy_forms.targets_editor(saved["targets"], found["targets"]),
        "Compare reviews": _compare,
    },
    key="strategy_tab",
)
