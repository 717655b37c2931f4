"""Form helpers: field errors shown right under the field they belong to."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import streamlit as st
from pydantic import ValidationError

from lib.core.db import BUSY_MESSAGE, DatabaseBusy
from lib.core.models import field_errors
from lib.store.base import StoreError
from ui.text import md

PENDING = "once_pending"  # left by a save for the next run
SHOWING = "once_showing"  # drawn by the current run, until that run ends (run_ended)
DRAWN = "once_drawn"  # asked for already in this run (run_started clears it)

KEPT = "flash_kept"  # a save's message, kept while its page stays open (run_started ends it)
PAGE_NOW = "page_now"  # the page this run draws, with the data shown (run_started)
# The company picker's question left unanswered at a save (ui.search.company_picker)
CHOOSE_COMPANY = "Choose the company above: one already in your log, or add it as a new one."
PAGE = "page"  # the flash slot at the top of a page; a form may name its own, under its button


def leave(name: str, value: object) -> None:
    """Leave `value` for the next run to take once (`take`): a message, an offer after a save."""
    st.session_state[f"{PENDING}:{name}"] = value


def take(name: str) -> object | None:
    """What was left under `name`, until a run that drew it ends: a double click can cut that run
    short, and what it drew then comes again instead of being lost."""
    showing, drawn = f"{SHOWING}:{name}", f"{DRAWN}:{name}"
    value = st.session_state.pop(f"{PENDING}:{name}", None)
    if value is not None:
        st.session_state[showing] = value
    elif not st.session_state.get(drawn):  # the first ask of this run: something cut short
        value = st.session_state.get(showing)
    st.session_state[drawn] = True
    return value


def flash(message: str, place: str = PAGE, in_view: bool = False) -> None:
    """Leave `message` (plain text, shown literally) for the next run, at `place`: the top of
    whichever page comes next, or a form's own slot (`show_flash(place)` where it is drawn).
    `in_view`: said in a toast too, for a button far below that place (scrolled down a long page)."""
    _pop_all(KEPT)  # the last save's message, wherever it was said, ends with this one's
    leave(f"flash:{place}", message)
    if in_view:
        st.toast(md(message), icon=":material/check_circle:")


def show_flash(place: str = PAGE) -> None:
    """Show the message left by the last save, and keep it while the person stays on the page: gone
    at the next rerun (leaving a text box is one), it moved everything under it up from under a
    click being made, and that click was lost. Another page, or the next save's message, ends it.
    Its place is held on every run, so an open tab stays open when the message comes."""
    message, kept = take(f"flash:{place}"), f"{KEPT}:{place}"
    if message:
        st.session_state[kept] = message
    else:  # run_started drops it when the page (or its parameters) changed
        message = st.session_state.get(kept)
    slot = st.empty()
    if message:
        slot.success(md(str(message)), icon=":material/check_circle:")


def end_kept() -> None:
    """End the last save's message now: what the person does next is no longer what it spoke of."""
    _pop_all(KEPT)


def _pop_all(base: str) -> None:
    for name in [k for k in st.session_state if str(k).startswith(f"{base}:")]:
        del st.session_state[name]


def run_started(page: object = None) -> None:
    """A page's run begins. `page`: what it shows (its path, the data, its address's parameters);
    another one than the last run's ends every kept message (pages without a flash slot too)."""
    _pop_all(DRAWN)
    if st.session_state.get(PAGE_NOW) != page:
        _pop_all(KEPT)
        _pop_all(SHOWING)  # drawn by a run another page cut short: it came again there
    st.session_state[PAGE_NOW] = page


def run_ended() -> None:
    """The page's run ended (whole or by layout.end_page), so what it took was seen: not shown again."""
    _pop_all(SHOWING)


def kept_for_visit(key: str) -> dict[str, str]:
    """A widget's `key` and `persist_state`: its value stays for the visit, across pages (a log's
    filters were gone after adding an application)."""
    return {"key": key, "persist_state": "session"}


def errors_key(form: str) -> str:
    return f"{form}__errors"


def set_errors(form: str, errors: dict[str, str]) -> None:
    st.session_state[errors_key(form)] = errors
    st.session_state[_focus_error_key(form)] = True  # the first note drawn takes the cursor
    _pop_all(KEPT)  # the last save's "saved" beside this one's error would say the opposite


def _focus_error_key(form: str) -> str:
    return f"{form}__focus_error"


def clear_errors(form: str) -> None:
    st.session_state.pop(errors_key(form), None)
    st.session_state.pop(_focus_error_key(form), None)


