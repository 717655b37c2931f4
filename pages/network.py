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
list_col, add_col = st.columns([3, 2], gap="large")
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
        people_tab, connect_tab = st.tabs(
            ["People", "Met, not connected"], key="network_tab", on_change="rerun", bind="query-params"
        )
        if people_tab.open:
            with people_tab:
                network.people_list(len(people))
        if connect_tab.open:
            with connect_tab:
                network.to_connect(met_not_connected(people))

if not people.empty and not linked_first:
    st.divider()
    person.section(people)

merging = st.expander(
    "One company under two names? Merge them", icon=":material/merge:", key="merge_open", on_change="rerun"
)
if merging.open:  # its pickers list every company: drawn only when opened
    with merging:
        merge.companies()
