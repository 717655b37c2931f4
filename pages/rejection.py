"""After a rejection: record it, pause first, then the reflection — one save, one transaction.

Opens for an application (?id=) or a past reflection to edit (?reflection=), else asks which open
application. Everything typed is kept as a draft in the database until saved.
"""

import datetime as dt

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.db import DatabaseBusy
from lib.core.models import RejectionIn
from lib.learn import traction
from lib.reflect import questionnaires as qn
from lib.reflect.timeline import application_choices
from lib.store import applications as app_store
from lib.store import reflections as store
from lib.store.base import Conflict, StoreError
from ui import conflicts, forms, layout, state
from ui.data import email_paste
from ui.params import int_param
from ui.reflect import mood, practice, questionnaire, reflections
from ui.text import md

BANK = qn.REJECTION
PAUSE_ENDS_AT = dt.time(18, 0)  # "until tomorrow" means tomorrow evening
RECORD_FIELDS = ("stage_reached", "rejected_on", "news_via")


engine = state.engine()
reflection_id = int_param("reflection")
reflection = store.get_reflection(engine, reflection_id) if reflection_id is not None else None
app_id = reflection["application_id"] if reflection else int_param("id")
app = app_store.get_application(engine, app_id) if app_id is not None else None

if app is None:
    st.title("Record a rejection")
    layout.demo_banner()
    mood.pause_notice()
    if reflection_id is not None or app_id is not None:
        st.info("That application or reflection was not found — it may have been deleted. Pick one below.")
    email_paste.render("rejection")  # paste the "no": it finds the application and opens the pause
    choices = state.from_log(application_choices, True, 500)
    if not choices:
        st.info(
            "No open application to record a rejection for. Add the application first — "
            "or, if it already ended, open it from the log to read its reflection."
        )
        st.page_link("pages/add_application.py", label="Add an application", icon=":material/add_circle:")
        st.stop()
    reflections.pick_application("A “no” came in. Which application was it?", choices, key="rejection_pick")
    st.stop()

events = app_store.events_for(engine, app_id)
status = traction.application_status(pd.DataFrame({"id": [app_id]}), events).iloc[0]
earlier = [r for r in store.reflections_for(engine, app_id) if r["bank"] == BANK.id]

st.title(f"After the “no” · {md(app['role'])} · {md(app['company'])}")
layout.demo_banner()
mood.pause_notice()
back = st.columns([2, 5])
back[0].page_link(
    "pages/application.py",
    label="Back to the application",
    icon=":material/arrow_back:",
    query_params={"id": str(app_id)},
)
practice.at_rejection(app_id)  # your plan for this moment; the setback note; writing, offered once

if reflection is None and earlier:
    st.info(
        "You already reflected on this rejection. Read it in the application's timeline, or edit it here."
    )
    st.page_link(
        "pages/rejection.py",
        label="Edit the reflection",
        icon=":material/edit:",
        query_params={"reflection": str(earlier[-1]["id"])},
    )
    st.stop()
if reflection is None and status.outcome in ("withdrawn", "declined"):
    st.info(
        f"This application ended as {vocab.stage_label(status.outcome).lower()}: there is no rejection to "
        "record. You can still write down what you learned in its notes."
    )
    st.stop()

# The ending is already in the stage history when editing, or when it was recorded on the timeline.
already_recorded = reflection is not None or status.outcome in ("rejected", "ghosted")
ending = events[events["kind"].isin(["rejected", "ghosted"])]
recorded = {"stage_reached": status.furthest_stage}
if not ending.empty:
    recorded["rejected_on"] = ending["occurred_on"].iloc[-1]
    recorded["news_via"] = (
        "silence" if ending["kind"].iloc[-1] == "ghosted" else (ending["via"].iloc[-1] or "email")
    )

prefix = f"reflection_{reflection_id}" if reflection else f"rejection_new_{app_id}"
draft_key = f"reflection:{reflection_id}" if reflection else f"rejection:{app_id}"
draft = conflicts.load_draft(engine, draft_key, prefix)
opened = conflicts.opened_version(f"{prefix}__row", reflection["version"]) if reflection else None
if draft:
    seed_values = draft["payload"].get("answers") or {}
elif reflection:
    seed_values = {
        **recorded,
        **qn.from_stored(BANK, reflection["answers"]),
        "pause_until": reflection["pause_until"],
    }
else:
    seed_values = {
        "rejected_on": dt.date.today(),
        "pause_until": dt.date.today() + dt.timedelta(days=1),
        **recorded,
    }
