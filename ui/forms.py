"""Form helpers: field errors shown right under the field they belong to."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from lib.core.db import BUSY_MESSAGE, DatabaseBusy
from lib.core.models import field_errors
from lib.store.base import StoreError
from ui.text import md

FLASH = "flash_message"  # a message left by a save, shown once after the rerun


def flash(message: str) -> None:
    """Leave `message` (plain text, shown literally) for the next run of whichever page comes next."""
    st.session_state[FLASH] = message


def show_flash() -> None:
    """Show the message left by the last save, once."""
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(md(message), icon=":material/check_circle:")


def errors_key(form: str) -> str:
    return f"{form}__errors"


def set_errors(form: str, errors: dict[str, str]) -> None:
    st.session_state[errors_key(form)] = errors


def clear_errors(form: str) -> None:
    st.session_state.pop(errors_key(form), None)


def errors_from(exc: Exception) -> dict[str, str]:
    if isinstance(exc, ValidationError):
        return field_errors(exc)
    if isinstance(exc, StoreError):
        return {exc.field or "form": exc.message}
    if isinstance(exc, DatabaseBusy):
        return {"form": BUSY_MESSAGE}
    raise exc


def show_busy() -> None:
    """A write waited too long for another one (a big import): say so calmly; what was typed stays."""
    st.info(BUSY_MESSAGE + " What you typed is still here.", icon=":material/hourglass_top:")


def field_error(form: str, field: str, label: str | None = None) -> None:
    """Draw the error for `field` (if any) right where it is called: under its widget."""
    message = st.session_state.get(errors_key(form), {}).get(field)
    if message:
        if message[0].islower():  # a validator's fragment ("is required"): say which field
            message = f"{label or field.replace('_', ' ').capitalize()} {message}"
        st.error(message, icon=":material/error:")


def form_error(form: str) -> None:
    """Errors that belong to no single field, plus a summary when any field has one."""
    errors = st.session_state.get(errors_key(form), {})
    if "form" in errors:
        st.error(errors["form"], icon=":material/error:")
    elif errors:
        st.error("Nothing was saved yet: please fix the fields marked below.", icon=":material/error:")
