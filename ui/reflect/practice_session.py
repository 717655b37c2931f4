"""A practice session: see the question, answer aloud or type, reveal the better answer, grade it.

Each card is shown once per session (kept in session state), unless it is still being learnt (back
in a few minutes: then it waits until that time); the grade is stored at once, so a session can stop anywhere and resume another day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib.reflect import practice
from lib.store import practice as practice_store
from lib.store.base import StoreError
from ui import focus, forms, layout, state
from ui.reflect import practice as shared
from ui.text import md

SEEN = "practice_seen"  # card ids graded (or skipped) in this session
REVEALED = "practice_revealed"  # the card id whose better answer is shown
BACK_AT = "practice_back_at"  # card id -> when a card still being learnt comes back (naive UTC)
FOCUS = "practice"  # where the keyboard goes after a reveal or a grade
NEXT_CARD = "next card"  # after a grade: the answer box of whichever card comes next


def _grade(card_id: int, reps: int, grade: int) -> None:
    due = practice_store.grade(state.engine(), card_id, grade, reps)
    # a card still being learnt (back in a few minutes) is not put away for the session: it comes
    # back, as its toast says, once its own time has come (it said "later in this session" and never
    # came). Held back until then by that time, not by the queue: with an interview day set, the
    # queue takes every card due before that day, and the same card came straight back.
    if due is None or not practice.comes_back_soon(due, practice.utcnow()):
        st.session_state.setdefault(SEEN, set()).add(card_id)
    else:
        st.session_state.setdefault(BACK_AT, {})[card_id] = due
    st.session_state.pop(REVEALED, None)
    st.session_state.pop(f"practice_typed_{card_id}", None)
    focus.after_save(FOCUS, NEXT_CARD)  # the next card's answer box, whichever card that is
    if due is None:
        st.toast("That card was already graded, or its question was removed: moving on.")
    else:
        st.toast(f"Saved — this one comes back {practice.next_text(due, practice.utcnow())}.")


def _reveal(card_id: int) -> None:
    st.session_state[REVEALED] = card_id
    # the keyboard goes on from the grades (the focus fell to the page, 30 Tabs from them), and they
    # scroll into view: under the better answer they sat at a 1,280 x 800 window's edge
    focus.after_save(FOCUS, f"practice_grade_{card_id}_{next(iter(practice.GRADES))}")


def interview_picker(today: dt.date) -> None:
    """The next interview's day (optional): cards due before it are brought forward; on its eve and
    its day, every card comes once."""
    current = shared.next_interview(today)
    year = f" {current.year}" if current and current.year != today.year else ""
    with st.expander(
        f"Next interview: {current:%a %d %b}{year}" if current else "Have an interview coming? (optional)",
        icon=":material/event:",
    ):
        st.caption(
            "Until then, cards due before it come once a day; the day before and on the day, every "
            "card comes once, for a last run-through."
        )
        day = forms.date_field("Its day", "practice_interview_on", current)
        left, right = st.columns(2)
        if left.button("Practise for it", key="practice_interview_save", icon=":material/save:"):
            if day is None:  # the button did nothing, without a word
                st.error("Pick the interview's day first.", icon=":material/error:")
                return
            try:
                practice_store.set_next_interview(state.engine(), day)
            except StoreError as exc:
                st.error(exc.message, icon=":material/error:")
            else:
                st.rerun()
        if current and right.button("No interview planned", key="practice_interview_clear"):
            practice_store.set_next_interview(state.engine(), None)
            st.rerun()


def session(today: dt.date) -> None:
    all_cards = shared.cards()
    if all_cards.empty:
        st.info(
            "No questions to practise yet. In a debrief, questions you rate 3 or lower become practice "
            "cards here — with the better answer you wrote for next time."
        )
        st.page_link("pages/debrief.py", label="Debrief an interview", icon=":material/rate_review:")
        return
    queue = shared.due_now(today)
    now = practice.utcnow()
    waiting = {i for i, back in st.session_state.get(BACK_AT, {}).items() if back > now}
    seen = st.session_state.get(SEEN, set())
    left = queue[~queue["id"].isin(seen | waiting)] if not queue.empty else queue
    if left.empty:
        # graded in this session: put away, or still being learnt and waiting its few minutes
        _nothing_left(all_cards, bool(seen) or bool(st.session_state.get(BACK_AT)), today)
        return
    st.caption(f"{len(left)} to go in this session. Stop whenever you like: every grade is kept.")
    _card(left.iloc[0])


def _nothing_left(all_cards: pd.DataFrame, practised: bool, today: dt.date) -> None:
    forms.take(f"focus:{FOCUS}")  # no next card: the last grade's focus is not kept for a later visit
    now = practice.utcnow()
    interview = shared.next_interview(today)
    upcoming = practice.next_ready(all_cards, now, interview)
    when = practice.next_text(upcoming, now) if upcoming is not None else None
    said = f" The next card is ready {when}." if when else ""
    soon = upcoming is not None and practice.comes_back_soon(upcoming, now)
    if interview is not None and 0 <= (interview - today).days <= 1 and not soon:
        # the caption promises a last run-through: "nothing to practise" the day before read as broken
        day = "today" if interview == today else "tomorrow"
        said = f" Every card has had its turn today, ahead of your interview {day}." + said
    if practised:
        st.success("That's all for now — well done." + said)
    else:
        st.info("Nothing to practise right now." + said)
    if soon:
        _shown_when_ready(upcoming)


@st.fragment(run_every=dt.timedelta(seconds=15))
def _shown_when_ready(ready_at: dt.datetime) -> None:
    """A card back in a few minutes is shown when its time comes, the page open: it said "ready
    again in a few minutes" and stayed on "That's all for now" until the person left and came back."""
    if practice.utcnow() >= ready_at:
        forms.leave(f"focus:{FOCUS}", NEXT_CARD)  # the card's answer box, not the page's body
        st.rerun(scope="app")


