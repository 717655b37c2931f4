"""After a save that starts a fresh form, the cursor goes back to its first field, so the next entry
starts there from the keyboard (otherwise the page's body has the focus, and a keyboard user tabs
through the whole sidebar to get back to the form).

A small component (Streamlit's components API, v2: inline JavaScript in the page, no iframe, no
network): it finds the field by its widget key and focuses it once it is drawn.
"""

from __future__ import annotations

import uuid

import streamlit as st

from ui import forms

_JS = """
export default function (component) {
  const target = component.data?.target;
  if (!target) return;
  // the class Streamlit gives a keyed element: its key with anything but letters, digits, "_" and
  // "-" made "-" (a next action's key holds ":")
  const box = `.${CSS.escape("st-key-" + target.trim().replaceAll(/[^a-zA-Z0-9_-]/g, "-"))}`;
  // a text field, or a row of choices: its picked one, else its first (never its help button); or
  // a button of its own (a st.button's key names it)
  // (a date box: its first part, the day; the hidden native input behind it takes no keys)
  const selector = `${box} [role=spinbutton], ${box} input:not([tabindex="-1"]), ${box} textarea, ` +
    `${box} [role=radio][aria-checked=true], ${box} .stButton button`;
  const deadline = Date.now() + 5000;
  const focus = () => {
    const field = document.querySelector(selector) || document.querySelector(`${box} [role=radio]`);
    const draft = field && field.tagName === "TEXTAREA" && component.data?.at_start;
    if (draft && !field.value && Date.now() < deadline) return void setTimeout(focus, 50);  // text to come
    if (draft) return void atStart(field);
    if (field) return void field.focus();
    if (Date.now() < deadline) setTimeout(focus, 50);
  };
  focus();
}

// A draft to read: its caret at its first [add: …] (else its top), not at its end with the greeting
// scrolled out of the box. Kept there for a moment: the page may set the text again as it settles,
// which puts the caret at the end; once the person types or clicks, the caret is theirs.
function atStart(field) {
  let theirs = false;
  const mine = () => { theirs = true; };
  ["keydown", "mousedown", "touchstart"].forEach((e) => field.addEventListener(e, mine, { once: true }));
  const place = () => {
    const marker = field.value.indexOf("[add:");
    const at = marker >= 0 ? marker : 0;
    if (field.selectionStart !== at || field.selectionEnd !== at) field.setSelectionRange(at, at);
    if (marker < 0) field.scrollTop = 0;
  };
  place();
  field.focus();
  const until = Date.now() + 2000;
  const keep = () => {
    if (theirs || document.activeElement !== field || Date.now() > until) return;
    place();
    setTimeout(keep, 100);
  };
  setTimeout(keep, 100);
}
"""

_focuser = st.components.v2.component("rebound_focus_after_save", js=_JS)


def after_save(form: str, widget_key: str, at_start: bool = False) -> None:
    """Call where the save succeeds: the next run puts the cursor in `widget_key`'s field (with
    `at_start`, a text box's cursor at its first "[add: …]", else at its top)."""
    forms.leave(f"focus:{form}", (widget_key, at_start))


def show(form: str) -> None:
    """Call once per run of the form's page: focuses the field `after_save` named, once."""
    target = forms.take(f"focus:{form}")
    if target:
        widget_key, at_start = target if isinstance(target, tuple) else (target, False)
        now(str(widget_key), at_start)


def now(widget_key: str, at_start: bool = False) -> None:
    """Focus `widget_key`'s field once this run has drawn it."""
    with st.sidebar:  # out of the page's flow
        _focuser(
            key=f"rebound_focus_{uuid.uuid4().hex[:8]}",
            data={"target": widget_key, "at_start": at_start},
            height=0,
        )


_ERROR_JS = """
export default function () {
  // the first field note of a refused save, and the field just before it: a note is drawn under its
  // field, so the last control before it in the page is the one to correct
  const controls = '[role=spinbutton], input:not([type=hidden]):not([tabindex="-1"]), textarea, ' +
    '[role=radio], [role=combobox], button';
  const deadline = Date.now() + 5000;
  const focus = () => {
    const note = document.querySelector('[data-testid="stMain"] [class*="st-key-rebound_field_error_"]');
    if (!note) {
      if (Date.now() < deadline) setTimeout(focus, 50);
      return;
    }
    let field = null;
    for (const el of document.querySelectorAll(`[data-testid="stMain"] :is(${controls})`)) {
      if (!(note.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) break;
      if (el.offsetParent !== null && !el.disabled) field = el;
    }
    // a number box's + and - come after its input: the input is the field
    const box = field && field.tagName === "BUTTON" && field.closest('[data-testid="stElementContainer"]');
    const typed = box && box.querySelector('input:not([tabindex="-1"]), textarea, [role=spinbutton]');
    if (typed) field = typed;
    // a row of choices: its picked one, else its first
    const group = field && field.closest('[role=radiogroup]');
    if (group) field = group.querySelector('[role=radio][aria-checked=true]') || group.querySelector('[role=radio]');
    if (field && field.closest('[data-testid="stDateInput"]')) {
      // a date box opens its calendar on focus, over the note and the fields above it: the note
      // takes the cursor instead (read out; Shift+Tab is the date)
      note.setAttribute("tabindex", "-1");
      field = note;
    }
    if (field) field.focus();
  };
  focus();
}
"""

_error_focuser = st.components.v2.component("rebound_focus_first_error", js=_ERROR_JS)


def first_error() -> None:
    """Put the cursor in the field of the first note a refused save drew (it stayed in the page's
    body: a keyboard user began again from the top to find what to correct)."""
    with st.sidebar:
        _error_focuser(key=f"rebound_error_{uuid.uuid4().hex[:8]}", height=0)


_TOP_JS = """
export default function () {
  // the page's own scroll box, and the window's: which one scrolls depends on the layout
  document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')
    .forEach((box) => box.scrollTo({ top: 0 }));
  window.scrollTo({ top: 0 });
}
"""

_to_top = st.components.v2.component("rebound_to_top", js=_TOP_JS)


def to_top() -> None:
    """Open the page at its top: a page opened from a button low on another (the same page with
    other parameters) kept that scroll, its title and first lines above the edge."""
    with st.sidebar:
        _to_top(key=f"rebound_top_{uuid.uuid4().hex[:8]}", height=0)
