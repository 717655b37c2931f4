"""Network: the people met at each company, how to reach them, and who to connect with."""

import datetime as dt

import streamlit as st
from pydantic import ValidationError

from lib.core import vocab
from lib.core.models import ContactIn
from lib.store import contacts as store
from lib.store.base import StoreError
from ui import forms, layout, state
from ui.follow_up import followups
from ui.params import int_param
from ui.text import md

ADD = "contact_add"
SHOWN_ROWS = 1_000
TO_CONNECT_SHOWN = 12
FIELDS = (
    "name",
    "company",
    "role",
    "email",
    "phone",
    "profile_url",
    "met_on",
    "connected_on",
    "last_contact_on",
    "next_checkin_on",
    "notes",
)

st.title("Network")
layout.demo_banner()

today = dt.date.today()
engine = state.engine()
people = followups.contacts()


def contact_form(form: str, current: dict | None = None, submit: str = "Add person") -> ContactIn | None:
    """The person form; returns the validated contact when submitted without errors."""
    current = current or {}
    names = state.company_names()
    forms.form_error(form)
    with st.form(form, border=True):
        name_col, role_col = st.columns(2)
        name = name_col.text_input("Name *", value=current.get("name") or "", key=f"{form}_name")
        with name_col:
            forms.field_error(form, "name", "Name")
        role = role_col.selectbox(
            "Role",
            vocab.CONTACT_ROLES,
            key=f"{form}_role",
            index=vocab.CONTACT_ROLES.index(current.get("role") or "other"),
        )
        company_col, email_col = st.columns(2)
        options = sorted(set(names) | ({current["company"]} if current.get("company") else set()))
        company = company_col.selectbox(
            "Company",
            options,
            key=f"{form}_company",
            accept_new_options=True,
            index=options.index(current["company"]) if current.get("company") else None,
            placeholder="Type to find or add",
        )
        email = email_col.text_input(
            "Email", value=current.get("email") or "", key=f"{form}_email", placeholder="name@example.com"
        )
        with email_col:
            forms.field_error(form, "email", "Email")
        phone_col, url_col = st.columns(2)
        phone = phone_col.text_input("Phone", value=current.get("phone") or "", key=f"{form}_phone")
        with phone_col:
            forms.field_error(form, "phone", "Phone")
        profile_url = url_col.text_input(
            "LinkedIn or other profile",
            value=current.get("profile_url") or "",
            key=f"{form}_profile_url",
            placeholder="https://www.linkedin.com/in/…",
        )
        with url_col:
            forms.field_error(form, "profile_url", "Profile link")
        met_col, connected_col = st.columns(2)
        met_on = met_col.date_input(
            "Met on",
            value=current.get("met_on", today),
            max_value=today,
            key=f"{form}_met_on",
            format="DD/MM/YYYY",
        )
        connected_on = connected_col.date_input(
            "Connected on",
            value=current.get("connected_on"),
            max_value=today,
            key=f"{form}_connected_on",
            format="DD/MM/YYYY",
        )
        with connected_col:
            forms.field_error(form, "connected_on", "Connected on")
        last_col, next_col = st.columns(2)
        last_contact_on = last_col.date_input(
            "Last contact",
            value=current.get("last_contact_on"),
            max_value=today,
            key=f"{form}_last_contact_on",
            format="DD/MM/YYYY",
        )
        next_checkin_on = next_col.date_input(
            "Next check-in",
            value=current.get("next_checkin_on"),
            key=f"{form}_next_checkin_on",
            format="DD/MM/YYYY",
        )
        notes = st.text_area("Notes", value=current.get("notes") or "", key=f"{form}_notes", height=68)
        forms.field_error(form, "notes", "Notes")
        submitted = st.form_submit_button(submit, type="primary", icon=":material/person_add:")
    if not submitted:
        return None
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


