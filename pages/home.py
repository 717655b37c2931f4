"""Home: where you stand, what to do next; with no data, how to start."""

import streamlit as st

from lib.search.filters import APPLIED_HELP, latest, stage_counts
from ui import forms, layout, state
from ui.data import data_import, email_paste
from ui.follow_up import next_actions
from ui.learn import headline
from ui.reflect import mood, practice

st.title("Rebound")
layout.demo_banner()
email_paste.render("home", expanded=False)  # the email that just came: understood, matched, recorded

counts = state.from_log(stage_counts)
if counts["applications"] == 0:
    st.subheader("Every “no” is material for the next “yes”.")
    st.write(
        "Rebound keeps your job search in one private place on this computer: what you applied "
        "for, how far each application got, what you learned, and who you met. Start here:"
    )
    demo_col, add_col = st.columns(2)
    with demo_col.container(border=True):
        st.markdown("**Look around first**")
        st.caption("A made-up search of 60 applications, kept apart from your data.")
        st.button("Try the demo data", icon=":material/science:", key="try_demo", on_click=layout.open_demo)
    with add_col.container(border=True):
        st.markdown("**Start your own log**")
        st.caption("Add an application you sent, then record each answer you get.")
        st.page_link(
            "pages/add_application.py", label="Add your first application", icon=":material/add_circle:"
        )
    # Home sections for an empty database go here (one call each into a ui/ module).
    if next_actions.anything_listed():  # people in the network to check in with, a review due
        next_actions.render()
    data_import.home_choice()
    layout.end_page()

# With data: a running pause first (be kind): then only the pause, the check-in and what can't wait.
pause_ends = mood.pause_notice()
# kept for the visit: it went off again at each return to Home
if pause_ends and not st.toggle("Show everything anyway", **forms.kept_for_visit("home_show_all")):
    mood.checkin_form()
    next_actions.render(pause_ends)
    layout.end_page()
headline.show()
# What to do next comes right under where you stand: under the week's plan, at 1,280 x 800 it
# began below the bottom edge.
next_actions.render()
practice.home_section()  # this week against the plan; practice cards ready
mood.checkin_form()

# Full width: in half the page the Applied date was cut and the stage and outcome out of view.
head, links = st.columns([3, 2], vertical_alignment="bottom")
head.subheader("Latest applications")
with links:
    st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
    st.page_link("pages/applications.py", label="Open the log and the board", icon=":material/work:")
st.dataframe(
    state.from_log(latest, 8, shared=True),
    hide_index=True,
    column_order=["company", "role", "applied_on", "furthest_stage", "outcome"],
    column_config={  # widths held: one long name pushed Applied, stage and outcome out of view
        "company": st.column_config.TextColumn("Company", width="medium"),
        "role": st.column_config.TextColumn("Role", width="medium"),
        "applied_on": st.column_config.DateColumn(
            "Applied", format="DD MMM YYYY", width="small", help=APPLIED_HELP
        ),
        "furthest_stage": st.column_config.TextColumn("Furthest stage", width="small"),
        "outcome": st.column_config.TextColumn("Outcome", width="small"),
    },
    placeholder="",
)
