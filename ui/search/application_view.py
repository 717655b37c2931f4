"""The parts of one application's page: record the next event, the timeline, edit, re-application
link, delete. Rules come from lib.search.history; writes from lib.store.applications."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.db import DatabaseBusy
from lib.core.models import ApplicationIn, StageEventIn, max_chars
from lib.search import history
from lib.store import applications as app_store
from lib.store.base import Conflict, StoreError
from ui import accessible_names, conflicts, focus, forms, layout, state
from ui.search import application_form, event_date
from ui.text import clipped, md

EVENT_FORM = "record_event"
UPCOMING_KINDS = ("screen", "interview", "final")  # a step someone is invited to, days ahead
REAPPLY_FORM = "reapply_form"


@state.cached()  # once per data revision: a rerun reads no row of it again
def application(engine, app_id: int) -> dict[str, Any] | None:
    return app_store.get_application(engine, app_id)


@state.cached()
def events(engine, app_id: int) -> pd.DataFrame:
    """The application's events in order (`occurred_on` is NaT where the date is unknown)."""
    return app_store.events_for(engine, app_id)


def event_form(app_id: int, events: pd.DataFrame, standing: history.Standing) -> None:
    """Record what happened next. It offers the next rung of the ladder and today; after a save it
    starts fresh (nothing of the last entry is kept), and the same entry submitted twice saves once."""
    st.markdown("#### Record what happened next")
    if standing.outcome == "ghosted":  # silence can still break: the way back is the same
        st.info(
            "You marked this one ghosted. If they answer after all, delete the ghosted mark in the "
            "timeline (the menu beside it): this form comes back to record what they said, and it counts as open again."
        )
        return
    if standing.ended:
        st.info(
            f"This application ended ({vocab.stage_label(standing.outcome).lower()}), so there are no "
            "more stages to add. If that isn't right, delete the ending in the timeline (the menu "
            "beside it) and you can record what happened next. A wrong day is changed there too."
        )
        return  # no greyed-out form: its faded labels can't be read (contrast) and can't be used
    forms.form_error(EVENT_FORM)
    focus.show(EVENT_FORM)
    ended, next_kind = standing.ended, history.next_stage(events)
    with st.form(forms.form_key(EVENT_FORM)):
        what_col, when_col = st.columns(2)
        kind = what_col.selectbox(
            "What happened",
            vocab.EVENT_KINDS,
            index=vocab.EVENT_KINDS.index(next_kind) if next_kind in vocab.EVENT_KINDS else 0,
            format_func=vocab.stage_label,
            key=forms.key(EVENT_FORM, "kind"),
            disabled=ended,
        )
        today = dt.date.today()
        occurred_on = forms.date_field(
            "When", forms.key(EVENT_FORM, "date"), today, where=when_col, disabled=ended
        )
        forms.field_error(EVENT_FORM, "kind", "What happened")
        forms.field_error(EVENT_FORM, "occurred_on", "The date")
        round_col, via_col = st.columns(2)
        round_label = round_col.text_input(
            "Round (for interviews)",
            key=forms.key(EVENT_FORM, "round"),
            placeholder="e.g. Technical",
            max_chars=max_chars(StageEventIn, "round_label"),
            disabled=ended,
        )
        via = via_col.selectbox(
            "How the news came",
            ("",) + vocab.NEWS_CHANNELS,
            format_func=lambda v: v or "—",
            key=forms.key(EVENT_FORM, "via"),
            disabled=ended,
            help="For endings: email, phone, portal, …",
        )
        note = st.text_input(
            "Note",
            key=forms.key(EVENT_FORM, "note"),
            disabled=ended,
            max_chars=max_chars(StageEventIn, "note"),
        )
        forms.field_error(EVENT_FORM, "note")
        record = st.form_submit_button("Record", type="primary", icon=":material/add:", disabled=ended)
    if not record:
        return
    try:
        event = StageEventIn(
            application_id=app_id,
            kind=kind,
            occurred_on=occurred_on,
            round_label=round_label,
            via=via or None,
            note=note,
        )
        if forms.already_saved(EVENT_FORM, event):  # Enter then a click: saved once already
            forms.renew(EVENT_FORM)
            st.rerun()
        app_store.add_stage_event(state.engine(), event)
    except (ValidationError, StoreError, DatabaseBusy) as exc:
        errors = forms.errors_from(exc)
        if "future" in errors.get("occurred_on", "") and kind in UPCOMING_KINDS:  # invited, not yet met
            errors["occurred_on"] = (
                "The date can't be in the future: an interview still to come is recorded on its day. "
                "Until then, a note on Edit details can say when it is."
            )
        if errors.get("occurred_on", "").startswith("This is before the application date"):
            # the day applied defaults to the day it was added: the way to mend it, said
            errors["occurred_on"] += " If you applied earlier, change its date under Edit details first."
        forms.set_errors(EVENT_FORM, errors)
    else:
        forms.mark_saved(EVENT_FORM, event)
        forms.renew(EVENT_FORM)
        # the keyboard stays in the form for the next step (it fell to the page's body)
        focus.after_save(EVENT_FORM, forms.key(EVENT_FORM, "kind"))
        forms.flash(f"Recorded: {vocab.stage_label(kind)} on {occurred_on:%d %b %Y}.")
    st.rerun()