def errors_from(exc: Exception) -> dict[str, str]:
    if isinstance(exc, ValidationError):
        return field_errors(exc)
    if isinstance(exc, StoreError):
        return exc.errors
    if isinstance(exc, DatabaseBusy):
        return {"form": BUSY_MESSAGE}
    raise exc


def show_busy() -> None:
    """A write waited too long for another one (a big import): say so calmly; what was typed stays."""
    st.info(BUSY_MESSAGE + " What you typed is still here.", icon=":material/hourglass_top:")


# A date box's own range, wide on purpose: a day outside the box's range is held back by the browser
# (red, with a tooltip) and the last good day is saved instead, without a word. The model behind the
# box refuses a day it can't take (one in the future) with a message under the box.
EARLIEST_DAY, LATEST_DAY = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


def date_field(label: str, key: str, value: dt.date | str | None, *, where=None, **kwargs) -> dt.date | None:
    """A date box (in `where`, a column, if given) that takes any day: what its model refuses is said
    on save under it (`field_error`), never swapped in the browser for another day. `value` None
    makes it clearable (its clear button takes room from the year); "today" does not."""
    place = where if where is not None else st
    if isinstance(value, dt.date):  # a stored day outside the range would break the widget: at its edge
        value = min(max(value, EARLIEST_DAY), LATEST_DAY)
    return place.date_input(
        label,
        value=value,
        min_value=EARLIEST_DAY,
        max_value=LATEST_DAY,
        key=key,
        format="DD/MM/YYYY",
        **kwargs,
    )


def field_error(
    form: str,
    field: str,
    label: str | None = None,
    unanswered: str | None = None,
    answered: bool = False,
    focus_on: str | None = None,
) -> None:
    """Draw the error for `field` (if any) right where it is called: under its widget.

    `unanswered` replaces "… is required" (a question is asked in words other than its label).
    `answered`: the field has a value now, so a "required" error from the last save is gone (it
    stayed under the filled box until the next save). The first note of a refused save takes the
    cursor to the field just above it, or to `focus_on` (a widget key) where the note is drawn
    away from its field."""
    errors = st.session_state.get(errors_key(form), {})
    message = errors.get(field)
    if message and answered and message in ("is required", unanswered, CHOOSE_COMPANY):
        del errors[field]
        return
    if message:
        if unanswered and message == "is required":
            message = unanswered
        elif message[0].islower():  # a validator's fragment ("is required"): say which field
            message = f"{label or field.replace('_', ' ').capitalize()} {message}"
        # keyed, so the page can find the first note and the field above it
        with st.container(key=f"rebound_field_error_{form}_{field}"):
            st.error(md(message), icon=":material/error:")  # it can quote what was typed: as text
        if st.session_state.pop(_focus_error_key(form), False):
            from ui import focus  # ui.focus imports this module

            if focus_on:
                focus.now(focus_on)
            else:
                focus.first_error()


def text_field(
    form: str,
    model: type,
    field: str,
    label: str,
    current: dict,
    *,
    area: bool = False,
    where=None,
    error_label: str | None = None,
    **kwargs,
) -> str:
    """A text box for `field` of `form` (in `where`, a column, if given): the saved value, the limit
    `model` checks on save, and its error right under it. No box counts up to its limit while
    typing: Streamlit drops a paste longer than `max_chars` without a word (a whole job ad pasted
    into Role left it empty, then "Role is required"). Kept, it is refused on save with how far
    over it is, to shorten."""
    place = where if where is not None else st
    draw = place.text_area if area else place.text_input
    value = draw(label, value=current.get(field) or "", key=key(form, field), **kwargs)
    if where is None:
        field_error(form, field, error_label or label.rstrip(" *"))
    else:
        with where:
            field_error(form, field, error_label or label.rstrip(" *"))
    return value


def form_error(form: str) -> None:
    """Errors that belong to no single field, plus a summary when any field has one."""
    errors = st.session_state.get(errors_key(form), {})
    if "form" in errors:
        st.error(md(errors["form"]), icon=":material/error:")
    elif errors:
        st.error(
            "Nothing is saved yet: a field below needs a look (its note says what).", icon=":material/error:"
        )


def errors_here(form: str) -> None:
    """Beside a lower button, far from the fields: that the save was stopped, and by how many (a
    press there with a field to fix changed nothing in view)."""
    errors = st.session_state.get(errors_key(form), {})
    if "form" in errors:
        st.error(md(errors["form"]), icon=":material/error:")
    elif errors:
        n = len(errors)
        st.error(
            f"Nothing is saved yet: {'an answer' if n == 1 else f'{n} answers'} above "
            f"{'needs' if n == 1 else 'need'} a look (each note says what).",
            icon=":material/error:",
        )


