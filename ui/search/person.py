"""One person on the Network page: details, the interviews they were in, notes sent to them, edit,
merge, delete."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from lib.core.db import DatabaseBusy
from lib.store import contacts as store
from lib.store.base import StoreError
from ui import focus, forms, layout, state
from ui.params import int_param
from ui.search import merge, network
from ui.text import md

RENAMED = "network_person_saved"  # the person just edited: picked again, under their new name
PICKED = "network_person"  # the picked person's id (a link, an add and a rename set it too)
_PICKER_ROUND = "network_person_round"  # a new picker after a delete (see _delete)
DELETED = "network_person_deleted"  # the focus after a delete


def _picker_key() -> str:
    return f"network_person_picker_{st.session_state.get(_PICKER_ROUND, 0)}"


def _chosen(labels: dict[int, str]) -> int | None:
    linked = int_param("contact")  # a link from a next action opens that person, once
    if linked is not None and st.session_state.get(network.LINK_SEEN) != linked:
        st.session_state[network.LINK_SEEN] = linked
        st.session_state[PICKED] = linked
    renamed = forms.take(RENAMED)
    if renamed is not None:
        st.session_state[PICKED] = renamed
    wanted = st.session_state.get(PICKED)
    if wanted is not None and wanted not in labels:
        extra = store.get_contact(state.engine(), wanted)
        if extra:
            labels = {wanted: f"{extra['name']} ({extra['role']})"} | labels
    if wanted not in labels:
        wanted = None
    # The picker's own value follows PICKED (set by a link, an add, a rename): one key for both
    # made a pick set in code fight the one the person made.
    picker = _picker_key()
    if renamed is not None or st.session_state.get(picker) != wanted:  # set again after a rename:
        st.session_state[picker] = wanted  # else the picker showed the old name
    chosen = st.selectbox(
        "Open a person",
        list(labels),
        index=None,
        format_func=lambda i: labels[i],
        key=picker,
        placeholder="Pick someone",
        on_change=lambda: st.session_state.update({PICKED: st.session_state.get(picker)}),
    )
    focus.show(DELETED)
    return chosen


def _interviews(chosen: int, person: dict) -> None:
    engine = state.engine()
    st.markdown("**Interviews they were in**")
    met_in = store.contact_interviews(engine, chosen)
    for interview in met_in.itertuples():
        st.markdown(
            f"- {interview.occurred_on:%d %b %Y} · {md(interview.round_type or 'interview')} · {md(interview.role)}"
        )
    if met_in.empty:  # a round only in the stage history has no debrief to link: said, not hidden
        st.caption(
            "None linked yet. An interview can be linked once it is debriefed (its debrief also asks "
            "who you met)."
        )
    if not person["company_id"]:
        return
    candidates = store.interviews_at(engine, int(person["company_id"]))
    candidates = candidates[~candidates["id"].isin(met_in["id"])]
    if candidates.empty:
        return
    options = {
        int(r.id): f"{r.occurred_on:%d %b %Y} · {r.round_type or 'interview'} · {r.role}"
        for r in candidates.itertuples()
    }
    pick, add = st.columns([3, 1], vertical_alignment="bottom")
    which = pick.selectbox(
        "Was in the interview", list(options), format_func=options.get, key="person_interview"
    )
    if add.button("Link", key="person_link_interview"):
        store.link_interview(engine, chosen, which)
        st.rerun()


def _notes(chosen: int) -> None:
    st.markdown("**Notes to them**")  # drafts too: "sent to them" listed a draft as sent
    sent = store.notes_to(state.engine(), chosen)
    for note in sent.itertuples():
        status = f"sent {note.sent_on:%d %b %Y}" if note.sent_on else "draft, not sent yet"
        st.markdown(f"- {md(note.kind)} · {md(note.subject or '')} · {status}")
    if sent.empty:
        st.caption("No notes yet.")


def _edit(chosen: int, person: dict) -> None:
    form = f"contact_edit_{chosen}"
    edited = network.contact_form(form, person, submit="Save changes")
    forms.show_flash(place=form)  # said under the button pressed, not a page away
    focus.show(form)
    if edited is None:
        return
    try:
        store.update_contact(state.engine(), chosen, edited)
    except (StoreError, DatabaseBusy) as exc:
        forms.set_errors(form, forms.errors_from(exc))
    else:
        forms.renew(form)  # shows the saved person
        focus.after_save(form, forms.key(form, "name"))  # not the page's body: the form, drawn anew
        forms.leave(RENAMED, chosen)
        forms.flash("Saved.", place=form)
    st.rerun()


def section(people: pd.DataFrame) -> None:
    labels = network.person_labels(people)
    chosen = _chosen(labels)
    person = store.get_contact(state.engine(), chosen) if chosen is not None else None
    if not person:
        return
    info, linked = st.columns(2, gap="large")
    with info:
        network.facts(person)
        # One row that wraps: each button as wide as its label, so no label is ever cut.
        with st.container(horizontal=True, vertical_alignment="center"):
            if person["profile_url"]:
                st.link_button("Profile", person["profile_url"], icon=":material/open_in_new:")
            if not person["connected_on"] and st.button(
                "Connected today", key="person_connected", icon=":material/how_to_reg:"
            ):
                store.mark_connected(state.engine(), chosen, dt.date.today())
                st.rerun()
            st.page_link(
                "pages/compose.py",
                label="Write to them",
                icon=":material/edit_note:",
                query_params={"contact": str(chosen), "kind": "contact check-in"},
            )
    with linked:
        _interviews(chosen, person)
        _notes(chosen)
    # Drawn only when opened: each is a full form, and merging lists everyone.
    if edit := layout.lazy_expander("Edit", key="person_edit_open"):
        with edit:
            _edit(chosen, person)
    if merging := layout.lazy_expander("Merge a duplicate of this person", key="person_merge_open"):
        with merging:
            merge.people(chosen, person["name"], labels)
    with st.expander("Delete"):
        st.caption("Notes to them stay, with their name; feedback from them stays, without who gave it.")
        sure = st.checkbox(f"Yes, delete {md(person['name'])}", key="person_delete_sure")
        st.button(
            "Delete person",
            type="primary",
            disabled=not sure,
            icon=":material/delete:",
            key="person_delete",
            on_click=_delete,
            args=(chosen, person["name"]),
        )


def _delete(contact_id: int, name: str) -> None:
    """In a callback, before the page is drawn again: the picker then forgets them (popped after it
    was drawn, it kept showing "Eve Temp (other)" with nothing under it), and the page says so."""
    store.delete_contact(state.engine(), contact_id)
    # A new picker: the old one, emptied, still showed "Priya Nair (recruiter)" in its box.
    st.session_state.pop(_picker_key(), None)
    st.session_state[_PICKER_ROUND] = st.session_state.get(_PICKER_ROUND, 0) + 1
    focus.after_save(DELETED, _picker_key())  # the new picker: the next person is picked from there
    st.session_state[PICKED] = None
    st.session_state.pop("person_delete_sure", None)
    st.query_params.pop("contact", None)
    # in view too: the page's message is at its top, far above the Delete button
    forms.flash(
        f"Deleted {name}. Notes to them stay, with their name; feedback from them stays, without who gave it.",
        in_view=True,
    )
