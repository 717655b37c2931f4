"""Write it out: one session a day, up to five; a draft is always continued; the timer may run over."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lib.reflect import writing

TODAY = dt.date(2026, 12, 3)


def _sessions(*rows: tuple[int, dt.datetime | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"id": n * 10, "number": n, "started_at": dt.datetime(2026, 11, n), "finished_at": f}
            for n, f in rows
        ],
        columns=["id", "number", "started_at", "finished_at"],
    )


def test_the_first_visit_offers_session_one() -> None:
    assert writing.next_session(_sessions(), TODAY) == writing.Next("new", 1)


def test_a_draft_left_mid_way_is_continued_whatever_day_it_was() -> None:
    sessions = _sessions((1, dt.datetime(2026, 11, 1, 9)), (2, None))
    assert writing.next_session(sessions, TODAY) == writing.Next("continue", 2, 20)


def test_one_session_a_day_and_five_in_all() -> None:
    today_done = _sessions((1, dt.datetime(2026, 11, 1, 9)), (2, dt.datetime.combine(TODAY, dt.time(8))))
    assert writing.next_session(today_done, TODAY).kind == "done_today"
    assert writing.next_session(today_done, TODAY + dt.timedelta(days=1)) == writing.Next("new", 3)
    five = _sessions(*[(n, dt.datetime(2026, 11, n, 9)) for n in range(1, 6)])
    assert writing.next_session(five, TODAY).kind == "all_done"


def test_the_timer_past_twenty_minutes_is_fine() -> None:
    assert writing.timer_text(19 * 60 + 59) == "19 of about 20 minutes"
    assert "that's the twenty" in writing.timer_text(20 * 60)
    assert writing.timer_text(95 * 60).startswith("95 minutes")


def test_words_are_counted_in_any_script() -> None:
    assert writing.word_count("I lost it — and that's ok. Даже так.") == 9
    assert writing.word_count(None) == 0
    assert writing.prompt(5) == writing.PROMPTS[4] and writing.prompt(9) == writing.PROMPTS[4]
