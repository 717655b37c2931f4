"""The composer's rules: default recipients, which kinds ask, reply goals, timeliness, draft records."""

import datetime as dt

from lib.follow_up import compose

TODAY = dt.date(2026, 3, 12)
PEOPLE = [
    {"id": 1, "name": "Ana", "role": "recruiter"},
    {"id": 2, "name": "Ben", "role": "engineer"},
    {"id": 3, "name": "Cy", "role": "hiring manager"},
]


def test_thank_yous_go_to_recruiters_and_hiring_managers_unless_a_link_names_someone():
    assert compose.default_recipients("thank-you after interview", PEOPLE, None) == [1, 3]
    assert compose.default_recipients("keep the door open", PEOPLE, None) == [1, 3]
    assert compose.default_recipients("influence letter", PEOPLE, None) == []
    assert compose.default_recipients("influence letter", PEOPLE, 2) == [2]
    assert compose.default_recipients("feedback request", PEOPLE, 99) == [1, 3]  # not at this company
    # a check-in about an application: the people there; about no application: no one unasked
    assert compose.default_recipients("contact check-in", PEOPLE, None, at_company=True) == [1, 3]
    assert compose.default_recipients("contact check-in", PEOPLE, None) == []


def test_reply_goals_from_the_reflection_keep_known_words_and_default_when_unset():
    assert compose.reply_goals({"reply_goal": "advice"}) == ["advice"]
    assert compose.reply_goals({"reply_goal": ["advice", "a pony"]}) == ["advice"]
    assert compose.reply_goals({}) == ["feedback", "another role"]


def test_which_notes_start_waiting_for_feedback():
    assert compose.asks_feedback("feedback request")
    assert compose.asks_feedback("thank-you after rejection", ["feedback"])
    assert not compose.asks_feedback("thank-you after rejection", ["nothing"])
    assert not compose.asks_feedback("influence letter")


def test_the_timeliness_line_says_how_long_since_and_tips_a_thank_you_only_while_it_helps():
    def facts(days):
        return {"interview_on": TODAY - dt.timedelta(days=days), "ended_on": None, "outcome": "open"}

    tip = " A thank-you reads best within a day or two: today is a good day for it."
    assert compose.timeliness(facts(2), TODAY, "thank-you after interview") == "Interview: 2 days ago." + tip
    assert compose.timeliness(facts(1), TODAY, "thank-you after interview").endswith(tip)
    # Not on the day itself, not weeks later (it would only scold), not for other kinds of note.
    assert compose.timeliness(facts(0), TODAY, "thank-you after interview") == "Interview: today."
    assert compose.timeliness(facts(49), TODAY, "thank-you after interview") == "Interview: 7 weeks ago."
    assert compose.timeliness(facts(2), TODAY, "contact check-in") == "Interview: 2 days ago."
    assert compose.timeliness(facts(2), TODAY) == "Interview: 2 days ago."
    assert compose.timeliness(compose.NO_FACTS, TODAY) == ""
    # the latest round named as it was: "Interview: 8 days ago" of a final round misread it
    final = {**facts(8), "interview_kind": "final"}
    assert compose.timeliness(final, TODAY).startswith("Final round: 8 days ago.")


def test_one_draft_record_per_recipient_with_its_own_key_and_text():
    facts = dict(compose.NO_FACTS, company="Acme", role="Analyst")
    written = compose.drafts_for(
        "feedback request", 7, facts, [PEOPLE[0], {"id": None, "name": "New"}], {"my_name": "Sam"}, TODAY
    )
    keys = [record["key"] for record, _ in written]
    assert len(set(keys)) == 2 and all(r["asks_feedback"] for r, _ in written)
    assert written[0][1].body.startswith("Dear Ana,") and written[1][0]["contact_id"] is None


def test_an_interview_whose_date_is_unknown_is_named_without_a_made_up_day():
    facts = dict(compose.NO_FACTS, interviewed=True, ended_on=TODAY, outcome="rejected")
    assert compose.timeliness(facts, TODAY) == "Interview: date unknown · Rejected: today."
    assert compose.timeliness(dict(facts, ended_on=None), TODAY) == "Interview: date unknown."
