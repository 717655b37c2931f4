"""The Network page's parts: the person form, one person, the list, who to connect with.

Rules live in lib.search.people (identity, the search, "met, not connected"); writes in
lib.store.contacts (which refuses a person already in the network).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.db import DatabaseBusy
from lib.core.models import ContactIn
from lib.core.text import plural
from lib.search import people as rules
from lib.store import contacts as store
from lib.store.base import StoreError
from ui import focus, forms, layout, state
from ui.follow_up import followups
from ui.search import company_picker
from ui.text import address, md

ADD = "contact_add"
SHOWN_ROWS = 1_000
TO_CONNECT_SHOWN = 12
ROWS_DRAWN = "network_rows_drawn"
LINK_SEEN = "network_link"  # the ?contact= a person was last opened from (ui.search.person)
DUPLICATE = "contact_duplicate"  # the person a refused add matched: shown with a link


def _date(form: str, label: str, field: str, current: dict, column, today: dt.date):
    """A day of the person's record, its error under it: a stored day after today (typed on another
    machine, imported) is shown as it is, and the save says what is wrong with it."""
    value = current.get(field, today if field == "met_on" else None)
    day = None if value is None or pd.isna(value) else pd.Timestamp(value).date()
    with column:
        picked = forms.date_field(label, forms.key(form, field), day)
        forms.field_error(form, field, label)
    return picked


def contact_form(form: str, current: dict | None = None, submit: str = "Add person") -> ContactIn | None:
    """The person form; returns the validated contact when submitted without errors."""
    current, today = current or {}, dt.date.today()
    forms.form_error(form)
    company_key = forms.key(form, "company")
    company = company_picker.pick(
        company_key, state.company_names(), label="Company", current=current.get("company")
    )
    forms.field_error(form, "company", "Company", answered=company is not None)
    with st.form(forms.form_key(form), border=False):
        name_col, role_col = st.columns(2)
        name = forms.text_field(form, ContactIn, "name", "Name *", current, where=name_col)
        role = role_col.selectbox(
            "Role",
            vocab.CONTACT_ROLES,
            key=forms.key(form, "role"),
            index=vocab.CONTACT_ROLES.index(current.get("role") or "other"),
        )
        email_col, phone_col = st.columns([3, 2])  # an address is the longer of the two
        email = forms.text_field(
            form, ContactIn, "email", "Email", current, where=email_col, placeholder="name@example.com"
        )
        phone = forms.text_field(form, ContactIn, "phone", "Phone", current, where=phone_col)
        met_col, connected_col = st.columns(2)
        met_on = _date(form, "Met on", "met_on", current, met_col, today)
        connected_on = _date(form, "Connected on", "connected_on", current, connected_col, today)
        # Folded for someone new (their Add person stays in view at 1,280 × 800, under the demo's
        # banner too); open when editing a person, or when one of these fields has an error to show.
        later = ("profile_url", "last_contact_on", "next_checkin_on", "notes")
        errors = st.session_state.get(forms.errors_key(form), {})
        with st.expander(
            "More: profile link, last contact, next check-in, notes",
            expanded=bool(current) or any(field in errors for field in later),
        ):
            profile_url = forms.text_field(
                form,
                ContactIn,
                "profile_url",
                "LinkedIn or other profile",
                current,
                error_label="Profile link",
                placeholder="https://www.linkedin.com/in/…",
            )
            # one above the other: side by side inside the drawer, a filled day with its clear
            # button read "01 / 12 / 20…" at 1,280 px
            last_contact_on = _date(form, "Last contact", "last_contact_on", current, st.container(), today)
            next_checkin_on = _date(form, "Next check-in", "next_checkin_on", current, st.container(), today)
            notes = forms.text_field(form, ContactIn, "notes", "Notes", current, area=True, height=68)
        icon = ":material/save:" if current else ":material/person_add:"  # editing, or adding
        submitted = st.form_submit_button(submit, type="primary", icon=icon)
    if not submitted:
        return None
    if company is None and company_picker.waiting(company_key):
        forms.set_errors(form, {"company": company_picker.UNANSWERED})
        st.rerun()
    try:
        return ContactIn(
            name=name,
            company=company,
            role=role,
            email=email,
            phone=phone,
            profile_url=profile_url,
            met_on=met_on,
            connected_on=connected_on,
            last_contact_on=last_contact_on,
            next_checkin_on=next_checkin_on,
            notes=notes,
        )
    except ValidationError as exc:
        forms.set_errors(form, forms.errors_from(exc))
        st.rerun()


def _open_duplicate(contact_id: int) -> None:
    """The person the refused add matched, opened at the top (as a link from a next action does);
    the refusal is done with, the words typed stay."""
    st.query_params["contact"] = str(contact_id)
    st.session_state.pop(LINK_SEEN, None)  # "opened once": open it again, even if it was before
    st.session_state.pop(DUPLICATE, None)
    forms.clear_errors(ADD)


def add_person() -> None:
    """The "Add a person" form: after a save it is empty again; the same person twice is refused
    with a link to the one already in the network (a double click adds one)."""
    st.markdown("#### Add a person")
    duplicate = st.session_state.get(DUPLICATE)
    new = contact_form(ADD)
    focus.show(ADD)
    if duplicate and new is None:
        # a button, not a link to this page: such a link ran without writing the address, and the
        # person did not open
        st.button(
            f"Open {md(duplicate['name'])}",
            key="open_duplicate",
            icon=":material/person:",
            on_click=_open_duplicate,
            args=(int(duplicate["id"]),),
        )
    if new is None:
        return
    st.session_state.pop(DUPLICATE, None)
    if forms.already_saved(ADD, new, only_just=True):  # a double click: saved once, and still said
        forms.renew(ADD)
        forms.flash(f"Added {new.name}.")
        st.rerun()
    try:
        new_id = store.add_contact(state.engine(), new)
    except store.AlreadyInNetwork as exc:
        forms.set_errors(ADD, forms.errors_from(exc))
        st.session_state[DUPLICATE] = {"id": exc.existing_id, "name": exc.existing_name}
    except (StoreError, DatabaseBusy) as exc:
        forms.set_errors(ADD, forms.errors_from(exc))
    else:
        forms.mark_saved(ADD, new)
        forms.renew(ADD)
        focus.after_save(ADD, company_picker.input_key(forms.key(ADD, "company")))  # the first field
        st.session_state["network_person"] = new_id  # person.PICKED: the one just added is opened
        forms.flash(f"Added {new.name}.")
    st.rerun()


@state.cached(shared=True)  # once per data revision and search, not on every rerun
def _people_shown(engine, needle: str, roles: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    people = rules.with_noted_company(followups.contacts())  # the page's own cached list
    shown = rules.filter_people(people, needle, roles)
    return shown.head(SHOWN_ROWS), len(shown)


def people_list(total: int) -> None:
    count = st.empty()  # said above the search, once the search says how many match
    search_col, role_col = st.columns([2, 1])
    needle = search_col.text_input("Search", key="network_search", placeholder="Name or company")
    roles = role_col.multiselect("Role", vocab.CONTACT_ROLES, key="network_roles")
    shown, matching = _people_shown(needle, tuple(roles))
    in_network = f"{plural(total, 'person', 'people')} in your network"
    # a search that narrows says so ("130 people" stood above 6 rows)
    count.caption(f"{in_network}; {matching:,} match." if needle.strip() or roles else f"{in_network}.")
    generation = st.session_state.get(ROWS_DRAWN, 0)  # a new table after a pick: its selection gone
    selection = st.dataframe(
        shown,
        hide_index=True,
        on_select="rerun",  # a row opens the person, as a row of the log opens its application
        selection_mode="single-row",
        key=f"network_rows_{generation}",
        height="auto" if len(shown) <= 8 else 320,  # a few people: no empty rows beneath them
        # who, and when to reach out next: four columns that fit the list's 450 px at 1,280 (nine
        # scrolled sideways, the way to reach them off to the right); a person's card has the rest
        column_order=["name", "company", "role", "next_checkin_on"],
        column_config={
            "name": st.column_config.TextColumn("Name", width=115),
            "company": st.column_config.TextColumn("Company", width=135),
            "role": st.column_config.TextColumn("Role", width=100),
            "next_checkin_on": st.column_config.DateColumn("Next check-in", format="DD MMM YYYY", width=95),
        },
        placeholder="",
    )
    st.caption(
        "Select a row to open the person (with the keyboard: arrow keys to its row, then Shift+Space)."
        + (
            f" Showing {SHOWN_ROWS:,} of {matching:,}: narrow it with the search."
            if matching > SHOWN_ROWS
            else ""
        )
    )
    rows = selection.selection.rows if selection else []
    if rows:
        st.session_state[ROWS_DRAWN] = generation + 1
        st.session_state.pop(LINK_SEEN, None)  # the same person linked again opens again
        st.switch_page("pages/network.py", query_params={"contact": str(int(shown.iloc[rows[0]]["id"]))})


def to_connect(unconnected: pd.DataFrame) -> None:
    if unconnected.empty:
        st.caption("You are connected with everyone you met.")
        return
    st.caption(
        f"{plural(len(unconnected), 'person', 'people')} you met, not connected yet. Connect with each, "
        "with a short personal note. Most recently met first."
    )
    for person in unconnected.head(TO_CONNECT_SHOWN).itertuples():
        who, actions = st.columns(2, vertical_alignment="center")
        who.markdown(
            f"**{md(person.name)}** · {md(person.role)}"
            + (f" · {md(person.company)}" if isinstance(person.company, str) else "")
            + f"  \nmet {person.met_on:%d %b %Y}"
        )
        # The buttons wrap rather than cut their labels when the column is narrow.
        with actions.container(horizontal=True, horizontal_alignment="right"):
            if isinstance(person.profile_url, str) and person.profile_url:
                st.link_button("Profile", person.profile_url, icon=":material/open_in_new:")
            if st.button("Connected today", key=f"connected_{person.id}", icon=":material/how_to_reg:"):
                store.mark_connected(state.engine(), int(person.id), dt.date.today())
                st.rerun()
    if len(unconnected) > TO_CONNECT_SHOWN:
        st.caption(f"… and {len(unconnected) - TO_CONNECT_SHOWN:,} more (see People).")


def person_labels(people: pd.DataFrame) -> dict[int, str]:
    return {
        int(r.id): f"{r.name} ({r.role}" + (f", {r.company})" if isinstance(r.company, str) else ")")
        for r in people.head(500).itertuples()
    }


def facts(person: dict[str, Any]) -> None:
    st.markdown(f"### {md(person['name'])}")
    st.markdown(f"{md(person['role'])}" + (f" at **{md(person['company'])}**" if person["company"] else ""))
    lines = [
        ("Email", person["email"]),
        ("Phone", person["phone"]),
        ("Met", person["met_on"] and f"{person['met_on']:%d %b %Y}"),
        ("Connected", person["connected_on"] and f"{person['connected_on']:%d %b %Y}"),
        ("Last contact", person["last_contact_on"] and f"{person['last_contact_on']:%d %b %Y}"),
        ("Next check-in", person["next_checkin_on"] and f"{person['next_checkin_on']:%d %b %Y}"),
    ]
    st.markdown(
        "  \n".join(
            f"**{label}:** {address(value) if label == 'Email' else md(value)}"
            for label, value in lines
            if value
        )
    )
    if person["notes"]:
        layout.long_text(person["notes"])