def person_section() -> None:
    """One person: details, interviews they were in, notes sent to them, edit, delete."""
    labels = {
        int(r.id): f"{r.name} ({r.role}" + (f", {r.company})" if isinstance(r.company, str) else ")")
        for r in people.head(500).itertuples()
    }
    linked = int_param("contact")  # a link from a next action opens that person, once
    if linked is not None and st.session_state.get("network_link") != linked:
        st.session_state["network_link"] = linked
        st.session_state["network_person"] = linked
    wanted = st.session_state.get("network_person")
    if wanted is not None and wanted not in labels:
        extra = store.get_contact(engine, wanted)
        if extra:
            labels = {wanted: f"{extra['name']} ({extra['role']})"} | labels
    ids = list(labels)
    if wanted not in ids:
        st.session_state.pop("network_person", None)
    chosen = st.selectbox(
        "Open a person",
        ids,
        index=None,
        format_func=lambda i: labels[i],
        key="network_person",
        placeholder="Pick someone",
    )
    person = store.get_contact(engine, chosen) if chosen is not None else None
    if person:
        info, linked = st.columns(2, gap="large")
        with info:
            st.markdown(f"### {md(person['name'])}")
            st.markdown(
                f"{md(person['role'])}" + (f" at **{md(person['company'])}**" if person["company"] else "")
            )
            facts = [
                ("Email", person["email"]),
                ("Phone", person["phone"]),
                ("Met", person["met_on"] and f"{person['met_on']:%d %b %Y}"),
                ("Connected", person["connected_on"] and f"{person['connected_on']:%d %b %Y}"),
                ("Last contact", person["last_contact_on"] and f"{person['last_contact_on']:%d %b %Y}"),
                ("Next check-in", person["next_checkin_on"] and f"{person['next_checkin_on']:%d %b %Y}"),
            ]
            st.markdown("  \n".join(f"**{label}:** {md(value)}" for label, value in facts if value))
            if person["notes"]:
                st.text(person["notes"])
            buttons = st.columns([2, 3, 3])
            if person["profile_url"]:
                buttons[0].link_button("Profile", person["profile_url"], icon=":material/open_in_new:")
            if not person["connected_on"] and buttons[1].button(
                "Connected today", key="person_connected", icon=":material/how_to_reg:"
            ):
                store.mark_connected(engine, chosen, today)
                st.rerun()
            buttons[2].page_link(
                "pages/compose.py",
                label="Write to them",
                icon=":material/edit_note:",
                query_params={"contact": str(chosen), "kind": "contact check-in"},
            )
        with linked:
            st.markdown("**Interviews they were in**")
            met_in = store.contact_interviews(engine, chosen)
            for interview in met_in.itertuples():
                st.markdown(
                    f"- {interview.occurred_on:%d %b %Y} · {md(interview.round_type or 'interview')} · {md(interview.role)}"
                )
            if met_in.empty:
                st.caption("None linked yet.")
            if person["company_id"]:
                candidates = store.interviews_at(engine, int(person["company_id"]))
                candidates = (
                    candidates[~candidates["id"].isin(met_in["id"])] if not met_in.empty else candidates
                )
                if not candidates.empty:
                    options = {
                        int(r.id): f"{r.occurred_on:%d %b %Y} · {r.round_type or 'interview'} · {r.role}"
                        for r in candidates.itertuples()
                    }
                    pick, add = st.columns([3, 1], vertical_alignment="bottom")
                    which = pick.selectbox(
                        "Was in the interview",
                        list(options),
                        format_func=lambda i: options[i],
                        key="person_interview",
                    )
                    if add.button("Link", key="person_link_interview"):
                        store.link_interview(engine, chosen, which)
                        st.rerun()
            st.markdown("**Notes sent to them**")
            sent = store.notes_to(engine, chosen)
            for note in sent.itertuples():
                status = f"sent {note.sent_on:%d %b %Y}" if note.sent_on else "draft"
                st.markdown(f"- {md(note.kind)} · {md(note.subject or '')} · {status}")
            if sent.empty:
                st.caption("No notes yet.")
        with st.expander("Edit"):
            edited = contact_form(f"contact_edit_{chosen}", person, submit="Save changes")
            if edited is not None:
                try:
                    store.update_contact(engine, chosen, edited)
                except StoreError as exc:
                    forms.set_errors(f"contact_edit_{chosen}", forms.errors_from(exc))
                else:
                    forms.clear_errors(f"contact_edit_{chosen}")
                    st.toast("Saved.", icon=":material/check:")
                st.rerun()
        with st.expander("Delete"):
            st.caption("Notes and feedback linked to them stay, without the link.")
            sure = st.checkbox(f"Yes, delete {md(person['name'])}", key="person_delete_sure")
            if st.button(
                "Delete person",
                type="primary",
                disabled=not sure,
                icon=":material/delete:",
                key="person_delete",
            ):
                store.delete_contact(engine, chosen)
                st.session_state.pop("network_person", None)
                st.query_params.pop("contact", None)
                st.rerun()


