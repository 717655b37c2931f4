"""The "Share a report" form: the period, the sections, the private parts (off until ticked),
masking; then the report built once per choice and data revision, with its two downloads."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.core import db
from lib.core.db import Engine
from lib.learn import report
from lib.learn.report.options import PRIVATE, SECTIONS, ReportOptions
from lib.store import strategy as strategy_store
from ui import state
from ui.text import md

CHANGING = "report_changing"  # the prepared report's choices are open to change
CHOSEN = "report_options"
PREPARED = "report_prepared"  # how many times: each prepare folds the choices afresh
SHORT = {  # the form's labels; the report itself lists the longer ones
    "headline": ("Headline numbers", "Applications, response and traction rates with their 95% intervals"),
    "traction": ("Traction charts", "By company, channel, role family, over time, and the funnel"),
    "insights": (
        "Insights",
        "Only those that rest on at least 5 cases, each with its n; those drawn from your reflections "
        "and debriefs only with My reflections",
    ),
    "strategy": ("My latest strategy review", "Your answers and the target list at that review"),
    "plan": ("This week's plan", "The plan from your last review and how far you are"),
    "questions": (
        "Questions to practise",
        "Rated 3 or lower, with the better answer you wrote; and which kinds of question went least well",
    ),
    "mood": ("My mood over time", "Check-ins and the words you wrote with them"),
    "reflections": (
        "My reflections",
        "What you wrote after each rejection (the pause stays out), and the insights drawn from your "
        "reflections and debriefs: how comfortable you felt, why the no's came, whether you wanted the job",
    ),
    "writing": ("My written-out sessions", "Your private writing, word for word"),
    "contacts": (
        "People I met",
        "Names, roles and how to reach them: the people in these applications' debriefs, notes and "
        "feedback, and those you met at their companies (with a “met on” day). Not everyone in your "
        "Network list.",
    ),
}
FORM = "report_choices"


@st.cache_data(max_entries=4, show_spinner=False)
def _files(_engine: Engine, url: str, rev: int, options: ReportOptions, today: dt.date) -> report.ReportFiles:
    return report.make(_engine, options, today)


@st.cache_data(max_entries=8, show_spinner=False)
def _bounds(_engine: Engine, url: str, rev: int) -> tuple[dt.date, dt.date] | None:
    # to today, not to the last application: a review or a mood check-in since then is in the
    # search too ("No strategy review saved yet" was said of one saved this morning)
    dates = state.applications()["applied_on"].dropna()
    return (dates.min().date(), max(dates.max().date(), dt.date.today())) if len(dates) else None


def bounds() -> tuple[dt.date, dt.date] | None:
    eng = state.engine()
    return _bounds(eng, str(eng.url), db.revision(eng))


@state.cached(max_entries=4)
def _reviews_saved(engine: Engine) -> int:
    return len(strategy_store.load_reviews(engine))


def _tick(key: str, default: bool, prefix: str, help_text: str | None = None) -> bool:
    label, usual_help = SHORT[key]
    return st.checkbox(label, value=default, key=f"{prefix}_{key}", help=help_text or usual_help)


def _section_ticks() -> set[str]:
    """The sections, each in unless unticked; a strategy review only once one is saved (the report
    said "No strategy review saved yet" to whoever it was sent to)."""
    chosen = set()
    for key in SECTIONS:
        if key == "strategy" and not _reviews_saved():
            if _tick(key, False, "rs", "No strategy review is saved yet. Ticked, the report says so."):
                chosen.add(key)
        elif _tick(key, True, "rs"):
            chosen.add(key)
    return chosen


def choose(span: tuple[dt.date, dt.date] | None) -> None:
    """The choices, as one form; a valid choice is kept in the session for `show`."""
    today = dt.date.today()
    prepared = st.session_state.get(PREPARED, 0)
    # Once prepared, the choices fold away: the report and its downloads are what the person came
    # for, in view without scrolling (they came 1,033 px down, so nothing seemed to happen).
    box = (
        st.expander(
            "What goes in: change it and prepare again",
            icon=":material/tune:",
            key=f"report_fold_{prepared}",
            on_change="rerun",  # open, the downloads below wait for the choices: see `show`
        )
        if st.session_state.get(CHOSEN)
        else st.container()
    )
    st.session_state[CHANGING] = bool(getattr(box, "open", False))
    with box, st.form(FORM, border=True):
        period = st.date_input(
            "Applications sent between",
            value=span or (today - dt.timedelta(days=90), today),
            max_value=today,
            format="DD/MM/YYYY",
            help="The report covers the applications sent in this period.",
        )
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown("**What goes in**")
            sections = _section_ticks()
            mask = st.checkbox(
                "Mask company names",  # the examples in the label were cut at 1,280 px: in the help
                help="For sharing with someone outside: each company's name becomes “Company A”, "
                "“Company B”, … wherever it is written out, in your own words too (any case or "
                "spacing), and email addresses lose the part after the @. A short form or a nickname "
                "you wrote is not caught: read the preview before you send it.",
                key="report_mask",
            )
        with right:  # the title under the private parts: Prepare stays in view at 1,280 x 800
            st.markdown("**Private — left out unless you tick it**")
            private = {key for key in PRIVATE if _tick(key, False, "rp")}
            title = st.text_input("Title", value="My job search", max_chars=80)
        submitted = st.form_submit_button("Prepare the report", type="primary", icon=":material/description:")
    if not submitted:
        return
    start, end = (tuple(period) + (None, None))[:2] if isinstance(period, list | tuple) else (period, None)
    try:
        st.session_state[CHOSEN] = ReportOptions(
            date_from=start,
            date_to=end or start,
            sections=frozenset(sections),
            private=frozenset(private),
            mask_companies=mask,
            title=" ".join(title.split()) or "My job search",
        )
        st.session_state[PREPARED] = prepared + 1
        st.rerun()  # drawn again with the choices folded
    except ValueError as exc:
        st.session_state.pop(CHOSEN, None)
        st.error(md(f"Not prepared: {exc}."), icon=":material/error:")


def show() -> None:
    """The prepared report: what is in it, the downloads, and a preview of exactly what is sent."""
    options = st.session_state.get(CHOSEN)
    if options is None:
        st.caption("Nothing is written until you choose and press **Prepare the report**.")
        return
    if st.session_state.get(CHANGING):
        # a box unticked here is not in the prepared file until it is prepared again: its downloads
        # handed over the reflections just unticked, the summary still counting them
        st.info(
            "You are changing what goes in: press **Prepare the report** above to download it with "
            "your changes (or fold the choices away to download it as it was).",
            icon=":material/tune:",
        )
        return
    eng = state.engine()
    with st.spinner("Writing your report…"):
        files = _files(eng, str(eng.url), db.revision(eng), options, dt.date.today())
    st.success(md(files.summary), icon=":material/task_alt:")
    if options.left_out():
        st.caption(md("Left out: " + "; ".join(options.left_out()) + "."))
    stem = f"rebound-report-{dt.date.today():%Y-%m-%d}"
    one, two = st.columns(2)
    one.download_button(
        "Download the report (HTML)",
        files.html,
        file_name=f"{stem}.html",
        mime="text/html",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    two.download_button(
        "Download the same as PDF",
        files.pdf,
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        width="stretch",
    )
    with st.expander("Preview: exactly what the file holds"):
        st.iframe(files.html, height=720, alt="The report as its file will read")
