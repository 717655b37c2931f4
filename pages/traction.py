"""Traction: which companies, channels, roles and months moved the search furthest."""

import streamlit as st

from lib.core import vocab
from lib.core.text import plural
from lib.learn import traction
from ui import layout, state
from ui.learn import traction_data, traction_filters
from ui.learn import traction_sections as sections

st.title("Traction")
layout.demo_banner()

ghost_days = state.settings()["ghost_days"]
total, bounds = traction_data.overview()
if total == 0:
    st.info(
        "No applications yet, so nothing to chart. Log the applications you sent and record each "
        "answer (screen, interview, final round, offer, rejection): this page then shows where your "
        "search gets traction. Or look around the demo data first."
    )
    layout.first_steps("traction")
    layout.end_page()

chosen, freq = traction_filters.filters(bounds)
view = traction_data.view(chosen, freq)
specs = traction_data.chart_specs(chosen, freq)

summary, settings_col = st.columns([3, 2], vertical_alignment="center")
summary.markdown(
    f"**{view.matching:,}** of {plural(view.total, 'application')} · "
    f"response rate **{traction.rate_text(view.responses, view.matching)}** · "
    f"traction rate **{traction.rate_text(view.traction, view.matching)}**",
    help="Response: the employer answered in any way (a screen or later, or a rejection). "
    "Traction: the application reached an interview or further. Under 5 applications a rate "
    "is too few to tell.",
)
with settings_col:
    traction_filters.ghost_days_setting(ghost_days)

if view.matching == 0:
    st.info(traction_filters.no_match_text(chosen, bounds))
    layout.end_page()


def _chart(name: str, empty: str, **kwargs) -> None:
    sections.chart(specs, name, empty, **kwargs)


def _channel() -> None:
    _chart("channel", "No channel to compare yet: log applications with the channel they came through.")


def _role() -> None:
    _chart("role", "No roles to compare yet: log applications with their role title.")
    st.caption(
        "Role titles are grouped into families: case, punctuation and seniority words "
        "(senior, sr, junior, lead, …) are ignored. The 30 largest families are shown."
    )


def _over_time() -> None:
    traction_filters.period()
    _chart("over_time", "No dated applications yet: log applications with the date you sent them.")
    if "closer" in specs:
        _chart("closer", "")


def _funnel() -> None:
    funnel_col, end_col = st.columns(2, gap="large")
    with funnel_col:
        _chart("funnel", "Log applications and their stages to see the funnel.")
    with end_col:
        _chart("endings", "Record how applications end to see where they stop.")
    st.caption(
        f"Ghosted: recorded as ghosted, or open with no word from the employer for {ghost_days} days "
        "or more. A rejection after a final round counts as a final round reached."
    )
    if view.undated_note:
        st.caption(view.undated_note)


def _extra() -> None:
    if not view.extra_rates:
        st.info(
            "Fill in the résumé version, work mode or location on your applications to compare them here."
        )
    for column in view.extra_rates:
        _chart(f"extra:{column}", "")


TABS = {  # only the open tab is drawn; it is kept in the address (traction?traction_tab=Funnel)
    "By company": lambda: sections.company_tab(view, specs),
    "By channel": _channel,
    "By role": _role,
    "Over time": _over_time,
    "Funnel": _funnel,
    "Response time": lambda: sections.response_tab(view, specs, ghost_days),
    "Résumé, work mode, location": _extra,
}
layout.lazy_tabs(TABS, key="traction_tab")

st.caption(
    f"Stages: {' < '.join(vocab.stage_label(s) for s in vocab.STAGES)}. "
    "Rates show a 95% interval; under 5 applications they are too few to tell."
)
