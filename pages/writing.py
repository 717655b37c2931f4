"""Write it out: an optional, private writing space — about 20 minutes a day, up to five days."""

import datetime as dt

import streamlit as st

from lib.reflect.evidence import WHY
from ui import forms, layout
from ui.reflect import writing

st.title("Write it out")
layout.demo_banner()
forms.show_flash()
st.caption(writing.PRIVATE)
st.caption(WHY["writing"])
st.write(
    "Write about your deepest thoughts and feelings about your search — a “no” that stung, or "
    "whatever weighs on you — for about twenty minutes. There is no right way: don't mind spelling "
    "or order, and stop whenever you want."
)
writing.space(dt.date.today())