questionnaire.seed(prefix, BANK, seed_values)
if already_recorded:  # shown locked: what the stage history says wins over a draft
    for field, value in recorded.items():
        st.session_state[questionnaire.key(prefix, field)] = questionnaire.widget_value(
            BANK.by_id[field], value
        )


def _save_draft() -> None:
    payload = {"answers": questionnaire.json_safe(questionnaire.collect(prefix, BANK))}
    conflicts.save_draft(state.engine(), draft_key, prefix, payload)


def _discard_draft() -> None:
    store.delete_draft(state.engine(), draft_key)
    questionnaire.forget(prefix)
    forms.clear_errors(prefix)


def _save(version: int | None = None) -> None:
    clean, errors = questionnaire.validate_bank(BANK, prefix, earliest=app["applied_on"])
    if not errors:
        pause_until = dt.datetime.combine(clean["pause_until"], PAUSE_ENDS_AT)
        answers = qn.to_stored(BANK, clean)
        try:
            if reflection:
                store.update_reflection(
                    state.engine(), reflection_id, answers, pause_until, draft_key, version or opened
                )
            else:
                store.record_rejection(
                    state.engine(),
                    RejectionIn(
                        application_id=app_id,
                        stage_reached=clean["stage_reached"],
                        occurred_on=clean["rejected_on"],
                        via=clean["news_via"],
                        mood=clean["mood"],
                        mood_words=clean["mood_words"],
                        pause_until=pause_until,
                        bank_version=BANK.version,
                        answers=answers,
                    ),
                    draft_key=draft_key,
                    record_event=not already_recorded,
                )
        except Conflict as exc:
            conflicts.remember(f"{prefix}__row", exc, answers, exc.saved.get("answers") or {})
            st.rerun()
        except (ValidationError, StoreError, DatabaseBusy) as exc:
            errors = forms.errors_from(exc)
    if errors:
        forms.set_errors(prefix, errors)
        st.rerun()
    forms.clear_errors(prefix)
    questionnaire.forget(prefix)
    forms.flash(
        "Reflection saved."
        if reflection
        else "Recorded, with your reflection. Be kind to yourself until the pause ends."
    )
    st.switch_page("pages/application.py", query_params={"id": str(app_id)})


save_label = "Save changes" if reflection else "Save the rejection and my reflection"
if reflection:
    st.caption(f"Editing your reflection of {reflection['created_at']:%d %b %Y}.")
top = st.columns([3, 2], vertical_alignment="center")
with top[0]:
    questionnaire.draft_notice(draft, saved_before=reflection is not None)
if top[1].button(save_label, type="primary", icon=":material/save:", key="save_rejection_top"):
    _save()
if draft:
    with st.popover("Discard the draft", icon=":material/delete_sweep:"):
        st.write("Throw away what was typed since the last save?")
        st.button("Discard", key="discard_rejection_draft", type="primary", on_click=_discard_draft)
forms.form_error(prefix)
conflicts.choose_draft(engine, draft_key, prefix, conflicts.labels_for(BANK), questionnaire.forget)
if choice := conflicts.choose(f"{prefix}__row", conflicts.labels_for(BANK)):
    if choice == "mine":
        _save(conflicts.pending(f"{prefix}__row")["version"])
    store.delete_draft(engine, draft_key)
    questionnaire.forget(prefix)
    st.rerun()

st.markdown("#### What happened")
st.caption("Already in the stage history." if already_recorded else dict(BANK.sections)["What happened"])
locked = RECORD_FIELDS if already_recorded else ()
stage_col, date_col = st.columns([3, 1])
with stage_col:
    questionnaire.question(
        BANK.by_id["stage_reached"], prefix, prefix, _save_draft, disabled="stage_reached" in locked
    )
with date_col:
    questionnaire.question(
        BANK.by_id["rejected_on"], prefix, prefix, _save_draft, disabled="rejected_on" in locked
    )
questionnaire.question(BANK.by_id["news_via"], prefix, prefix, _save_draft, disabled="news_via" in locked)

with st.container(border=True):
    questionnaire.section(BANK, "Pause first", prefix, prefix, _save_draft)

known_tags = reflections.skill_tags()
for name in ("Kind first", "Be accountable", "Was it for me?", "What I want from my reply", "Looking back"):
    questionnaire.section(BANK, name, prefix, prefix, _save_draft, known_tags=known_tags)

if st.button(save_label, type="primary", icon=":material/save:", key="save_rejection"):
    _save()
