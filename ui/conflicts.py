"""Two tabs, one truth: a save names the version its form was opened on, and when another tab saved
in between, both versions are shown and the person chooses which to keep.

For rows (an application, a reflection): `opened_version` / `saved` / `remember` / `choose`.
For drafts (written on every change of a questionnaire): `load_draft` / `save_draft` /
`choose_draft`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from lib.core.db import BUSY_MESSAGE, DatabaseBusy, Engine
from lib.store import reflections as drafts_store
from lib.store.base import Conflict


def _version_key(form: str) -> str:
    return f"{form}__version"


def _conflict_key(form: str) -> str:
    return f"{form}__conflict"


# --- rows --------------------------------------------------------------------------------------


def opened_version(form: str, current: int) -> int:
    """The version of the row when this form was first shown in this tab."""
    return st.session_state.setdefault(_version_key(form), current)


def saved(form: str, version: int) -> None:
    """After a save (or after choosing the other tab's version): the form now stands on `version`."""
    st.session_state[_version_key(form)] = version
    st.session_state.pop(_conflict_key(form), None)


def remember(form: str, exc: Conflict, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
    """Keep both versions (this tab's unsaved values, the other tab's saved ones) for `choose`."""
    st.session_state[_conflict_key(form)] = {
        "version": exc.saved.get("version", 0),
        "mine": dict(mine),
        "theirs": dict(theirs),
    }


def pending(form: str) -> dict[str, Any] | None:
    return st.session_state.get(_conflict_key(form))


def settled(form: str) -> None:
    """The person chose: the question goes."""
    st.session_state.pop(_conflict_key(form), None)


def _text(value: Any) -> str:
    """A stored value as a person reads it: a day as "05 Dec 2026", a choice as yes or no, a list
    as its items (not `True`, `2026-12-05` or `["feedback", "another role"]`)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:  # shaped like a day, not one ("2026-02-30"): as typed
            return value
    if isinstance(value, dt.datetime):
        return f"{value:%d %b %Y, %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(map(str, value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, indent=1, default=str)
    return str(value)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(T00:00:00)?")


def _both(mine: Mapping[str, Any], theirs: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    differing = [f for f in labels if _text(mine.get(f)) != _text(theirs.get(f))]
    left, right = st.columns(2)
    left.markdown("**This tab (not saved)**")
    right.markdown("**Saved from the other tab**")
    for field in differing or list(labels)[:1]:
        left.text(f"{labels[field]}:\n{_text(mine.get(field))}")
        right.text(f"{labels[field]}:\n{_text(theirs.get(field))}")


def choose(form: str, labels: Mapping[str, str]) -> str | None:
    """Draw a pending conflict: both versions of the fields that differ, and two buttons.

    Returns "mine" or "theirs" when the person picked one (the caller saves or reloads), else None.
    """
    conflict = pending(form)
    if not conflict:
        return None
    return _choose(form, conflict["mine"], conflict["theirs"], labels)


def _choose(
    form: str, mine: Mapping[str, Any], theirs: Mapping[str, Any], labels: Mapping[str, str]
) -> str | None:
    with st.container(border=True):
        st.warning(
            "This was changed in another tab since you opened it, so nothing was saved yet. "
            "Here are both versions: choose the one to keep.",
            icon=":material/tab_duplicate:",
        )
        _both(mine, theirs, labels)
        with st.container(horizontal=True):  # each as wide as its label: in a card, half-width cut it
            if st.button("Keep this tab's version", key=f"{form}__keep_mine", type="primary"):
                return "mine"
            if st.button("Use the other tab's version", key=f"{form}__keep_theirs"):
                return "theirs"
    return None


# --- drafts ------------------------------------------------------------------------------------


def load_draft(engine: Engine, key: str, prefix: str) -> dict[str, Any] | None:
    """The stored draft (or None); remembers its version as the one this tab's edits start from."""
    draft = drafts_store.load_draft(engine, key)
    st.session_state.setdefault(f"{prefix}__draft_version", draft["version"] if draft else 0)
    return draft


WRITTEN_BY = "_tab"  # in a stored draft: which tab wrote it (`_this_tab`)


def _this_tab() -> str:
    """An id for this tab's session (AppTest gives every session the same `session_id`)."""
    return st.session_state.setdefault("tab_id", uuid.uuid4().hex)


def save_draft(engine: Engine, key: str, prefix: str, payload: dict[str, Any]) -> None:
    """Write this tab's draft unless another tab wrote it meanwhile (then keep both for a choice).
    A busy database leaves the draft for the next change: the typed values stay on screen."""
    if pending(prefix + "__draft"):
        return  # wait for the person's choice
    payload = {k: v for k, v in payload.items() if k != WRITTEN_BY}
    try:
        version = drafts_store.save_draft(
            engine,
            key,
            payload | {WRITTEN_BY: _this_tab()},
            expected_version=st.session_state.get(f"{prefix}__draft_version"),
        )
    except Conflict as exc:
        if not exc.saved:  # no draft stored now: the other tab saved (or discarded) it, nothing to choose
            st.session_state[f"{prefix}__draft_version"] = 0
            save_draft(engine, key, prefix, payload)
            return
        if (exc.saved.get("payload") or {}).get(WRITTEN_BY) == _this_tab():
            # this tab's own last write: a quick run after it (a key held down) cut off keeping its
            # version, and a box saying "changed in another tab" showed the same text twice
            st.session_state[f"{prefix}__draft_version"] = exc.saved.get("version", 0)
            save_draft(engine, key, prefix, payload)
            return
        st.session_state[_conflict_key(prefix + "__draft")] = {
            "version": exc.saved.get("version", 0),
            "mine": payload,
            "theirs": {k: v for k, v in (exc.saved.get("payload") or {}).items() if k != WRITTEN_BY},
        }
    except DatabaseBusy:
        st.toast(BUSY_MESSAGE, icon=":material/hourglass_top:")
    else:
        st.session_state[f"{prefix}__draft_version"] = version


def _flat(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A draft payload as one level: its answers by question id, then its other parts."""
    return {**(payload.get("answers") or {}), **{k: v for k, v in payload.items() if k != "answers"}}


def choose_draft(engine: Engine, key: str, prefix: str, labels: Mapping[str, str], forget: Callable) -> None:
    """When another tab changed the same draft: show both, keep the one the person picks."""
    form = prefix + "__draft"
    conflict = pending(form)
    if not conflict:
        return
    if pending(prefix + "__row"):  # the saved row's question covers it: one box, not two
        settled(form)
        return
    choice = _choose(form, _flat(conflict["mine"]), _flat(conflict["theirs"]), labels)
    if choice == "mine":
        st.session_state.pop(_conflict_key(form), None)
        st.session_state[f"{prefix}__draft_version"] = conflict["version"]
        save_draft(engine, key, prefix, conflict["mine"])
        st.rerun()
    elif choice == "theirs":
        forget(prefix)  # drops this tab's values (and its draft version): reseeded from the stored draft
        st.session_state.pop(_conflict_key(form), None)
        st.rerun()


def labels_for(bank: Any, **extra: str) -> dict[str, str]:
    """Readable names for a questionnaire's answers (by question id), plus `extra` parts."""
    return {q.id: q.label for q in bank.questions} | extra
