"""After a rejection, two steps (lib/reflect/rejection.py): record what happened and take a pause —
under a minute — then look back when ready (?reflection=), offered on Home when the pause ends.

Opens for an application (?id=) or a reflection (?reflection=), else asks which open application.
"""

import streamlit as st

from ui import layout, params
from ui.data import email_paste
from ui.params import int_param
from ui.reflect import mood, practice, rejection_flow, writing

flow = rejection_flow.open_flow(int_param("reflection"), int_param("id"))
if flow is None:
    st.title("Record a rejection")
    layout.demo_banner()
    mood.pause_notice()
    rejection_flow.pick()  # the main action first, then the shortcut
    email_paste.render("rejection")  # paste the "no": it finds the application and opens the pause
    layout.end_page()

if flow.looking_back:  # the address says what is open: a link to this page itself left it bare
    params.pin("reflection", flow.reflection["id"])
else:
    params.pin("id", flow.app_id)
st.title(flow.title)
layout.demo_banner()
if not flow.looking_back:
    mood.pause_notice()
rejection_flow.back_link(flow)
practice.at_rejection(flow.app_id)  # your plan for this moment; the setback note
if rejection_flow.can_go_on(flow):
    rejection_flow.draw(flow)
    writing.offer(flow.app_id)  # under the pause: offered once, never the first thing read
