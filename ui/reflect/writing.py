"""Write it out: the private writing space, and the one kind offer of it after a no."""

from __future__ import annotations

import datetime as dt
import time

import pandas as pd
import streamlit as st

from lib.core.db import Engine
from lib.reflect import writing
from lib.reflect.evidence import WHY
from lib.store import practice as practice_store
from lib.store import writing as store
from lib.store.base import StoreError
from ui import focus, forms, state
from ui.reflect import typing_keeper

PRIVATE = (
    "Private: it stays on this computer, nobody reads it, Rebound never analyses it, and it appears in no "
    "insight. A report you share holds it only if you tick “My written-out sessions”. It is kept in your "
    "full backup."
)


@state.cached()
def sessions(engine: Engine) -> pd.DataFrame:
    return store.load_sessions(engine)


@state.cached()
def _offer(engine: Engine) -> dict | None:
    return practice_store.get_setting(engine, store.OFFER_KEY)


def _answer_offer(answer: str) -> None:
    practice_store.set_setting(
        state.engine(), store.OFFER_KEY, {"offered_on": dt.date.today().isoformat(), "answer": answer}
    )


@state.cached()
def _other_rejections(engine: Engine, application_id: int) -> int:
    return store.other_rejections(engine, application_id)


def offer(application_id: int) -> None:
    """Offered once, kindly: at the first no (no rejection reflected on elsewhere), until answered or
    a session is started; never again after. Nothing is written until the person answers."""
    if _offer() or not sessions().empty or _other_rejections(application_id):
        return
    with st.container(border=True):
        st.markdown("**If you like: write it out**")
        st.caption(
            "A private space to write about this, about 20 minutes a day on up to five days. Optional: "
            "answer once, yes or no, and it won't be offered again. " + WHY["writing"]
        )
        yes, no = st.columns([1, 3])
        if yes.button("Open the writing space", key="writing_offer_yes", icon=":material/edit:"):
            _answer_offer("yes")
            st.switch_page("pages/writing.py")
        no.button("No thanks", key="writing_offer_no", on_click=_answer_offer, args=("no",))


def _save_draft(session_id: int) -> None:
    try:
        store.save_draft(state.engine(), session_id, st.session_state.get(f"writing_text_{session_id}", ""))
    except StoreError as exc:
        forms.set_errors("writing", forms.errors_from(exc))
        return
    forms.clear_errors("writing")


def _finish(session_id: int) -> None:
    try:
        store.finish(state.engine(), session_id, st.session_state.get(f"writing_text_{session_id}", ""))
    except StoreError as exc:
        forms.set_errors("writing", forms.errors_from(exc))
        return
    forms.clear_errors("writing")
    st.session_state.pop(f"writing_text_{session_id}", None)
    forms.flash("Kept. That's today's session — thank you for taking the time.")


def _start(number: int) -> None:
    session_id = store.start_session(state.engine(), number)
    focus.after_save("writing", f"writing_text_{session_id}")  # the cursor in the box, not the page


@st.fragment(run_every=30)
def _timer(session_id: int) -> None:
    started = st.session_state.setdefault(f"writing_sitting_{session_id}", time.time())
    st.caption(f":material/timer: {writing.timer_text(time.time() - started)}")


def space(today: dt.date) -> None:
    """The writing space: today's session (a draft is continued), or a kind word when done."""
    done = sessions()
    nxt = writing.next_session(done, today)
    if nxt.kind == "new":
        st.markdown(f"**Session {nxt.number} of {writing.SESSIONS}** — today's prompt:")
        st.info(writing.prompt(nxt.number), icon=":material/edit_note:")
        st.button("Start writing", key="writing_start", type="primary", on_click=_start, args=(nxt.number,))
    elif nxt.kind == "continue":
        _session(done[done["id"] == nxt.session_id].iloc[0])
    elif nxt.kind == "done_today":
        st.success(
            f"You wrote today ({nxt.number} of {writing.SESSIONS} sessions). If you like, come back "
            "tomorrow for the next one: the days in between are part of it."
        )
    else:
        st.success(
            f"You have written all {writing.SESSIONS} sessions. What you wrote stays here, for you alone."
        )
    _earlier(done[done["finished_at"].notna()] if not done.empty else done)


def _session(row: pd.Series) -> None:
    session_id, number = int(row["id"]), int(row["number"])
    key = f"writing_text_{session_id}"
    st.session_state.setdefault(key, row["text"] or "")
    st.markdown(f"**Session {number} of {writing.SESSIONS}**")
    st.info(writing.prompt(number), icon=":material/edit_note:")
    _timer(session_id)
    typing_keeper.keep_typing()  # "kept as you go" holds while the cursor is still in the box
    st.text_area(
        "Write freely",
        key=key,
        height=360,
        on_change=_save_draft,
        args=(session_id,),
        help="Kept as a draft as you go: leave any time and it will be here.",
    )
    forms.field_error("writing", "text", "Your text")
    focus.show("writing")
    words = writing.word_count(st.session_state.get(key))
    st.caption(f"{words:,} word{'s' if words != 1 else ''} · kept as a draft until you finish")
    st.button(
        "I'm done for today",
        key=f"writing_finish_{session_id}",
        type="primary",
        on_click=_finish,
        args=(session_id,),
    )


def _earlier(finished: pd.DataFrame) -> None:
    for row in finished.sort_values("number").itertuples():
        with st.expander(f"Session {row.number} · {row.finished_at:%a %d %b %Y} · {row.words:,} words"):
            st.text(row.text or "")
