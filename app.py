"""Rebound: turn interview rejections into your next opportunity. Entry point only."""

import streamlit as st

if __name__ != "__main__":  # `streamlit run app.py` imports this file to build the web server, which serves
    from ui import server  # this same file behind ui/server.py's guard (README: Privacy and security)

    app = st.App(__file__, middleware=server.guarded(), lifespan=server.lifespan)

# After the server's guard, which quiets the bare-mode warnings of the server's import:
from streamlit.runtime.scriptrunner_utils.exceptions import StopException  # noqa: E402

from lib.core.db import DatabaseBusy  # noqa: E402
from ui import accessible_names, form_guard, forms, layout, state, tag_keeper  # noqa: E402

st.set_page_config(page_title="Rebound", page_icon=layout.FAVICON, layout="wide")

# One section per part of the journey (docs/product.md). Sections with no pages are left out.
SECTIONS = {
    "Your search": [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/applications.py", title="Applications", icon=":material/work:"),
        st.Page("pages/add_application.py", title="Add application", icon=":material/add_circle:"),
        st.Page(
            "pages/application.py",
            title="Application",
            icon=":material/description:",
            url_path="application",
            visibility="hidden",
        ),
    ],
    "Reflect": [
        st.Page(
            "pages/debrief.py",
            title="Debrief an interview",
            icon=":material/rate_review:",
            url_path="debrief",
        ),
        st.Page(
            "pages/rejection.py",
            title="Record a rejection",
            icon=":material/heart_broken:",
            url_path="rejection",
        ),
        st.Page("pages/questions.py", title="Question library", icon=":material/quiz:", url_path="questions"),
        st.Page("pages/practice.py", title="Practise", icon=":material/school:", url_path="practice"),
        st.Page("pages/writing.py", title="Write it out", icon=":material/edit:", url_path="writing"),
    ],
    "Follow up": [
        st.Page("pages/compose.py", title="Write a note", icon=":material/edit_note:", url_path="compose"),
        st.Page("pages/feedback.py", title="Feedback", icon=":material/forum:", url_path="feedback"),
        st.Page("pages/network.py", title="Network", icon=":material/group:", url_path="network"),
    ],
    "Learn": [
        st.Page("pages/traction.py", title="Traction", icon=":material/insights:"),
        st.Page("pages/insights.py", title="Insights", icon=":material/lightbulb:"),
        st.Page("pages/strategy.py", title="Strategy review", icon=":material/flag:"),
        st.Page("pages/report.py", title="Share a report", icon=":material/ios_share:", url_path="report"),
    ],
    "Your data": [
        st.Page("pages/data.py", title="Import & export", icon=":material/database:", url_path="data"),
        st.Page("pages/settings.py", title="Settings", icon=":material/tune:", url_path="settings"),
    ],
}

if __name__ == "__main__":  # a visitor's run; the server's import above stops here
    page = st.navigation({name: pages for name, pages in SECTIONS.items() if pages}, position="hidden")
    layout.sidebar_navigation(SECTIONS)
    layout.sidebar_data_switch()
    tag_keeper.keep_typed_choices()
    form_guard.ask_before_leaving_typed_forms()
    accessible_names.name_notifications()
    # a save's message stays while this page (with these parameters: which application) is shown
    forms.run_started((page.url_path, state.data_mode(), tuple(sorted(st.query_params.to_dict().items()))))
    try:
        with layout.ending_pages_here():
            page.run()
    except DatabaseBusy:  # a save waited too long for a big import: a calm word, never a traceback
        forms.show_busy()
    except layout.PageEnd:  # a page that ended early (layout.end_page) ended all the same
        forms.run_ended()
    except StopException:  # st.stop(): only where no page is drawn yet (a database that can't open)
        forms.run_ended()
        raise
    else:  # a run cut short by a rerun (a double click) ends neither way: its message comes again
        forms.run_ended()