def timeline(app: dict[str, Any], events: pd.DataFrame) -> None:
    st.markdown("#### Timeline")
    if app.get("applied_known", True):
        st.markdown(f"**{app['applied_on']:%d %b %Y}** — Applied")
    else:
        st.markdown(f"**By {app['applied_on']:%d %b %Y}** — Applied")
        st.caption(
            "No date applied came with it (from an import or an email): a later day stands in, and no "
            "response time is counted from it. Edit the application to type the day you applied."
        )
    names = {}
    for event in events.itertuples():
        row = st.columns([6, 1])
        detail = " · ".join(str(x) for x in (event.round_label, event.via) if x)
        # an invitation email's day is when the invitation came, not when the round takes place
        what = vocab.stage_label(event.kind)
        what = (
            f"Invited to: {what.lower()} (the day the email came)"
            if getattr(event, "invitation", False)
            else what
        )
        row[0].markdown(f"**{event_date.label(event)}** — {what}" + (f" ({md(detail)})" if detail else ""))
        if event.note:
            with row[0]:
                layout.long_text(event.note, caption=True)
        with row[0]:
            event_date.fix(event)
        with row[1]:
            _event_actions(event, what)
        names[f"event_actions_{event.id}"] = f"Change or delete {event_date.label(event)} — {what}"
    accessible_names.name_controls(names)  # heard, each bare icon said which step it acts on
    if events.empty:
        st.caption("No news yet. When they answer, record it on the right.")
    if app["notes"]:
        st.markdown("**Notes**")
        layout.long_text(app["notes"])
    if app["job_url"]:
        st.link_button("Open the job posting", app["job_url"], icon=":material/open_in_new:")


def _event_actions(event, what: str) -> None:
    """One small menu per step: correct its day, or delete it (after a question: the step and its
    note go at once, with no way back). Its inside is drawn only when opened."""
    if st.session_state.pop(event_date.closing_key(event), False):  # its day just saved: closed again
        st.session_state[f"ask_event_{event.id}"] = False
    with st.container(key=f"event_actions_{event.id}"):
        asking = st.popover(
            "",
            icon=":material/more_vert:",
            help="Change the date or delete this step",
            key=f"ask_event_{event.id}",
            on_change="rerun",
        )
    was_open = f"ask_event_{event.id}__was_open"
    just_opened, st.session_state[was_open] = asking.open and not st.session_state.get(was_open), asking.open
    if not asking.open:
        st.session_state.pop(f"confirm_delete_event_{event.id}", None)  # closed: the question goes too
        return
    with asking:
        event_date.change(event, what)
        if just_opened:  # the keyboard into the menu (it stayed on the ⋮ behind it); on the button,
            # as the date box opens its calendar when focused, over the rest of the menu
            focus.now(
                event_date.save_key(event) if event_date.can_change(event) else f"delete_event_{event.id}"
            )
        _delete_step(event, what)


def _ask(key: str) -> None:
    st.session_state[key] = True


def _delete_step(event, what: str) -> None:
    asked = f"confirm_delete_event_{event.id}"
    if not st.session_state.get(asked):
        st.button(
            "Delete this step…",
            key=f"delete_event_{event.id}",
            icon=":material/delete:",
            on_click=_ask,
            args=(asked,),
        )
        return
    with_note = " with its note" if event.note else ""
    # a "no" deleted ends the pause after it; what was written after it is the person's: it stays
    after_no = (
        " Anything you wrote after this no stays; a pause after it ends." if event.kind == "rejected" else ""
    )
    st.warning(f"Delete “{what}” of {event_date.label(event)}{with_note}? This can't be undone.{after_no}")
    with st.container(horizontal=True):
        yes = st.button(
            "Delete", key=f"delete_event_yes_{event.id}", type="primary", icon=":material/delete:"
        )
        no = st.button("Keep it", key=f"delete_event_no_{event.id}")
    if yes:
        app_store.delete_stage_event(state.engine(), event.id)
        st.session_state.pop(asked, None)
        forms.flash(f"Deleted: {event_date.label(event)} — {what}.", in_view=True)  # it went unsaid
        st.rerun()
    if no:
        st.session_state.pop(asked, None)
        st.rerun()


