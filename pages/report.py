"""Share a report: the person chooses what goes in, then downloads one self-contained file (and the
same as a PDF) to send to a coach, a mentor or a friend."""

import streamlit as st

from ui import layout
from ui.learn import report_form

st.title("Share a report")
layout.demo_banner()
st.caption(
    "For a coach, a mentor or a friend before you talk: one file that opens anywhere and prints well. "
    "Rebound sends nothing anywhere — you choose what goes in, download it, and hand it over yourself. "
    "Your feelings stay out unless you tick them."
)

span = report_form.bounds()
if span is None:
    st.info(
        "No applications yet, so the report would only hold your review, plan and questions. "
        "Add applications as you send them, or try it on the demo data first.",
        icon=":material/info:",
    )
    layout.first_steps("report")
report_form.choose(span)
report_form.show()
