"""The pause notice when several "no"s came close together: each named, the last end says until when."""

import datetime as dt

import pandas as pd

from lib.reflect import rejection

NOW = dt.datetime(2026, 3, 12, 10, 0)


def pause(id_, company, ends_in_hours, role="Analyst"):
    return {
        "id": id_,
        "company": company,
        "role": role,
        "pause_until": NOW + dt.timedelta(hours=ends_in_hours),
    }


def test_only_running_pauses_count_and_the_one_that_ends_last_comes_first():
    over, short, long = pause(1, "Old", -1), pause(2, "Acme", 8), pause(3, "Beta", 32)
    assert [p["id"] for p in rejection.running_pauses([over, short, long], NOW)] == [3, 2]
    assert rejection.running_pauses([over], NOW) == []


def test_the_news_is_named_oldest_first_each_company_once():
    a, b, c, d = pause(1, "Acme", 30), pause(2, "Beta", 8), pause(3, "Cleo", 9), pause(4, "Dune", 9)
    assert rejection.news_from([a]) == "Acme"
    assert rejection.news_from([b, a]) == "Acme and Beta"
    assert rejection.news_from([a, b, c]) == "Acme, Beta and Cleo"
    assert rejection.news_from([a, b, c, d]) == "Acme, Beta and 2 others"
    assert rejection.news_from([a, pause(5, "Acme", 40, role="BI")]) == "Acme"


def test_each_look_back_link_names_its_company_when_there_are_several():
    a, b = pause(1, "Acme", 30), pause(2, "Beta", 8)
    assert rejection.look_back_label(a, [a]) == "Look back now, if you'd like to"
    assert rejection.look_back_label(b, [a, b]) == "Look back at Beta, if you'd like to"
    twice = pause(3, "Acme", 9, role="BI")
    assert rejection.look_back_label(twice, [a, twice]) == "Look back at Acme (BI), if you'd like to"


def test_a_no_weeks_old_asks_no_pause_but_a_recent_one_or_one_on_an_unknown_day_does():
    today = dt.date(2026, 12, 6)
    behind = lambda day: rejection.pause_behind({"rejected_on": day}, today)  # noqa: E731
    assert behind(dt.date(2026, 11, 22)) == 14
    assert behind(pd.Timestamp("2026-10-27")) == 40  # as the stage history reads it
    assert behind(dt.date(2026, 11, 23)) is None  # 13 days: a pause is still asked
    assert behind(None) is None  # it may have come today
    assert rejection.pause_behind({"stage_reached": "applied"}, today) is None  # no "no" recorded yet


def test_a_silence_with_no_day_is_old_when_it_counted_as_ghosted_long_ago():
    today = dt.date(2026, 12, 6)
    silence = {"rejected_on": None, "news_via": "silence"}
    assert rejection.pause_behind(silence, today, silent_since=dt.date(2026, 9, 1)) == 96
    assert rejection.pause_behind(silence, today, silent_since=dt.date(2026, 12, 1)) is None
    assert rejection.pause_behind(silence, today) is None  # no word ever dated: may be news today
    no_day = {"rejected_on": None, "news_via": "email"}  # a "no" with no day: may have come today
    assert rejection.pause_behind(no_day, today, silent_since=dt.date(2026, 9, 1)) is None


def test_the_look_back_is_given_the_hard_questions_and_what_to_do_differently():
    debriefs = [
        {
            "questions": [
                {"question": "Why us?", "rating": 4},
                {"question": "Size the market", "rating": 2, "category": "case"},
                {"question": "  ", "rating": 1},  # an empty row says nothing
                {"question": "Unrated one", "rating": None},
            ],
            "answers": {"do_differently": "Ask for a minute to structure"},
        },
        {"questions": [{"question": "SQL window", "rating": 1}], "answers": {"do_differently": " "}},
    ]
    hard, differently = rejection.from_the_debriefs(debriefs)
    assert [(q["question"], q["rating"]) for q in hard] == [("SQL window", 1), ("Size the market", 2)]
    assert differently == ["Ask for a minute to structure"]
    assert rejection.from_the_debriefs([]) == ([], [])
    assert len(rejection.from_the_debriefs(debriefs * 5, limit=3)[0]) == 3
