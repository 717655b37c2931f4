"""Typing survives a reload: what is typed in a text box is handed to Streamlit ~1 s after the
last keystroke, without the person leaving the field.

Streamlit sends a text box's value only when it loses focus (or on Ctrl+Enter). This small
component (Streamlit's components API, v2: inline JavaScript that runs in the page, no iframe,
no network, no build step) listens for typing in the page's text boxes; after a pause of
KEEP_AFTER_MS it lets the box lose focus and takes focus straight back, caret and scroll
position kept. Streamlit then commits the value as on a blur, so the box's own on_change (the
page's draft saver) keeps it as a draft. Boxes inside an st.form are left alone (a form sends
nothing before its submit button). Leaving the page within that pause hands the text over at
once, so the second before closing is not lost; a link to another page clicked within it waits
until the text is kept, then opens its page (sent together, the page switch was lost).
"""

from __future__ import annotations

import streamlit as st

KEEP_AFTER_MS = 1_200

_JS = """
export default function (component) {
  const delay = Number(component.data?.delay) || 1200;
  const timers = new WeakMap();
  const boxes = '[data-testid="stTextArea"], [data-testid="stTextInput"]';
  const setValue = (box, value) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value").set.call(box, value);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  };
  // The rerun that saves the draft may still redraw the box (most pages keep it in place): find it
  // again by its widget key the moment it is drawn, carry over what was typed meanwhile, and put
  // the caret back. Watching the page (not polling) leaves no moment in which keystrokes are lost.
  const follow = (box, keyClass) => {
    const selector = `.${CSS.escape(keyClass)} textarea, .${CSS.escape(keyClass)} input`;
    const start = box.selectionStart, end = box.selectionEnd;
    let watcher = null;
    const stop = () => { if (watcher) watcher.disconnect(); watcher = null; };
    const check = () => {
      if (box.isConnected) return false;
      const next = document.querySelector(selector);
      if (!next) return false;
      stop();
      const moved = document.activeElement && document.activeElement !== document.body;
      if (moved) return true;  // the person went to another field: leave them there
      const carried = next.value !== box.value;
      if (carried) setValue(next, box.value);
      next.focus({ preventScroll: true });
      const caret = box.selectionStart ?? start, caretEnd = box.selectionEnd ?? end;
      try { next.setSelectionRange(caret, caretEnd); } catch (e) { /* no caret */ }
      if (carried) timers.set(next, setTimeout(() => keep(next), delay));
      return true;
    };
    watcher = new MutationObserver(check);
    watcher.observe(document.body, { childList: true, subtree: true });
    setTimeout(stop, 15000);  // a save's rerun is long over by then
  };
  const keep = (box) => {
    if (document.activeElement !== box || !box.isConnected) return;
    const start = box.selectionStart, end = box.selectionEnd, top = box.scrollTop;
    const holder = box.closest('[class*="st-key-"]');
    const keyClass = holder && [...holder.classList].find((c) => c.startsWith("st-key-"));
    box.blur();  // Streamlit commits a text box's value when it loses focus
    box.focus({ preventScroll: true });
    try { box.setSelectionRange(start, end); } catch (e) { /* no caret */ }
    box.scrollTop = top;
    if (keyClass) follow(box, keyClass);
  };
  const waiting = new Set();  // boxes typed in and not yet handed over
  const onInput = (event) => {
    const box = event.target;
    if (!event.isTrusted) return;  // our own carry-over of typed text
    if (!(box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement)) return;
    if (!box.closest(boxes) || box.closest('[data-testid="stForm"]')) return;
    clearTimeout(timers.get(box));
    waiting.add(box);
    timers.set(box, setTimeout(() => { waiting.delete(box); keep(box); }, delay));
  };
  // Leaving (a closed tab, a reload) within the pause: what was typed is handed over at once, as the
  // page goes (text typed the second before closing was lost, though the box says it is kept as
  // you go). No "leave this page?" question: the words are kept without one.
  const onLeave = () => {
    const typed = [...waiting].filter((box) => box.isConnected);
    waiting.clear();
    typed.forEach((box) => { clearTimeout(timers.get(box)); box.blur(); });
  };
  // A link to another page clicked within the pause: the click's blur sends the text and a rerun
  // of this page, and the page switch sent beside it was lost: the page stayed, its boxes blank, and
  // the next keystroke saved the blank form over the draft. Hold the click until the text is kept.
  const app = () => document.querySelector('[data-testid="stApp"]');
  const settled = () => app()?.dataset.testScriptState === "notRunning";
  const onLinkClick = (event) => {
    const link = event.target.closest?.('[data-testid="stPageLink"] a, [data-testid="stPageLink-NavLink"]');
    if (!link || !event.isTrusted || ![...waiting].some((box) => box.isConnected)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    onLeave();  // hands the text over now (a blur, if the click did not already give one)
    const deadline = Date.now() + 10000;
    const go = () => (settled() || Date.now() > deadline ? link.click() : setTimeout(go, 100));
    setTimeout(go, 250);  // the rerun that keeps the text starts first
  };
  if (window.__reboundKeepTyping) document.removeEventListener("input", window.__reboundKeepTyping, true);
  if (window.__reboundLeave) window.removeEventListener("beforeunload", window.__reboundLeave);
  if (window.__reboundLinkClick) document.removeEventListener("click", window.__reboundLinkClick, true);
  window.__reboundKeepTyping = onInput;
  window.__reboundLeave = onLeave;
  window.__reboundLinkClick = onLinkClick;
  document.addEventListener("input", onInput, true);
  window.addEventListener("beforeunload", onLeave);
  document.addEventListener("click", onLinkClick, true);
  return () => {
    document.removeEventListener("input", onInput, true);
    window.removeEventListener("beforeunload", onLeave);
    document.removeEventListener("click", onLinkClick, true);
    if (window.__reboundKeepTyping === onInput) window.__reboundKeepTyping = null;
    if (window.__reboundLeave === onLeave) window.__reboundLeave = null;
    if (window.__reboundLinkClick === onLinkClick) window.__reboundLinkClick = null;
  };
}
"""

_keeper = st.components.v2.component("rebound_keep_typing", js=_JS)


def keep_typing() -> None:
    """Mount once on a page whose text boxes save a draft on change: typing then reaches the draft
    about a second after the last keystroke, with the cursor still in the box."""
    with st.sidebar:  # out of the page's flow: nothing on the page waits for it to load
        _keeper(key="rebound_keep_typing", data={"delay": KEEP_AFTER_MS}, height=0)
