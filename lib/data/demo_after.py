"""The demo person's words after a rejection: the reflection, the mood that evening, the feedback
asked for and the thank-you note (random draws in a fixed order, so the demo stays the same)."""

from __future__ import annotations

import datetime as dt
import random

from lib.core import vocab
from lib.data.demo_content import CHALLENGES, FEEDBACK_TEXTS, MOTIVATIONS, SKILLS


def after_rejection(
    rng: random.Random, app_id: int, history: list, met: list[int], contacts: list[dict], now: dt.datetime
) -> tuple[dict, dict, dict, dict]:
    """(reflection, mood check-in, feedback request, follow-up note) for a rejected application.

    Nothing is dated after `now`: a "no" that came today was reflected on today (not at 20:00 still
    to come), and its feedback is not yet answered."""
    ending = history[-1]
    today = now.date()
    evening = min(dt.datetime.combine(ending[1], dt.time(20)), now)
    next_day = min(ending[1] + dt.timedelta(days=1), today)
    pause_until = dt.datetime.combine(ending[1] + dt.timedelta(days=1), dt.time(18))
    reflection = {
        "application_id": app_id,
        "bank": "rejection",
        "bank_version": 1,
        "created_at": evening,  # written that evening (not the day the demo was built)
        # No pause still running: opened in one, the demo's Home showed little but the pause.
        "pause_until": pause_until if pause_until <= now else None,
        "answers": {
            "mood": rng.randint(1, 4),
            "mood_words": rng.choice(["Deflated", "Annoyed, then okay", "Tired"]),
            "prepared": rng.randint(2, 5),
            "qualified": rng.randint(2, 5),
            "heart_in_it": rng.randint(2, 5),
            "presented_well": rng.randint(2, 5),
            "dressed_right": rng.randint(3, 5),
            "team_fit": rng.randint(2, 5),
            "motivation": rng.choice(MOTIVATIONS),
            "still_interested": rng.random() < 0.6,
            "reply_goal": rng.sample(["feedback", "advice", "another role"], 2),
            "why_not_chosen": rng.choice(
                [
                    "Less domain experience than others.",
                    "My case answer lacked structure.",
                    "Not sure.",
                ]
            ),
            "skills_to_bolster": rng.sample(SKILLS, 2),
            "lessons": "Prepare two stories with numbers before every round.",
            # What happened (the same as the stage history) and the challenges, without new random draws.
            "stage_reached": max(
                (k for k, _, _ in history if k in vocab.STAGE_RANK),
                key=vocab.STAGE_RANK.get,
                default="applied",
            ),
            "rejected_on": ending[1].isoformat(),
            "news_via": "email",
            "challenges": CHALLENGES[app_id % len(CHALLENGES)],
        },
    }
    mood = {
        "recorded_at": evening,
        "score": rng.randint(1, 3),
        "words": "Rejection day.",
        "application_id": app_id,
    }
    text, themes = rng.choice(FEEDBACK_TEXTS)
    received = rng.random() < 0.6 and ending[1] + dt.timedelta(days=5) <= today
    asked = {
        "application_id": app_id,
        "contact_id": met[0],
        "asked_on": next_day,
        "asked_via": "email",
        "received_on": ending[1] + dt.timedelta(days=5) if received else None,
        "text": text if received else None,
        "themes": themes if received else [],
    }
    recruiter_name = next(c["name"] for c in contacts if c["id"] == met[0])
    note = {
        "application_id": app_id,
        "contact_id": met[0],
        "kind": "thank-you after rejection",
        "recipient_role": "recruiter",
        "recipient_name": recruiter_name,
        "recipient_email": f"person{met[0]}@example.com",
        "subject": "Thank you for the conversation",
        "body": f"Dear {recruiter_name},\n\nThank you for your time during the process. "
        "Could you share which skills I could strengthen for a role like this?\n\n"
        "I'd be glad to be considered for similar roles.\n\nBest regards",
        "sent_on": next_day if rng.random() < 0.7 else None,
    }
    if note["sent_on"] is None:  # the note is a draft still: the feedback was asked another way
        asked["asked_via"] = "phone"
    return reflection, mood, asked, note
