"""Synthetic data at any size for the benchmark: ~10 stage events per application, the other
tables in proportion. Written straight to the tables (speed over realism)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.engine import Engine

from lib.core import db, vocab
from lib.search.companies import company_key
from lib.store.base import insert_rows


def seed(engine: Engine, n_applications: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    today = dt.date.today()
    n_companies = max(5, n_applications // 4)
    companies = [
        {
            "id": i,
            "name": f"Company {i}",
            "name_key": company_key(f"Company {i}"),
            "target_priority": rng.choice([None, None, 1, 2, 3]),
        }
        for i in range(1, n_companies + 1)
    ]
    apps, events, contacts, interviews, questions, reflections, notes, feedback, moods = (
        [] for _ in range(9)
    )
    for app_id in range(1, n_applications + 1):
        applied = today - dt.timedelta(days=rng.randint(20, 720))
        company_id = rng.randint(1, n_companies)
        apps.append(
            {
                "id": app_id,
                "company_id": company_id,
                "role": rng.choice(
                    [
                        "Data Analyst",
                        "Sr. Data Analyst",
                        "Analytics Engineer",
                        "Data Scientist",
                        "BI Developer",
                    ]
                ),
                "applied_on": applied,
                "channel": rng.choice(vocab.CHANNELS),
                "source": "Board",
                "resume_version": rng.choice(["v1", "v2"]),
                "location": "Berlin",
                "work_mode": rng.choice(vocab.WORK_MODES),
            }
        )
        day = applied
        kinds = ["screen"] + ["interview"] * rng.randint(5, 8) + ["final", "offer"]
        for kind in kinds[: rng.randint(len(kinds) // 2, len(kinds))]:
            day += dt.timedelta(days=rng.randint(1, 3))
            events.append({"application_id": app_id, "kind": kind, "occurred_on": day, "round_label": None})
        if rng.random() < 0.8:
            events.append(
                {
                    "application_id": app_id,
                    "kind": rng.choice(vocab.OUTCOMES[:3]),
                    "occurred_on": day + dt.timedelta(days=2),
                    "round_label": None,
                }
            )
        if rng.random() < 0.4:
            interview_id = len(interviews) + 1
            interviews.append(
                {
                    "id": interview_id,
                    "application_id": app_id,
                    "round_type": "technical",
                    "occurred_on": applied + dt.timedelta(days=5),
                    "format": "video",
                    "comfort": rng.randint(1, 5),
                    "bank_version": 1,
                    "answers": {"positive_moment": "x"},
                }
            )
            for position in range(3):
                questions.append(
                    {
                        "interview_id": interview_id,
                        "position": position,
                        "category": "technical",
                        "question": f"Question {rng.randint(1, 200)}",
                        "rating": rng.randint(1, 5),
                    }
                )
            contacts.append(
                {
                    "company_id": company_id,
                    "name": f"Person {app_id}",
                    "role": "recruiter",
                    "met_on": applied + dt.timedelta(days=5),
                }
            )
        if rng.random() < 0.3:
            reflections.append(
                {
                    "application_id": app_id,
                    "bank": "rejection",
                    "bank_version": 1,
                    "answers": {
                        "prepared": rng.randint(1, 5),
                        "motivation": "dream job",
                        "skills_to_bolster": ["sql"],
                        "still_interested": True,
                    },
                }
            )
            feedback.append({"application_id": app_id, "asked_on": day, "themes": ["communication"]})
            notes.append(
                {"application_id": app_id, "kind": "feedback request", "body": "Thank you", "sent_on": day}
            )
        if rng.random() < 0.5:
            moods.append(
                {"recorded_at": dt.datetime.combine(applied, dt.time(9)), "score": rng.randint(1, 5)}
            )
    with db.transaction(engine) as connection:
        for table, rows in (
            (db.companies, companies),
            (db.applications, apps),
            (db.stage_events, events),
            (db.contacts, contacts),
            (db.interviews, interviews),
            (db.interview_questions, questions),
            (db.reflections, reflections),
            (db.feedback, feedback),
            (db.follow_up_notes, notes),
            (db.mood_checkins, moods),
        ):
            insert_rows(connection, table, rows)
