"""The private parts of a report, each built only when the person ticked it: mood, reflections'
own words, written-out sessions, the people met with their details."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from lib.learn import insights, mood_charts
from lib.learn.report.mask import Masker
from lib.learn.report.options import ReportOptions
from lib.reflect import writing
from lib.reflect.questionnaires import REJECTION, answer_lines

# The record and the pause (how it came, the mood, one kind thing) stay out of "reflections":
# the mood is its own choice.
REFLECTION_SECTIONS_LEFT_OUT = {REJECTION.sections[0][0], REJECTION.sections[1][0]}
REFLECTION_KEYS_LEFT_OUT = {"stage_reached", "rejected_on", "news_via", "pause_until", "kind_thing"}
MOOD_WORDS_SHOWN = 30
CONTACTS_SHOWN = 200
REFLECTIONS_SHOWN = 40  # the most recent; a coach reads these, not a thousand


def _mood(data: dict[str, Any], options: ReportOptions, masker: Masker, today: dt.date) -> dict[str, Any]:
    moods = data.get("mood_checkins", pd.DataFrame(columns=["recorded_at", "score", "words"]))
    moods = moods[_dated(moods["recorded_at"], options)] if not moods.empty else moods
    found = insights.mood_and_momentum(
        data["log"], data["events"], moods[["recorded_at", "score"]], data["reflections"], today
    )
    spec = mood_charts.mood_chart(found.frame).to_dict(validate=False) if not found.frame.empty else None
    words = moods.dropna(subset=["words"]).sort_values("recorded_at", ascending=False).head(MOOD_WORDS_SHOWN)
    return {
        "sentence": found.sentence,
        "n": found.n,
        "spec": spec,
        "words": [
            {
                "day": pd.Timestamp(r["recorded_at"]).date(),
                "score": int(r["score"]),
                "words": masker.text(r["words"]),
            }
            for r in words.to_dict("records")
            if str(r["words"]).strip()
        ],
    }


def _dated(dates: pd.Series, options: ReportOptions) -> pd.Series:
    days = pd.to_datetime(dates, errors="coerce")
    keep = pd.Series(True, index=dates.index)
    if options.date_from:
        keep &= days >= pd.Timestamp(options.date_from)
    if options.date_to:
        keep &= days < pd.Timestamp(options.date_to) + pd.Timedelta(days=1)
    return keep


def _reflections(data: dict[str, Any], masker: Masker) -> list[dict[str, Any]]:
    frame = data.get("reflection_answers")
    if frame is None or frame.empty:
        return []
    log = data["log"].set_index("id")
    mine = frame[frame["application_id"].isin(log.index)].sort_values("created_at", ascending=False)
    out = []
    for row in mine.head(REFLECTIONS_SHOWN).to_dict("records"):
        app = log.loc[row["application_id"]]
        lines = [
            {"prompt": line.prompt, "text": masker.text(line.text)}
            for line in answer_lines(REJECTION, row["answers"] if isinstance(row["answers"], dict) else {})
            if line.section not in REFLECTION_SECTIONS_LEFT_OUT
            and line.key not in REFLECTION_KEYS_LEFT_OUT
            and not line.key.startswith("mood")
        ]
        if lines:
            out.append(
                {
                    "heading": f"{app['company']} · {masker.text(app['role'])}",
                    "day": pd.Timestamp(row["created_at"]).date(),
                    "lines": lines,
                }
            )
    return out


def _writing(data: dict[str, Any], options: ReportOptions, masker: Masker) -> list[dict[str, Any]]:
    frame = data.get("writing")
    if frame is None or frame.empty:
        return []
    frame = frame[_dated(frame["started_at"], options) & frame["text"].fillna("").str.strip().astype(bool)]
    return [
        {
            "day": pd.Timestamp(r["started_at"]).date(),
            "prompt": f"Session {int(r['number'])}: {writing.prompt(int(r['number']))}",
            "text": masker.text(r["text"]),
        }
        for r in frame.to_dict("records")
    ]


def _contacts(data: dict[str, Any], options: ReportOptions, masker: Masker) -> list[dict[str, Any]]:
    """The people met through the report's applications: in a debrief of one, sent a note or asked
    for feedback about one, or met (a "met on" day, before applying too) at one of their companies. Not
    everyone in Network: a LinkedIn archive brings hundreds of connections never met for these."""
    frame = data.get("contact_details")
    if frame is None or frame.empty:
        return []
    links = data.get("contact_links", pd.DataFrame(columns=["contact_id", "application_id"]))
    linked = set(links.loc[links["application_id"].isin(data["log"]["id"]), "contact_id"])
    met = frame["met_on"].notna()  # any day: met before applying is the usual way in (a referral)
    frame = frame.assign(company=masker.column(frame["company"]))  # as the (masked) log names them
    at_their_companies = frame["company"].notna() & frame["company"].isin(set(data["log"]["company"]))
    frame = frame[frame["id"].isin(linked) | (met & at_their_companies)]
    frame = frame.assign(email=frame["email"].map(masker.email))
    columns = ["name", "role", "company", "email", "phone", "profile_url", "met_on", "connected_on"]
    rows = []
    for r in frame.head(CONTACTS_SHOWN).to_dict("records"):
        rows.append({c: ("" if pd.isna(r.get(c)) else r.get(c)) for c in columns})
    return rows


def parts(data: dict[str, Any], options: ReportOptions, masker: Masker, today: dt.date) -> dict[str, Any]:
    """{part: content} for the ticked private parts only."""
    out: dict[str, Any] = {}
    if "mood" in options.private:
        out["mood"] = _mood(data, options, masker, today)
    if "reflections" in options.private:
        out["reflections"] = _reflections(data, masker)
    if "writing" in options.private:
        out["writing"] = _writing(data, options, masker)
    if "contacts" in options.private:
        out["contacts"] = _contacts(data, options, masker)
    return out
