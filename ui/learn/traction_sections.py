"""The Traction page's larger tabs: a company's applications picked from its bar, and how long
employers take to answer beside the ones still silent."""

from __future__ import annotations

import streamlit as st

from lib.core.text import plural
from lib.learn import traction
from ui import charts
from ui.learn import traction_data
from ui.text import md

COMPANY_PICK = "traction_company"
COMPANY_CHART = "traction_company_chart"


def chart(specs: dict, name: str, empty: str, **kwargs) -> None:
    if name in specs:
        charts.draw(specs[name], **kwargs)
    elif empty:
        st.info(empty)


def _pick_from_chart() -> None:
    """A click on a company's bar picks it in the drill-down below."""
    event = st.session_state.get(COMPANY_CHART)
    points = (event or {}).get("selection", {}).get("company_pick") or []
    name = points[0].get("company") if points else None
    if name and not name.startswith(traction.OTHER_COMPANIES):
        st.session_state[COMPANY_PICK] = name


DETAIL_SHOWN = 12  # a company's applications listed beside the chart (newest first)


def company_tab(view: traction.TractionView, specs: dict) -> None:
    chart_col, detail_col = st.columns([3, 2], gap="large")
    with chart_col:
        chart(
            specs,
            "company",
            "No companies to compare yet.",
            key=COMPANY_CHART,
            on_select=_pick_from_chart,
            selection_mode="company_pick",
        )
        others, other_apps = traction.grouped_companies(view.company_stages)
        many = len(view.companies) >= traction.PICKER_LIMIT
        st.caption(
            "The companies that got furthest (then most applications). Click a bar to see that company's "
            "applications."
            + (
                f" {plural(others, 'other company', 'other companies')} ({plural(other_apps, 'application')})"
                f" {'is' if others == 1 else 'are'} not drawn, so these bars stay readable."
                if others
                else ""
            )
            + (
                f" The picker lists the {traction.PICKER_LIMIT} companies with the most applications."
                if many
                else ""
            )
            + (" Type a name in the Company filter to see any other company." if others or many else "")
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
            st.markdown(f"**{md(picked)}** · {plural(len(detail), 'application')}")
            # each application as lines that wrap: a grid in this column showed only Role and
            # Applied at 1,280 px, the stage history it is here for off to the right
            for row in detail.head(DETAIL_SHOWN).itertuples():
                st.markdown(f"**{md(row.role)}** · {md(row.channel)} · {md(row.end_state)}")
                st.caption(md(row.history))
            if len(detail) > DETAIL_SHOWN:
                st.caption(
                    f"and {len(detail) - DETAIL_SHOWN:,} more: type the company in the Company filter above, "
                    "then open the Applications log."
                )
        else:
            st.caption("Pick a company (or click its bar) to see each application and its stage history.")


def response_tab(view: traction.TractionView, specs: dict, ghost_days: int) -> None:
    """The answer times, then the applications still waiting, under it: beside the chart, the
    table's date and role columns were cut at 1,280 px."""
    if view.responses and "response_times" not in specs:  # answers, none with a known first day
        st.info(
            f"{plural(view.responses, 'application')} had an answer, but no first answer has a known day, so "
            "there is no time to show. Type the day of the first answer (a screen, an interview or a "
            "rejection) on the application to count it."
        )
    else:
        chart(
            specs,
            "response_times",
            "No employer has answered yet. Record screens, interviews and rejections "
            "on each application to see how long answers take.",
        )
        if view.undated_note:
            st.caption(view.undated_note)
    still_open = view.silent_count - view.silent_ghosted
    st.markdown(
        f"**Still silent** · {plural(view.silent_count, 'application')} with no answer yet"
        + (  # the ghosted ones are not "open" here either: as in the log and the funnel
            f": {still_open:,} open, {view.silent_ghosted:,} counted as ghosted after "
            f"{plural(ghost_days, 'day')}"
            if view.silent_ghosted
            else ""
        )
    )
    if view.silent.empty:
        st.caption("Every open application has had an answer.")
    else:
        st.dataframe(
            view.silent.assign(ghosted=view.silent["ghosted"].map({True: "ghosted", False: ""})),
            hide_index=True,
            height=min(420, 38 + 35 * len(view.silent)),
            column_order=["company", "role", "applied_on", "days_silent", "ghosted"],
            column_config={
                "company": "Company",
                "role": "Role",
                "applied_on": st.column_config.DateColumn("Applied", format="DD MMM YYYY"),
                "days_silent": st.column_config.NumberColumn("Days silent", format="%d"),
                "ghosted": "Ghosted?",
            },
            placeholder="",
        )
