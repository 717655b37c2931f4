"""What an assistant may write, when the person allowed it: the app's own pydantic models and
store transactions, so a write from an assistant is checked exactly like one from a form.

Each function returns what was written, in a sentence the assistant can repeat to the person.
Anything refused raises `Refused` with a message that says what to fix; nothing is written then.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from lib.core import vocab
from lib.core.db import Engine
from lib.core.models import ApplicationIn, ContactIn, StageEventIn, field_errors
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store.base import StoreError


class Refused(ValueError):
    """A write that was not made, with the reason (in the person's words)."""


def _valid(model: type[BaseModel], values: dict[str, Any]) -> Any:
    given = {k: v for k, v in values.items() if v is not None}
    try:
        return model(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{field.replace('_', ' ')} {message}" for field, message in field_errors(exc).items()
        )
        raise Refused(f"Nothing was written: {problems}.") from None


def _stored(write, *args) -> int:
    try:
        return write(*args)
    except StoreError as exc:
        field = f" ({exc.field.replace('_', ' ')})" if exc.field and exc.field != "form" else ""
        raise Refused(f"Nothing was written{field}: {exc.message}") from None


def add_application(engine: Engine, values: dict[str, Any]) -> dict[str, Any]:
    app = _valid(ApplicationIn, values)
    new_id = _stored(app_store.add_application, engine, app)
    return {
        "written": "application",
        "id": new_id,
        "summary": f"Added application #{new_id}: {app.company} — {app.role}, applied on "
        f"{app.applied_on:%d %b %Y} via {app.channel}.",
    }


def record_stage_event(engine: Engine, values: dict[str, Any]) -> dict[str, Any]:
    event = _valid(StageEventIn, values)
    if app_store.get_application(engine, event.application_id) is None:
        raise Refused(f"Nothing was written: there is no application with id {event.application_id}.")
    new_id = _stored(app_store.add_stage_event, engine, event)
    return {
        "written": "stage event",
        "id": new_id,
        "application_id": event.application_id,
        "summary": f"Recorded {vocab.stage_label(event.kind).lower()} on {event.occurred_on:%d %b %Y} "
        f"for application #{event.application_id}.",
    }


def add_contact(engine: Engine, values: dict[str, Any]) -> dict[str, Any]:
    contact = _valid(ContactIn, values)
    new_id = _stored(contact_store.add_contact, engine, contact)
    at = f" at {contact.company}" if contact.company else ""
    return {
        "written": "contact",
        "id": new_id,
        "summary": f"Added {contact.name} ({contact.role}){at} to your network.",
    }
