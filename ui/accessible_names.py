"""Buttons and links that say what they act on, to a screen reader.

Home lists its next actions each with the same three controls ("Prep sheet", "Done", "Later"): seen,
the row says which action they belong to; heard, or listed by a screen reader's "buttons" menu,
five "Done" buttons are five of the same. Streamlit gives a button no name of its own, so this small
component (Streamlit's components API, v2: inline JavaScript in the page, no iframe, no network)
names each control in a keyed container "<its words>: <what it acts on>" ("Done: Thank Jo at
Acme"; a subject that starts with the words alone; an icon alone, the subject: "Remove question
2"). The words seen come first, so speaking what is on the screen still finds the control.
"""

from __future__ import annotations

import uuid

import streamlit as st

_JS = """
export default function (component) {
  const names = component.data?.names || {};
  // the class Streamlit gives a keyed element: its key with anything but letters, digits, "_" and
  // "-" made "-" (a next action's key holds ":")
  const box = (key) => document.querySelector(`.${CSS.escape("st-key-" + key.trim().replaceAll(/[^a-zA-Z0-9_-]/g, "-"))}`);
  const words = (control) => {  // what the control shows, without its icon's ligature ("check")
    const label = control.querySelector('[data-testid="stMarkdownContainer"]');
    if (label) return label.textContent.replace(/\\s+/g, " ").trim();
    if (control.matches("button")) return "";  // a button of an icon alone
    const copy = control.cloneNode(true);
    copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach((icon) => icon.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
  };
  const name = () => {
    for (const [key, subject] of Object.entries(names)) {
      const holder = box(key);
      if (!holder) continue;
      for (const control of holder.querySelectorAll("button, a[href]")) {
        const shown = words(control);
        // an icon alone shows no words: the subject is its whole name ("Remove question 2");
        // "Look back at Acme" for a "Look back" link, not "Look back: Look back at Acme"
        const said = !shown || subject.toLowerCase().startsWith(shown.toLowerCase()) ? subject : `${shown}: ${subject}`;
        if (control.getAttribute("aria-label") !== said) control.setAttribute("aria-label", said);
      }
    }
  };
  // a popover opened from a bare icon: its dialog came with an empty name (Streamlit names it by
  // the button's words, of which there are none): it takes the name its button was given
  const nameDialogs = () => {
    const opener = document.querySelector('[data-testid="stPopoverButton"][aria-expanded="true"]');
    const said = opener && opener.getAttribute("aria-label");
    if (!said) return;
    for (const dialog of document.querySelectorAll('[data-testid="stPopoverBody"][role="dialog"]')) {
      if (!dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", said);
    }
  };
  const both = () => { name(); nameDialogs(); };
  both();
  // a control drawn again (a rerun, an expander opened) is a new element: named again, while this
  // run's names hold (the next run's component takes over)
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; both(); });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
"""

_namer = st.components.v2.component("rebound_accessible_names", js=_JS)


def name_controls(names: dict[str, str]) -> None:
    """Name the buttons and links inside each keyed container "<their words>: <subject>" once this
    run has drawn them. `names`: container key -> what its controls act on."""
    if not names:
        return
    with st.sidebar:  # out of the page's flow
        _namer(key=f"rebound_names_{uuid.uuid4().hex[:8]}", data={"names": names}, height=0)


_TOAST_JS = """
export default function () {
  // a toast is an alertdialog whose name points at a title it never draws (axe: aria-dialog-name):
  // it is named by its own words
  const nameToasts = () => {
    for (const toast of document.querySelectorAll('[data-testid="stToast"]')) {
      const words = toast.querySelector('[data-testid="stToastText"]');
      const said = words && words.textContent.replace(/\\s+/g, " ").trim();
      if (said && toast.getAttribute("aria-label") !== said) {
        toast.removeAttribute("aria-labelledby");
        toast.setAttribute("aria-label", said);
      }
    }
  };
  // installed once per page load and kept (no clean-up): drawn on a session's first run only, so
  // the reruns that follow pay nothing for it
  if (window.__reboundToastNamer) return;
  window.__reboundToastNamer = new MutationObserver(() => requestAnimationFrame(nameToasts));
  window.__reboundToastNamer.observe(document.body, { childList: true, subtree: true });
  nameToasts();
}
"""

_toast_namer = st.components.v2.component("rebound_name_toasts", js=_TOAST_JS)


def name_notifications() -> None:
    """Each toast (a save's "Saved") gets its words as its name, on every page: installed on the
    session's first run (a reload starts a new session, and installs it again)."""
    if st.session_state.get("rebound_toasts_named"):
        return
    st.session_state["rebound_toasts_named"] = True
    with st.sidebar:
        _toast_namer(key="rebound_name_toasts", height=0)
