"""Cached reads for the reflection pages, and an application's debriefs and reflections in its timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from lib.core.db import Engine
from lib.core.text import joined
from lib.reflect import questionnaires as qn
from lib.reflect.practice import WEAK_AT, prep_sheet
from lib.reflect.rejection import from_the_debriefs, looked_back
from lib.reflect.timeline import LibraryFilter, library_options, library_view, timeline_items
from lib.store import debriefs
from lib.store import reflections as store
from ui import forms, layout, state
from ui.text import md


@state.cached(max_entries=4, shared=True)
def question_choices(engine: Engine) -> tuple[int, list[str], list[str]]:
    """(how many askings there are, the categories and the companies to filter the prep sheet by)."""
    questions = store.load_questions(engine)
    return (len(questions), *library_options(questions))


@state.cached(max_entries=16, shared=True)
def prep_view(
    engine: Engine, text: str, categories: tuple[str, ...], companies: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(summary by category, the prep sheet, how many askings match) for one filter: computed once
    per data revision and filter, so typing elsewhere on the page doesn't regroup every question."""
    questions = store.load_questions(engine)
    chosen = LibraryFilter(text=text, categories=categories, companies=companies)
    summary, table, matching = library_view(questions, chosen, len(questions))
    return summary, prep_sheet(table), matching


@state.cached(max_entries=8)
def skill_tags(engine: Engine) -> list[str]:
    return store.skill_tags(engine)


@state.cached(max_entries=8)
def latest_pause(engine: Engine) -> dict[str, Any] | None:
    return store.latest_pause(engine)


@state.cached(max_entries=8)
def pauses_ending_after(engine: Engine, after: dt.datetime) -> list[dict[str, Any]]:
    return store.pauses_ending_after(engine, after)


def text_block(text: str) -> str:
    """User text for st.markdown: escaped, line breaks kept."""
    return md(text).replace("\n", "  \n")


def _answer_lines(lines: list[qn.AnswerLine]) -> None:
    section = None
    for line in lines:
        if line.section != section:
            section = line.section
            st.markdown(f"**{md(section)}**")
        st.markdown(f"{md(line.prompt)}  \n{text_block(line.text)}")


def _debrief(debrief: dict[str, Any]) -> None:
    columns = {
        "round_type": debrief["round_type"],
        "occurred_on": debrief["occurred_on"],
        "format": debrief["format"],
        "comfort": debrief["comfort"],
    }
    people = debrief.get("people") or []
    if people:
        st.markdown("**People met:** " + ", ".join(f"{md(p['name'])} ({md(p['role'])})" for p in people))
    if debrief["questions"]:
        st.markdown("**Questions asked**")
        for number, q in enumerate(debrief["questions"], 1):
            rating = f" · my answer: {q['rating']} / 5" if q["rating"] else ""
            category = f" ({md(q['category'])})" if q["category"] else ""
            lines = [f"{number}. {text_block(q['question'])}{category}{rating}"]
            if q["my_answer"]:
                lines.append(f"    - *I answered:* {text_block(q['my_answer'])}")
            if q["better_answer"]:
                lines.append(f"    - *Next time:* {text_block(q['better_answer'])}")
            st.markdown("\n".join(lines))
    _answer_lines(qn.answer_lines(qn.INTERVIEW, debrief["answers"], columns))
    st.page_link(
        "pages/debrief.py",
        label="Edit this debrief",
        icon=":material/edit:",
        query_params={"interview": str(debrief["id"])},
    )
    forms.ask_before_deleting(
        f"debrief_{debrief['id']}",
        "Delete this debrief? Its questions and notes go; the people you met stay in your contacts and "
        "the round stays in the timeline. This can't be undone.",
        lambda: debriefs.delete_interview(state.engine(), debrief["id"]),
        "Debrief deleted.",
        label="Delete this debrief…",
    )


def _reflection(reflection: dict[str, Any]) -> None:
    bank = qn.BANKS.get(reflection["bank"], qn.REJECTION)
    columns = {"pause_until": reflection["pause_until"]}
    _answer_lines(qn.answer_lines(bank, reflection["answers"], columns))
    st.page_link(
        "pages/rejection.py",
        label="Edit this reflection"
        if looked_back(reflection["answers"])
        else "Look back, when you're ready",
        icon=":material/edit:",
        query_params={"reflection": str(reflection["id"])},
    )
    forms.ask_before_deleting(
        f"reflection_{reflection['id']}",
        "Delete this reflection? The ending stays in the timeline. This can't be undone.",
        lambda: store.delete_reflection(state.engine(), reflection["id"]),
        "Reflection deleted.",
        label="Delete this reflection…",
    )