def edit(app: dict[str, Any]) -> None:
    edit_form = f"edit_application_{app['id']}"
    opened = conflicts.opened_version(edit_form, app["version"])  # two tabs: a save names its version
    edited = application_form.render(edit_form, app, submit_label="Save changes")
    if choice := conflicts.choose(edit_form, application_form.LABELS):
        if choice == "theirs":
            application_form.forget(edit_form)
            conflicts.saved(edit_form, app["version"])
            st.rerun()
        pending = conflicts.pending(edit_form)
        edited, opened = ApplicationIn(**pending["mine"]), pending["version"]
    if edited is not None:
        try:
            confirmed = bool(st.session_state.get(application_form.confirmed_key(edit_form)))
            conflicts.saved(
                edit_form,
                app_store.update_application(
                    state.engine(), app["id"], edited, opened, applied_known=confirmed
                ),
            )
        except Conflict as exc:
            conflicts.remember(edit_form, exc, edited.model_dump(), app)
        except (StoreError, DatabaseBusy) as exc:
            forms.set_errors(edit_form, forms.errors_from(exc))
        else:
            forms.clear_errors(edit_form)
            forms.flash("Saved.", in_view=True)  # the page's top is out of view from the button
        st.rerun()


def reapply(app: dict[str, Any]) -> None:
    for later in app_store.later_tries(state.engine(), app["id"]):  # the link, seen from this side too
        st.page_link(
            "pages/application.py",
            label=f"Tried again later: {md(clipped(later['role']))}, applied {later['applied_on']:%d %b %Y}",
            icon=":material/replay:",
            query_params={"id": str(later["id"])},
        )
    earlier = history.linkable_earlier(app, app_store.earlier_applications_at(state.engine(), app["company"]))
    if not earlier:
        st.info(f"No earlier application at {md(app['company'])} to link to.")
    else:
        st.write(
            f"Is this a new try at {md(app['company'])}? Link the earlier application and say why "
            "this role fits better — you will want that sentence in your cover note."
        )
        options = [None] + [a["id"] for a in earlier]
        labels = {a["id"]: f"{a['role']} (applied {a['applied_on']:%d %b %Y})" for a in earlier}
        with st.form(REAPPLY_FORM):
            link = st.selectbox(
                "Earlier application",
                options,
                index=options.index(app["reapplication_of"]) if app["reapplication_of"] in options else 0,
                format_func=lambda i: "— not a re-application —" if i is None else labels[i],
            )
            reason = st.text_area(
                "Why this role fits better than the last",
                value=app["reapply_reason"] or "",
            )
            forms.field_error(REAPPLY_FORM, "reapply_reason", "The reason")
            if st.form_submit_button("Save link", type="primary"):
                try:
                    app_store.update_application(
                        state.engine(), app["id"], history.relinked(app, link, reason)
                    )
                except (ValidationError, StoreError, DatabaseBusy) as exc:
                    forms.set_errors(REAPPLY_FORM, forms.errors_from(exc))
                else:
                    forms.clear_errors(REAPPLY_FORM)
                    forms.flash("Linked." if link else "Saved.", in_view=True)
                st.rerun()
    if app["reapplication_of"]:
        st.page_link(
            "pages/application.py",
            label="Open the earlier application",
            icon=":material/history:",
            query_params={"id": str(app["reapplication_of"])},
        )


def delete(app: dict[str, Any]) -> None:
    later = app_store.later_tries(state.engine(), app["id"])
    kept = (  # the link went without a word, its reason left behind on the later try
        f" The later {'try' if len(later) == 1 else 'tries'} linked to it ("
        + "; ".join(f"{md(t['role'])}, applied {t['applied_on']:%d %b %Y}" for t in later)
        + f") {'stays' if len(later) == 1 else 'stay'}, no longer linked."
        if later
        else ""
    )
    st.warning(
        "Deleting removes this application with its stage history, debriefs, reflections, notes, the "
        "feedback it brought and the emails kept with it. "
        "This can't be undone. How you felt along the way stays in your mood history, no longer "
        f"tied to it.{kept}",
        icon=":material/warning:",
    )
    confirm = st.checkbox(f"Yes, delete “{md(app['role'])}” at {md(app['company'])}", key="confirm_delete")
    st.button(
        "Delete application",
        type="primary",
        disabled=not confirm,
        icon=":material/delete:",
        on_click=_delete,
        args=(app,),
    )


DELETED = "application_deleted"


def _delete(app: dict[str, Any]) -> None:
    """Delete, then leave for the log on the next run (see `leave_if_deleted`)."""
    app_store.delete_application(state.engine(), app["id"])
    st.session_state.pop("open_application", None)
    st.session_state[DELETED] = True
    forms.flash(f"Deleted “{app['role']}” at {app['company']}, with its history.")


def leave_if_deleted() -> None:
    """To the log once deleted. The open tab is bound to the address (`?application_tab=Delete`):
    a plain switch_page clears the address and refuses to touch a bound value, which stopped the page
    with an error; an empty address given outright is set without that check."""
    if st.session_state.pop(DELETED, False):
        st.switch_page("pages/applications.py", query_params={})
