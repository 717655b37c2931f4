"""Draw a question bank (lib/questionnaires.py) generically, with its draft kept in the database.

Widgets live outside st.form so each change can call the page's draft saver (on_change): what is
typed survives navigating away and reloading the browser. Values go through session state: `seed`
fills a widget's state from the draft (or the saved answers) only when the widget has none, so a
page opened again, or a new browser session, picks up where the person left off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
import streamlit as st

from lib.core import vocab
from lib.reflect import questionnaires as qn
from lib.reflect.questionnaires import NOTE_SUFFIX, SCALE, Bank, Question, validate
from ui import forms
from ui.reflect import typing_keeper


def key(prefix: str, field: str) -> str:
    return f"{prefix}__{field}"


def widget_value(q: Question, value: Any) -> Any:
    """A stored or drafted answer as the widget for its kind holds it (bad values become empty)."""
    kind = q.kind
    if kind in ("short", "long"):
        return "" if value is None else str(value)
    if kind == "scale":
        return value if value in SCALE and not isinstance(value, bool) else None
    if kind == "yesno":
        return value if isinstance(value, bool) else None
    if kind == "single":
        return value if value in q.options else None
    if kind == "multi":
        return [v for v in value if v in q.options] if isinstance(value, list) else []
    if kind == "tags":
        return [str(v) for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if kind == "date":
        if value is pd.NaT:  # a day not known (a datetime to isinstance, and no day to compare)
            return None
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return min(max(value, forms.EARLIEST_DAY), forms.LATEST_DAY)  # the box's own range
        return None
    return value


def seed(prefix: str, bank: Bank, values: dict[str, Any]) -> None:
    """Give every widget of the bank its starting value, unless it already has one this session."""
    for q in bank.questions:
        if key(prefix, q.id) not in st.session_state:
            st.session_state[key(prefix, q.id)] = widget_value(q, values.get(q.id))
        note = q.id + NOTE_SUFFIX
        if q.with_note and key(prefix, note) not in st.session_state:
            st.session_state[key(prefix, note)] = "" if values.get(note) is None else str(values[note])


def collect(prefix: str, bank: Bank) -> dict[str, Any]:
    """The current widget values of the bank, by question id."""
    values = {}
    for field in bank.field_ids():
        values[field] = st.session_state.get(key(prefix, field))
    return values


def validate_bank(bank: Bank, prefix: str, **kwargs: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate the bank's current widget values (see lib.questionnaires.validate)."""
    return validate(bank, collect(prefix, bank), **kwargs)


def forget(prefix: str) -> None:
    """Drop every widget value of this questionnaire from the session (after saving)."""
    for name in [k for k in st.session_state if str(k).startswith(f"{prefix}__")]:
        del st.session_state[name]


def json_safe(values: dict[str, Any]) -> dict[str, Any]:
    """Widget values ready for a JSON draft (dates as ISO text)."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}


def shown_answer(q: Question, value: Any) -> str:
    """An answer as a sentence shows it (a locked answer is read, not greyed out in a widget)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    if isinstance(value, list):
        return ", ".join(_format(q)(v) for v in value)
    return _format(q)(value)


def _format(q: Question) -> Callable[[Any], str]:
    if q.kind == "yesno":
        return lambda v: "Yes" if v else "No"
    if set(q.options) <= set(vocab.STAGES):
        return vocab.stage_label
    return str


def _kept_chosen(k: str, on_change: Callable[[], None] | None) -> Callable[[], None]:
    """A required choice stays chosen: a press on the picked option (to confirm it) unpicked it, and
    the save then asked for an answer that had been there. Another option is still picked freely."""
    if st.session_state.get(k) is not None:
        st.session_state[f"{k}__kept"] = st.session_state[k]

    def keep() -> None:
        if st.session_state.get(k) is None and st.session_state.get(f"{k}__kept") is not None:
            st.session_state[k] = st.session_state[f"{k}__kept"]
        if on_change is not None:
            on_change()

    return keep


def _answer_ends_its_note(
    form: str, field: str, k: str, on_change: Callable[[], None] | None
) -> Callable[[], None]:
    """Once a question a refused save asked to answer is answered, its note goes, and the banner
    saying a field needs a look with it when none is left: they stayed red until the next save,
    over answers given."""

    def answered() -> None:
        errors = st.session_state.get(forms.errors_key(form)) or {}
        if errors.get(field) == "is required" and st.session_state.get(k) not in (None, "", []):
            errors.pop(field)
            if not errors:
                forms.clear_errors(form)
        if on_change is not None:
            on_change()

    return answered


