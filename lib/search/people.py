"""People: one person however their name is typed, at one company.

The same name (case, spacing and accents ignored) or the same email at the same company is one
person already in the network; the same name at two different companies is two people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from lib.search.companies import company_key, plain
from lib.search.filters import matches_text


def person_key(name: object) -> str:
    """A person's name as compared: "  jo  TEST" == "Jo Test", "Zoë" == "Zoe"."""
    return " ".join(plain(str(name or "")).split())


def _email_key(email: object) -> str:
    return str(email or "").strip().casefold()


def same_person(
    name: str, email: str | None, company: str | None, people: Iterable[dict[str, Any]]
) -> dict[str, Any] | None:
    """The first of `people` (dicts with name, email, company) who is this person, else None: the
    same name at the same company, or the same email at any (one address is one person: the same
    Priya typed again with her company left empty made a second Priya)."""
    wanted_company = company_key(company) if company else ""
    wanted_name, wanted_email = person_key(name), _email_key(email)
    for person in people:
        if wanted_email and _email_key(person.get("email")) == wanted_email:
            return person
        other_company = company_key(person["company"]) if isinstance(person.get("company"), str) else ""
        if other_company == wanted_company and wanted_name and person_key(person.get("name")) == wanted_name:
            return person
    return None


def filter_people(people: pd.DataFrame, text: str = "", roles: tuple[str, ...] = ()) -> pd.DataFrame:
    """The people whose name or company contains `text`, with one of `roles` when any are given."""
    shown = people[matches_text(people, text, ("name", "company"))]
    return shown[shown["role"].isin(roles)] if roles else shown


def met_not_connected(people: pd.DataFrame) -> pd.DataFrame:
    """People met but not connected with yet (a connection request is the next step), most recently
    met first."""
    waiting = people[people["met_on"].notna() & people["connected_on"].isna()]
    return waiting.sort_values("met_on", ascending=False, kind="stable")


def split_known(new_people: list[Any], known: pd.DataFrame) -> tuple[list[int], list[Any]]:
    """People typed as new (objects with .name and .email) who are already among `known` (id, name,
    email when known; all at the same company): their ids, and the ones really new."""
    rows = known.to_dict("records")
    ids, really_new = [], []
    for person in new_people:
        same = same_person(person.name, getattr(person, "email", None), None, rows)
        if same is None:
            really_new.append(person)
        else:
            ids.append(int(same["id"]))
    return ids, really_new


NOTED_COMPANY = r"\ACompany: *([^\n]*\S)"  # the line an import writes for a company not among yours


def with_noted_company(people: pd.DataFrame) -> pd.DataFrame:
    """`people` with a missing company taken from the notes' first line "Company: X" (an imported
    connection whose company is not one of yours keeps it there); the data itself is unchanged."""
    if people.empty or "notes" not in people:
        return people
    noted = people["notes"].where(people["notes"].map(lambda v: isinstance(v, str)))
    noted = noted.str.extract(NOTED_COMPANY, expand=False)
    return people.assign(company=people["company"].where(people["company"].notna(), noted))
