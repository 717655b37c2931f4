"""Around the debrief's questionnaire: which application, where a new debrief starts (the latest
round in the stage history not debriefed yet, lib.search.history), which round it is, the links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import DebriefIn, field_errors
from lib.core.text import plural
from lib.reflect import questionnaires as qn
from lib.reflect.timeline import application_choices
from lib.search import history
from lib.search.people import split_known
from lib.store import applications as app_store
from lib.store import reflections as store
from lib.store import rounds as rounds_store
from ui import forms, layout, params, state
from ui.reflect import questionnaire, reflections
from ui.reflect.debrief import (
    PERSON_FIELDS,
    QUESTION_FIELDS,
    collect_rows,
    contact_ids_key,
    seed_rows,
    validated_rows,
)
from ui.text import md


@state.cached()  # the page reruns on every change it keeps as a draft: read these once per revision
def opened(engine, interview_id: int | None, app_id: int | None) -> dict[str, Any]:
    """What the debrief opens on: the earlier debrief (?interview=) or none, its application, the
    people met at that company (id -> "Name (role)") and, for a new debrief, the rounds without one."""
    interview = store.get_interview(engine, interview_id) if interview_id is not None else None
    app_id = interview["application_id"] if interview else app_id
    app = app_store.get_application(engine, app_id) if app_id is not None else None
    if app is None:
        return {
            "interview": interview,
            "app_id": app_id,
            "app": None,
            "contacts": {},
            "rounds": [],
            "ended": None,
        }
    people = store.contacts_at(engine, app_id)
    return {
        "interview": interview,
        "app_id": app_id,
        "app": app,
        "contacts": {int(r.id): f"{r.name} ({r.role})" for r in people.itertuples()},
        "rounds": [] if interview else rounds_store.open_rounds(engine, app_id),
        # how it ended, if it did: a round not in its history can't be added after that
        "ended": None if interview else _recorded_ending(engine, app_id),
    }


def _recorded_ending(engine, app_id: int) -> str | None:
    standing = history.standing(app_store.events_for(engine, app_id))
    return standing.outcome if standing.ended else None


PICK_KEY = "debrief_pick"


def saved_message(questions: int) -> str:
    """What a saved debrief says, with how many questions went to the question library."""
    if not questions:  # "0 questions — find them again" pointed to nothing
        return "Debrief saved."
    them = "them" if questions != 1 else "it"
    return f"Debrief saved: {plural(questions, 'question')} — find {them} again in the question library."


AFTER_DEBRIEF = "after_debrief"  # the offer the application page makes once, after a debrief


THANK_YOU_WITHIN_DAYS = 3  # a thank-you offered after a debrief: while the conversation is fresh


def after_saving(app_id: int, questions: int, occurred_on: dt.date | None) -> None:
    """Said on the page the save lands on: the message, and what to do next (once)."""
    forms.flash(saved_message(questions))
    fresh = occurred_on is not None and (dt.date.today() - occurred_on).days <= THANK_YOU_WITHIN_DAYS
    if fresh or questions:
        forms.leave(AFTER_DEBRIEF, {"app_id": app_id, "questions": questions, "fresh": fresh})


def next_after_debrief(app_id: int) -> None:
    """Once, right after a debrief: the thank-you while the conversation is fresh, and where its
    questions went (named, not linked, they were a dead end; the thank-you waited on Home)."""
    offer = forms.take(AFTER_DEBRIEF)
    if not isinstance(offer, dict) or offer["app_id"] != app_id:
        return
    with st.container(border=True):
        st.markdown("**What next, when you're ready**")
        if offer.get("fresh"):  # a round weeks ago, debriefed now: no "while it is fresh"
            st.page_link(
                "pages/compose.py",
                label="Write a short thank-you, while the conversation is fresh",
                icon=":material/edit_note:",
                query_params={"app": str(app_id), "kind": "thank-you after interview"},
            )
        if offer["questions"]:
            st.page_link(
                "pages/questions.py",
                label="See your questions in the question library",
                icon=":material/quiz:",
            )
            st.page_link(
                "pages/practice.py", label="Practise your answers, a few at a time", icon=":material/school:"
            )


DEBRIEFED_KEY = "debrief_of_the_same_round"  # the debrief a new one of the same round should add to


def pin_address(interview_id: int | None, app_id: int) -> None:
    """The address says what is open (?interview= or ?id=): a link to this page itself left it bare."""
    if interview_id is not None:
        params.pin("interview", interview_id)
    else:
        params.pin("id", app_id)


def offer_same_round(prefix: str) -> None:
    """Beside "you debriefed this round already": a way to the first debrief, to add to it."""
    same_round = st.session_state.get(DEBRIEFED_KEY)
    if same_round and "occurred_on" in st.session_state.get(forms.errors_key(prefix), {}):
        # what was typed here is not carried over: said, so it is copied rather than found later
        # filling the next new debrief of another round
        st.caption(
            "What you typed here stays here, as this application's unsaved debrief: copy what you "
            "want to add, then open the earlier one."
        )
        st.button(
            "Open the debrief of that round",
            icon=":material/edit_note:",
            key="open_same_round",
            on_click=params.pin,  # the address names the earlier debrief: a reload opens it again
            args=("interview", int(same_round)),
        )


def choose_application(engine, missing: bool) -> None:
    """No application (or a deleted one) asked for: pick one, or open an unfinished draft; stops."""
    st.title("Debrief an interview")
    layout.demo_banner()
    if missing:
        st.info("That application or debrief was not found — it may have been deleted. Pick one below.")
    choices = state.from_log(application_choices, False, 500)
    if not choices:
        st.info(
            "No applications yet. Add the application first, then debrief each interview round right after it."
        )
        st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
        layout.end_page()
    reflections.pick_application(
        "Right after an interview, while it is fresh: which application was it for?",
        choices,
        key=PICK_KEY,
    )
    unfinished = store.drafts_like(engine, "debrief:")
    if unfinished:
        st.markdown("**Unfinished drafts**")
    for draft in unfinished:
        _, target, which = (draft["key"].split(":") + ["", ""])[:3]
        params = {"interview": which} if target == "interview" else {"id": target}
        label = choices.get(int(target)) if target.isdigit() else f"Debrief #{which}"
        st.page_link(
            "pages/debrief.py",
            label=f"{md(label or 'A debrief')} — last change {draft['updated_at']:%d %b, %H:%M}",
            icon=":material/edit_note:",
            query_params=params,
        )
    layout.end_page()


def round_key(prefix: str) -> str:
    return f"{prefix}__stage_event"


def round_choice(
    prefix: str, rounds: list[dict[str, Any]], on_change: Callable[[], None], ended: str | None = None
) -> None:
    """For a new debrief: which round in the stage history it is about (its date and round follow),
    or a round not recorded yet (saving adds it, unless the application has `ended`). Never a
    second event for the same round."""
    if not rounds and ended:
        st.caption(
            "No round of this application is waiting for a debrief. It has ended "
            f"({vocab.stage_label(ended).lower()}), so its history stays as it is: the debrief is kept "
            "with the application, and its questions join your library."
        )
        return
    if not rounds:
        st.caption(
            "No round of this application is waiting for a debrief: saving adds this one to its history."
        )
        return
    labels = {e["id"]: history.round_label(e) for e in rounds}

    def _follow() -> None:
        chosen = next((e for e in rounds if e["id"] == st.session_state.get(round_key(prefix))), None)
        if chosen is not None:
            known = chosen.get("date_known", True)  # a round whose date is unknown: the person says when
            st.session_state[questionnaire.key(prefix, "occurred_on")] = (
                chosen["occurred_on"] if known else None
            )
            # its own type, or none to choose: the last round's stayed ("technical" kept for a
            # hiring manager's round, and a quick save filed it so)
            st.session_state[questionnaire.key(prefix, "round_type")] = history.round_type_of(chosen)
        on_change()

    st.selectbox(
        "Which of this application's rounds is this?",
        list(labels) + [None],
        format_func=lambda i: labels[i] if i is not None else "A round not recorded yet (saving adds it)",
        key=round_key(prefix),
        on_change=_follow,
    )


def starting_payload(bank, draft: dict | None, interview: dict | None, rounds: list[dict]) -> dict[str, Any]:
    """Starting values: the draft if there is one, else the saved debrief, else a new one on the
    latest round in the history not debriefed yet (lib.search.history.debrief_start)."""
    if draft:
        return draft["payload"]
    if interview:
        fixed = {c: interview[c] for c in ("round_type", "occurred_on", "format", "comfort")}
        return {
            "answers": {**qn.from_stored(bank, interview["answers"]), **fixed},
            "questions": interview["questions"],
            "contact_ids": interview["contact_ids"],
            "people": [],
        }
    start = history.debrief_start(rounds, dt.date.today())
    event_id = start.pop("stage_event_id")
    return {"answers": start, "questions": [], "contact_ids": [], "people": [], "stage_event_id": event_id}


def seed(prefix: str, bank, payload: dict[str, Any], contacts: dict[int, str], rounds: list[dict]) -> None:
    questionnaire.seed(prefix, bank, payload.get("answers") or {})
    seed_rows(prefix, "q", QUESTION_FIELDS, payload.get("questions") or [], minimum=3)
    seed_rows(prefix, "p", PERSON_FIELDS, payload.get("people") or [])
    if round_key(prefix) not in st.session_state and rounds:
        st.session_state[round_key(prefix)] = payload.get("stage_event_id")
    if contact_ids_key(prefix) not in st.session_state:
        st.session_state[contact_ids_key(prefix)] = [
            c for c in payload.get("contact_ids") or [] if c in contacts
        ]


def links(app_id: int, interview: dict | None) -> None:
    cols = st.columns([2, 2, 3])
    cols[0].page_link(
        "pages/application.py",
        label="Back to the application",
        icon=":material/arrow_back:",
        query_params={"id": str(app_id)},
    )
    cols[1].page_link("pages/questions.py", label="Question library", icon=":material/quiz:")
    if interview:
        st.caption(f"Editing the debrief of {interview['occurred_on']:%d %b %Y}.")


def draft_payload(prefix: str, bank) -> dict[str, Any]:
    """Everything typed so far, as the draft keeps it."""
    return {
        "answers": questionnaire.json_safe(questionnaire.collect(prefix, bank)),
        "questions": collect_rows(prefix, "q", QUESTION_FIELDS),
        "people": collect_rows(prefix, "p", PERSON_FIELDS),
        "contact_ids": list(st.session_state.get(contact_ids_key(prefix)) or []),
        "stage_event_id": st.session_state.get(round_key(prefix)),
    }


EMPTY_DEBRIEF = (
    "Nothing to save yet: add a question they asked, who you met, or a word on how it went. "
    "Even one question helps next time."
)


def collect(
    prefix: str, bank, app: dict[str, Any], contacts_frame, rounds: list[dict]
) -> tuple[DebriefIn | None, dict[str, str]]:
    """The debrief to save (or None) and the errors by field. A person typed as new who is already
    among the company's contacts is linked, not added again."""
    earliest = app["applied_on"] if app.get("applied_known", True) else None  # a stand-in is no bound
    clean, errors = questionnaire.validate_bank(bank, prefix, earliest=earliest)
    questions, people, known, row_errors = validated_rows(prefix)
    already_known, people = split_known(people, contacts_frame)
    errors.update(row_errors)
    if errors:
        return None, errors
    said = {k: v for k, v in clean.items() if k not in ("round_type", "occurred_on")}
    if (
        not questions
        and not people
        and not known
        and not already_known
        and not any(v not in (None, "", [], {}) for v in said.values())
    ):  # "Debrief saved: 0 questions" kept a round with nothing in it
        return None, {"form": EMPTY_DEBRIEF}
    try:
        return DebriefIn(
            application_id=app["id"],
            round_type=clean["round_type"],
            occurred_on=clean["occurred_on"],
            format=clean["format"],
            comfort=clean["comfort"],
            bank_version=bank.version,
            answers=qn.to_stored(bank, clean),
            questions=questions,
            contact_ids=list(dict.fromkeys(known + already_known)),
            new_contacts=people,
            stage_event_id=st.session_state.get(round_key(prefix)) if rounds else None,
        ), {}
    except ValidationError as exc:
        return None, field_errors(exc)
