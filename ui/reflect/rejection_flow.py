"""The rejection page's two steps (lib/reflect/rejection.py): record it and pause (under a minute),
then look back when ready. Everything typed is kept as a draft in the database until saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import db, vocab
from lib.core.db import DatabaseBusy, Engine
from lib.core.models import RejectionIn
from lib.learn import traction
from lib.reflect import questionnaires as qn
from lib.reflect import rejection as steps
from lib.reflect.timeline import application_choices
from lib.store import applications as app_store
from lib.store import reflections as store
from lib.store import settings as settings_store
from lib.store.base import Conflict, StoreError, count_rows
from ui import conflicts, focus, forms, state
from ui.reflect import questionnaire, reflections
from ui.text import clipped, md

BANK = qn.REJECTION


@dataclass
class Flow:
    app: dict[str, Any]
    reflection: dict[str, Any] | None
    outcome: str
    recorded: dict[str, Any]
    earlier: list[dict[str, Any]]
    asked: bool  # an id or reflection was in the URL
    silent_since: dt.date | None = None  # a ghosting with no day: when the silence counted as one

    @property
    def app_id(self) -> int:
        return self.app["id"]

    @property
    def looking_back(self) -> bool:
        return self.reflection is not None

    @property
    def prefix(self) -> str:
        return f"reflection_{self.reflection['id']}" if self.reflection else f"rejection_new_{self.app_id}"

    @property
    def draft_key(self) -> str:
        return f"reflection:{self.reflection['id']}" if self.reflection else f"rejection:{self.app_id}"

    @property
    def pause_behind(self) -> int | None:
        """Days since a "no" old enough that the record step asks no pause (None: a pause is asked)."""
        if self.looking_back:
            return None
        return steps.pause_behind(self.recorded, dt.date.today(), self.silent_since)

    @property
    def pauseless(self) -> bool:
        """No pause is asked or kept: an old "no", or a reflection saved without one (editing it
        must not start a pause today)."""
        if self.reflection is not None:
            return self.reflection["pause_until"] is None
        return self.pause_behind is not None

    @property
    def title(self) -> str:
        what = "Looking back" if self.looking_back else "After the “no”"
        return f"{what} · {md(clipped(self.app['role']))} · {md(clipped(self.app['company']))}"


def open_flow(reflection_id: int | None, app_id: int | None) -> Flow | None:
    flow = _flow(reflection_id, app_id)
    if flow is None and (reflection_id is not None or app_id is not None):
        st.info("That application or reflection was not found — it may have been deleted. Pick one below.")
    return flow


@state.cached(max_entries=32)  # per data revision: a rerun (each answer typed) reads nothing again
def _flow(engine: Engine, reflection_id: int | None, app_id: int | None) -> Flow | None:
    reflection = store.get_reflection(engine, reflection_id) if reflection_id is not None else None
    app_id = reflection["application_id"] if reflection else app_id
    app = app_store.get_application(engine, app_id) if app_id is not None else None
    if app is None:
        return None
    events = app_store.events_for(engine, app_id)
    status = traction.application_status(pd.DataFrame({"id": [app_id]}), events).iloc[0]
    ending = events[events["kind"].isin(steps.ENDINGS_RECORDED)]
    last = ending.iloc[-1] if not ending.empty else None
    recorded = steps.recorded_ending(
        status.furthest_stage,
        None if last is None else last["kind"],
        None if last is None or pd.isna(last["occurred_on"]) else last["occurred_on"],  # unknown day
        None if last is None else last["via"],
    )
    earlier = [r for r in store.reflections_for(engine, app_id) if r["bank"] == BANK.id]
    return Flow(app, reflection, status.outcome, recorded, earlier, True, _silent_since(engine, app, events))


def _silent_since(engine: Engine, app: dict[str, Any], events: pd.DataFrame) -> dt.date | None:
    """The day a silence became a ghosting: the ghost days after the last word (the last dated
    step, or the day applied when it is known)."""
    words = [d.date() for d in events["occurred_on"].dropna()]
    if app["applied_known"]:
        words.append(pd.Timestamp(app["applied_on"]).date())
    if not words:
        return None
    return max(words) + dt.timedelta(days=settings_store.get_setting(engine, "ghost_days"))


PICK_KEY = "rejection_pick"
OPEN_AT_TOP = "rejection_open_at_top"  # the look back opened from the record step's bottom button


def pick() -> None:
    choices = state.from_log(application_choices, True, 500)
    if not choices:
        if count_rows(state.engine(), db.applications):  # every one has ended: nothing to add first
            st.info(
                "Every application in your log has ended, so there is no open one to record a “no” "
                "for. To read or add to a reflection, open the application from the log."
            )
            st.page_link("pages/applications.py", label="Open the log", icon=":material/work:")
            return
        st.info("No applications yet. Add the application first, then record the “no” for it here.")
        st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
        return
    reflections.pick_application("A “no” came in. Which application was it?", choices, key=PICK_KEY)


def _unsaved_words(flow: Flow) -> list[tuple[str, str]]:
    """What this tab typed in the record step (words and the mood), by question."""
    typed = []
    for q in BANK.questions:
        value = st.session_state.get(questionnaire.key(flow.prefix, q.id))
        if q.kind in ("short", "long") and isinstance(value, str) and value.strip():
            typed.append((q.prompt, value.strip()))
        elif q.kind == "scale" and value is not None:
            typed.append((q.prompt, f"{value} of 5"))
    return typed


def back_link(flow: Flow) -> None:
    st.columns([2, 5])[0].page_link(
        "pages/application.py",
        label="Back to the application",
        icon=":material/arrow_back:",
        query_params={"id": str(flow.app_id)},
    )


def can_go_on(flow: Flow) -> bool:
    """A second record of the same "no" is offered its look back instead; withdrawing is no rejection.
    A "no" deleted from the history (recorded by mistake, on the wrong application) can be recorded
    again: its reflection stays, and the form said "You recorded this no" of a no no longer there."""
    if flow.reflection is None and flow.earlier and flow.outcome != vocab.OPEN:
        latest = flow.earlier[-1]
        done = steps.looked_back(latest["answers"])
        if typed := _unsaved_words(flow):  # another tab recorded it first: this tab's words, not lost
            st.warning(
                "Another tab recorded this “no” first, so what you typed here was not saved. Here it "
                "is, to copy into the look back if you want it:",
                icon=":material/tab_duplicate:",
            )
            st.text("\n".join(f"{prompt} {value}" for prompt, value in typed))
        st.info(f"You recorded this “no” on {latest['created_at']:%d %b %Y}.")
        st.page_link(
            "pages/rejection.py",
            label="Read or edit your reflection" if done else "Look back at it, when you're ready",
            icon=":material/edit:" if done else ":material/self_improvement:",
            query_params={"reflection": str(latest["id"])},
        )
        return False
    if flow.reflection is None and not steps.can_record(flow.outcome):
        st.info(
            f"This application ended as {steps.ended_as(flow.outcome)}: there is no rejection to "
            "record. You can still write down what you learned in its notes."
        )
        return False
    return True


def _seed(flow: Flow, draft: dict[str, Any] | None) -> None:
    if draft:
        values = draft["payload"].get("answers") or {}
    elif flow.reflection:
        values = {
            **flow.recorded,
            **qn.from_stored(BANK, flow.reflection["answers"]),
            "pause_until": flow.reflection["pause_until"],
        }
    else:
        values = {**steps.record_defaults(dt.date.today()), **flow.recorded}
    questionnaire.seed(flow.prefix, BANK, values)
    if _locked(flow):  # the history wins
        for field, value in flow.recorded.items():
            st.session_state[questionnaire.key(flow.prefix, field)] = questionnaire.widget_value(
                BANK.by_id[field], value
            )


def _save(flow: Flow, opened: int | None, version: int | None = None) -> None:
    prefix, engine = flow.prefix, state.engine()
    skip = []
    if _locked(flow) and flow.recorded.get("news_via") is None:
        skip.append("news_via")  # the history has the ending but not how it came: not asked here
    if _locked(flow) and "rejected_on" in flow.recorded and flow.recorded["rejected_on"] is None:
        skip.append("rejected_on")  # nor its day (an import without one): not asked either
    if flow.reflection or flow.pauseless:
        skip.append("pause_until")  # looking back, or at an old "no", needs no new pause
    if flow.reflection:
        skip += steps.not_asked(flow.recorded.get("stage_reached"))  # kept as they were, if any
    clean, errors = questionnaire.validate_bank(
        # a stand-in day applied is no bound: the store moves it back to an earlier day given
        BANK,
        prefix,
        earliest=flow.app["applied_on"] if flow.app["applied_known"] else None,
        skip=tuple(skip),
    )
    if not flow.reflection and not flow.pauseless:  # a new pause: said with the rest, not after
        raw = st.session_state.get(questionnaire.key(prefix, "pause_until"))
        if problem := steps.pause_problem(raw, dt.date.today()):
            errors["pause_until"], clean = problem, {}
    answers: dict[str, Any] = {}
    if not errors:
        pause_until = steps.pause_end(clean["pause_until"]) if clean.get("pause_until") else None
        if flow.pauseless:  # an old "no" (or a reflection kept without a pause): none starts now
            pause_until = None
        answers = qn.to_stored(BANK, clean)
        try:
            if flow.reflection:
                asked = {q.id for q in BANK.questions if q.id not in skip}
                asked |= {q.id + qn.NOTE_SUFFIX for q in BANK.questions if q.with_note and q.id not in skip}
                answers = steps.merge_answers(flow.reflection["answers"], answers, asked)
                store.update_reflection(
                    engine, flow.reflection["id"], answers, pause_until, flow.draft_key, version or opened
                )
            else:
                recorded_id = store.record_rejection(
                    engine,
                    RejectionIn(
                        application_id=flow.app_id,
                        stage_reached=clean["stage_reached"],
                        occurred_on=clean.get("rejected_on"),
                        # unknown only when the ending is in the history already: no event is written
                        via=clean.get("news_via") or "email",
                        mood=clean["mood"],
                        mood_words=clean["mood_words"],
                        pause_until=pause_until,
                        bank_version=BANK.version,
                        answers=answers,
                    ),
                    draft_key=flow.draft_key,
                    record_event=flow.outcome not in steps.ENDINGS_RECORDED,
                )
        except Conflict as exc:
            conflicts.remember(f"{prefix}__row", exc, answers, exc.saved.get("answers") or {})
            st.toast(  # in view from the bottom button too: the choice is drawn at the top
                "Another tab saved this since: nothing was saved yet. Both versions are at the top of "
                "the page: choose one.",
                icon=":material/tab_duplicate:",
            )
            st.rerun()
        except (ValidationError, StoreError, DatabaseBusy) as exc:
            errors = forms.errors_from(exc)
    if errors:
        forms.set_errors(prefix, errors)
        st.rerun()
    forms.clear_errors(prefix)
    questionnaire.forget(prefix)
    if flow.reflection:
        forms.flash("Your reflection is saved. Thank you for looking back honestly.")
        reflections.offer_next(flow.app_id, answers)
        st.switch_page("pages/application.py", query_params={"id": str(flow.app_id)})
    if flow.pause_behind:  # the look back says "Take your time; nothing is due."
        forms.leave(OPEN_AT_TOP, True)
        st.switch_page("pages/rejection.py", query_params={"reflection": str(recorded_id)})
    forms.flash(
        f"Recorded. Be kind to yourself until {pause_until:%a %d %b, %H:%M}. When your pause ends, "
        "Home will offer to look back — or you can look back now."
    )
    st.switch_page("pages/home.py")


def draw(flow: Flow) -> None:
    """The form: the record step (what happened, the pause) or the look back (the reflection)."""
    engine, prefix, key = state.engine(), flow.prefix, flow.draft_key
    draft = conflicts.load_draft(engine, key, prefix)
    opened = (
        conflicts.opened_version(f"{prefix}__row", flow.reflection["version"]) if flow.reflection else None
    )
    _seed(flow, draft)

    def save_draft() -> None:
        payload = {"answers": questionnaire.json_safe(questionnaire.collect(prefix, BANK))}
        conflicts.save_draft(state.engine(), key, prefix, payload)

    def discard() -> None:
        store.delete_draft(state.engine(), key)
        questionnaire.forget(prefix)
        forms.clear_errors(prefix)

    if forms.take(OPEN_AT_TOP):
        focus.to_top()
    label = "Save my reflection" if flow.looking_back else "Save and take my pause"
    if flow.pause_behind:
        label = "Save and look back now"
    if flow.looking_back:
        recorded_on, came_on = flow.reflection["created_at"].date(), flow.recorded.get("rejected_on")
        came_on = came_on.date() if isinstance(came_on, dt.datetime) else came_on
        when = f"You recorded this on {recorded_on:%d %b %Y}."
        if came_on is not None and came_on < recorded_on:  # an old "no" (an import): both days
            when = f"This “no” came on {came_on:%d %b %Y}; you recorded it on {recorded_on:%d %b %Y}."
        st.caption(f"{when} Take your time; nothing is due.")
    top = st.columns([3, 2], vertical_alignment="center")
    with top[0]:
        questionnaire.draft_notice(
            draft, saved_before=flow.looking_back, discard=discard, discard_key="discard_rejection_draft"
        )
    if top[1].button(label, type="primary", icon=":material/save:", key="save_rejection_top"):
        _save(flow, opened)
    forms.form_error(prefix)
    conflicts.choose_draft(engine, key, prefix, conflicts.labels_for(BANK), questionnaire.forget)
    if choice := conflicts.choose(f"{prefix}__row", conflicts.labels_for(BANK)):
        if choice == "mine":
            _save(flow, opened, conflicts.pending(f"{prefix}__row")["version"])
        store.delete_draft(engine, key)
        questionnaire.forget(prefix)
        st.rerun()

    _what_happened(flow, save_draft)
    if flow.looking_back:
        pause_errors = set(st.session_state.get(forms.errors_key(prefix)) or {}) & {
            q.id for q in BANK.questions if q.section == steps.PAUSE
        }
        title = "How you felt" if flow.pauseless else "Your pause"
        with st.expander(title, icon=":material/spa:", expanded=bool(pause_errors)):
            skip = ("pause_until",) if flow.pauseless else ()  # no pause to start by an edit
            questionnaire.section(BANK, steps.PAUSE, prefix, prefix, save_draft, skip=skip)
        known_tags = reflections.skill_tags()
        unasked = steps.not_asked(flow.recorded.get("stage_reached"))
        for name in steps.look_back_sections(BANK):
            if name == BANK.by_id["why_not_chosen"].section:  # what the debriefs said, in view here
                st.markdown(f"#### {name}")
                st.caption(dict(BANK.sections)[name])
                reflections.what_the_debriefs_said(flow.app_id)
                questionnaire.section(
                    BANK,
                    name,
                    prefix,
                    prefix,
                    save_draft,
                    known_tags=known_tags,
                    skip=unasked,
                    heading=False,
                    intro=False,
                )
                continue
            questionnaire.section(BANK, name, prefix, prefix, save_draft, known_tags=known_tags, skip=unasked)
    elif flow.pause_behind:
        with st.container(border=True):
            st.markdown("#### How you are now")
            came = (
                f"This “no” came {flow.pause_behind} days ago"
                if flow.recorded.get("rejected_on") is not None
                else f"This silence has counted as ghosted since {flow.silent_since:%d %b %Y}, "
                f"{flow.pause_behind} days ago"
            )
            st.caption(f"{came}, so no pause is asked now. Say how you feel today; the look back opens next.")
            questionnaire.section(
                BANK,
                steps.PAUSE,
                prefix,
                prefix,
                save_draft,
                skip=("pause_until",),
                heading=False,
                intro=False,
            )
    else:
        with st.container(border=True):
            questionnaire.section(BANK, steps.PAUSE, prefix, prefix, save_draft)
        st.caption(
            "That's all for now. The reflection comes later, when you're ready: Home offers it when your "
            "pause ends, and you can open it sooner if you want to."
        )
    if flow.looking_back:  # a long page: beside the lower button, the top's message is out of view
        forms.errors_here(prefix)
    if st.button(label, type="primary", icon=":material/save:", key="save_rejection"):
        _save(flow, opened)


def _locked(flow: Flow) -> bool:
    """What happened is in the stage history already: read as a line, not asked again."""
    return flow.looking_back or flow.outcome in steps.ENDINGS_RECORDED


def _said(q, value) -> str:
    shown = questionnaire.shown_answer(q, value)
    return "not recorded" if shown == "—" else shown


def _behind_the_log(flow: Flow, chosen: str | None) -> None:
    """A stage short of what the log holds (Screen, after an interview): the log keeps its furthest,
    said here (it was kept without a word, as if the answer were lost)."""
    furthest = flow.recorded.get("stage_reached")
    if (
        chosen in vocab.STAGE_RANK
        and furthest in vocab.STAGE_RANK
        and vocab.STAGE_RANK[chosen] < vocab.STAGE_RANK[furthest]
    ):
        st.caption(
            f"Your log has this application at {vocab.stage_label(furthest).lower()} already: it stays the "
            "furthest it got. If that step is a mistake, delete it from the application's timeline."
        )


def _what_happened(flow: Flow, save_draft) -> None:
    prefix = flow.prefix
    locked = _locked(flow)
    st.markdown(f"#### {steps.WHAT_HAPPENED}")
    st.caption("Already in the stage history." if locked else dict(BANK.sections)[steps.WHAT_HAPPENED])
    fields = [BANK.by_id[field] for field in ("stage_reached", "rejected_on", "news_via")]
    if locked:  # read as a line, not greyed-out widgets (faint, and they seem to invite a change)
        st.markdown(
            " · ".join(
                f"**{q.label}:** {md(_said(q, st.session_state.get(questionnaire.key(prefix, q.id))))}"
                for q in fields
            )
        )
        return
    stage, date, via = fields
    if reflections.just_picked(PICK_KEY):
        focus.now(questionnaire.key(prefix, stage.id))
    stage_col, date_col = st.columns([3, 1])
    with stage_col:
        questionnaire.question(stage, prefix, prefix, save_draft)
        _behind_the_log(flow, st.session_state.get(questionnaire.key(prefix, stage.id)))
    with date_col:
        questionnaire.question(date, prefix, prefix, save_draft)
    questionnaire.question(via, prefix, prefix, save_draft)
