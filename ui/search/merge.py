"""Merge two companies, or two people, into one: pick, see what moves, confirm (lib.store.merge)."""

from __future__ import annotations

import streamlit as st

from lib.core.db import DatabaseBusy, Engine
from lib.search.companies import written_twice
from lib.store import applications as app_store
from lib.store import merge
from lib.store.base import StoreError
from ui import forms, state
from ui.text import md

PRIORITY = {1: "high", 2: "medium", 3: "low"}


@state.cached()
def _companies(engine: Engine) -> dict[int, str]:
    frame = app_store.load_companies(engine)
    return dict(zip(frame["id"].astype(int), frame["name"]))


@state.cached()
def _written_twice(engine: Engine) -> list[tuple[int, int]]:
    """The pairs to offer: not those the person said are two companies."""
    names, apart = _companies(), merge.kept_apart(engine)
    return [pair for pair in written_twice(names) if frozenset(names[i] for i in pair) not in apart]


def offer_written_twice() -> None:
    """Companies kept apart though their names are one company ("Amazon.com Inc." and "Amazon"):
    said above the merge drawer, with a button that opens it with the two picked."""
    pairs = _written_twice()
    if not pairs:
        return
    names = _companies()
    source, target = pairs[0]
    more = f" (and {len(pairs) - 1} more such pair{'s' if len(pairs) > 2 else ''})" if len(pairs) > 1 else ""
    text, look, other = st.columns([5, 2, 2], vertical_alignment="center")
    text.info(
        f"{md(names[source])} and {md(names[target])} look like one company written two ways{more}.",
        icon=":material/merge:",
    )

    def pick() -> None:
        st.session_state.update(merge_open=True, merge_company_from=source, merge_company_into=target)

    def not_same() -> None:  # kept: the names will go on saying they are one
        try:
            merge.keep_apart(state.engine(), names[source], names[target])
        except DatabaseBusy as exc:
            st.toast(str(exc), icon=":material/hourglass_top:")

    look.button("Look at merging them", key="merge_offer", on_click=pick, width="stretch")
    other.button("They're two companies", key="merge_offer_no", on_click=not_same, width="stretch")


SINGULAR = {"applications": "application", "contacts": "contact", "notes": "note", "debriefs": "debrief"}
SINGULAR |= {"interviews": "interview", "feedback": "feedback"}


def _moves(preview: dict, kinds: tuple[str, ...]) -> str:
    parts = [f"{preview[k]} {k if preview[k] != 1 else SINGULAR[k]}" for k in kinds if preview.get(k)]
    return ", ".join(parts) or "nothing but the name"


MERGED = "merge_company_done"


def companies() -> None:
    """Two names for one company ("northwind" beside "Northwind Analytics"): make them one."""
    if forms.take(MERGED):  # set, not popped: popped, the browser kept showing the merged name
        st.session_state.update(merge_company_from=None, merge_company_into=None)
    names = _companies()
    if len(names) < 2:
        st.caption("Nothing to merge: fewer than two companies in your log.")
        return
    st.caption(
        "Logged one company under two names? Merge them: everything moves to the name you keep, "
        "and the charts, pickers and next actions count it once."
    )
    ids = sorted(names, key=lambda i: names[i].casefold())
    left, right = st.columns(2)
    source = left.selectbox(
        "Merge this company", ids, index=None, format_func=names.get, key="merge_company_from"
    )
    into = [i for i in ids if i != source]  # a company can't be merged into itself: not offered
    if st.session_state.get("merge_company_into") not in (None, *into):
        st.session_state["merge_company_into"] = None
    target = right.selectbox("into", into, index=None, format_func=names.get, key="merge_company_into")
    if source is None or target is None:
        return
    try:
        preview = merge.company_merge_preview(state.engine(), source, target)
    except StoreError as exc:
        st.error(exc.message, icon=":material/error:")
        return
    priority, now = PRIORITY.get(preview["target_priority"]), PRIORITY.get(preview["target_priority_now"])
    if priority and priority != now:  # "keeps the target priority (high)" of a Medium one read as no change
        ranked = f" As a target it takes the higher priority of the two: {priority}{f', not {now}' if now else ''}."
    elif priority:
        ranked = f" As a target it keeps its priority ({priority})."
    else:
        ranked = ""
    st.info(
        f"Moves {_moves(preview, ('applications', 'contacts', 'notes', 'feedback', 'debriefs'))} "
        f"from {md(preview['source'])} to {md(preview['target'])}.{ranked} Then {md(preview['source'])} "
        "is gone from your log: a merge can't be undone.",
        icon=":material/merge:",
    )
    if st.button(f"Merge into {preview['target']}", type="primary", key="merge_company_go"):
        try:
            merge.merge_companies(state.engine(), source, target)
        except (StoreError, DatabaseBusy) as exc:
            st.error(forms.errors_from(exc).popitem()[1], icon=":material/error:")
            return
        forms.leave(MERGED, True)  # both pickers emptied on the next run, before they are drawn
        forms.flash(f"Merged {preview['source']} into {preview['target']}.")
        st.rerun()


def people(person_id: int, name: str, labels: dict[int, str]) -> None:
    """Merge another entry of the same person into this one."""
    others = [i for i in labels if i != person_id]
    if not others:
        st.caption("Nobody else to merge with.")
        return
    st.caption(f"The same person entered twice? Their notes, feedback and interviews move to {md(name)}.")
    other = st.selectbox(
        "Their other entry (merged into this one)",
        others,
        index=None,
        format_func=labels.get,
        key=f"merge_person_{person_id}",
    )
    if other is None:
        return
    try:
        preview = merge.person_merge_preview(state.engine(), other, person_id)
    except StoreError as exc:
        st.error(exc.message, icon=":material/error:")
        return
    st.info(
        f"Moves {_moves(preview, ('notes', 'feedback', 'interviews'))} from {md(preview['source'])} to "
        f"{md(preview['target'])}; details {md(name)} lacks are filled in. Then the other entry is gone.",
        icon=":material/merge:",
    )
    if st.button("Merge", type="primary", key=f"merge_person_go_{person_id}"):
        try:
            merge.merge_people(state.engine(), other, person_id)
        except (StoreError, DatabaseBusy) as exc:
            st.error(forms.errors_from(exc).popitem()[1], icon=":material/error:")
            return
        st.session_state.pop(f"merge_person_{person_id}", None)
        forms.flash(f"Merged {preview['source']} into {preview['target']}.")
        st.rerun()
