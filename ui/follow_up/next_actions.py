"""The Home "next actions" list: what you owe and are owed, with done, snooze and a calendar file."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from lib.core.db import Engine
from lib.follow_up import next_actions
from lib.follow_up.calendar import actions_to_ics
from lib.store import next_actions as action_store
from ui import accessible_names, focus, forms, layout, state, tables
from ui.text import md

SHOWN = 5  # actions drawn with buttons (a few at a time is calmer); the rest are listed compactly
REST_ROWS = 200
LINK_LABELS = {"compose": "Write it", "rejection": "Look back", "questions": "Prep sheet"}  # else "Open"
ROOT = Path(__file__).resolve().parents[2]
ICONS = {
    "note": ":material/edit_note:",
    "feedback": ":material/forum:",
    "check-in": ":material/schedule:",
    "connect": ":material/person_add:",
    "reflect": ":material/self_improvement:",
    "interview": ":material/event:",
    "offer": ":material/celebration:",
    "review": ":material/flag:",
}
SNOOZES = {"Tomorrow": 1, "In 3 days": 3, "Next week": 7}
SNOOZED_SHOWN = 20  # snoozed actions listed with a button; the rest counted
# The last action marked done, offered back (Undo) while Home stays open: a Done clicked by mistake
# was gone for good. Under forms.KEPT, so another page (or another save's message) ends the offer.
UNDO = f"{forms.KEPT}:next_action_undo"
REFOCUS = "next_actions_refocus"  # a row just left the list: where the keyboard goes next
# Later's choices are drawn at the end of the page: on opening, the cursor goes to the first of them
SNOOZE_OPENED = "next_actions_snooze_opened"


@state.cached(shared=True)  # only read (calm() makes new actions): a rerun takes the lists as they are
def _sorted_actions(
    engine: Engine, today: dt.date
) -> tuple[list[next_actions.Action], list[tuple[next_actions.Action, dt.date]]]:
    since = today - dt.timedelta(days=next_actions.LOOKBACK_DAYS)
    facts = action_store.load_facts(engine, since)
    return next_actions.sort_out(facts, today, action_store.action_states(engine))


def _open_actions(today: dt.date) -> list[next_actions.Action]:
    return _sorted_actions(today)[0]


@state.cached()
def _rest_frame(engine: Engine, today: dt.date) -> pd.DataFrame:
    # The actions past the first few, as the compact table shows them (at most REST_ROWS): by day
    # due, as a table with "Due" first is read (in the list's order, by kind first, it read as muddled)
    rest = next_actions.as_frame(_open_actions(today)[SHOWN : SHOWN + REST_ROWS])
    return rest.sort_values("due_on", kind="stable", ignore_index=True)


def open_actions(today: dt.date | None = None) -> list[next_actions.Action]:
    """The open next actions of the current data (per data revision and day)."""
    return _open_actions(today or dt.date.today())


def anything_listed(today: dt.date | None = None) -> bool:
    """Whether the list has anything, open or snoozed: with no application yet, a check-in with
    someone in the network (or a strategy review) is still owed, and Home shows it."""
    actions, snoozed = _sorted_actions(today or dt.date.today())
    return bool(actions or snoozed)


def _decide(action: next_actions.Action, status: str, days: int | None = None) -> None:
    until = dt.date.today() + dt.timedelta(days=days) if days else None
    checked_in = (action.contact_id, dt.date.today()) if action.kind == "check-in" else None
    connected = (action.contact_id, dt.date.today()) if action.kind == "connect" else None
    action_store.set_action_state(
        state.engine(),
        action.rule_key,
        status,
        title=action.title,
        due_on=action.due_on,
        snoozed_until=until,
        checked_in=checked_in,
        connected=connected,
    )
    # a Done that also wrote the person's day (a check-in, a connection) is not offered back: undone,
    # the list and the person would disagree
    if status == "done" and checked_in is None and connected is None:
        st.session_state[UNDO] = (action.rule_key, action.title)
    else:
        st.session_state.pop(UNDO, None)
    if status != "open":  # its row goes: the keyboard goes on to Undo, or the next action
        forms.leave(REFOCUS, True)
    if status == "open":
        said = "Back in your next actions."
    elif status != "done":
        said = f"Snoozed until {until:%a %d %b}."
    else:
        said = "Done: your last contact is today." if checked_in else "Done."
        said = "Done: connected today." if connected else said
    st.toast(said, icon=":material/check:")


def _row_key(action: next_actions.Action) -> str:
    return f"action_row_{action.rule_key}"


def _name_rows(actions: list[next_actions.Action]) -> None:
    """Each row's controls named with its action ("Done: Thank Jo at Acme") for a screen reader."""
    accessible_names.name_controls({_row_key(action): action.title for action in actions})


