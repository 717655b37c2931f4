"""Stage events from status words and stage histories, dated as best known and in order."""

from __future__ import annotations

import ast
import datetime as dt
import re

import pandas as pd

from lib.core import vocab
from lib.data.importers.dates import parse_dates
from lib.data.importers.rows import EVENT_COLUMNS
from lib.data.importers.statuses import map_status, word_key


def _stage_history(text: str) -> list[tuple[str, str]]:
    """[(word, date text)] from "[{'stage': 'Applied', 'date': '2024-11-05'}, ...]" or
    "screen 2024-11-05; interview 2024-11-12" (Rebound's own export)."""
    text = text.strip()
    if text.startswith("["):
        try:
            items = ast.literal_eval(text) if len(text) < 20_000 else []
        except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
            items = []
        pairs = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                word = item.get("stage") or item.get("status") or ""
                date = item.get("date") or item.get("on") or ""
                pairs.append((str(word), str(date)))
        return pairs
    pairs = []
    for part in re.split(r"[;|\n→>]+", text):
        match = re.match(r"^\s*(.*?)[\s:,@]+(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*$", part)
        if match:
            pairs.append((match.group(1), match.group(2)))
        elif part.strip():
            pairs.append((part.strip(), ""))
    return pairs


def _history_word(word: str, status_map: dict[str, tuple[str, str]] | None) -> tuple[str, str]:
    """A stage-history word: Rebound's own words mean exactly themselves ("declined" after the
    offer already in the history), anything else goes through the status map."""
    key = word_key(word)
    if key in vocab.STAGE_RANK:
        return key, vocab.OPEN
    if key in vocab.OUTCOMES:
        return "applied", key
    return (status_map or {}).get(key) or map_status(word)[:2]


def events(
    good: pd.DataFrame,
    stage: pd.Series,
    outcome: pd.Series,
    status_on: pd.Series,
    status_map: dict[str, tuple[str, str]] | None,
) -> pd.DataFrame:
    """Stage events for the valid rows: from a stage history when there is one, else the furthest
    stage and the outcome the status names. A status with no date of its own gets `date_known`
    false (its day then only keeps it in order: the application date, never before it, the ending
    last and on or after every stage)."""
    applied = pd.to_datetime(good["applied_on"])
    today = pd.Timestamp(dt.date.today())
    plans: list[pd.DataFrame] = []
    # Simple statuses, vectorised: furthest stage, then the outcome.
    has_stage = stage.map(vocab.STAGE_RANK) > 0
    ended = outcome != vocab.OPEN
    best = status_on.where(status_on.notna(), applied).clip(lower=applied)
    history = good["stage_history"].notna()
    stage_day = best.where(~ended, applied)  # the ending takes the status date; the stage came before it
    dated = status_on.notna()
    key = good["import_key"]
    plans.append(
        pd.DataFrame(
            {
                "import_key": key,
                "kind": stage,
                "occurred_on": stage_day,
                "date_known": dated & ~ended,
                "order": 0,
            }
        )[has_stage & ~history]
    )
    plans.append(
        pd.DataFrame(
            {"import_key": key, "kind": outcome, "occurred_on": best, "date_known": dated, "order": 1}
        )[ended & ~history]
    )
    # Stage histories: split row by row, then every date read in one go.
    rows = []
    histories = []
    for key, text, applied_day, fallback_stage, fallback_outcome in zip(
        good["import_key"][history],
        good["stage_history"][history],
        applied[history],
        stage[history],
        outcome[history],
    ):
        pairs = _stage_history(text) or [(fallback_stage, ""), (fallback_outcome, "")]
        histories.append((key, applied_day, pairs))
    all_dates = parse_dates(
        pd.Series([d for _, _, pairs in histories for _, d in pairs], dtype=object)
    ).dates.tolist()
    position = 0
    for key, applied_day, pairs in histories:
        seen_end, offered = None, False
        said: dict[tuple, list[str]] = {}  # one step a day: "Phone Screen" and "Tech Screen" are one screen
        for word, _ in pairs:
            day = all_dates[position]
            position += 1
            mapped = _history_word(word, status_map)
            if mapped == ("applied", "declined") and not offered:
                # "declined" with no offer before it is the employer's no, as in a status column
                # (Rebound's own export writes it only after the offer it turned down)
                mapped = ("applied", "rejected")
            offered = offered or vocab.STAGE_RANK.get(mapped[0], 0) >= vocab.STAGE_RANK["offer"]
            known = not (pd.isna(day) or day > today)
            day = max(day, applied_day) if known else applied_day
            if vocab.STAGE_RANK.get(mapped[0], 0) > 0:
                # Rebound's own words are exact (two screens a day had two round names): kept apart
                step = (mapped[0], day, known) if word_key(word) not in vocab.STAGE_RANK else (len(rows),)
                if step not in said:
                    rows.append((key, mapped[0], day, known, 0, said.setdefault(step, [])))
                said[step].append(str(word).strip())
            if mapped[1] in vocab.OUTCOMES and seen_end is None:
                seen_end = (key, mapped[1], day, known, 1, [])
        if seen_end:
            rows.append(seen_end)
    if rows:
        # the file's own words kept as the note where several named the one step (the rest: none)
        rows = [(*row[:5], f"In the file: {', '.join(row[5])}." if len(row[5]) > 1 else None) for row in rows]
        plans.append(
            pd.DataFrame(rows, columns=["import_key", "kind", "occurred_on", "date_known", "order", "note"])
        )
    events = (
        pd.concat([p for p in plans if not p.empty], ignore_index=True)
        if any(not p.empty for p in plans)
        else pd.DataFrame(columns=["import_key", "kind", "occurred_on", "date_known", "order"])
    )
    if events.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events["occurred_on"] = pd.to_datetime(events["occurred_on"])
    # Each application's row in the file, as a number: grouping and sorting by it beats the key text.
    keys = good["import_key"]
    events["row"] = pd.factorize(pd.concat([keys, events["import_key"]], ignore_index=True))[0][len(keys) :]
    # An ending is never before the last stage; declining needs an offer on record.
    last_stage = events[events["order"] == 0].groupby("row")["occurred_on"].max()
    is_end = events["order"] == 1
    floor = events.loc[is_end, "row"].map(last_stage)
    events.loc[is_end, "occurred_on"] = events.loc[is_end, "occurred_on"].where(
        floor.isna() | (events.loc[is_end, "occurred_on"] >= floor), floor
    )
    declined = events[is_end & (events["kind"] == "declined")]["import_key"]
    offered = set(events[(events["order"] == 0) & events["kind"].isin(["offer", "accepted"])]["import_key"])
    missing_offer = declined[~declined.isin(offered)]
    if not missing_offer.empty:
        ending = events[is_end & events["import_key"].isin(missing_offer)].set_index("import_key")
        events = pd.concat(
            [
                events,
                pd.DataFrame(
                    {
                        "import_key": missing_offer.to_numpy(),
                        "kind": "offer",
                        "occurred_on": ending["occurred_on"].reindex(missing_offer).to_numpy(),
                        "date_known": False,  # an offer implied by "declined": its day is not known
                        "order": 0,
                        "row": ending["row"].reindex(missing_offer).to_numpy(),
                    }
                ),
            ]
        )
    events = events.sort_values(["row", "order", "occurred_on"], kind="stable")
    events["occurred_on"] = events["occurred_on"].dt.date
    events["date_known"] = events["date_known"].astype(bool)
    events["note"] = (
        events["note"].astype(object).where(events["note"].notna(), None) if "note" in events else None
    )
    return events[EVENT_COLUMNS].reset_index(drop=True)
