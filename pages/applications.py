"""The application log: search and filter, a sortable table, and a board of open applications."""

import streamlit as st

from lib.core import vocab
from lib.search.filters import (
    APPLIED_HELP,
    SHOWN_OUTCOMES,
    TABLE_COLUMNS,
    LogFilter,
    log_bounds,
    log_view,
    match_sentence,
)
from ui import forms, layout, state
from ui.search import board

TABLE_LIMIT = 1_000  # rows sent to the browser; filters narrow the rest
CARDS_PER_COLUMN = 8  # the newest of each stage; the log's filters find the rest

head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title("Applications")
action.page_link("pages/add_application.py", label="Add application", icon=":material/add_circle:")
layout.demo_banner()
forms.show_flash()  # "Deleted … with its history", after a delete on the application's page

bounds = state.from_log(log_bounds)
if bounds is None:
    st.info("No applications yet. Add the first one — or look around the demo data first.")
    layout.first_steps("applications")
    layout.end_page()

ghost_days = state.settings()["ghost_days"]
with st.container(border=True):  # two rows: at 1,280 px five in a row cut what was picked
    c1, c5 = st.columns([3, 2])
    text = c1.text_input("Search", placeholder="Company or role", **forms.kept_for_visit("log_text"))
    dates = c5.date_input("Applied between", value=bounds, key="log_dates", format="DD/MM/YYYY")
    c2, c3, c4 = st.columns(3)
    stages = c2.multiselect(
        "Furthest stage", vocab.STAGES, format_func=vocab.stage_label, **forms.kept_for_visit("log_stages")
    )
    outcomes = c3.multiselect(
        "Outcome",
        SHOWN_OUTCOMES,
        format_func=vocab.stage_label,
        **forms.kept_for_visit("log_outcomes"),
        help=f"Ghosted: recorded as ghosted, or open with no word from the employer for {ghost_days} "
        "days or more (as on Traction; the number is in Settings).",
    )
    channels = c4.multiselect("Channel", vocab.CHANNELS, **forms.kept_for_visit("log_channels"))
chosen = LogFilter(
    text=text,
    stages=tuple(stages),
    outcomes=tuple(outcomes),
    channels=tuple(channels),
    applied_from=dates[0] if len(dates) > 0 else None,
    applied_to=dates[1] if len(dates) > 1 else None,
)
view = state.from_log(log_view, chosen, TABLE_LIMIT, CARDS_PER_COLUMN, shared=True)

st.caption(match_sentence(view))


def _log() -> None:
    if view.table.empty:
        st.info("No application matches these filters. Clear a filter to see more.")
        return
    selection = st.dataframe(
        view.table,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="log_table",
        column_order=[c for c in TABLE_COLUMNS if c != "id"],
        column_config={
            # at most this wide: a 200-character role pushed Applied, Stage and Outcome out of view
            "company": st.column_config.TextColumn("Company", width=135),
            "role": st.column_config.TextColumn("Role", width=170),
            "channel": "Channel",
            "applied_on": st.column_config.DateColumn("Applied", format="DD MMM YYYY", help=APPLIED_HELP),
            # short headers: at 1,280 px "Furthest stage" pushed Résumé out of view
            "furthest_stage": st.column_config.TextColumn("Stage", help="The furthest stage reached"),
            "outcome": "Outcome",
            "last_news_on": st.column_config.DateColumn(
                "Last news", format="DD MMM YYYY", help="The employer's last word: a stage, an offer or a no"
            ),
            "resume_version": "Résumé",
        },
        placeholder="",
    )
    st.caption(
        "Select a row to open the application (with the keyboard: arrow keys to its row, then "
        "Shift+Space). Click a column header to sort."
        + (
            f" Showing the {TABLE_LIMIT:,} most recent; filter to narrow."
            if view.matching > TABLE_LIMIT
            else ""
        )
    )
    rows = selection.selection.rows if selection else []
    if rows:
        picked = int(view.table.iloc[rows[0]]["id"])
        st.switch_page("pages/application.py", query_params={"id": str(picked)})


# Only the open tab is drawn. Names that never change keep the tab open while filters change.
layout.lazy_tabs(
    {"Log": _log, "Board": lambda: board.draw(view, CARDS_PER_COLUMN, ghost_days)}, key="log_tab"
)
