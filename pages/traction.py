"""Traction: which companies, channels, roles and months moved the search furthest."""

import streamlit as st

from lib.core import vocab
from lib.learn import traction
from ui import charts, layout, state
from ui.learn import traction_data, traction_filters
from ui.text import md

COMPANY_PICK = "traction_company"
COMPANY_CHART = "traction_company_chart"

st.title("Traction")
layout.demo_banner()

ghost_days = state.settings()["ghost_days"]
total, bounds = traction_data.overview()
if total == 0:
    st.info(
        "No applications yet, so nothing to chart. Log the applications you sent and record each "
        "answer (screen, interview, final round, offer, rejection): this page then shows where your "
        "search gets traction. Or switch to the demo data in the sidebar to look around."
    )
    st.page_link("pages/add_application.py", label="Add your first application", icon=":material/add_circle:")
    st.stop()

chosen, freq = traction_filters.filters(bounds)
view = traction_data.view(chosen, freq)
specs = traction_data.chart_specs(chosen, freq)

summary, settings_col = st.columns([3, 2], vertical_alignment="center")
summary.markdown(
    f"**{view.matching:,}** of {view.total:,} applications · "
    f"response rate **{traction.rate_text(view.responses, view.matching)}** · "
    f"traction rate **{traction.rate_text(view.traction, view.matching)}**",
    help="Response: the employer answered in any way (a screen or later, or a rejection). "
    "Traction: the application reached an interview or further. Under 5 applications a rate "
    "is too few to tell.",
)
with settings_col:
    traction_filters.ghost_days_setting(ghost_days)

if view.matching == 0:
    st.info(
        "No application matches these filters. Widen the dates, clear the channel or company, "
        "or include open applications."
    )
    st.stop()


def _pick_from_chart() -> None:
    """A click on a company's bar picks it in the drill-down below."""
    event = st.session_state.get(COMPANY_CHART)
    points = (event or {}).get("selection", {}).get("company_pick") or []
    name = points[0].get("company") if points else None
    if name and not name.startswith(traction.OTHER_COMPANIES):
        st.session_state[COMPANY_PICK] = name


def _chart(name: str, empty: str, **kwargs) -> None:
    if name in specs:
        charts.draw(specs[name], **kwargs)
    else:
        st.info(empty)


tabs = st.tabs(
    [
        "By company",
        "By channel",
        "By role",
        "Over time",
        "Funnel",
        "Response time",
        "Résumé, work mode, location",
    ]
)

with tabs[0]:
    chart_col, detail_col = st.columns([3, 2], gap="large")
    with chart_col:
        _chart(
            "company",
            "No companies to compare yet.",
            key=COMPANY_CHART,
            on_select=_pick_from_chart,
            selection_mode="company_pick",
        )
        st.caption(
            "The 20 companies that got furthest (then most applications); the rest are grouped. Click a bar to see "
            "that company's applications."
            + (
                f" The picker lists the {traction.PICKER_LIMIT} companies with the most applications: "
                "type in the Company filter to find others."
                if len(view.companies) >= traction.PICKER_LIMIT
                else ""
            )
        )
    with detail_col:
        if st.session_state.get(COMPANY_PICK) not in view.companies:
            st.session_state.pop(COMPANY_PICK, None)
        picked = st.selectbox(
            "See a company's applications",
            view.companies,
            index=None,
            key=COMPANY_PICK,
            placeholder="Pick a company",
        )
        if picked:
            detail = traction_data.company(picked)
            st.markdown(f"**{md(picked)}** · {len(detail):,} application{'s' if len(detail) != 1 else ''}")
            st.dataframe(
                detail,
                hide_index=True,
                height=min(420, 38 + 35 * len(detail)),
                column_order=["role", "applied_on", "channel", "furthest_stage", "end_state", "history"],
                column_config={
                    "role": "Role",
                    "channel": "Channel",
                    "applied_on": st.column_config.DateColumn("Applied", format="DD MMM YYYY"),
                    "furthest_stage": "Furthest stage",
                    "end_state": "Ended",
                    "history": st.column_config.TextColumn("Stage history", width="large"),
                },
            )
        else:
            st.caption("Pick a company (or click its bar) to see each application and its stage history.")

with tabs[1]:
    _chart("channel", "No channel to compare yet: log applications with the channel they came through.")

with tabs[2]:
    _chart("role", "No roles to compare yet: log applications with their role title.")
    st.caption(
        "Role titles are grouped into families: case, punctuation and seniority words "
        "(senior, sr, junior, lead, …) are ignored. The 30 largest families are shown."
    )

with tabs[3]:
    _chart("over_time", "No dated applications yet: log applications with the date you sent them.")
    if "closer" in specs:
        _chart("closer", "")

with tabs[4]:
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

with tabs[5]:
    times_col, silent_col = st.columns([3, 2], gap="large")
    with times_col:
        _chart(
            "response_times",
            "No employer has answered yet. Record screens, interviews and rejections "
            "on each application to see how long answers take.",
        )
        if view.undated_note:
            st.caption(view.undated_note)
    with silent_col:
        st.markdown(
            f"**Still silent** · {view.silent_count:,} open application"
            f"{'s' if view.silent_count != 1 else ''} with no answer yet"
        )
        if view.silent.empty:
            st.caption("Every open application has had an answer.")
        else:
            st.dataframe(
                view.silent.assign(ghosted=view.silent["ghosted"].map({True: "ghosted", False: ""})),
                hide_index=True,
                height=min(420, 38 + 35 * len(view.silent)),
                column_order=["company", "days_silent", "ghosted", "applied_on", "role"],
                column_config={
                    "company": "Company",
                    "role": "Role",
                    "applied_on": st.column_config.DateColumn("Applied", format="DD MMM YYYY"),
                    "days_silent": st.column_config.NumberColumn("Days silent", format="%d"),
                    "ghosted": "Ghosted?",
                },
            )

with tabs[6]:
    if not view.extra_rates:
        st.info(
            "Fill in the résumé version, work mode or location on your applications to compare them here."
        )
    for column in view.extra_rates:
        _chart(f"extra:{column}", "")

st.caption(
    f"Stages: {' < '.join(vocab.stage_label(s) for s in vocab.STAGES)}. "
    "Rates show a 95% interval; under 5 applications they are too few to tell."
)
