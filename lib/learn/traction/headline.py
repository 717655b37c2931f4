"""The Home headline and everything the Traction page draws for one set of filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.core import vocab
from lib.core.text import others, plural
from lib.learn.claims import MIN_CASES as MIN_SAMPLE
from lib.learn.claims import TOO_FEW, Claim, rate_text, wilson_interval
from lib.learn.traction.aggregates import (
    company_stages,
    endings,
    funnel,
    over_time,
    rates_by,
    response_times,
    still_silent,
)
from lib.learn.traction.table import CHANNEL_PHRASES, TractionFilter, filter_table

# --- the headline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One headline number: the total, and how many happened in the last 30 days vs the 30 before."""

    label: str
    value: str
    last_30: int
    previous_30: int
    help: str
    note: str = ""  # a rate's 95% interval and n, shown under the number
    undated: int = 0  # in the total, but in neither 30-day count: their day is not known
    counted: tuple[str, str] = ("sent", "sent")  # what the 30-day counts count (one, many): under a
    # rate, "↑ 7 in 30 days" read as the rate going up 7 points; "↑ 7 answers in 30 days" does not


def count_of(figure: Figure, count: int) -> str:
    """ "7 answers", "1 first interview", "3 sent": a 30-day count that says what it counts."""
    one, many = figure.counted
    return f"{count:,} {one if count == 1 else many}"


