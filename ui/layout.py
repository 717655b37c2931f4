"""Pieces every page shows: the sidebar navigation, the data switch and the demo banner; and the
tabs and drawers that draw only what is open (at 10,000 applications, what keeps a rerun quick)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import streamlit as st

from ui import state
from ui.text import clipped, md

FAVICON = str(Path(__file__).resolve().parents[1] / "assets" / "favicon.png")  # local: no font server


class PageEnd(Exception):
    """Raised by `end_page`; app.py ends the run there."""


_RUN = threading.local()  # per session's script thread: whether app.py is around the page's run


@contextmanager
def ending_pages_here() -> Iterator[None]:
    """app.py runs each page inside this, and catches the `PageEnd` it lets through."""
    _RUN.catching = True
    try:
        yield
    finally:
        _RUN.catching = False


def end_page() -> NoReturn:
    """End the page here: what follows needs something this run doesn't have (a pick, data).

    Not `st.stop`: Streamlit counts a stopped run as cut short and keeps the values of the widgets
    it didn't draw, which the browser no longer shows. A form drawn again next (the rejection page:
    its picker, then the form) then skipped seeding its draft, showed blank boxes, and its next
    change saved the blank form over the draft. A page ended this way is a whole run."""
    if getattr(_RUN, "catching", False):
        raise PageEnd
    st.stop()  # a page run without app.py around it (AppTest opens pages so): nothing to end it


def sidebar_navigation(sections: dict[str, list]) -> None:
    """The app's own sidebar navigation: a heading per part of the journey, a link per page.

    (Streamlit's sectioned menu puts its section headers inside the list of links, which screen
    readers announce as a broken list; headings and plain links read as what they are.)
    """
    # A link with the keyboard's focus showed only a faint grey, the same as the page you are on:
    # a ring in the theme's colour, as buttons have.
    # The page starts just under the top bar (Streamlit leaves 6rem): at 1,280 x 800 the Add
    # application button was cut by the bottom edge once the "new company" note showed.
    st.html(
        "<style>a:focus-visible { outline: 2px solid #2f6f62 !important; outline-offset: 1px; }"
        "[data-testid='stMainBlockContainer'] { padding-top: 4rem; }"
        # the title's own space above it: the top bar gives enough (each page's main button gains
        # ~20 px at 1,280 x 800)
        "[data-testid='stMainBlockContainer'] h1 { padding-top: 0.25rem; }"
        # each heading's "Link to heading" was a Tab stop (7 on Strategy) between the fields
        "[data-testid='stHeaderActionElements'] a { display: none; }"
        # the whole menu in view at 1,280 x 800 ("Your data" sat under the bottom edge): closer to
        # the top, and each link 28 px high (still past the 24 px a pointer target needs)
        ".st-key-rebound_nav { margin-top: -1.5rem; }"
        ".st-key-rebound_nav [data-testid='stPageLink-NavLink'] { margin-top: 0; margin-bottom: 0; }</style>"
    )
    with st.sidebar.container(key="rebound_nav"):
        for name, pages in sections.items():
            visible = [p for p in pages if p.visibility != "hidden"]
            if not visible:
                continue
            st.markdown(f"**{name}**", help=None)
            for page in visible:
                st.page_link(page, label=page.title, icon=page.icon or None)


def sidebar_data_switch() -> None:
    with st.sidebar:
        # its own state once set (Home, Settings and the banner set it too): an index beside that
        # made Streamlit warn "created with a default value but also had its value set"
        start = {} if "data_switch" in st.session_state else {"index": 1 if state.is_demo() else 0}
        choice = st.radio(
            "Data",
            ["My data", "Demo"],
            **start,
            horizontal=True,
            key="data_switch",
            help="Demo data lives in its own file and never mixes with yours.",
        )
        wanted = "demo" if choice == "Demo" else "mine"
        if wanted != state.data_mode():
            state.set_data_mode(wanted)
            st.rerun()
    state.keep_mode_in_address()


def _switch_to(mode: str) -> None:
    """Show the demo or your data (a button's callback): the sidebar's switch says the same."""
    state.set_data_mode(mode)
    st.session_state["data_switch"] = "Demo" if mode == "demo" else "My data"


def open_demo() -> None:
    _switch_to("demo")


def first_steps(key: str) -> None:
    """A page with no applications yet: add the first one, or look around the demo data, both in
    view (the sidebar's data switch sits below a 1,280 x 800 window's fold)."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.page_link(
            "pages/add_application.py", label="Add your first application", icon=":material/add_circle:"
        )
        st.button(
            "Look around the demo data", icon=":material/science:", key=f"{key}_demo", on_click=open_demo
        )


def _back_to_my_data() -> None:
    _switch_to("mine")


def demo_banner() -> None:
    """On every page while the demo is shown: what it is, and the way back beside it (the sidebar's
    switch sits below a 900 px window's fold)."""
    if state.is_demo():
        # one slim line (a boxed note took ~75 px, and pushed each page's main button under a
        # laptop's bottom edge); the theme's colour and the icon keep it from passing unseen
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="demo_banner"):
            st.markdown(
                ":material/science: :blue-background[You are looking at **demo data** — a made-up "
                "search. Your own data is untouched.]",
                width="content",
            )
            st.button(
                "My data",
                icon=":material/arrow_back:",
                key="demo_back",
                on_click=_back_to_my_data,
                type="tertiary",
            )


def lazy_tabs(drawers: dict[str, Callable[[], None]], key: str) -> None:
    """Tabs (label -> what draws it) of which only the open one is drawn: a switch reruns the page.
    The open tab is kept in the address (`?key=label`), so a save or a reload stays on it."""
    tabs = st.tabs(list(drawers), key=key, on_change="rerun", bind="query-params")
    for tab, draw in zip(tabs, drawers.values()):
        if tab.open:
            with tab:
                draw()


def lazy_expander(label: str, key: str, **kwargs):
    """An expander whose content is drawn only while it is open: its container then, else None
    (`if box := lazy_expander(...): with box: ...`)."""
    box = st.expander(label, key=key, on_change="rerun", **kwargs)
    return box if box.open else None


NOTE_SHOWN = 400  # characters of a note shown at first: 5,000 pushed what follows ~4,000 px down


def long_text(text: str, caption: bool = False, label: str = "Read the whole note") -> None:
    """A note as text, its start only when long, the whole of it one click away (`label`)."""
    long = len(text) > NOTE_SHOWN
    short = clipped(text, NOTE_SHOWN) if long else text
    if caption:
        st.caption(md(short))
    else:
        st.text(short)
    if long:
        with st.expander(f"{label} ({len(text):,} characters)"):
            st.text(text)
