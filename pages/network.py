"""Network: the people met at each company, how to reach them, and who to connect with."""

import streamlit as st

from lib.search.people import met_not_connected
from ui import forms, layout
from ui.follow_up import followups
from ui.params import int_param
from ui.search import merge, network, person

st.title("Network")
layout.demo_banner()
forms.show_flash()
people = followups.contacts()

# Arriving from a next action (?contact=…), the person comes first; otherwise the list and the form.
linked_first = int_param("contact") is not None and not people.empty
if linked_first:
    person.section(people)
    st.divider()
list_col, add_col = st.columns([4, 3], gap="medium")  # the form's two dates a row stay whole at 1,280 px
with add_col:
    network.add_person()

with list_col:
    if people.empty:
        st.markdown("#### People")
        st.info(
            "No one here yet. Add the recruiter, the hiring manager and the interviewers you met: "
            "each connection is worth more than the application that brought it.",
            icon=":material/group:",
        )
    else:
        # Only the open tab is drawn; names without counts keep it open when a count changes.
        layout.lazy_tabs(
            {
                "People": lambda: network.people_list(len(people)),
                "Met, not connected": lambda: network.to_connect(met_not_connected(people)),
            },
            key="network_tab",
        )

if not people.empty and not linked_first:
    st.divider()
    person.section(people)

merge.offer_written_twice()
# Its pickers list every company: drawn only when opened.
if merging := layout.lazy_expander(
    "One company under two names? Merge them", key="merge_open", icon=":material/merge:"
):
    with merging:
        merge.companies()