# Arriving from a next action (?contact=…), the person comes first; otherwise the list and the form.
linked_first = int_param("contact") is not None and not people.empty
if linked_first:
    person_section()
    st.divider()
list_col, add_col = st.columns([3, 2], gap="large")
with add_col:
    st.markdown("#### Add a person")
    new = contact_form(ADD)
    if new is not None:
        try:
            new_id = store.add_contact(engine, new)
        except StoreError as exc:
            forms.set_errors(ADD, forms.errors_from(exc))
        else:
            forms.clear_errors(ADD)
            for key in [k for k in st.session_state if str(k).startswith(f"{ADD}_")]:
                del st.session_state[key]
            st.session_state["network_person"] = new_id
            st.toast(f"Added {new.name}.", icon=":material/check:")
        st.rerun()

with list_col:
    if people.empty:
        st.markdown("#### People")
        st.info(
            "No one here yet. Add the recruiter, the hiring manager and the interviewers you met: "
            "each connection is worth more than the application that brought it.",
            icon=":material/group:",
        )
    else:
        unconnected = people[people["met_on"].notna() & people["connected_on"].isna()]
        people_tab, connect_tab = st.tabs(
            [f"People ({len(people):,})", f"Met, not connected ({len(unconnected):,})"]
        )
        with people_tab:
            search_col, role_col = st.columns([2, 1])
            needle = search_col.text_input("Search", key="network_search", placeholder="Name or company")
            roles = role_col.multiselect("Role", vocab.CONTACT_ROLES, key="network_roles")
            shown = people
            if needle.strip():
                text = needle.strip().casefold()
                shown = shown[
                    shown["name"].str.casefold().str.contains(text, regex=False)
                    | shown["company"].fillna("").str.casefold().str.contains(text, regex=False)
                ]
            if roles:
                shown = shown[shown["role"].isin(roles)]
            st.dataframe(
                shown.head(SHOWN_ROWS),
                hide_index=True,
                height=320,
                column_order=[
                    "name",
                    "company",
                    "role",
                    "email",
                    "profile_url",
                    "met_on",
                    "connected_on",
                    "last_contact_on",
                    "next_checkin_on",
                ],
                column_config={
                    "name": "Name",
                    "company": "Company",
                    "role": "Role",
                    "email": "Email",
                    "profile_url": st.column_config.LinkColumn("Profile"),
                    "met_on": st.column_config.DateColumn("Met", format="DD MMM YYYY"),
                    "connected_on": st.column_config.DateColumn("Connected", format="DD MMM YYYY"),
                    "last_contact_on": st.column_config.DateColumn("Last contact", format="DD MMM YYYY"),
                    "next_checkin_on": st.column_config.DateColumn("Next check-in", format="DD MMM YYYY"),
                },
            )
            if len(shown) > SHOWN_ROWS:
                st.caption(f"Showing {SHOWN_ROWS:,} of {len(shown):,}: narrow it with the search.")
        with connect_tab:
            if unconnected.empty:
                st.caption("You are connected with everyone you met.")
            st.caption(
                "Connect with each person you met, with a short personal note. Most recently met first."
            )
            for person in unconnected.head(TO_CONNECT_SHOWN).itertuples():
                row = st.columns([4, 2, 2], vertical_alignment="center")
                row[0].markdown(
                    f"**{md(person.name)}** · {md(person.role)}"
                    + (f" · {md(person.company)}" if isinstance(person.company, str) else "")
                    + f"  \nmet {person.met_on:%d %b %Y}"
                )
                if isinstance(person.profile_url, str) and person.profile_url:
                    row[1].link_button("Profile", person.profile_url, icon=":material/open_in_new:")
                if row[2].button(
                    "Connected today", key=f"connected_{person.id}", icon=":material/how_to_reg:"
                ):
                    store.mark_connected(engine, int(person.id), today)
                    st.rerun()
            if len(unconnected) > TO_CONNECT_SHOWN:
                st.caption(f"… and {len(unconnected) - TO_CONNECT_SHOWN:,} more (see People).")

if not people.empty and not linked_first:
    st.divider()
    person_section()