# --- a form that ends cleanly: fresh widgets after a save, a repeated submit saved once ----------


def _generation_key(form: str) -> str:
    return f"form_generation__{form}"


def key(form: str, field: str) -> str:
    """The widget key of `field` in `form` (`form_field` until the first `renew(form)`, which moves
    every field to a fresh key)."""
    generation = st.session_state.get(_generation_key(form), 0)
    return f"{form}_{field}" + (f"_{generation}" if generation else "")


def form_key(form: str) -> str:
    """The st.form key of `form`: the form itself until the first `renew(form)`."""
    generation = st.session_state.get(_generation_key(form), 0)
    return form + (f"__{generation}" if generation else "")


def renew(form: str) -> None:
    """After a save: the form's widgets start again from their defaults. New keys are needed: the
    browser keeps showing a widget's last text while its key stays the same."""
    generation = st.session_state.get(_generation_key(form), 0)
    for name in [k for k in st.session_state if str(k).startswith(f"{form}_")]:
        del st.session_state[name]
    st.session_state[_generation_key(form)] = generation + 1
    clear_errors(form)


def _saved_key(form: str) -> str:
    return f"form_last_saved__{form}"


# A second press of a save button arrives within a moment of the first, typing the same again takes
# longer. Counted from the end of the first save's run: on a busy machine (the Chromium tests two at a
# time) 5 s was once too short for a double click's second run to reach the check.
DOUBLE_PRESS_SECONDS = 15.0
_now = time.monotonic  # a test moves the clock


def already_saved(form: str, value: object, *, only_just: bool = False) -> bool:
    """True when `value` is exactly what this form saved last (a double click, Enter then click);
    with `only_just`, only within DOUBLE_PRESS_SECONDS of that save: the same typed again later is
    the person's own, for the store to answer (e.g. "already in your network")."""
    saved = st.session_state.get(_saved_key(form))
    if saved is None or saved[0] != repr(value):
        return False
    return not only_just or just_saved(form)


def just_saved(form: str) -> bool:
    """Whether this form saved something within DOUBLE_PRESS_SECONDS: a second press then lands on
    the fresh, empty form, and is no try of its own."""
    saved = st.session_state.get(_saved_key(form))
    return saved is not None and _now() - saved[1] <= DOUBLE_PRESS_SECONDS


def mark_saved(form: str, value: object) -> None:
    st.session_state[_saved_key(form)] = (repr(value), _now())


# --- a delete that asks first -----------------------------------------------------------------


def _asking_key(key: str) -> str:
    return f"asking_delete__{key}"


def _ask(key: str, asking: bool) -> None:
    st.session_state[_asking_key(key)] = asking
    clear_errors(_asking_key(key))


def _confirmed(key: str, delete: Callable[[], object], done: str) -> None:
    try:
        delete()
    except DatabaseBusy as exc:  # the question stays open, with a calm word; nothing is lost
        set_errors(_asking_key(key), errors_from(exc))
        return
    _ask(key, False)
    flash(done, in_view=True)  # a long list may be scrolled far down


def ask_before_deleting(
    key: str,
    question: str,
    delete: Callable[[], object],
    done: str,
    label: str = "Delete…",
    confirm: str = "Delete",
) -> None:
    """A delete button that asks first. `label` reveals `question` (plain text) with Delete and Keep
    it; Delete runs `delete()` and leaves `done` as the flash message for the redrawn page (the item
    gone, everything else as it was); Keep it closes the question. `key` names the item."""
    if not st.session_state.get(_asking_key(key)):
        st.button(
            label,
            key=f"{_asking_key(key)}__ask",
            icon=":material/delete:",
            type="tertiary",
            on_click=_ask,
            args=(key, True),
        )
        return
    with st.container(border=True):
        st.markdown(md(question))
        form_error(_asking_key(key))
        with st.container(horizontal=True):
            st.button(
                confirm,  # "Put away" where nothing is deleted: "Delete" there was untrue, and alarming
                key=f"{_asking_key(key)}__yes",
                type="primary",
                icon=":material/delete:",
                on_click=_confirmed,
                args=(key, delete, done),
            )
            st.button("Keep it", key=f"{_asking_key(key)}__no", on_click=_ask, args=(key, False))
