"""Validating a frame of text in Rebound's fields into application rows, a column at a time.

`applications_from` validates the way lib.models.ApplicationIn does (tests check they agree) and
derives stage events from the status words (stage_history), dated as best known and consistent with
lib.store.applications._check_event: nothing before the application date, the ending last.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from lib.core import vocab
from lib.core.models import EARLIEST_EXPECTED_DAY, EARLIEST_LIKELY_DAY, MAX_LONG_TEXT, MAX_SHORT_TEXT
from lib.core.text import plural
from lib.data.importers.dates import ParsedDates, parse_dates, why_unreadable
from lib.data.importers.name_split import split_names
from lib.data.importers.rows import (
    APPLICATION_COLUMNS,
    FIELDS,
    ROLE_NOT_GIVEN,
    WORK_MODES,
    ParsedFile,
    application_key_from,
    by_distinct,
    channel_and_source,
    clean_text,
    keyed_role,
    map_unique,
    told_apart_by_link,
)
from lib.data.importers.stage_history import events
from lib.data.importers.statuses import map_status, word_key
from lib.data.importers.text import RowError
from lib.search.companies import company_key


def _errors(frame: pd.DataFrame, mask: pd.Series, field_label: str, message) -> list[RowError]:
    if not mask.any():
        return []
    picked = frame.loc[mask]
    if callable(message):
        return [
            RowError(int(line), field_label, message(value))
            for line, value in zip(picked["line"], picked["_value"])
        ]
    return [RowError(int(line), field_label, message) for line in picked["line"]]


def _too_long(series: pd.Series, limit: int) -> pd.Series:
    values = [v for v in series.tolist() if v is not None]
    if not values or max(map(len, values)) <= limit:  # the usual case, at C speed
        return pd.Series(False, index=series.index)
    return pd.Series(
        [v is not None and len(v) > limit for v in series.tolist()], index=series.index, dtype=bool
    )


OLD_DATE = pd.Timestamp(EARLIEST_EXPECTED_DAY)  # earlier than any search Rebound expects to see

# a web address: http:// or https://, no space, 11 to 2,000 characters
_WEB_ADDRESS = re.compile(r"(?=.{11,2000}\Z)https?://[^ ]*", re.IGNORECASE | re.DOTALL)


def _not_web_address(series: pd.Series) -> pd.Series:
    match = _WEB_ADDRESS.fullmatch
    return pd.Series(
        [u is not None and not match(u) for u in series.tolist()], index=series.index, dtype=bool
    )


def _date_order_notices(applied: ParsedDates, status: ParsedDates) -> list[str]:
    """What is said about the order of numeric dates: day first as the file writes them, day first
    because month first would put some after today, or month first for want of a sign (said, with
    one of the file's dates: a silent guess moved days by months)."""
    told = applied if applied.order_known or applied.order_unknown else status
    if told.by_future:
        day = parse_dates(pd.Series([told.example]), day_first=True).dates.iloc[0]
        return [
            f"Dates were read day first (“{told.example}” is {day:%d %B %Y}): read month first, "
            "some would fall after today."
        ]
    if applied.day_first and applied.order_known:
        return ["Dates were read day first (23/10/2025 is 23 October), as the file writes them."]
    if told.order_unknown and told.example:
        day = parse_dates(pd.Series([told.example]), day_first=False).dates.iloc[0]
        return [
            f"Dates such as “{told.example}” could be read two ways; they were read month first "
            f"({day:%d %B %Y}). If the file writes the day first, write its dates as year-month-day "
            "(2025-10-23) before importing it."
        ]
    return []


def applications_from(
    frame: pd.DataFrame,
    path: str,
    fmt: str,
    status_map: dict[str, tuple[str, str]] | None = None,
    default_channel: tuple[str, str | None] | None = None,
) -> ParsedFile:
    """Validate a frame of text in Rebound's fields (missing fields allowed) into a ParsedFile."""
    parsed = ParsedFile(path=path, format=fmt, rows=len(frame))
    if frame.empty:
        return parsed
    today = pd.Timestamp(dt.date.today())
    data = pd.DataFrame(
        {
            "line": frame["line"].astype(int).to_numpy(),
            **{name: clean_text(frame[name]) if name in frame else None for name in FIELDS},
        },
        index=frame.index,
    )
    errors: list[RowError] = []
    bad = pd.Series(False, index=data.index)

    # Dates: the year of year-less dates comes from the file's own full dates.
    applied = parse_dates(data["applied_on"])
    known_years = applied.dates[applied.dates.notna() & ~applied.yearless].dt.year
    hint = int(known_years.mode().iloc[0]) if not known_years.empty else applied.inferred_year
    # One order where a column can't tell its own: the status dates read as the applied dates when
    # only those told it, and tell it for them the other way round (02/11 applied, 13/11 rejected:
    # both day first). A column that tells its own order keeps it (03/20 applied, 23/10 rejected).
    status_dates = parse_dates(data["status_date"], year_hint=hint)
    if applied.order_known and not status_dates.order_known:
        status_dates = parse_dates(data["status_date"], year_hint=hint, day_first=applied.day_first)
    elif status_dates.order_known and not applied.order_known:
        if status_dates.day_first != applied.day_first:
            applied = parse_dates(data["applied_on"], day_first=status_dates.day_first)
        applied.day_first, applied.order_known = status_dates.day_first, True
        applied.by_future, applied.example = status_dates.by_future, status_dates.example
        applied.order_unknown = False
    for parsed_dates in (applied, status_dates):
        if parsed_dates.yearless is not None and parsed_dates.yearless.any():
            lines = data.loc[parsed_dates.yearless, "line"].tolist()
            shown = ", ".join(map(str, lines[:5])) + ("…" if len(lines) > 5 else "")
            parsed.notices.append(
                f"{plural(len(lines), 'date')} had no year (line {shown}); the year "
                f"{parsed_dates.inferred_year} was taken from the file's other dates."
            )
    parsed.notices += _date_order_notices(applied, status_dates)
    applied_on = applied.dates.copy()
    fallback = applied.missing & status_dates.dates.notna()
    # Rebound's export says which days applied are stand-ins (applied_known False): still stand-ins
    stand_in = pd.Series(False, index=frame.index)
    if "applied_known" in frame:
        told = frame["applied_known"].astype(str).str.strip().str.casefold()
        stand_in = told.isin(("false", "0")) & applied_on.notna()
    if fallback.any():
        applied_on[fallback] = status_dates.dates[fallback]
        parsed.notices.append(
            f"{plural(int(fallback.sum()), 'row')} had no date applied; the status date stands in "
            "(shown as such, and not counted in response times)."
        )

    data["_value"] = data["company"]
    missing_company = data["company"].isna()
    errors += _errors(data, missing_company, "company", "The company is missing.")
    long_company = _too_long(data["company"], MAX_SHORT_TEXT)
    errors += _errors(
        data, long_company, "company", f"The company is too long (at most {MAX_SHORT_TEXT} characters)."
    )
    bad |= missing_company | long_company

    no_date = applied_on.isna() & applied.missing
    unreadable = applied_on.isna() & ~applied.missing
    future = applied_on > today
    ancient = applied_on < pd.Timestamp(EARLIEST_LIKELY_DAY)  # as ApplicationIn: a slipped year
    data["_value"] = data["applied_on"]
    errors += _errors(data, no_date & ~bad, "date applied", "The date applied is missing.")
    errors += _errors(data, unreadable & ~bad, "date applied", lambda v: why_unreadable(v, applied))
    errors += _errors(data, future & ~bad, "date applied", "The date applied can't be in the future.")
    errors += _errors(
        data, ancient & ~bad, "date applied", "The date applied is too long ago: check the year."
    )
    bad |= no_date | unreadable | future | ancient
    long_ago = (applied_on < OLD_DATE) & ~bad
    if long_ago.any():  # kept (an old log can be right), but said: 01/01/1900 is often a blank cell
        lines = data.loc[long_ago, "line"].tolist()
        shown = ", ".join(map(str, lines[:5])) + ("…" if len(lines) > 5 else "")
        parsed.notices.append(
            f"{plural(len(lines), 'application')} dated before {OLD_DATE:%Y} (line {shown}): check those dates."
        )

    if data["role"].isna().all():  # no role in the file: a name may hold both ("Meta SDE 1")
        company, role, split = split_names(data["company"])
        split &= ~bad
        if split.any():
            data.loc[split, "company"], data.loc[split, "role"] = company[split], role[split]
            first = data.index[split][0]
            parsed.notices.append(
                f"{plural(int(split.sum()), 'name')} read as company and role, as the file has no role "
                f"of its own (“{frame.loc[first, 'company']}” → {company[first]} · {role[first]}): "
                "check them in the preview below."
            )
    role_missing = data["role"].isna()
    if (role_missing & ~bad).any():
        parsed.notices.append(
            f"{plural(int((role_missing & ~bad).sum()), 'row')} had no role: saved as “{ROLE_NOT_GIVEN}”."
        )
    data["role"] = data["role"].where(~role_missing, ROLE_NOT_GIVEN)

    for name, label, limit in (
        ("role", "role", MAX_SHORT_TEXT),
        ("location", "location", MAX_SHORT_TEXT),
        ("resume_version", "résumé version", MAX_SHORT_TEXT),
        ("notes", "notes", MAX_LONG_TEXT),
        ("channel", "channel / source", MAX_SHORT_TEXT),
        ("source", "board or ATS", MAX_SHORT_TEXT),
    ):
        long = _too_long(data[name], limit) & ~bad
        errors += _errors(data, long, label, f"The {label} is too long (at most {limit:,} characters).")
        bad |= long
    url = data["job_url"]
    bad_url = _not_web_address(url) & ~bad
    data["_value"] = url
    errors += _errors(
        data, bad_url, "job link", lambda v: f"“{str(v)[:40]}” is not a web address (http:// or https://)."
    )
    bad |= bad_url

    # Status words -> furthest stage and outcome, through the (editable) map.
    stage = pd.Series("applied", index=data.index, dtype=object)
    outcome = pd.Series(vocab.OPEN, index=data.index, dtype=object)
    words = data["status"].dropna()
    if not words.empty:
        parsed.statuses = words
        lookup = {w: (status_map or {}).get(word_key(w)) or map_status(w)[:2] for w in words.unique()}
        stage.loc[words.index] = words.map({w: pair[0] for w, pair in lookup.items()})
        outcome.loc[words.index] = words.map({w: pair[1] for w, pair in lookup.items()})
    status_on = status_dates.dates
    bad_status_date = status_on.isna() & ~status_dates.missing & ~bad
    data["_value"] = data["status_date"]
    errors += _errors(data, bad_status_date, "status date", lambda v: why_unreadable(v, status_dates))
    future_status = (status_on > today) & ~bad
    errors += _errors(data, future_status, "status date", "The status date can't be in the future.")
    bad |= bad_status_date | future_status

    # the duplicate key's role, numbered over every row (a roleless row's "#2" is its place among
    # the file's rows, not among those that passed: fixing a bad row and importing again kept it)
    company_keys = map_unique(data["company"], company_key)
    role_for_key = keyed_role(data["role"], data["job_url"], company_keys, applied_on)
    good = data[~bad].copy() if bad.any() else data  # `data` is not used again
    good["applied_on"] = applied_on[~bad]
    good["applied_known"] = ~(fallback | stand_in)[~bad]  # a stand-in date counts no response time
    if default_channel is not None:
        good["channel"], good["source"] = default_channel[0], default_channel[1]
    else:
        channel, source = channel_and_source(good["channel"].where(good["channel"].notna(), good["source"]))
        good["source"] = good["source"].where(good["source"].notna(), source)
        good["channel"] = channel
    good["work_mode"] = by_distinct(
        good["work_mode"], lambda ws: [WORK_MODES.get(str(w).casefold()) for w in ws]
    )
    # A stand-in day is no part of the key: it moves with the status (a tracker exported again
    # after the next answer would add the application a second time).
    key_days = good["applied_on"].where(good["applied_known"])
    good["import_key"] = told_apart_by_link(
        application_key_from(company_keys[~bad], role_for_key[~bad], key_days), good["job_url"]
    )
    good["applied_on"] = good["applied_on"].dt.date
    applications = good[APPLICATION_COLUMNS]
    if not applications.index.equals(pd.RangeIndex(len(applications))):
        applications = applications.reset_index(drop=True)
    parsed.applications = applications
    parsed.events = events(good, stage[~bad], outcome[~bad], status_on[~bad], status_map)
    parsed.errors = sorted(errors, key=lambda e: e.line)
    return parsed
