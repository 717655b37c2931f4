"""Reading the page's URL parameters (links between pages carry ids: ?id=12)."""

import streamlit as st


def int_param(name: str) -> int | None:
    """The URL parameter `name` as a whole number, or None when absent or not a number."""
    try:
        return int(st.query_params.get(name))
    except (TypeError, ValueError):
        return None
