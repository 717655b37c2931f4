"""People: one person however their name is typed, at one company.

The same name (case, spacing and accents ignored) or the same email at the same company is one
person already in the network; the same name at two different companies is two people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lib.search.companies import company_key, plain


def person_key(name: object) -> str:
    """A person's name as compared: "  jo  TEST" == "Jo Test", "Zoë" == "Zoe"."""
    return " ".join(plain(str(name or "")).split())


def _email_key(email: object) -> str:
    return str(email or "").strip().casefold()


def same_person(
    name: str, email: str | None, company: str | None, people: Iterable[dict[str, Any]]
) -> dict[str, Any] | None:
    """The first of `people` (dicts with name, email, company) who is this person, else None."""
    wanted_company = company_key(company) if company else ""
    wanted_name, wanted_email = person_key(name), _email_key(email)
    for person in people:
        other_company = company_key(person["company"]) if isinstance(person.get("company"), str) else ""
        if other_company != wanted_company:
            continue
        if wanted_name and person_key(person.get("name")) == wanted_name:
            return person
        if wanted_email and _email_key(person.get("email")) == wanted_email:
            return person
    return None