@state.cached()  # once per data revision
def _timeline_items(engine, application_id: int):
    return timeline_items(
        store.interviews_for(engine, application_id), store.reflections_for(engine, application_id)
    )


@state.cached()
def _reflected_on(engine, application_id: int) -> bool:
    return any(r["bank"] == qn.REJECTION.id for r in store.reflections_for(engine, application_id))


@state.cached()
def _from_the_debriefs(engine, application_id: int):
    return from_the_debriefs(store.interviews_for(engine, application_id))


def what_the_debriefs_said(application_id: int) -> None:
    """In the look back, beside "why wasn't I chosen?": the questions this application's debriefs
    found hard and what they said to do differently, with the way to practise them."""
    hard, differently = _from_the_debriefs(application_id)
    if not hard and not differently:
        return
    with st.container(border=True):
        st.markdown("**From your debriefs of this application**")
        if hard:
            st.markdown(
                f"Questions where you rated your answer {WEAK_AT} or lower:\n"
                + "\n".join(f"- {md(q['question'])} — you rated your answer {q['rating']} / 5" for q in hard)
            )
        for said in differently:
            st.markdown(f"You said you would do differently: {text_block(said)}")
        if hard:
            st.page_link("pages/practice.py", label="Practise them", icon=":material/school:")


def reflected_on(application_id: int) -> bool:
    """Whether this application's "no" has its reflection (recorded, or looked back on)."""
    return _reflected_on(application_id)


def application_timeline(application_id: int) -> None:
    """The application's debriefs and reflections in date order, each to read and to edit. (A
    delete's message is at the top of the page, which shows it once.)"""
    items = _timeline_items(application_id)
    st.markdown("#### Debriefs and reflections")
    if not items:
        st.caption("None yet. After an interview, debrief it while it is fresh; after a “no”, reflect on it.")
        return
    for entry in items:
        title = f"{entry.when:%d %b %Y} — {entry.title}" if entry.when else entry.title
        # each holds a whole form: drawn when opened
        if box := layout.lazy_expander(title, key=f"timeline_{entry.kind}_{entry.item['id']}"):
            with box:
                (_debrief if entry.kind == "debrief" else _reflection)(entry.item)


def just_picked(key: str) -> bool:
    """Whether `key`'s picker has just opened this page on an application (true once): the page
    then puts the keyboard in its first question (it was left on the page's body)."""
    return bool(forms.take(f"application_picked:{key}"))


def pick_application(prompt: str, choices: dict[int, str], key: str) -> None:
    """Ask which application a questionnaire is for; on a pick, reopen the page on it (?id=…)."""
    st.write(prompt)
    picked = st.selectbox(
        "Application",
        list(choices),
        format_func=choices.get,
        index=None,
        placeholder="Type to find the company or role",
        key=key,
    )
    if picked is not None:
        for stale in ("id", "interview", "reflection"):  # keep other parameters (?data=demo)
            st.query_params.pop(stale, None)
        st.query_params["id"] = str(picked)
        forms.leave(f"application_picked:{key}", True)  # see `just_picked`
        st.rerun()


AFTER_REFLECTION = "after_reflection"  # what to do next, offered once the reflection is saved


def offer_next(app_id: int, answers: dict[str, Any]) -> None:
    """Keep the reflection's own next step and reply goals for the page that comes next."""
    goals = [g for g in answers.get("reply_goal") or [] if g != "nothing"]
    step = str(answers.get("next_step") or "").strip()
    forms.leave(AFTER_REFLECTION, {"app_id": app_id, "goals": goals, "next_step": step})


def next_after_reflection(app_id: int) -> None:
    """Once, right after the reflection is saved: it ends with what to do next (the person's own
    step, the note their reply goals ask for, the week ahead), never with a dead end."""
    offer = forms.take(AFTER_REFLECTION)  # comes again if a double click cuts its run short
    if not isinstance(offer, dict) or offer["app_id"] != app_id:
        return
    with st.container(border=True):
        st.markdown("**What next, when you're ready**")
        if offer["next_step"]:
            st.markdown(f"Your next step, in your words: {md(offer['next_step'])}")
        if offer["goals"]:
            st.page_link(
                "pages/compose.py",
                label="Write to them: a thank-you that asks for " + joined(offer["goals"]),
                icon=":material/edit_note:",
                query_params={"app": str(app_id), "kind": "thank-you after rejection"},
            )
        st.page_link(
            "pages/strategy.py",
            label="Plan the week ahead",
            icon=":material/flag:",
            query_params={"strategy_tab": "Plan the week"},
        )