def question(
    q: Question,
    prefix: str,
    form: str,
    on_change: Callable[[], None] | None = None,
    known_tags: Iterable[str] = (),
) -> None:
    """Draw one question's widget (and its note), then its error, if any, right under it."""
    k = key(prefix, q.id)
    label = q.prompt + (" *" if q.required else "")
    # in an st.form (no on_change) a widget may carry no callback: the save clears the notes there
    ends_note = _answer_ends_its_note(form, q.id, k, on_change) if on_change is not None else None
    common = dict(key=k, on_change=ends_note, help=q.help or None)
    if q.required and q.kind in ("scale", "yesno", "single"):
        common["on_change"] = _kept_chosen(k, common["on_change"])
    if q.kind == "scale":
        low, high = q.scale_words
        if q.with_note:
            rating_col, note_col = st.columns([1, 1], vertical_alignment="bottom")
        else:
            rating_col = note_col = st.container()
        with rating_col:
            st.segmented_control(f"{label} (1 {low} – 5 {high})", SCALE, **common)
        if q.with_note:
            with note_col:
                st.text_input(
                    f"Note on “{q.label}”",  # hidden, but a screen reader tells the six notes apart
                    key=key(prefix, q.id + NOTE_SUFFIX),
                    max_chars=qn.max_chars(q, note=True),
                    on_change=on_change,
                    placeholder="optional",
                    label_visibility="collapsed",
                )
            forms.field_error(form, q.id + NOTE_SUFFIX, f"The note on “{q.prompt}”")
    elif q.kind == "yesno":
        st.segmented_control(label, (True, False), format_func=_format(q), **common)
    elif q.kind == "single":
        st.pills(label, q.options, selection_mode="single", format_func=_format(q), **common)
    elif q.kind == "multi":
        st.pills(label, q.options, selection_mode="multi", **common)
    elif q.kind == "tags":
        current = st.session_state.get(k) or []
        options = list(dict.fromkeys([*current, *known_tags]))
        st.multiselect(
            label,
            options,
            accept_new_options=True,
            placeholder="Type and press Enter",
            select_all=False,  # an answer is chosen, not every tag ever typed at once
            **common,
        )
    elif q.kind == "short":
        st.text_input(label, max_chars=qn.max_chars(q), **common)
    elif q.kind == "long":
        st.text_area(label, height=100, **common)  # no max_chars: a longer paste would be dropped
    elif q.kind == "date":
        # seeded: its value comes from the session; "today" only keeps it from being clearable (the
        # clear button hid the year in a narrow column)
        forms.date_field(label, k, "today", on_change=on_change, help=q.help or None)
    else:  # a kind this renderer does not know must never break the page
        st.caption(f"{q.prompt} (this kind of question can't be shown yet)")
    # named as the person reads it: "Why not chosen is too long" named a label shown nowhere
    forms.field_error(form, q.id, f"“{q.prompt}”", unanswered=f"Please answer “{q.prompt}” to save this.")


def section(
    bank: Bank,
    name: str,
    prefix: str,
    form: str,
    on_change: Callable[[], None] | None = None,
    known_tags: Iterable[str] = (),
    skip: Iterable[str] = (),
    heading: bool = True,
    intro: bool = True,
) -> None:
    """A section of the bank: its heading, its line of introduction, its questions."""
    if heading:
        st.markdown(f"#### {name}")
    if intro and (line := dict(bank.sections).get(name, "")):
        st.caption(line)
    skip = set(skip)
    for q in bank.in_section(name):
        if q.id not in skip:
            question(q, prefix, form, on_change, known_tags)


def draft_notice(
    draft: dict[str, Any] | None,
    saved_before: bool = False,
    *,
    discard: Callable[[], None] | None = None,
    discard_key: str = "discard_draft",
) -> None:
    """Say clearly that what is on screen is a draft, and since when it is kept; with a draft,
    offer to throw it away (after asking).

    All of it sits in one container, so the page has as many elements below it with or without a
    draft: when the first draft is kept mid-sentence, the boxes below stay the same elements and
    the cursor stays where the person is typing (a box drawn anew would lose it)."""
    typing_keeper.keep_typing()  # the promise below holds while the cursor is still in a box
    with st.container():
        if not draft:
            st.caption(
                "Everything you type is kept as a draft as you go, even if you leave this page; "
                "it becomes part of your records when you press Save."
            )
            return
        st.warning(
            f"**Draft** — kept automatically (last change {draft['updated_at']:%d %b, %H:%M}). "
            + (
                "Your saved answers don't change until you press Save."
                if saved_before
                else "It isn't part of your records until you press Save."
            ),
            icon=":material/edit_note:",
        )
        if discard is not None:
            with st.popover("Discard the draft", icon=":material/delete_sweep:"):
                st.write("Throw away what was typed since the last save?")
                st.button("Discard", key=discard_key, type="primary", on_click=discard)
