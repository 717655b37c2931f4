"""The parts of the debrief that repeat: every question asked, and the people met.

Rows have stable ids in session state (so removing one never shifts another's text); their
values are seeded from the draft or the saved debrief like the bank's own widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import ContactIn, InterviewQuestionIn, field_errors
from lib.reflect.questionnaires import QUESTION_CATEGORIES, SCALE, is_blank
from ui import accessible_names, focus, forms
from ui.text import clipped, md

QUESTION_FIELDS = ("question", "category", "my_answer", "rating", "better_answer")
PERSON_FIELDS = ("name", "role")


def _rows_key(prefix: str, name: str) -> str:
    return f"{prefix}__{name}_rows"


def _key(prefix: str, name: str, uid: int, field: str) -> str:
    return f"{prefix}__{name}{uid}_{field}"


def _blank(field: str) -> Any:
    return {"rating": None, "category": None, "role": "interviewer"}.get(field, "")


def _widget_value(field: str, value: Any) -> Any:
    if field == "rating":
        return value if value in SCALE else None
    if field == "role":
        return value if value in vocab.CONTACT_ROLES else "interviewer"
    if field == "category":
        return value or None
    return "" if value is None else str(value)


def seed_rows(
    prefix: str, name: str, fields: tuple[str, ...], rows: list[dict[str, Any]], minimum: int = 0
) -> None:
    rows_key = _rows_key(prefix, name)
    if rows_key not in st.session_state:
        st.session_state[rows_key] = list(range(max(len(rows), minimum)))
    for position, uid in enumerate(st.session_state[rows_key]):
        source = rows[position] if position < len(rows) else {}
        for field in fields:
            key = _key(prefix, name, uid, field)
            if key not in st.session_state:
                st.session_state[key] = _widget_value(field, source.get(field))


def collect_rows(prefix: str, name: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {field: st.session_state.get(_key(prefix, name, uid, field)) for field in fields}
        for uid in st.session_state.get(_rows_key(prefix, name), [])
    ]


def _add_row(prefix: str, name: str, fields: tuple[str, ...], on_change: Callable[[], None]) -> None:
    uids = st.session_state.setdefault(_rows_key(prefix, name), [])
    uid = max(uids, default=-1) + 1
    uids.append(uid)
    for field in fields:
        st.session_state[_key(prefix, name, uid, field)] = _blank(field)
    # the cursor in the new row's first box (it stayed on the button, the row above it)
    focus.after_save(rows_focus(prefix), _key(prefix, name, uid, fields[0]))
    on_change()


def rows_focus(prefix: str) -> str:
    """The focus slot of a debrief's rows: the page shows it once per run (`focus.show`)."""
    return f"{prefix}__rows"


def _remove_row(prefix: str, name: str, uid: int, on_change: Callable[[], None]) -> None:
    uids = st.session_state.get(_rows_key(prefix, name), [])
    if uid not in uids:  # its bin pressed again before the page caught up: the row is gone already
        return
    place = uids.index(uid)
    fields = QUESTION_FIELDS if name == "q" else PERSON_FIELDS
    values = {field: st.session_state.get(_key(prefix, name, uid, field)) for field in fields}
    if any(not is_blank(values[field]) for field in fields if field != "role"):  # typed in: can come back
        st.session_state[_removed_key(prefix, name)] = {"uid": uid, "place": place, "values": values}
    else:
        st.session_state.pop(_removed_key(prefix, name), None)
    uids.remove(uid)
    # the cursor in the row that took its place (or on the Add button): it fell to the page's body
    first = QUESTION_FIELDS[0] if name == "q" else PERSON_FIELDS[0]
    target = _key(prefix, name, uids[place], first) if place < len(uids) else f"{prefix}__add_{name}"
    focus.after_save(rows_focus(prefix), target)
    on_change()


def _removed_key(prefix: str, name: str) -> str:
    return f"{prefix}__removed_{name}"


def _undo_remove(prefix: str, name: str, on_change: Callable[[], None]) -> None:
    removed = st.session_state.pop(_removed_key(prefix, name), None)
    uids = st.session_state.setdefault(_rows_key(prefix, name), [])
    if removed is None or removed["uid"] in uids:
        return
    uids.insert(min(removed["place"], len(uids)), removed["uid"])
    for field, value in removed["values"].items():
        st.session_state[_key(prefix, name, removed["uid"], field)] = value
    first = QUESTION_FIELDS[0] if name == "q" else PERSON_FIELDS[0]
    focus.after_save(rows_focus(prefix), _key(prefix, name, removed["uid"], first))
    on_change()


def removed_notice(prefix: str, name: str, what: str, on_change: Callable[[], None]) -> None:
    """A row removed with words in it, said with a way back (the bin takes it in one press: a
    stray Space while tabbing took a typed question with its answers)."""
    removed = st.session_state.get(_removed_key(prefix, name))
    if not removed:
        return
    said = str(removed["values"].get("question" if name == "q" else "name") or "").strip()
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(
            f"Removed {what}" + (f": “{md(clipped(said, 60))}”." if said else ", with what was in it.")
        )
        st.button(
            "Undo",
            key=f"{prefix}__undo_remove_{name}",
            icon=":material/undo:",
            on_click=_undo_remove,
            args=(prefix, name, on_change),
        )


def contact_ids_key(prefix: str) -> str:
    return f"{prefix}__contact_ids"


