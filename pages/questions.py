"""The question library: every interview question asked, weakest categories first — the prep sheet."""

import streamlit as st

from lib.reflect.timeline import LibraryFilter, library_options, library_view
from ui import layout
from ui.reflect import reflections

TABLE_LIMIT = 1_000

head, action = st.columns([4, 1], vertical_alignment="bottom")
head.title("Question library")
action.page_link("pages/debrief.py", label="Debrief an interview", icon=":material/rate_review:")
layout.demo_banner()

questions = reflections.questions()
if questions.empty:
    st.info(
        "No questions yet. After your next interview, debrief it and write down every question they "
        "asked, how you answered and a better answer: they all gather here as your prep sheet."
    )
    st.page_link("pages/debrief.py", label="Debrief an interview", icon=":material/rate_review:")
    st.stop()

st.caption(
    "Every question you were asked, with your own rating and the better answer you wrote. "
    "Read the weakest categories first before your next interview."
)
categories, companies = library_options(questions)
with st.container(border=True):
    c1, c2, c3 = st.columns([3, 2, 2])
    text = c1.text_input("Search", placeholder="A word in the question or an answer", key="library_text")
    picked_categories = c2.multiselect("Category", categories, key="library_categories")
    picked_companies = c3.multiselect("Company", companies, key="library_companies")
summary, table, matching = library_view(
    questions,
    LibraryFilter(text=text, categories=tuple(picked_categories), companies=tuple(picked_companies)),
    TABLE_LIMIT,
)

if table.empty:
    st.info("No question matches. Clear a filter or search for another word.")
    st.stop()

left, right = st.columns([2, 5], gap="large")
with left:
    st.markdown("#### Weakest first")
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        column_config={
            "category": "Category",
            "asked": st.column_config.NumberColumn("Asked"),
            "rated": None,
            "average_rating": st.column_config.ProgressColumn(
                "My rating", min_value=1, max_value=5, format="%.1f / 5"
            ),
        },
    )
with right:
    st.markdown(f"#### Questions ({matching:,})")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_order=[
            "category",
            "question",
            "rating",
            "better_answer",
            "my_answer",
            "company",
            "role",
            "occurred_on",
        ],
        column_config={
            "category": "Category",
            "question": st.column_config.TextColumn("Question", width="large"),
            "rating": st.column_config.NumberColumn("Rating", format="%d / 5"),
            "better_answer": st.column_config.TextColumn("Better answer for next time", width="large"),
            "my_answer": "What I answered",
            "company": "Company",
            "role": "Role",
            "occurred_on": st.column_config.DateColumn("Asked on", format="DD MMM YYYY"),
        },
    )
    if matching > TABLE_LIMIT:
        st.caption(f"Showing {TABLE_LIMIT:,} of {matching:,}: filter to narrow.")
