"""A choice typed in a "type your own" list (themes, skills, target companies) is kept when the
person leaves the box without pressing Enter, by clicking Save or tabbing on; and in a one-choice
list filtered by typing, Tab takes the match the list highlights, as Enter does.

Streamlit's multiselect adds a typed option only on Enter; what is left typed in the box when it
loses focus is thrown away, so "Save" dropped a skill typed last, without a word. This small
component (Streamlit's components API, v2: inline JavaScript in the page, no iframe, no network)
presses Enter for the person as the box loses focus, so the typed words become a choice first, but
only where Enter adds just those words: where listed choices match what is typed, Enter would pick
them instead (typing "data" and leaving chose "data modeling" and "data cleaning"), so nothing is
pressed there.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function () {
  const typedIn = (box) =>
    box instanceof HTMLInputElement && box.closest('[data-testid="stMultiSelect"]') && box.value.trim();
  // Enter adds the typed words only when the open list offers nothing but "Add: …" (a list that
  // takes new words, and no choice that matches). Where choices match what is typed ("data" beside
  // "data modeling"), Enter would pick those instead: then nothing is pressed for the person.
  const addsOnlyTyped = () => {
    const options = [...document.querySelectorAll('[role="listbox"] [role="option"]')];
    return options.length === 1 && options[0].textContent.trim().startsWith("Add:");
  };
  const pressEnter = (box) => box.dispatchEvent(new KeyboardEvent("keydown", {
    key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true,
  }));
  const onLeave = (event) => {
    const box = event.target;
    if (!typedIn(box) || !box.isConnected) return;  // a box redrawn while typing is still in use
    if (!document.hasFocus()) return;  // another window, mid-word: the person is coming back
    // Focus that moves to the list's own options (as it does on every keystroke) is no leaving.
    const to = event.relatedTarget;
    const list = box.closest('[data-testid="stMultiSelect"]');
    if (to && (list.contains(to) || to.closest?.('[role="option"], [role="listbox"], [role="dialog"]'))) return;
    if (addsOnlyTyped()) pressEnter(box);
  };
  // A one-choice list (Channel, a person's role) filtered by typing: Tab takes the choice the list
  // has highlighted, its best match, as Enter would. Left to itself, Tab closed the list and the box
  // went back to what it held ("refer", Tab: "job board"), and the wrong one was saved unsaid.
  const typedInOne = (box) =>
    box instanceof HTMLInputElement && box.closest('[data-testid="stSelectbox"]') && box.value.trim();
  // filtered by typing, and the first choice begins with what is typed ("refer": "referral — …"):
  // not a list opened with a click (it shows the choice made in the box: Tab leaves it as it is),
  // nor a stray letter that only loosely matches. This box's own list, where it names one.
  const filtered = (box) => {
    const own = box.getAttribute("aria-controls");
    const list = (own && document.getElementById(own)) || document.querySelector('[role="listbox"]');
    const options = list ? [...list.querySelectorAll('[role="option"]')] : [];
    const typed = box.value.trim().toLowerCase();
    const text = (o) => o.textContent.trim().toLowerCase();
    return options.length > 0 && !options.some((o) => text(o) === typed) && text(options[0]).startsWith(typed);
  };
  // Tab closes the list before focus leaves, and a closed list ignores Enter: add first, then go on.
  const onTab = (event) => {
    if (event.key !== "Tab" || !event.isTrusted) return;
    if ((typedIn(event.target) && addsOnlyTyped()) || (typedInOne(event.target) && filtered(event.target))) {
      pressEnter(event.target);
    }
  };
  const previous = window.__reboundKeepTags;
  if (previous) {
    document.removeEventListener("focusout", previous.onLeave, true);
    document.removeEventListener("keydown", previous.onTab, true);
  }
  window.__reboundKeepTags = { onLeave, onTab };
  document.addEventListener("focusout", onLeave, true);
  document.addEventListener("keydown", onTab, true);
  return () => {
    document.removeEventListener("focusout", onLeave, true);
    document.removeEventListener("keydown", onTab, true);
    if (window.__reboundKeepTags?.onLeave === onLeave) window.__reboundKeepTags = null;
  };
}
"""

_keeper = st.components.v2.component("rebound_keep_tags", js=_JS)


def keep_typed_choices() -> None:
    """Mount once per run (app.py): every "type your own" list on the page keeps what is typed."""
    with st.sidebar:  # out of the page's flow
        _keeper(key="rebound_keep_tags", height=0)
