"""The mood check-in quick form and the kind notice while a pause is running (Home, rejection)."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from pydantic import ValidationError

from lib.core.models import MoodIn, max_chars
from lib.reflect import questionnaires as qn
from lib.reflect import rejection
from lib.reflect.timeline import pause_left
from lib.store import reflections as store
from ui import forms, state
from ui.reflect import reflections
from ui.text import md

FORM = "mood_checkin"


def _running(now: dt.datetime) -> list[dict]:
    today = dt.datetime.combine(now.date(), dt.time())  # read once a day; `now` picks what still runs
    running = rejection.running_pauses(reflections.pauses_ending_after(today), now)
    return running if running and pause_left(running[0]["pause_until"], now) else []


def pause_ends() -> dt.datetime | None:
    """When the pause that ends last ends, while one runs (None otherwise); nothing drawn."""
    running = _running(dt.datetime.now())
    return running[0]["pause_until"] if running else None


def pause_notice() -> dt.datetime | None:
    """While a pause after a rejection runs, say so kindly, with the time left; returns when it ends
    (None when no pause runs). Several "no"s in a few days: each is named, the pause that ends last
    says until when, and each look back is open at once to anyone who wants it now."""
    now = dt.datetime.now()
    running = _running(now)
    if not running:
        return None
    until = running[0]["pause_until"]
    left = pause_left(until, now)
    waiting = (
        "Everything else will wait here until you're ready."
        if not all(rejection.looked_back(p.get("answers")) for p in running)
        # looked back already: "until you're ready" would ask for what was done
        else "You've looked back already: everything else is here whenever you want it."
    )
    st.info(
        f"**You're taking a pause** after the news from {md(rejection.news_from(running))} — "
        f"until {until:%a %d %b, %H:%M} ({left} left). "
        "No replies in the heat of the moment: rest, do something kind for yourself, see the people "
        f"who matter to you. {waiting}",
        icon=":material/spa:",
    )
    for pause in sorted(running, key=lambda p: p["id"]):  # in the order the notice names them
        if not rejection.looked_back(pause.get("answers")):
            st.page_link(
                "pages/rejection.py",
                label=md(rejection.look_back_label(pause, running)),
                icon=":material/self_improvement:",
                query_params={"reflection": str(pause["id"])},
            )
    return until


def checkin_form() -> None:
    """A quick mood check-in, any day: a score from 1 to 5 and a few words."""
    bank = qn.MOOD
    score_q, words_q = bank.by_id["score"], bank.by_id["words"]
    with st.container(border=True):
        st.markdown("**Mood check-in**")
        st.caption(dict(bank.sections)["Check in"])
        forms.form_error(FORM)
        with st.form(forms.form_key(FORM), border=False):
            score_col, words_col, save_col = st.columns([2, 3, 1], vertical_alignment="bottom")
            low, high = score_q.scale_words
            score = score_col.segmented_control(
                f"{score_q.prompt} (1 {low} – 5 {high})", qn.SCALE, key=forms.key(FORM, "score")
            )
            words = words_col.text_input(
                words_q.prompt,
                key=forms.key(FORM, "words"),
                placeholder="optional",
                max_chars=max_chars(MoodIn, "words"),
            )
            submitted = save_col.form_submit_button("Check in", icon=":material/favorite:")
        forms.field_error(
            FORM,
            "score",
            "Your mood",
            unanswered="Pick a number from 1 to 5 first: how are you today?",
            focus_on=forms.key(FORM, "score"),  # the note is under the row, after the button
        )
        forms.field_error(FORM, "words", "The words")
        last = store.last_mood(state.engine())
        if last:
            st.caption(
                f"Last check-in: {last['score']} / 5 on {last['recorded_at']:%d %b %Y}"
                + (f" — “{md(last['words'])}”" if last["words"] else "")
            )
    if submitted:
        try:
            mood = MoodIn(score=score, words=words)
            same = (mood.score, mood.words, f"{mood.recorded_at:%Y-%m-%d %H:%M}")
            if not forms.already_saved(FORM, same):  # a double click checks in once
                store.add_mood(state.engine(), mood)
        except ValidationError as exc:
            forms.set_errors(FORM, forms.errors_from(exc))
        else:
            forms.mark_saved(FORM, same)
            forms.renew(FORM)  # fresh widgets: the browser keeps a widget's value under its old key
            st.toast("Checked in. Thank you for looking after yourself.", icon=":material/favorite:")
        st.rerun()
