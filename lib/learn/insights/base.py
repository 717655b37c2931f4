"""What a person's own reflections say about their search: pure pandas, no Streamlit.

Each insight is an `Insight`: one plain sentence (with its sample size), the sizes of the groups
the sentence rests on, and the small, already aggregated frame its chart draws. Every sentence
follows the claim rules in lib.learn.claims: groups under `MIN_POINTS` stay in the frames with
`enough = False` so a chart can show them faded, but no sentence rests on them.

Inputs are the frames from lib.store.insight_data (reflections, interviews, questions, feedback,
mood check-ins, contacts, notes, companies) and the log with status (lib.learn.traction.with_status).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from lib.core import vocab
from lib.core.text import squash
from lib.learn.claims import MIN_CASES as MIN_POINTS
from lib.learn.claims import MIN_CORRELATION, Claim, correlation_claim, not_enough, plural, spearman

__all__ = ["MIN_POINTS", "MIN_CORRELATION", "Claim", "correlation_claim", "not_enough", "plural"]
SILENT_TRIES = 3  # applications with no reply before a target is suggested for dropping
TRACTION_RANK = vocab.STAGE_RANK["interview"]
MOOD_WEEKS = 52
COMPANIES_SHOWN = 12

RATINGS: dict[str, str] = {
    "comfort": "Comfort in the interview",
    "prepared": "Fully prepared",
    "qualified": "Qualified",
    "heart_in_it": "Heart in it",
    "presented_well": "Presented myself well",
    "dressed_right": "Dressed right",
    "team_fit": "Fit the team",
}
ANSWER_RATINGS = [key for key in RATINGS if key != "comfort"]  # comfort comes from the interviews


@dataclass(frozen=True)
class Insight:
    key: str
    title: str
    sentence: str
    n: int  # the sample size the sentence speaks from
    frame: pd.DataFrame  # what the chart draws (aggregated)
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    rows: int | None = None  # rows of the frame before `top` kept the first ones
    rests_on: tuple[int, ...] = ()  # the size of every group the sentence compares or states a number from

    @property
    def enough(self) -> bool:
        return self.n >= MIN_POINTS

    @property
    def total_rows(self) -> int:
        return len(self.frame) if self.rows is None else self.rows

    def top(self, limit: int) -> Insight:
        """The same insight keeping only the first `limit` rows of its frame (a page shows no more)."""
        return replace(self, frame=self.frame.head(limit), rows=self.total_rows)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return plural(n, word, many)


def _not_enough(n: int, what: str, many: str | None = None, need: int = MIN_POINTS) -> str:
    return not_enough(n, what, many, need).text


# --- shaping the inputs ----------------------------------------------------------------------


def reflection_frame(reflections: pd.DataFrame) -> pd.DataFrame:
    """Rejection reflections with their answers as columns (latest one per application).

    Ratings become numbers (NaN when missing), `still_interested` True/False/NaN, lists stay lists.
    A frame already shaped by this function is returned as it is (so callers may shape it once).
    """
    columns = [
        "application_id",
        "created_at",
        "pause_until",
        *ANSWER_RATINGS,
        "motivation",
        "still_interested",
        "why_not_chosen",
        "skills_to_bolster",
    ]
    if "answers" not in reflections.columns and set(columns) <= set(reflections.columns):
        return reflections.copy()
    if reflections.empty:
        return pd.DataFrame(columns=columns)
    rows = reflections.sort_values("created_at").drop_duplicates("application_id", keep="last")
    answers = pd.DataFrame([a if isinstance(a, dict) else {} for a in rows["answers"]], index=rows.index)
    out = rows[["application_id", "created_at", "pause_until"]].copy()
    for key in ANSWER_RATINGS:
        out[key] = pd.to_numeric(answers.get(key), errors="coerce") if key in answers else np.nan
        out.loc[(out[key] < 1) | (out[key] > 5), key] = np.nan
    for key in ("motivation", "why_not_chosen"):
        values = answers[key] if key in answers else pd.Series(None, index=rows.index, dtype=object)
        out[key] = values.where(values.map(lambda v: isinstance(v, str) and bool(v.strip())), None)
    interested = (
        answers["still_interested"] if "still_interested" in answers else pd.Series(None, index=rows.index)
    )
    out["still_interested"] = interested.map(lambda v: v if isinstance(v, bool) else np.nan)
    skills = (
        answers["skills_to_bolster"] if "skills_to_bolster" in answers else pd.Series(None, index=rows.index)
    )
    out["skills_to_bolster"] = skills.map(_as_list)
    return out.reset_index(drop=True)


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        return []
    return [squash(v) for v in value if str(v).strip()]


def _comfort_by_application(interviews: pd.DataFrame) -> pd.Series:
    comfort = pd.to_numeric(interviews["comfort"], errors="coerce")
    return comfort.where(comfort.between(1, 5)).groupby(interviews["application_id"]).mean().dropna()


def _stage_rank(log: pd.DataFrame) -> pd.Series:
    return log.set_index("id")["furthest_stage"].map(vocab.STAGE_RANK)


def _spearman(x: pd.Series, y: pd.Series) -> float:
    return spearman(x, y)