def _in_window(dates: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> int:
    return int(((dates >= start) & (dates <= end)).sum())


def strongest_sentence(table: pd.DataFrame) -> str:
    return strongest_claim(table).text


NOUNS = {
    "channel": ("channel",),
    "role_family": ("kind of role", "kinds of role"),
    "company": ("company", "companies"),
}


def strongest_claim(table: pd.DataFrame) -> Claim:
    """One honest sentence naming where traction is highest, by the interval's lower bound.

    It compares groups of MIN_SAMPLE applications or more (at least two), and names a group only
    when MIN_SAMPLE or more of its applications reached an interview: one interview in 300 is one
    case, not a strongest channel. "Strongest" only when its interval clears the runner-up's;
    otherwise it says the lead may not hold."""
    if table.empty:
        return Claim("Log a few applications and their answers to see where your search gets traction.")
    if not table["traction"].any():
        return Claim(
            f"No application has reached an interview yet (n = {len(table):,}); every answer you record "
            "shows where to aim next."
        )
    best = None
    for column, kind in (("channel", "through"), ("role_family", "for"), ("company", "at")):
        rates = rates_by(table, column)
        rates = rates[rates["enough"]].reset_index(drop=True)
        if len(rates) < 2 or rates.loc[0, "traction"] < MIN_SAMPLE:
            continue
        if best is None or rates.loc[0, "traction_low"] > best[0].loc[0, "traction_low"]:
            best = (rates, kind, column)
    if best is None:
        return Claim(
            f"{int(table['traction'].sum()):,} of {plural(len(table), 'application')} reached an interview or further. Too few "
            "yet to tell where traction is strongest: that needs two channels, roles or companies with "
            f"{MIN_SAMPLE} applications each, and {MIN_SAMPLE} interviews in the leading one."
        )
    rates, kind, column = best
    top, runner = rates.iloc[0], rates.iloc[1]

    def place(group: str) -> str:
        if column == "channel":
            return CHANNEL_PHRASES.get(group, group)
        return f"{group} roles" if column == "role_family" else group

    hits, n = int(top["traction"]), int(top["applications"])
    said = f"{hits} of {n} applications reached an interview or further — {rate_text(hits, n)}"
    sizes = tuple(int(v) for v in rates["applications"])
    if top["traction_low"] > runner["traction_high"]:
        return Claim(
            f"Traction is strongest {kind} {place(top['group'])}: {said}; against "
            f"{others(len(sizes) - 1, *NOUNS[column])} with {MIN_SAMPLE} applications or more.",
            sizes,
        )
    r_hits, r_n = int(runner["traction"]), int(runner["applications"])
    return Claim(
        # how it ranks, said: Traction's table sorts by the rate, where 3 of 7 stands above 8 of 19
        f"Traction is highest so far {kind} {place(top['group'])}: {said}. Next, ranked by the lower "
        f"end of each interval: {place(runner['group'])} "
        f"({r_hits} of {r_n}); the intervals overlap, so the lead may not hold.",
        sizes,
    )


def headline(table: pd.DataFrame, today: dt.date) -> tuple[list[Figure], str]:
    """Applications, response rate, traction rate, final rounds, offers; and the strongest spot."""
    end = pd.Timestamp(today)
    last = (end - pd.Timedelta(days=29), end)
    before = (end - pd.Timedelta(days=59), end - pd.Timedelta(days=30))
    n = len(table)

    def windows(dates: pd.Series, counted: pd.Series | None = None, by: pd.Series | None = None) -> dict:
        """The last 30 days and the 30 before; and how many of those `counted` have no known day.
        With `by` (the latest the day can be): a day not known but surely inside one window, between
        a known day applied and `by`, counts in it (an undated screen before a "no" dated last week)."""
        unknown = dates.isna() & (True if counted is None else counted) if n else dates.isna()
        counts = {"last_30": _in_window(dates, *last), "previous_30": _in_window(dates, *before)}
        if by is not None and n and unknown.any():
            known_from = table["applied_on"].where(table["applied_known"])
            for name, (start, end) in (("last_30", last), ("previous_30", before)):
                inside = unknown & (known_from >= start) & (by <= end)
                counts[name] += int(inside.sum())
                unknown &= ~inside
        return {**counts, "undated": int(unknown.sum()) if n else 0}

    responses, traction = int(table["responded"].sum()), int(table["traction"].sum())
    finals = int((table["stage_rank"] >= vocab.STAGE_RANK["final"]).sum()) if n else 0
    offers = int((table["stage_rank"] >= vocab.STAGE_RANK["offer"]).sum()) if n else 0

    def pct(k: int) -> str:  # under MIN_SAMPLE, the counts: true, and worth a big number
        if n < MIN_SAMPLE:
            return f"{k:,} of {n:,}" if n else TOO_FEW
        return f"{k / n:.0%}"

    def note(k: int) -> str:
        if n < MIN_SAMPLE:
            return f"{TOO_FEW} as a rate: it needs {MIN_SAMPLE}"
        low, high = wilson_interval(k, n)
        return f"{k:,} of {n:,} in all · 95% interval {low:.0%}–{high:.0%}"

    figures = [
        Figure(
            "Applications",
            f"{n:,}",
            help="Applications sent; the change counts those sent in the last 30 days.",
            **windows(table["applied_on"]),
        ),
        Figure(
            "Response rate",
            pct(responses),
            help=f"{responses:,} of {n:,} got an answer (a screen or later, or a rejection): "
            f"{rate_text(responses, n)}. The change counts first answers received.",
            note=note(responses),
            counted=("answer", "answers"),
            **windows(table["first_response_on"], table["responded"], table["first_response_by"]),
        ),
        Figure(
            "Traction rate",
            pct(traction),
            help=f"{traction:,} of {n:,} reached an interview or further: {rate_text(traction, n)}. "
            "The change counts first interviews.",
            note=note(traction),
            # first ones (the help says): "first" was cut; "or later": a screen then an offer counts
            counted=("interview or later", "interviews or later"),
            **windows(table["reached_interview_on"], table["traction"]),
        ),
        Figure(
            "Final rounds",
            f"{finals:,}",
            help="Applications that reached a final round or went further: an offer counts, with or "
            "without a final round before it (a rejection after one still counts).",
            counted=("final round or later", "final rounds or later"),
            **windows(table["reached_final_on"], table["stage_rank"] >= vocab.STAGE_RANK["final"]),
        ),
        Figure(
            "Offers",
            f"{offers:,}",
            help="Applications that reached an offer.",
            counted=("offer", "offers"),
            **windows(table["reached_offer_on"], table["stage_rank"] >= vocab.STAGE_RANK["offer"]),
        ),
    ]
    return figures, strongest_sentence(table)


# --- everything the Traction page draws, for one set of filters --------------------------------

PICKER_LIMIT = 300  # companies offered in the drill-down picker; the company filter finds the rest
EXTRA_DIMENSIONS = {"resume_version": "Résumé version", "work_mode": "Work mode", "location": "Location"}


@dataclass
class TractionView:
    total: int  # applications before filtering
    matching: int  # applications the filters keep
    responses: int
    traction: int
    companies: list[str]  # companies in view, most applications first, at most PICKER_LIMIT
    company_stages: pd.DataFrame
    channel_rates: pd.DataFrame
    role_rates: pd.DataFrame
    over_time: pd.DataFrame
    funnel: pd.DataFrame
    endings: pd.DataFrame
    response_times: pd.DataFrame
    silent: pd.DataFrame
    silent_count: int
    silent_ghosted: int  # of silent_count, how many count as ghosted by now
    extra_rates: dict[str, pd.DataFrame]  # only the dimensions that are filled in
    undated_note: str = ""  # how many applications the date-based figures leave out, if any


def traction_view(table: pd.DataFrame, f: TractionFilter, freq: str = "month") -> TractionView:
    shown = filter_table(table, f)
    silent, silent_count, silent_ghosted = still_silent(shown)
    extra = {column: rates_by(shown, column) for column in EXTRA_DIMENSIONS}
    return TractionView(
        total=len(table),
        matching=len(shown),
        responses=int(shown["responded"].sum()),
        traction=int(shown["traction"].sum()),
        companies=shown["company"].value_counts().index[:PICKER_LIMIT].tolist(),
        company_stages=company_stages(shown),
        channel_rates=rates_by(shown, "channel"),
        role_rates=rates_by(shown, "role_family"),
        over_time=over_time(shown, freq),
        funnel=funnel(shown),
        endings=endings(shown),
        response_times=response_times(shown),
        silent=silent,
        silent_count=silent_count,
        silent_ghosted=silent_ghosted,
        extra_rates={column: rates for column, rates in extra.items() if not rates.empty},
        undated_note=undated_note(shown),
    )


def undated_note(table: pd.DataFrame) -> str:
    """What the date-based figures (response times, ghosting, when stages were reached) leave out."""
    n = int(table["date_unknown"].sum()) if "date_unknown" in table else 0
    if not n:
        return ""
    one = n == 1
    return (  # imported without a day, or a step a "no" was recorded after ("I got to the screen")
        f"{n:,} application{'' if one else 's'} {'has' if one else 'have'} a step with an unknown date "
        f"(imported or recorded without one): {'it is' if one else 'they are'} left out of response "
        "times, ghosting and the dates stages were reached. Type the date on the application to count "
        f"{'it' if one else 'them'}."
    )


def table_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last application dates, or None when there is no dated application."""
    dates = table["applied_on"].dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()
