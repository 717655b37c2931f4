"""Words typed in a form are not lost to a menu click: leaving the page asks first.

A form (st.form: Add application, Network's Add a person, Strategy review, …) sends nothing before
its button, so a link to another page clicked after typing in it dropped the words without a
word. This small component (Streamlit's components API, v2: inline JavaScript in the page, no
iframe, no network) notes each form text box's value as the person comes to it; a link clicked
while a box holds other words asks "Leave anyway?" first; so does another tab of the tabs the
form is in (only the open tab is drawn, so its form's words went too). A form's button (or Enter
in its box) hands its words to the app, after which leaving asks nothing. A reload or a closed tab
asks too (the browser's own question). Boxes outside forms keep their
words as drafts (ui/reflect/typing_keeper.py) and need no question.
"""

from __future__ import annotations

import streamlit as st

from ui import forms

QUESTION = "What you typed in the form on this page is not saved yet. Leave the page anyway?"
# A box that belongs to a form but sits outside it (the company picker answers as you type): in a
# container whose key ends with this, it is asked about as the form's own boxes are.
GUARDED = "guarded"
TAB_QUESTION = "What you typed in the form in this tab is not saved yet. Switch tabs anyway?"
ERRORS_SUFFIX = forms.errors_key("")  # a form's refused fields, under "<form>__errors"

_JS = """
export default function (component) {
  const question = component.data?.question || "Leave the page anyway?";
  const boxes = '[data-testid="stTextArea"] textarea, [data-testid="stTextInput"] input';
  const found = new Map();  // a form's text box -> its value when the person came to it
  const parts = `[data-testid="stForm"], [class*="_${component.data?.guarded || "guarded"}"]`;
  const inForm = (box) => box instanceof HTMLElement && box.matches(boxes) && Boolean(box.closest(parts));
  const onFocus = (event) => {
    if (inForm(event.target) && !found.has(event.target)) found.set(event.target, event.target.value);
  };
  // forms whose last save was refused (a field to fix): what they hold is not saved, typed or not
  window.__reboundRefusedForms = component.data?.refused || [];
  const refused = (box) => {
    const holder = box.closest('[class*="st-key-"]');
    const keyClass = holder && [...holder.classList].find((c) => c.startsWith("st-key-"));
    return keyClass && (window.__reboundRefusedForms || []).some((form) => keyClass.startsWith(`st-key-${form}_`));
  };
  // `within`: only the boxes inside it (a tab's panel), else the whole page's
  const unsaved = (within = document) =>
    [...found].some(([box, value]) => box.isConnected && within.contains(box) && box.value.trim() !== value.trim()) ||
    [...within.querySelectorAll(boxes)].some((box) => inForm(box) && box.value.trim() && refused(box));
  const handedOver = (form) => {
    for (const box of [...found.keys()]) if (!box.isConnected || form.contains(box)) found.delete(box);
  };
  const onSubmitClick = (event) => {
    const button = event.target.closest?.('[data-testid="stFormSubmitButton"]');
    const form = button && button.closest('[data-testid="stForm"]');
    if (form) handedOver(form);
  };
  const onEnter = (event) => {  // Enter in a form's one-line box submits it
    if (event.key === "Enter" && event.target instanceof HTMLInputElement && inForm(event.target)) {
      // a guarded box outside a form (the company picker) submits nothing: no form to hand over
      const form = event.target.closest('[data-testid="stForm"]');
      if (form) handedOver(form);
    }
  };
  const onLinkClick = (event) => {
    const link = event.target.closest?.('[data-testid="stPageLink"] a, [data-testid="stPageLink-NavLink"]');
    if (!link || !event.isTrusted || !unsaved()) return;
    if (window.confirm(question)) {
      found.clear();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // Another tab of the same tabs (only the open one is drawn: ui.layout.lazy_tabs) drops a typed
  // form in the open one as a menu link would: asked first, by pointer or by the arrow keys. The
  // tabs choose on the press (pointerdown), not the click: the question comes there, and a click
  // after a "no" is kept from them too (they would take it for a screen reader's click).
  const tabQuestion = component.data?.tab_question || question;
  let refusedTab = null;
  const tabOf = (event) => event.target.closest?.('[data-testid="stTab"], [role="tab"]');
  const onTab = (event) => {
    const tab = tabOf(event);
    if (!tab || !event.isTrusted) return;
    const moving = event.type === "pointerdown" || ["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key);
    if (!moving || (event.type === "pointerdown" && tab.getAttribute("aria-selected") === "true")) return;
    const tabs = tab.closest('[data-testid="stTabs"]');
    if (!tabs || !unsaved(tabs)) return;
    if (window.confirm(tabQuestion)) {
      for (const box of [...found.keys()]) if (tabs.contains(box)) found.delete(box);
      return;
    }
    refusedTab = event.type === "pointerdown" ? tab : null;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onTabClick = (event) => {
    if (refusedTab && tabOf(event) === refusedTab) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    refusedTab = null;
  };
  // A reload or a closed tab drops the words too: the browser's own "Leave site?" asks first.
  const onUnload = (event) => {
    if (!unsaved()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  const handlers = [
    ["focusin", onFocus], ["click", onSubmitClick], ["keydown", onEnter], ["click", onLinkClick],
    ["pointerdown", onTab], ["keydown", onTab], ["click", onTabClick],
  ];
  (window.__reboundFormGuard || []).forEach(([type, handler]) => document.removeEventListener(type, handler, true));
  if (window.__reboundFormUnload) window.removeEventListener("beforeunload", window.__reboundFormUnload);
  window.__reboundFormGuard = handlers;
  window.__reboundFormUnload = onUnload;
  handlers.forEach(([type, handler]) => document.addEventListener(type, handler, true));
  window.addEventListener("beforeunload", onUnload);
  return () => {
    handlers.forEach(([type, handler]) => document.removeEventListener(type, handler, true));
    window.removeEventListener("beforeunload", onUnload);
    if (window.__reboundFormGuard === handlers) window.__reboundFormGuard = null;
    if (window.__reboundFormUnload === onUnload) window.__reboundFormUnload = null;
  };
}
"""

_guard = st.components.v2.component("rebound_form_guard", js=_JS)


def ask_before_leaving_typed_forms() -> None:
    """Mount once per run (app.py): every page's forms are watched. A form whose save was refused
    (its errors shown) still holds words not saved: leaving asks then too, typed again or not."""
    refused = [
        str(name)[: -len(ERRORS_SUFFIX)]
        for name, errors in st.session_state.items()
        if str(name).endswith(ERRORS_SUFFIX) and errors
    ]
    with st.sidebar:  # out of the page's flow: nothing on the page waits for it to load
        _guard(
            key="rebound_form_guard",
            data={"question": QUESTION, "tab_question": TAB_QUESTION, "refused": refused, "guarded": GUARDED},
            height=0,
        )