def questions_block(prefix: str, form: str, on_change: Callable[[], None]) -> None:
    """Every question asked, each with its category, my answer, a 1–5 rating and a better answer."""
    st.markdown("#### Every question they asked")
    st.caption(
        "One by one, as close to their words as you can. Then be honest about your answer, "
        "and write the answer you'd like to give next time: this becomes your prep sheet."
    )
    uids = st.session_state.get(_rows_key(prefix, "q"), [])
    for number, uid in enumerate(uids, 1):
        k = lambda field, uid=uid: _key(prefix, "q", uid, field)  # noqa: E731
        with st.container(border=True):
            top = st.columns([6, 2, 1], vertical_alignment="bottom")
            top[0].text_input(
                f"Question {number}",
                key=k("question"),
                on_change=on_change,
                placeholder="What did they ask?",  # no max_chars: a longer paste was dropped unsaid
            )
            current = st.session_state.get(k("category"))
            options = list(dict.fromkeys([*QUESTION_CATEGORIES, *([current] if current else [])]))
            top[1].selectbox(
                "Category",
                options,
                key=k("category"),
                on_change=on_change,
                index=None,
                accept_new_options=True,
                placeholder="Pick or type",
            )
            top[2].button(
                "",
                key=f"{prefix}__remove_q{uid}",
                icon=":material/delete:",
                help="Remove this question",
                on_click=_remove_row,
                args=(prefix, "q", uid, on_change),
            )
            forms.field_error(form, f"q{uid}_question", f"Question {number}")
            forms.field_error(form, f"q{uid}_category", "The category")
            left, right = st.columns(2)
            left.text_area(
                "What I answered",
                key=k("my_answer"),
                on_change=on_change,
                height=80,
            )
            right.text_area(
                "A better answer for next time",
                key=k("better_answer"),
                on_change=on_change,
                height=80,
            )
            with left:
                forms.field_error(form, f"q{uid}_my_answer", "What I answered")
            with right:
                forms.field_error(form, f"q{uid}_better_answer", "The better answer")
            st.segmented_control(
                # named by its question: heard, five groups all "How happy am I…" were one
                f"Question {number}: how happy am I with my answer? (1 not at all – 5 very)",
                SCALE,
                key=k("rating"),
                on_change=on_change,
            )
            forms.field_error(form, f"q{uid}_rating", "The rating")
    # a bin is an icon alone: named "delete icon" four times over, for a screen reader
    accessible_names.name_controls(
        {f"{prefix}__remove_q{uid}": f"Remove question {number}" for number, uid in enumerate(uids, 1)}
    )
    removed_notice(prefix, "q", "a question", on_change)
    st.button(
        "Add a question",
        key=f"{prefix}__add_q",
        icon=":material/add:",
        on_click=_add_row,
        args=(prefix, "q", QUESTION_FIELDS, on_change),
    )


def people_block(prefix: str, form: str, contacts: dict[int, str], on_change: Callable[[], None]) -> None:
    """The people met: picked from the company's contacts, or added with their role."""
    st.markdown("#### The people you met")
    if contacts:
        st.multiselect(
            "People you already know at this company",
            list(contacts),
            format_func=contacts.get,
            key=contact_ids_key(prefix),
            on_change=on_change,
            placeholder="Pick the people you met",
        )
    uids = st.session_state.get(_rows_key(prefix, "p"), [])
    for uid in uids:
        cols = st.columns([4, 3, 1], vertical_alignment="bottom")
        cols[0].text_input(
            "Name",
            key=_key(prefix, "p", uid, "name"),
            on_change=on_change,
            placeholder="Their name",
        )
        cols[1].selectbox(
            "Role", vocab.CONTACT_ROLES, key=_key(prefix, "p", uid, "role"), on_change=on_change
        )
        cols[2].button(
            "",
            key=f"{prefix}__remove_p{uid}",
            icon=":material/delete:",
            help="Remove this person",
            on_click=_remove_row,
            args=(prefix, "p", uid, on_change),
        )
        forms.field_error(form, f"p{uid}_name", "The name")
    names = {uid: str(st.session_state.get(_key(prefix, "p", uid, "name")) or "").strip() for uid in uids}
    accessible_names.name_controls(
        {
            f"{prefix}__remove_p{uid}": f"Remove {name}" if name else "Remove this person"
            for uid, name in names.items()
        }
    )
    removed_notice(prefix, "p", "a person", on_change)
    st.button(
        "Add someone new",
        key=f"{prefix}__add_p",
        icon=":material/person_add:",
        on_click=_add_row,
        args=(prefix, "p", PERSON_FIELDS, on_change),
    )


def validated_rows(
    prefix: str,
) -> tuple[list[InterviewQuestionIn], list[ContactIn], list[int], dict[str, str]]:
    """(questions, new people, known contact ids, errors by row field); fully blank rows are skipped."""
    errors: dict[str, str] = {}
    questions: list[InterviewQuestionIn] = []
    for uid in st.session_state.get(_rows_key(prefix, "q"), []):
        row = {field: st.session_state.get(_key(prefix, "q", uid, field)) for field in QUESTION_FIELDS}
        if all(is_blank(v) for v in row.values()):
            continue
        try:
            questions.append(InterviewQuestionIn(**row))
        except ValidationError as exc:
            for field, message in field_errors(exc).items():
                if field == "rating":
                    message = "must be a rating from 1 to 5"
                elif field == "question" and message == "is required":  # a rating or an answer, no question
                    message = "is empty: write the question they asked, or remove this row with its bin"
                errors[f"q{uid}_{field}"] = message
    people: list[ContactIn] = []
    for uid in st.session_state.get(_rows_key(prefix, "p"), []):
        row = {field: st.session_state.get(_key(prefix, "p", uid, field)) for field in PERSON_FIELDS}
        if is_blank(row["name"]):
            continue
        try:
            people.append(ContactIn(**row))
        except ValidationError as exc:
            for field, message in field_errors(exc).items():
                errors[f"p{uid}_{field}"] = message
    known = [int(c) for c in st.session_state.get(contact_ids_key(prefix)) or []]
    return questions, people, known, errors
