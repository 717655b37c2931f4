"""User settings: typed values with defaults, kept in the `settings` key/value table.

`get_setting(engine, "ghost_days")` always returns an int: the saved value, or the default when
nothing (or something unreadable) is saved. `set_setting` refuses values out of range with a
StoreError naming the setting, so a form can show the message beside its field.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib.core import db, vocab
from lib.store.base import FieldsRefused, StoreError

S = db.settings


@dataclass(frozen=True)
class Setting:
    default: int
    minimum: int
    maximum: int
    label: str
    help: str


SETTINGS: dict[str, Setting] = {
    "ghost_days": Setting(
        vocab.DEFAULT_GHOST_DAYS,
        1,
        365,
        "Ghosted after (days)",
        "An open application with no word from the employer for this many days counts as ghosted.",
    ),
    "reapproach_months": Setting(
        3,
        1,
        36,
        "Re-approach after (months)",
        "How long after a rejection a company is worth approaching again.",
    ),
    "weekly_goal": Setting(
        5,
        0,
        100,
        "Weekly goal (applications)",
        "How many applications you aim to send each week (0: no goal).",
    ),
}


def _setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}; known: {', '.join(SETTINGS)}") from None


def _parse(key: str, raw: str | None) -> int:
    setting = _setting(key)
    try:
        value = int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return setting.default
    return value if setting.minimum <= value <= setting.maximum else setting.default


def get_setting(engine: Engine, key: str) -> int:
    """The saved value of `key`, or its default."""
    _setting(key)
    with engine.connect() as connection:
        raw = connection.execute(sa.select(S.c.value).where(S.c.key == key)).scalar()
    return _parse(key, raw)


def all_settings(engine: Engine) -> dict[str, int]:
    """Every known setting, saved or default, in one read."""
    with engine.connect() as connection:
        saved = dict(connection.execute(sa.select(S.c.key, S.c.value).where(S.c.key.in_(SETTINGS))).all())
    return {key: _parse(key, saved.get(key)) for key in SETTINGS}


def check_setting(key: str, value: int) -> None:
    """Refuse a value out of range with a StoreError for the field `key`."""
    setting = _setting(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise StoreError(f"{setting.label} must be a whole number.", field=key)
    if not setting.minimum <= value <= setting.maximum:
        raise StoreError(
            f"{setting.label} must be between {setting.minimum} and {setting.maximum}.", field=key
        )


def write_setting(connection, key: str, value: int) -> None:
    """Save a checked value inside the caller's transaction."""
    updated = connection.execute(sa.update(S).where(S.c.key == key).values(value=str(value)))
    if updated.rowcount == 0:
        connection.execute(sa.insert(S).values(key=key, value=str(value)))


def set_setting(engine: Engine, key: str, value: int) -> None:
    """Save `key`; a value out of range is refused with a message for the field `key`."""
    set_settings(engine, {key: value})


def set_settings(engine: Engine, values: dict[str, int]) -> None:
    """Save several settings in one transaction; any value out of range refuses them all (nothing
    is saved), with a message for each field at fault (`FieldsRefused`)."""
    errors = {}
    for key, value in values.items():
        try:
            check_setting(key, value)
        except StoreError as exc:
            errors |= exc.errors
    if errors:
        raise FieldsRefused(errors)
    with db.transaction(engine) as connection:
        for key, value in values.items():
            write_setting(connection, key, value)
