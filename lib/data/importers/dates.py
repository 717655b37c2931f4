"""Dates as people write them, read a whole column at once.

ISO (`2024-11-05`, with or without a time), LinkedIn's `6/18/22, 5:28 AM`, `30 May 2024`,
`May 30, 2024`, day-first `23/10/2025` (the order is detected from the column), and year-less
`9/19` (the year is inferred from the file's other dates, and said), and Excel's day numbers
(`45700` is 12 Feb 2025, as a sheet saved without its date format writes them). Missing words
(`null`, `N/A`, blank) are missing, not errors; `why_unreadable` says why a text is not a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.data.importers.text import MISSING

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_TIME = r"(?:[ t,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|[+-]\d{2}:?\d{2})?)?"
ISO = rf"^(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}$"
NUMERIC = rf"^(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?:(?P=sep)(?P<y>\d{{2}}|\d{{4}}))?\.?{_TIME}$"
DAY_MONTH = rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ -](?P<mon>[a-z]{{3,9}})\.?,?[ -](?P<y>\d{{4}}){_TIME}$"
MONTH_DAY = rf"^(?:[a-z]{{3,9}},? )?(?P<mon>[a-z]{{3,9}})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}}){_TIME}$"
_NUMERIC = re.compile(NUMERIC)
EXCEL_DAY = r"^(?P<n>\d{5})(?:\.\d+)?$"  # days since 30 Dec 1899; 20000–80000 is 1954–2119
EXCEL_EPOCH = pd.Timestamp(1899, 12, 30)


@dataclass
class ParsedDates:
    dates: pd.Series  # datetime64 (NaT where missing or unreadable), same index as the input
    missing: pd.Series  # bool: the cell was blank or a missing-word
    day_first: bool = False
    yearless: pd.Series | None = None  # bool: the year was inferred
    inferred_year: int | None = None
    mixed_order: bool = False  # numeric dates both ways (15/03 and 03/20): one way can't be read
    order_unknown: bool = False  # every numeric date reads both ways (02/11/2026): month first taken
    order_known: bool = False  # the column told the order (15/03, 03/20, 15.03, or only one way past)
    by_future: bool = False  # day first because month first put some dates after today
    example: str | None = None  # a cell that shows the guess (for order_unknown and by_future)


def _to_int(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce")


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year, "month": month, "day": day}).astype("float64")
    ok = (
        frame.notna().all(axis=1)
        & frame["month"].between(1, 12)
        & frame["day"].between(1, 31)
        & frame["year"].between(1900, 2200)
    )
    result = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    if ok.any():
        result[ok] = pd.to_datetime(frame[ok].astype(int), errors="coerce")
    return result


def _pivot() -> int:
    """A two-digit year above this is last century's ("99" is 1999), else this one's."""
    return dt.date.today().year % 100 + 1


def _two_digit(year: pd.Series) -> pd.Series:
    return year.where(year >= 100, year + 2000 - 100 * (year > _pivot()))


def _full_year(year: int) -> int:
    """`_two_digit` for one year (per refused row: no pandas call)."""
    return year if year >= 100 else year + 2000 - 100 * (year > _pivot())


def parse_dates(
    values: pd.Series, year_hint: int | None = None, day_first: bool | None = None
) -> ParsedDates:
    """Read a column of date text. Year-less dates take `year_hint`, else the column's most common
    year, else the latest year that doesn't put them in the future; `day_first` forces the order
    of numeric dates (else it is detected from the column).

    Each distinct text is read once: a column of 50,000 dates seldom holds more than a few hundred."""
    codes, uniques = pd.factorize(values.astype(object).where(values.notna(), ""))
    counts = np.bincount(codes, minlength=len(uniques))
    distinct = _parse_distinct(pd.Series(uniques, dtype=object), counts, year_hint, day_first)

    def spread(series: pd.Series) -> pd.Series:
        return pd.Series(series.to_numpy()[codes], index=values.index)

    return ParsedDates(
        spread(distinct.dates),
        spread(distinct.missing),
        day_first=distinct.day_first,
        yearless=spread(distinct.yearless),
        inferred_year=distinct.inferred_year,
        mixed_order=distinct.mixed_order,
        order_unknown=distinct.order_unknown,
        order_known=distinct.order_known,
        by_future=distinct.by_future,
        example=distinct.example,
    )


def _parse_distinct(
    values: pd.Series, counts: np.ndarray, year_hint: int | None, day_first: bool | None
) -> ParsedDates:
    """`parse_dates` over distinct texts; `counts` (how often each occurs) weigh the common year."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.casefold()
    missing = text.isin(MISSING)
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if (~missing).sum() == 0:
        return ParsedDates(result, missing, yearless=pd.Series(False, index=text.index))
    # Fast path: plain ISO dates, read in C; the regular expressions only see the rest.
    fast = pd.to_datetime(text.where(~missing), format="%Y-%m-%d", errors="coerce")
    result[fast.notna()] = fast[fast.notna()]
    live = text[~missing & fast.isna()]

    iso = live.str.extract(ISO)
    result.loc[iso.index] = _assemble(_to_int(iso["y"]), _to_int(iso["m"]), _to_int(iso["d"]))

    mixed_order = False
    numeric = live.str.extract(NUMERIC)
    has_numeric = numeric["a"].notna()
    a, b = _to_int(numeric["a"]), _to_int(numeric["b"])
    year = _two_digit(_to_int(numeric["y"]))
    order_unknown = order_known = by_future = False
    example = None
    if day_first is None:
        # The file tells: a first part above 12 means day first; a second part above 12, month first.
        first_big, second_big = bool((a[has_numeric] > 12).any()), bool((b[has_numeric] > 12).any())
        mixed_order = first_big and second_big
        day_first = first_big and not second_big
        order_known = first_big or second_big
        if not order_known and bool((numeric["sep"][has_numeric] == ".").any()):
            day_first = order_known = True  # 02.11.2026: a dotted date is day first
        elif not order_known and has_numeric.any():
            month_first_dates, day_first_dates = _assemble(year, a, b), _assemble(year, b, a)
            # dates that read as two different days (02/02 reads the same either way)
            both = has_numeric & month_first_dates.notna() & day_first_dates.notna() & (a != b)
            if both.any():
                today = pd.Timestamp(dt.date.today())
                ahead = month_first_dates.gt(today) & both  # no search has a day after today:
                ahead_day_first = bool((day_first_dates.gt(today) & both).any())
                if ahead.any() and not ahead_day_first:  # the other order, if it has none
                    day_first = order_known = by_future = True
                    example = str(values[ahead[ahead].index[0]]).strip()
                else:  # month first, as most spreadsheets write them: said, with a cell of its own
                    order_unknown = True
                    example = str(values[both[both].index[0]]).strip()
    yearless = has_numeric & numeric["y"].isna()
    inferred_year = None
    if yearless.any():
        if year_hint is None:
            # The file's own full dates tell the year (the most common one).
            known = pd.concat(
                [
                    result.dropna(),
                    _assemble(year, *((b, a) if day_first else (a, b)))[has_numeric & ~yearless].dropna(),
                ]
            )
            if not known.empty:
                per_year = pd.Series(counts[known.index.to_numpy()], index=known.dt.year.to_numpy())
                year_hint = int(per_year.groupby(level=0).sum().idxmax())  # the earliest, on a tie
        if year_hint is None:
            today = dt.date.today()
            month_part = (b if day_first else a)[yearless]
            day_part = (a if day_first else b)[yearless]
            future = (month_part > today.month) | ((month_part == today.month) & (day_part > today.day))
            year_hint = today.year - 1 if bool(future.any()) else today.year
        inferred_year = int(year_hint)
        year = year.where(~yearless, inferred_year)
    month, day = (b, a) if day_first else (a, b)
    numeric_dates = _assemble(year, month, day)
    result.loc[numeric.index[has_numeric]] = numeric_dates[has_numeric]

    for pattern in (DAY_MONTH, MONTH_DAY):
        named = live.str.extract(pattern)
        has = named["mon"].notna()
        if has.any():
            month_number = named["mon"].map(MONTHS)
            dates = _assemble(_to_int(named["y"]), month_number, _to_int(named["d"]))
            take = has & dates.notna() & result.loc[named.index].isna()
            result.loc[named.index[take]] = dates[take]

    serial = _to_int(live.str.extract(EXCEL_DAY)["n"])
    serial = serial[serial.between(20_000, 80_000) & result.loc[serial.index].isna()]
    if not serial.empty:
        result.loc[serial.index] = EXCEL_EPOCH + pd.to_timedelta(serial, unit="D")

    yearless_full = pd.Series(False, index=text.index)
    yearless_full.loc[yearless.index] = yearless & result.loc[yearless.index].notna()
    return ParsedDates(
        result,
        missing,
        day_first=day_first,
        yearless=yearless_full,
        inferred_year=inferred_year,
        mixed_order=mixed_order,
        order_unknown=order_unknown,
        order_known=order_known,
        by_future=by_future,
        example=example,
    )


def why_unreadable(value: object, parsed: ParsedDates) -> str:
    """Why a text of a column `parsed` read is not a date, in words that say what to change."""
    shown = f"“{str(value)[:40]}”"
    # called once per refused row: plain `re`, not a pandas call each (500 µs; 25 s for 50,000 rows)
    numeric = _NUMERIC.match(str(value).strip().casefold())
    if numeric:
        a, b = int(numeric["a"]), int(numeric["b"])
        month, day = (b, a) if parsed.day_first else (a, b)
        year = _full_year(int(numeric["y"])) if numeric["y"] else 2000
        if parsed.mixed_order and month > 12 and 1 <= day <= 12:  # it reads the other way round
            return (
                f"{shown} can't be read: this file writes some dates day first (15/03/2025) and some "
                "month first (03/20/2025). Write them all one way."
            )
        if 1900 <= year <= 2200 and 1 <= month <= 12 and calendar.monthrange(year, month)[1] < day <= 31:
            return f"{shown} is not a day: that month has no day {day}."
    # true of "soon" and of "1/1/1850" alike: the second is a date, but not one a search has
    return f"{shown} is not a date Rebound can read (a day between 1900 and 2200)."
