"""Companies worth another try and promote / keep / drop suggestions for the target list."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from lib.core import vocab
from lib.core.text import joined
from lib.learn.claims import MIN_CASES as MIN_POINTS
from lib.learn.claims import share_text
from lib.learn.insights.base import (
    SILENT_TRIES,
    TRACTION_RANK,
    Insight,
    _comfort_by_application,
    _plural,
    reflection_frame,
)

# --- 7. worth another try --------------------------------------------------------------------


def _comfort_ratings(interviews: pd.DataFrame, ranked: pd.DataFrame) -> pd.Series:
    """Per company: the comfort ratings (1–5) of its debriefed rounds, lowest first."""
    comfort = pd.to_numeric(interviews["comfort"], errors="coerce")
    rated = interviews.assign(comfort=comfort)[comfort.between(1, 5)]
    rated = rated.assign(company_id=rated["application_id"].map(ranked.set_index("id")["company_id"]))
    return (
        rated.dropna(subset=["company_id"])
        .groupby("company_id")["comfort"]
        .agg(lambda values: sorted(int(v) for v in values))
    )


def _comfort_fact(rated: list[int]) -> str:
    """The comfort at a company with its n: an average from MIN_POINTS rated rounds, the ratings
    themselves below that ("comfort 5.0 of 5" rested on one round, the claim the page promises not
    to make)."""
    if len(rated) >= MIN_POINTS:
        return f"comfort {sum(rated) / len(rated):.1f} of 5 on average over {len(rated)} rated rounds"
    if len(rated) == 1:
        return f"comfort {rated[0]} of 5 in its one rated round"
    return f"comfort {joined([str(r) for r in rated])} of 5 in its {len(rated)} rated rounds"


def _named(companies: list[str], shown: int = 3) -> str:
    """ "Acme", "Acme and Globex", "Acme, Globex, Initech and 2 more"."""
    if len(companies) <= shown:
        return joined(companies)
    return f"{', '.join(companies[:shown])} and {len(companies) - shown} more"


def worth_another_try(
    log: pd.DataFrame, reflections: pd.DataFrame, contacts: pd.DataFrame, today: dt.date, months: int = 3
) -> Insight:
    """Companies where you reached interview or later, are still interested and know someone.

    `ready` is True once `months` have passed since that application ended; companies with an
    open application are left out (you are already trying).
    """
    columns = [
        "company_id",
        "company",
        "application_id",
        "role",
        "furthest_stage",
        "ended_on",
        "ready_on",
        "ready",
        "contacts",
        "contact_name",
        "reason",
    ]
    refl = reflection_frame(reflections).set_index("application_id")
    ranked = log.assign(stage_rank=log["furthest_stage"].map(vocab.STAGE_RANK))
    # open as every page says it: an application silent for the ghost days counts as ghosted
    state = ranked["end_state"] if "end_state" in ranked else ranked["outcome"]
    open_companies = set(ranked.loc[state == vocab.OPEN, "company_id"])
    finished = ranked[(ranked["stage_rank"] >= TRACTION_RANK) & (ranked["outcome"] != vocab.OPEN)].assign(
        still_interested=lambda f: f["id"].map(refl["still_interested"]),
        reflected_on=lambda f: f["id"].map(refl["created_at"]),
    )
    open_there = finished["company_id"].isin(open_companies)
    tried = finished[~open_there]
    # The latest thing you said about the company decides; without a reflection, nothing is claimed.
    said = finished.dropna(subset=["still_interested"]).sort_values("reflected_on")
    latest_said = said.groupby("company_id")["still_interested"].last()
    known = contacts.dropna(subset=["company_id"]).sort_values("name")
    people = known.groupby("company_id")["name"].agg(contacts="size", contact_name="first")
    best = (
        tried.sort_values(["stage_rank", "ended_on"], ascending=[False, False])
        .drop_duplicates("company_id")
        .set_index("company_id")
    )
    best = best[best.index.map(latest_said).fillna(False).astype(bool)].join(people, how="inner")
    if best.empty:
        frame = pd.DataFrame(columns=columns)
    else:
        ended = pd.to_datetime(best["ended_on"])
        frame = pd.DataFrame(
            {
                "company_id": best.index,
                "company": best["company"].to_numpy(),
                "application_id": best["id"].to_numpy(),
                "role": best["role"].to_numpy(),
                "furthest_stage": best["furthest_stage"].to_numpy(),
                "ended_on": ended.dt.date.to_numpy(),
                "ready_on": (ended + pd.DateOffset(months=months)).dt.date.to_numpy(),
                "contacts": best["contacts"].astype(int).to_numpy(),
                "contact_name": best["contact_name"].to_numpy(),
            }
        )
        frame["ready"] = frame["ready_on"] <= today
        frame["reason"] = [
            f"Reached {vocab.stage_label(r.furthest_stage).lower()} as {r.role} (ended {r.ended_on:%d %b %Y}); "
            f"you said you are still interested; you know {_plural(r.contacts, 'person', 'people')} there "
            # "3 people there (Amara Ito)" named one of three as if she were all of them
            f"({r.contact_name}{'' if r.contacts == 1 else ' and ' + _plural(r.contacts - 1, 'other')})"
            + ("." if r.ready else f"; wait until {r.ready_on:%d %b %Y} ({months} months after).")
            for r in frame.itertuples()
        ]
        frame = frame.sort_values(["ready", "ready_on"], ascending=[False, True]).reset_index(drop=True)[
            columns
        ]
    ready = int(frame["ready"].sum()) if len(frame) else 0
    later = len(frame) - ready
    n = int(tried["company_id"].nunique())
    # reached an interview there, and applying there again already: left out, and said (a company
    # that met every condition read as "0 companies with an interview")
    trying = finished[open_there].drop_duplicates("company_id")
    trying = trying[  # named only where the rest holds: interested still, and someone known there
        trying["company_id"].map(latest_said).eq(True) & trying["company_id"].isin(people.index)
    ]
    left_out = (
        f" Left out: {_named(trying['company'].tolist())}, where you have an application open already."
        if not trying.empty
        else ""
    )
    if frame.empty:
        sentence = (
            "No company yet where you reached an interview, said you are still interested and know "
            f"someone. Looked at: {_plural(n, 'company', 'companies')} where you reached an interview "
            f"or later and the application has ended, with none open there now.{left_out}"
        )
    else:
        sentence = (
            f"{_plural(ready, 'company', 'companies')} worth another try now"
            + (f", {later} more once {months} months have passed" if later else "")
            # the companies looked at: an interview or later there, ended, nothing open there now
            # (Traction counts every company with an interview: "14" beside its 20 read as wrong)
            + f" (from {_plural(n, 'company', 'companies')} where you reached an interview or later "
            "and the application has ended, with none open there now)." + left_out
        )
    return Insight("reapply", "Worth another try", sentence, n, frame)


# --- 8. target list --------------------------------------------------------------------------

SUGGESTION_ORDER = {"promote": 0, "drop": 1, "keep": 2, "watch": 3}
# the verdicts named in the sentence, in its order; one no company got is not named ("drop 0")
NAMED_VERDICTS = ("promote", "keep", "drop")


def target_suggestions(
    log: pd.DataFrame,
    companies: pd.DataFrame,
    reflections: pd.DataFrame,
    interviews: pd.DataFrame,
    today: dt.date,
    ghost_days: int = vocab.DEFAULT_GHOST_DAYS,
    silent_tries: int = SILENT_TRIES,
) -> Insight:
    """Promote, keep or drop target companies, each with its reason in data.

    Promote or drop only from MIN_POINTS applications at the company; below that, "keep watching
    (n=3)" (verdict "watch").
    - drop: a target you said you would not retry, or `silent_tries` applications without a reply
      and none reaching an interview;
    - promote: a company (target or not, below high priority) where you reached an interview or
      later at least as often as across all your applications, and did not say you'd not retry
      (one interview in five is no reason to promote where your search does better elsewhere);
    - keep: every other target.
    """
    columns = [
        "company_id",
        "company",
        "target_priority",
        "suggestion",
        "verdict",
        "reason",
        "tries",
        "traction",
        "silent",
        "comfort",
        "still_interested",
    ]
    ranked = log.assign(stage_rank=log["furthest_stage"].map(vocab.STAGE_RANK))
    stale = ranked["applied_on"] < pd.Timestamp(today) - pd.Timedelta(days=ghost_days)
    ranked["silent"] = (ranked["stage_rank"] == 0) & (
        (ranked["outcome"] == "ghosted") | ((ranked["outcome"] == vocab.OPEN) & stale)
    )
    ranked["traction"] = ranked["stage_rank"] >= TRACTION_RANK
    per = ranked.groupby("company_id").agg(
        tries=("id", "size"),
        traction=("traction", "sum"),
        silent=("silent", "sum"),
        best=("stage_rank", "max"),
    )
    comfort = _comfort_by_application(interviews)
    per["comfort"] = ranked.assign(comfort=ranked["id"].map(comfort)).groupby("company_id")["comfort"].mean()
    per["comfort_rated"] = _comfort_ratings(interviews, ranked)
    refl = reflection_frame(reflections).dropna(subset=["still_interested"])
    refl["company_id"] = refl["application_id"].map(log.set_index("id")["company_id"])
    per["still_interested"] = refl.sort_values("created_at").groupby("company_id")["still_interested"].last()

    base = companies.set_index("id")[["name", "target_priority"]].join(per, how="left")
    base = base[base["target_priority"].notna() | (base["traction"].fillna(0) > 0)]
    # where an offer was accepted there is nothing to promote, drop or watch: "keep watching" read odd
    base = base[base["best"].fillna(-1) < vocab.STAGE_RANK["accepted"]]
    tries, traction, silent = (base[k].fillna(0).astype(int) for k in ("tries", "traction", "silent"))
    all_traction, all_tries = int(ranked["traction"].sum()), len(ranked)
    overall = share_text(all_traction, all_tries)
    # at least your usual share: compared as counts (a/b >= c/d), so no rounding decides it
    as_often = traction * all_tries >= all_traction * tries
    interested = base["still_interested"].map(lambda v: v if isinstance(v, bool) else None)
    said_no = interested.map(lambda v: v is False).astype(bool)
    is_target = base["target_priority"].notna()
    sure = tries >= MIN_POINTS  # promote or drop only from MIN_POINTS applications at that company
    suggestion = pd.Series(
        np.select(
            [
                ~is_target & ~as_often,  # not a target and no better than elsewhere: not listed
                ~sure,
                is_target & said_no,
                is_target & (silent >= silent_tries) & (traction == 0),
                (traction > 0) & as_often & ~said_no & (~is_target | (base["target_priority"] > 1)),
                is_target,
            ],
            ["", "watch", "drop", "drop", "promote", "keep"],
            default="",
        ),
        index=base.index,
    )
    chosen = suggestion != ""
    rows = []
    for (
        company_id,
        name,
        priority,
        verdict,
        n_tries,
        n_traction,
        n_silent,
        best,
        comfort_avg,
        rated,
        yes,
    ) in zip(
        base.index[chosen],
        base["name"][chosen],
        base["target_priority"][chosen],
        suggestion[chosen],
        tries[chosen],
        traction[chosen],
        silent[chosen],
        base["best"][chosen],
        base["comfort"][chosen],
        base["comfort_rated"][chosen],
        interested[chosen],
    ):
        facts = [_plural(n_tries, "application")] if n_tries else ["no application yet"]
        if n_traction:
            facts.append(
                f"{share_text(n_traction, n_tries)} reached an interview or later "
                f"(furthest: {vocab.stage_label(vocab.STAGES[int(best)]).lower()})"
                + (f", against {overall} of all your applications" if n_tries >= MIN_POINTS else "")
            )
        if n_silent:
            facts.append(f"{n_silent} without a reply")
        if pd.notna(comfort_avg) and isinstance(rated, list):
            facts.append(_comfort_fact(rated))
        if yes is not None:
            facts.append("you said you are still interested" if yes else "you said you would not retry")
        rows.append(
            {
                "company_id": company_id,
                "company": name,
                "target_priority": int(priority) if pd.notna(priority) else None,
                "verdict": verdict,
                "suggestion": f"keep watching (n={n_tries})" if verdict == "watch" else verdict,
                "reason": "; ".join(facts) + ".",
                "tries": n_tries,
                "traction": n_traction,
                "silent": n_silent,
                "comfort": round(float(comfort_avg), 2) if pd.notna(comfort_avg) else None,
                "still_interested": yes,
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    if not frame.empty:
        frame = frame.sort_values(
            ["verdict", "company"],
            key=lambda s: s.map(SUGGESTION_ORDER) if s.name == "verdict" else s.str.casefold(),
        ).reset_index(drop=True)
    counts = frame["verdict"].value_counts()
    n = len(frame)
    decided = frame[frame["verdict"].isin(["promote", "drop", "keep"])]
    if frame.empty:
        sentence = (
            "No target companies yet and no company with an interview: mark targets in the "
            "strategy review to get suggestions."
        )
    else:
        said = [f"{verdict} {counts[verdict]}" for verdict in NAMED_VERDICTS if counts.get(verdict)]
        if counts.get("watch"):
            said.append(f"keep watching {counts['watch']} (too few applications yet to promote or drop)")
        sentence = (
            f"Suggestions for {_plural(n, 'company', 'companies')}: {', '.join(said)} — each with its "
            "reason. Listed: your targets, and other companies where interviews came at least as often "
            "as across all your applications."
        )
    rests_on = tuple(int(v) for v in decided["tries"])
    return Insight("targets", "Target list", sentence, n, frame, rests_on=rests_on)
