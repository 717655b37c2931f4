"""Reading the page's URL parameters (links between pages carry ids: ?id=12)."""

import streamlit as st


def int_param(name: str) -> int | None:
    """The URL parameter `name` as a whole number, or None when absent or not a number."""
    try:
        return int(st.query_params.get(name))
    except (TypeError, ValueError):
        return None


OPENED = ("id", "interview", "reflection")  # the parameters that say what a page has open


def pin(name: str, value: int) -> None:
    """Keep what the page has open in the address (`?name=value`, no other "opened" parameter).
    A link to the page it is on (a draft in its own list) opened it without writing the address,
    so the next press (Save) ran with the bare address and lost its application."""
    for other in OPENED:
        if other != name and other in st.query_params:
            del st.query_params[other]
    # every run, even when the run was given it: after such a link the address bar lacked it
    st.query_params[name] = str(value)
