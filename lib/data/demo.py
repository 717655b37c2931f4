"""A seeded, realistic demo data set, in its own database file (never the user's).

About 60 applications over 25 companies across the last eight months, covering every stage and
outcome, with interviews and the questions asked, reflections, feedback, contacts, follow-up
notes and mood check-ins, so every page has something true-to-life to show.
"""

from __future__ import annotations

import datetime as dt
import random

from lib.core import db, vocab
from lib.core.db import Engine
from lib.data.demo_after import after_rejection
from lib.data.demo_content import (
    COMPANIES,
    FIRST_NAMES,
    LAST_NAMES,
    LOCATIONS,
    POSITIVE_MOMENTS,
    QUESTIONS,
    RESUMES,
    ROLES,
    SOURCES,
)
from lib.learn.strategy_bank import ON_TRACK_CHOICES
from lib.search.companies import company_key
from lib.store.base import count_rows, insert_rows

SEED = 13


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _plan_history(
    rng: random.Random, applied: dt.date, today: dt.date
) -> list[tuple[str, dt.date, str | None]]:
    """A plausible event history for one application: stages then (maybe) an ending."""
    age = (today - applied).days
    roll = rng.random()
    ladder = ["screen", "interview", "final", "offer"]
    reach = 0 if roll < 0.3 else 1 if roll < 0.55 else 2 if roll < 0.75 else 3 if roll < 0.9 else 4
    events: list[tuple[str, dt.date, str | None]] = []
    day = applied
    for step in ladder[:reach]:
        day = day + dt.timedelta(days=rng.randint(4, 12))
        if day > today:
            return events
        label = None
        if step == "interview":
            label = rng.choice(["Technical", "Behavioural", "Case study"])
        events.append((step, day, label))
        if step == "interview" and rng.random() < 0.4:
            day = day + dt.timedelta(days=rng.randint(3, 8))
            if day <= today:
                events.append(("interview", day, "Panel"))  # a second round, debriefed as one
    end_day = day + dt.timedelta(days=rng.randint(3, 14))
    if end_day > today or (age < 45 and rng.random() < 0.6):
        return events  # still open
    if reach == 4:  # declined: a search that goes on after an accepted offer is not believable
        rng.random()  # drawn as before, so the rest of the demo stays the same
        events.append(("declined", end_day, None))
    elif reach == 0:
        if rng.random() >= 0.45:
            events.append(("rejected", end_day, None))
        else:  # ghosted is a silence of the ghosting threshold or longer, never a quick one
            ghosted_on = end_day + dt.timedelta(days=vocab.DEFAULT_GHOST_DAYS)
            if ghosted_on <= today:
                events.append(("ghosted", ghosted_on, None))
    else:
        events.append(("withdrawn" if rng.random() < 0.1 else "rejected", end_day, None))
    return events


def _keep_in_touch(contacts: list[dict], today: dt.date) -> list[dict]:
    """A person who keeps a network checks in: long-past check-ins were done (last contact moves
    on) and the next one is ahead, so the demo's next actions are a believable few, not dozens."""
    rng = random.Random(SEED + 1)  # its own draws: the rest of the demo stays as it is
    for contact in contacts:
        due = contact["next_checkin_on"]
        if due is not None and due < today - dt.timedelta(days=3):
            contact["last_contact_on"] = max(
                contact["met_on"], today - dt.timedelta(days=rng.randint(20, 50))
            )
            contact["next_checkin_on"] = today + dt.timedelta(days=rng.randint(-2, 45))
    return contacts


def _target_reason(priority: int | None) -> str | None:
    return "Strong data culture" if priority == 1 else None


def _review(now: dt.datetime) -> dict:
    """One strategy review, twelve days ago: the next is due in two, and Compare reviews reads it."""
    return {
        "bank_version": 1,
        "answers": {
            "what_i_want": "Analytics close to product decisions, in a team that writes things down.",
            "roles": ["Data Analyst", "Product Analyst"],
            "on_track": ON_TRACK_CHOICES[1],  # "on track"
            "change": "Ask for two referrals a week instead of sending cold applications.",
            "skills_to_build": ["SQL", "storytelling"],
        },
        "weekly_goal": 5,
        "targets": [
            {"company": name, "priority": prio, "reason": _target_reason(prio)}
            for name, prio in sorted((c for c in COMPANIES if c[1] is not None), key=lambda c: (c[1], c[0]))
        ],
        "created_at": now - dt.timedelta(days=12),
    }