def _card(card: pd.Series) -> None:
    card_id, reps = int(card["id"]), int(card["reps"])
    with st.container(border=True):
        meta = [str(card["company"]) if isinstance(card["company"], str) else None]
        meta.append(str(card["category"]) if isinstance(card["category"], str) else None)
        rating = card["rating"]
        if pd.notna(rating):
            meta.append(f"you rated your answer {int(rating)} / 5")
        st.caption(" · ".join(md(m) for m in meta if m))
        st.markdown(f"### {md(card['question'])}")
        st.text_area(
            "Answer aloud, or type it here (not saved)",
            key=f"practice_typed_{card_id}",
            height=120,
        )
        if (left := forms.take(f"focus:{FOCUS}")) is not None:
            target = left[0] if isinstance(left, tuple) else left  # (widget key, at_start)
            focus.now(f"practice_typed_{card_id}" if target == NEXT_CARD else str(target))
        if st.session_state.get(REVEALED) != card_id:
            st.button(
                "Show the better answer",
                key=f"practice_reveal_{card_id}",
                on_click=_reveal,
                args=(card_id,),
                type="primary",
                icon=":material/visibility:",
            )
            return
        better, mine = card["better_answer"], card["my_answer"]
        st.markdown("**Your better answer for next time**")
        if isinstance(better, str) and better.strip():
            layout.long_text(better, label="Read the whole answer")  # 10,000 characters: grades 2,800 px down
        else:
            st.text("— none written yet: what would it be?")
            if pd.notna(card.get("interview_id")):  # the way to write it, not only the question
                st.page_link(
                    "pages/debrief.py",
                    label="Write it in the debrief, under this question",
                    icon=":material/edit_note:",
                    query_params={"interview": str(int(card["interview_id"]))},
                )
        st.markdown("**How did it go this time?**")
        cols = st.columns(len(practice.GRADES))
        for col, (grade, label) in zip(cols, practice.GRADES.items()):
            col.button(
                label, key=f"practice_grade_{card_id}_{grade}", on_click=_grade, args=(card_id, reps, grade)
            )
        # folded, under the grades: a long answer written out in full pushed them far below the fold
        if isinstance(mine, str) and mine.strip():
            with st.expander("What you answered at the interview"):
                st.text(mine)