def _row(action: next_actions.Action, today: dt.date) -> None:
    with st.container(border=True, key=_row_key(action)):
        # worded buttons, not bare icons: a screen reader announced them as "check" and "snooze"
        text, act, done, snooze = st.columns([11, 3, 3, 3], vertical_alignment="center")
        when = next_actions.when_suffix(action, today)
        text.markdown(
            f"{ICONS.get(action.kind, ':material/task_alt:')} **{md(action.title)}**  \n"
            f"{md(action.detail)}" + (f" *({when})*" if when else "")
        )
        page = f"pages/{action.target}.py"  # a rule's target names the page that acts on it
        if action.target and (ROOT / page).exists():
            act.page_link(
                page,
                label=LINK_LABELS.get(action.target, "Open"),
                icon=":material/arrow_forward:",
                query_params=action.params,
            )
        done.button(
            "Done",
            key=f"done_{action.rule_key}",
            icon=":material/check:",
            help="Mark done: it leaves the list",
            on_click=_decide,
            args=(action, "done"),
        )
        choices = snooze.popover(
            "Later",
            icon=":material/snooze:",
            help="Snooze: it comes back on the day you pick",
            key=f"snooze_open_{action.rule_key}",
            on_change=_snooze_toggled,
            args=(action.rule_key,),
        )
        if not choices.open:  # its buttons are drawn when it opens: five rows, fifteen fewer widgets
            return
        if forms.take(SNOOZE_OPENED) == action.rule_key:
            focus.now(f"snooze_{next(iter(SNOOZES.values()))}_{action.rule_key}")
        with choices:
            for label, days in SNOOZES.items():
                st.button(
                    label,
                    key=f"snooze_{days}_{action.rule_key}",
                    on_click=_decide,
                    args=(action, "snoozed", days),
                )


def _snooze_toggled(rule_key: str) -> None:
    if st.session_state.get(f"snooze_open_{rule_key}"):
        forms.leave(SNOOZE_OPENED, rule_key)


def _refocus(actions: list[next_actions.Action]) -> None:
    """After Done or Later, the focus on Undo (or the next action's Done), not the page's body."""
    target = forms.take(REFOCUS)
    if not target:
        return
    if isinstance(target, str):  # an action brought back: its own Done, where it is listed again
        if any(f"done_{action.rule_key}" == target for action in actions[:SHOWN]):
            focus.now(target)
    elif st.session_state.get(UNDO):
        focus.now("undo_done")
    elif actions:
        focus.now(f"done_{actions[0].rule_key}")


def _undo(rule_key: str) -> None:
    action_store.set_action_state(state.engine(), rule_key, "open")
    st.session_state.pop(UNDO, None)
    forms.leave(REFOCUS, f"done_{rule_key}")
    st.toast("Back in your next actions.", icon=":material/undo:")


def _undo_line() -> None:
    """ "Marked done: …" with Undo, for the last action marked done on this visit."""
    last = st.session_state.get(UNDO)
    if not last:
        return
    rule_key, title = last
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(f"Marked done: {md(title)}.", width="content")
        st.button("Undo", key="undo_done", icon=":material/undo:", on_click=_undo, args=(rule_key,))