def build(engine: Engine, today: dt.date | None = None, n_applications: int = 60) -> None:
    """Fill an empty, migrated database with the demo data set (one transaction)."""
    today = today or dt.date.today()
    # nothing is dated after this moment: a "no" that came today has no answer yet
    now = dt.datetime.now() if today == dt.date.today() else dt.datetime.combine(today, dt.time(23, 59))
    rng = random.Random(SEED)
    with db.transaction(engine) as conn:
        insert_rows(
            conn,
            db.companies,
            [
                {
                    "id": i + 1,
                    "name": name,
                    "name_key": company_key(name),
                    "target_priority": prio,
                    "target_reason": _target_reason(prio),
                }
                for i, (name, prio) in enumerate(COMPANIES)
            ],
        )
        apps, events, contacts, interviews, questions, reflections = [], [], [], [], [], []
        feedback, notes, moods, links = [], [], [], []
        event_id = contact_id = interview_id = question_id = 0
        for app_id in range(1, n_applications + 1):
            company_id = (app_id - 1) % len(COMPANIES) + 1
            applied = today - dt.timedelta(days=rng.randint(3, 240))
            channel = rng.choices(vocab.CHANNELS, weights=[3, 2, 2, 6, 4, 1, 1])[0]
            location, mode = rng.choice(LOCATIONS)
            earlier = [a for a in apps if a["company_id"] == company_id and a["applied_on"] < applied]
            apps.append(
                {
                    "id": app_id,
                    "company_id": company_id,
                    "role": rng.choice(ROLES),
                    "applied_on": applied,
                    "channel": channel,
                    "source": rng.choice(SOURCES.get(channel, [None])),
                    "job_url": f"https://jobs.example.com/{app_id}",
                    "resume_version": rng.choice(RESUMES),
                    "location": location,
                    "work_mode": mode,
                    "notes": "Found through a former colleague." if channel == "referral" else None,
                    "reapplication_of": earlier[-1]["id"] if earlier and rng.random() < 0.5 else None,
                    "reapply_reason": "This role is closer to product decisions than the last one."
                    if earlier
                    else None,
                }
            )
            history = _plan_history(rng, applied, today)
            for kind, day, label in history:
                event_id += 1
                events.append(
                    {
                        "id": event_id,
                        "application_id": app_id,
                        "kind": kind,
                        "occurred_on": day,
                        "round_label": label,
                        "via": "email" if kind in vocab.OUTCOMES and kind != "ghosted" else None,
                    }
                )
            kinds = [k for k, _, _ in history]
            if "interview" not in kinds:
                continue
            # People met and a debrief for each interview round.
            met = []
            for role in ("recruiter", "hiring manager", "interviewer"):
                contact_id += 1
                met_on = next(d for k, d, _ in history if k == "interview")
                connected = rng.random() < 0.5
                contacts.append(
                    {
                        "id": contact_id,
                        "company_id": company_id,
                        "name": _person(rng),
                        "role": role,
                        "email": f"person{contact_id}@example.com" if role != "interviewer" else None,
                        "profile_url": f"https://www.linkedin.com/in/demo-{contact_id}"
                        if connected
                        else None,
                        "met_on": met_on,
                        "connected_on": min(met_on + dt.timedelta(days=2), today) if connected else None,
                        "last_contact_on": min(met_on + dt.timedelta(days=1), today),
                        "next_checkin_on": met_on + dt.timedelta(days=rng.choice([30, 60, 90]))
                        if role != "interviewer"
                        else None,
                    }
                )
                met.append(contact_id)
            for kind, day, label in history:
                if kind not in ("interview", "final"):
                    continue
                interview_id += 1
                comfort = rng.randint(2, 5)
                interviews.append(
                    {
                        "id": interview_id,
                        "application_id": app_id,
                        "round_type": {
                            "Technical": "technical",
                            "Behavioural": "behavioural",
                            "Case study": "case",
                            "Panel": "panel",  # its debrief named as the history does ("Other round" was not)
                        }.get(label or "", "final" if kind == "final" else "other"),
                        "occurred_on": day,
                        "format": rng.choice(vocab.INTERVIEW_FORMATS),
                        "comfort": comfort,
                        "bank_version": 1,
                        "answers": {
                            "key_points": "They need faster weekly reporting and a self-serve layer.",
                            "company_needs": "Cut reporting time; grow the experimentation practice.",
                            "positive_moment": rng.choice(POSITIVE_MOMENTS),
                            "went_well": "Clear SQL walkthrough.",
                            "do_differently": "Slow down and structure the case answer.",
                            "team_feeling": rng.choice(["Warm and curious", "Busy but kind", "Hard to read"]),
                        },
                    }
                )
                links.append({"interview_id": interview_id, "contact_id": met[-1]})
                for position, (cat, q, ans, better) in enumerate(rng.sample(QUESTIONS, 3)):
                    question_id += 1
                    questions.append(
                        {
                            "id": question_id,
                            "interview_id": interview_id,
                            "position": position,
                            "category": cat,
                            "question": q,
                            "my_answer": ans,
                            "rating": max(1, min(5, comfort + rng.randint(-2, 1))),
                            "better_answer": better,
                        }
                    )
            ending = history[-1]
            if ending[0] != "rejected":
                continue
            reflection, mood, asked, note = after_rejection(rng, app_id, history, met, contacts, now)
            reflections.append(reflection)
            moods.append(mood)
            feedback.append(asked)
            notes.append(note)
        for week in range(34):
            day = today - dt.timedelta(days=7 * week + rng.randint(0, 3))
            moods.append(
                {
                    "recorded_at": dt.datetime.combine(day, dt.time(9)),
                    "score": rng.choice([2, 3, 3, 4, 4, 5]),
                    "words": rng.choice(["Steady", "Hopeful", "Meh", "Good run today", None]),
                    "application_id": None,
                }
            )
        insert_rows(conn, db.applications, apps)
        insert_rows(conn, db.stage_events, events)
        insert_rows(conn, db.contacts, _keep_in_touch(contacts, today))
        insert_rows(conn, db.interviews, interviews)
        insert_rows(conn, db.interview_contacts, links)
        insert_rows(conn, db.interview_questions, questions)
        insert_rows(conn, db.reflections, reflections)
        insert_rows(conn, db.feedback, feedback)
        insert_rows(conn, db.follow_up_notes, notes)
        insert_rows(conn, db.mood_checkins, moods)
        insert_rows(conn, db.strategy_reviews, [_review(now)])
        insert_rows(conn, db.settings, [{"key": "demo_built_on", "value": today.isoformat()}])


def open_demo(url: str | None = None) -> Engine:
    """The demo database, built on first use."""
    engine = db.open_database(url or db.demo_database_url())
    if count_rows(engine, db.applications) == 0:
        build(engine)
    return engine
