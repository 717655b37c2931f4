"""The company picker: one input for a company everywhere a company is entered.

Type a name and press Enter (or leave the field): an existing company written differently is
taken as it is ("northwind analytics ltd" -> Northwind Analytics); a lookalike is asked about
("Did you mean Northwind Analytics?"), with "Add 'northwind' as a new company" listed last; a name
like no other is a new company. The rules are lib.search.companies.picker_state.

One-line use (outside an st.form, whose widgets don't rerun while typing):

    company = company_picker.pick("my_form_company", state.company_names(), current=app["company"])

It returns the company to save (an existing name, or the typed name chosen as new), or None while
nothing is typed or the question is not answered yet; `forms.field_error(form, "company")` under it
shows a save's error, and `company_picker.clear(key)` empties it after a save.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from lib.search.companies import picker_state
from ui import form_guard, forms
from ui.text import md

NEW = "__new__"
UNANSWERED = forms.CHOOSE_COMPANY  # a field's error: goes once a company is picked (forms.field_error)


def _choice_key(key: str, typed: str) -> str:
    return f"{key}_choice_{hashlib.sha1(typed.casefold().encode()).hexdigest()[:10]}"


def _generation_key(key: str) -> str:
    return f"company_picker_generation__{key}"


def clear(key: str) -> None:
    """Forget what was typed and chosen (after a save: the next entry starts empty). The widgets get
    new keys: a browser keeps showing a widget's old text while its key stays the same."""
    generation = st.session_state.get(_generation_key(key), 0)
    for name in [k for k in st.session_state if str(k).startswith(f"{key}_")]:
        del st.session_state[name]
    st.session_state[_generation_key(key)] = generation + 1


def input_key(key: str) -> str:
    """The key of the picker's text box now (it changes after `clear`)."""
    return f"{key}_typed_{st.session_state.get(_generation_key(key), 0)}"


def waiting(key: str) -> bool:
    """Something is typed but the "Did you mean" question is not answered yet."""
    return bool(str(st.session_state.get(input_key(key)) or "").strip())


def pick(
    key: str,
    existing: list[str],
    *,
    label: str = "Company *",
    current: str | None = None,
    placeholder: str = "Type the company's name, then Enter",
    note_below: bool = False,
) -> str | None:
    """`note_below`: the form shows a note under the box (its error): no blank line kept for the
    picker's own line, which stood as a gap between the box and the note."""
    # One container for the box and whatever it says under it: the fields below keep their place
    # (and the cursor, and what is being typed in them) when "… will be added" appears. Its key
    # ends in form_guard.GUARDED: a company typed is asked about before leaving, as its form is.
    with st.container(key=f"{key}_{form_guard.GUARDED}"):
        return _pick(
            key, existing, label=label, current=current, placeholder=placeholder, spacer=not note_below
        )


def _pick(
    key: str, existing: list[str], *, label: str, current: str | None, placeholder: str, spacer: bool = True
) -> str | None:
    generation = st.session_state.get(_generation_key(key), 0)
    typed = st.text_input(
        label,
        value=current or "",
        key=input_key(key),
        placeholder=placeholder,
        # no max_chars: Streamlit drops a longer paste without a word; the save says how far over
    )
    offer = picker_state(typed, existing)
    if offer.exact is not None:
        # a company may be known from the network or a deleted application: not "in your log"
        st.caption(f"✓ {md(offer.exact)} — already saved in Rebound.")
        return offer.exact
    if offer.new_label is None:
        # The line the notes above and below take, kept while nothing is typed: when it appeared as
        # the box was left, the Save button under it moved down mid-click and the click was lost.
        if spacer:
            st.caption("&nbsp;")
        return None
    if not offer.suggestions:
        st.caption(f"{md(offer.typed)} will be added as a new company.")
        return offer.typed
    st.markdown(f"Did you mean **{md(offer.did_you_mean)}**?")
    reasons = {m.name: m.reason for m in offer.suggestions}
    options = list(reasons) + [NEW]
    choice = st.radio(
        "Which company is it?",
        options,
        index=None,
        key=_choice_key(f"{key}_{generation}", offer.typed),
        format_func=lambda o: offer.new_label if o == NEW else f"{o} — {reasons[o]}",
        label_visibility="collapsed",
    )
    if choice is None:
        return None
    return offer.typed if choice == NEW else choice