def _calm(actions: list[next_actions.Action], held: list[next_actions.Action], today: dt.date) -> None:
    if actions:
        st.subheader("Only what can't wait")
        for action in actions:
            _row(action, today)
        _name_rows(actions)
    if held:
        back = held[0].held_until
        st.caption(
            f"{len(held)} other thing{'s' if len(held) != 1 else ''} can wait: "
            f"{'they come' if len(held) != 1 else 'it comes'} back {next_actions.back_on(back, today)}, "
            "after your pause."
        )
    if snoozed := _sorted_actions(today)[1]:
        st.caption(_snoozed_sentence(snoozed))


def render(pause_ends: dt.datetime | None = None) -> None:
    """Draw the list (Home). While a pause runs (`pause_ends`), only what cannot wait is drawn;
    the rest is held and said to come back when the pause ends."""
    today = dt.date.today()
    actions, held = next_actions.calm(open_actions(today), pause_ends, today)
    if pause_ends is not None:
        _calm(actions, held, today)
        _undo_line()
        return
    head, export = st.columns([3, 1], vertical_alignment="bottom")
    head.subheader(f"Next actions ({len(actions)})" if actions else "Next actions")
    _undo_line()
    snoozed = _sorted_actions(today)[1]
    if not actions:
        if snoozed:
            st.caption(f"Nothing owed today. {_snoozed_sentence(snoozed)}")
        else:
            st.caption(
                "Nothing owed right now. After an interview or a “no”, thank-you notes, feedback to "
                "chase, check-ins and people to connect with show up here."
            )
        _snoozed_list(snoozed)
        _refocus(actions)
        return
    # Built only when clicked (a few hundred actions take a while to write as a calendar). No rerun on
    # the click: a rerun replaces the file's id while the browser is still asking for it.
    export.download_button(
        "Add to my calendar (.ics)",
        partial(actions_to_ics, actions, today),
        file_name="rebound-next-actions.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key="next_actions_ics",
        on_click="ignore",
        help="The open actions as all-day events, for your own calendar app.",
    )
    for action in actions[:SHOWN]:
        _row(action, today)
    _name_rows(actions[:SHOWN])
    _refocus(actions)
    rest = actions[SHOWN:]
    if rest:
        label = f"{len(rest)} more" + (f" (the first {REST_ROWS} listed)" if len(rest) > REST_ROWS else "")
        if rest_box := layout.lazy_expander(label, key="next_actions_rest"):  # built when opened
            with rest_box:  # sentences that wrap: in a grid, "Why" was cut at 1,280 px
                rest_frame = _rest_frame(today)
                rest_frame["due_on"] = pd.to_datetime(rest_frame["due_on"]).dt.strftime("%d %b %Y")
                tables.reading_table(rest_frame, {"due_on": "Due", "title": "Action", "detail": "Why"})
    if snoozed:
        st.caption(_snoozed_sentence(snoozed))
        _snoozed_list(snoozed)


def _snoozed_sentence(snoozed: list[tuple[next_actions.Action, dt.date]]) -> str:
    first = snoozed[0][1]
    if len(snoozed) == 1:
        return f"One thing you snoozed comes back on {first:%a %d %b}."
    return f"{len(snoozed)} things you snoozed come back from {first:%a %d %b}."


def _snoozed_list(snoozed: list[tuple[next_actions.Action, dt.date]]) -> None:
    """The snoozed actions, each with the day it comes back and a way to bring it back now."""
    if not snoozed:
        return
    with st.expander(f"Snoozed ({len(snoozed)})", icon=":material/snooze:"):
        for action, until in snoozed[:SNOOZED_SHOWN]:
            text, back = st.columns([5, 2], vertical_alignment="center")
            text.markdown(f"{md(action.title)}  \n*back on {until:%a %d %b}*")
            back.button(
                "Bring back now",
                key=f"unsnooze_{action.rule_key}",
                on_click=_decide,
                args=(action, "open"),
            )
        if len(snoozed) > SNOOZED_SHOWN:
            st.caption(f"and {len(snoozed) - SNOOZED_SHOWN:,} more, back on their days.")
    accessible_names.name_controls(
        {f"unsnooze_{action.rule_key}": action.title for action, _ in snoozed[:SNOOZED_SHOWN]}
    )
