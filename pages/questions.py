"""The prep sheet: every interview question asked — the same question at several interviews grouped —
with my rating and the better answer side by side, weakest first; and a way into practice."""

import streamlit as st

from ui import layout
from ui.reflect import practice, reflections

TABLE_LIMIT = 1_000

head, action = st.columns([3, 1], vertical_alignment="bottom")  # the link whole at 1,280 px
head.title("Question library")  # as the sidebar names it: your prep sheet
action.page_link("pages/debrief.py", label="Debrief an interview", icon=":material/rate_review:")
layout.demo_banner()

asked, categories, companies = reflections.question_choices()
if not asked:
    st.info(
        "No questions yet. After your next interview, debrief it and write down every question they "
        "asked, how you answered and a better answer: they all gather here as your prep sheet."
    )
    st.page_link("pages/debrief.py", label="Debrief an interview", icon=":material/rate_review:")
    layout.end_page()

due = len(practice.due_now())
intro, go = st.columns([4, 1], vertical_alignment="center")
intro.caption(
    "Every question you were asked, with your own rating and the better answer you wrote — the same "
    "question asked at several interviews is one row. Weakest first: read those before your next interview."
)
go.page_link(
    "pages/practice.py", label=f"Practise ({due} ready)" if due else "Practise", icon=":material/school:"
)
with st.container(border=True):
    c1, c2, c3 = st.columns([3, 2, 2])
    text = c1.text_input("Search", placeholder="A word in the question or an answer", key="library_text")
    picked_categories = c2.multiselect("Category", categories, key="library_categories")
    picked_companies = c3.multiselect("Company", companies, key="library_companies")
summary, sheet, matching = reflections.prep_view(text, tuple(picked_categories), tuple(picked_companies))

if sheet.empty:
    st.info("No question matches. Clear a filter or search for another word.")
    layout.end_page()

st.markdown(f"#### Questions ({len(sheet):,})")
if matching > len(sheet):
    st.caption(f"Asked {matching:,} times in all: a question asked again is one row.")
st.dataframe(
    sheet.head(TABLE_LIMIT),
    hide_index=True,
    width="stretch",
    row_height=72,
    height=min(40 + 72 * len(sheet), 760),
    column_order=["question", "rating", "better_answer", "asked", "where", "my_answer", "category"],
    column_config={
        "question": st.column_config.TextColumn("Question", width="medium"),
        "rating": st.column_config.NumberColumn(
            "Latest rating", format="%d / 5", width=96, help="How happy I was with my answer, last time"
        ),
        # 310 + 140 px: "Brightpath Learning + 10 more" reads in two lines, the five columns in 820 px
        # (with "Latest rating" whole at 96 px)
        "better_answer": st.column_config.TextColumn("Better answer for next time", width=310),
        "asked": st.column_config.NumberColumn("Asked", format="%d×", width="small"),
        "where": st.column_config.TextColumn(
            "Where", width=140, help="The latest company, and how many more"
        ),
        "category": st.column_config.TextColumn("Category", width="small"),
        "my_answer": "What I answered (last time)",
    },
    placeholder="",
)
if len(sheet) > TABLE_LIMIT:
    st.caption(f"Showing {TABLE_LIMIT:,} of {len(sheet):,}: filter to narrow.")

with st.expander("By category, weakest first"):
    st.caption(
        "Each question counts with its latest rating, as in the table above. An average shows once a "
        "category has 5 rated questions: one hard question is a bad day, not a weak spot."
    )
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        column_config={
            "category": "Category",
            "asked": st.column_config.NumberColumn("Asked"),
            "rated": st.column_config.NumberColumn("Rated", help="Questions you rated"),
            # each question's latest rating, as the table above reads it
            "average_rating": st.column_config.ProgressColumn(
                "Average rating",
                min_value=0,  # from 1 a 1.0 drew an empty bar, read as nothing
                max_value=5,
                format="%.1f / 5",
                help="The average of each question's latest rating in this category",
            ),
        },
        placeholder="",
    )
