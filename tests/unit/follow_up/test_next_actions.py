"""Next-action rules at their boundaries, and done / snoozed decisions."""

import datetime as dt

import pandas as pd

from lib.follow_up import next_actions as na

TODAY = dt.date(2026, 3, 12)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def events(*rows):
    return pd.DataFrame(
        [
            {
                "id": i,
                "application_id": app,
                "kind": kind,
                "occurred_on": day,
                "company": "Acme",
                "role": "Analyst",
            }
            for i, (app, kind, day) in enumerate(rows)
        ],
        columns=["id", "application_id", "kind", "occurred_on", "company", "role"],
    )


def notes(*rows):
    return pd.DataFrame(
        [
            {"application_id": app, "contact_id": None, "kind": kind, "sent_on": day}
            for app, kind, day in rows
        ],
        columns=["application_id", "contact_id", "kind", "sent_on"],
    )


def keys(facts, today=TODAY, states=None):
    return [a.rule_key for a in na.compute(facts, today, states)]


def contacts(**overrides):
    row = {
        "id": 7,
        "name": 'Jo "JJ" Smith, 🌟',
        "role": "interviewer",
        "company": "Acme",
        "met_on": None,
        "connected_on": None,
        "last_contact_on": None,
        "next_checkin_on": None,
    }
    return pd.DataFrame([row | overrides])


def test_a_thank_you_becomes_due_24_hours_after_the_interview_not_before():
    facts = {"events": events((1, "interview", days_ago(0)))}
    assert keys(facts) == []
    facts = {"events": events((1, "interview", days_ago(1)))}
    assert keys(facts) == [f"thank-you:interview:1:{days_ago(1)}"]
    assert na.compute(facts, TODAY)[0].params == {"app": "1", "kind": "thank-you after interview"}


def test_a_rejection_supersedes_the_interview_before_it():
    facts = {"events": events((1, "interview", days_ago(5)), (1, "rejected", days_ago(1)))}
    [action] = na.compute(facts, TODAY)
    assert action.rule_key == f"thank-you:rejected:1:{days_ago(1)}"
    assert action.title == "Send a thank-you to Acme (Analyst)" and "yesterday" in action.detail


def test_a_rejection_without_an_interview_asks_for_no_thank_you():
    ev = events((1, "rejected", days_ago(2))).assign(interviewed=False)
    assert keys({"events": ev}) == []
    assert len(keys({"events": ev.assign(interviewed=True)})) == 1


def test_a_sent_thank_you_of_the_right_kind_on_or_after_the_event_clears_the_action():
    base = events((1, "rejected", days_ago(2)))
    assert keys({"events": base, "notes": notes((1, "thank-you after rejection", days_ago(2)))}) == []
    assert keys({"events": base, "notes": notes((1, "feedback request", days_ago(1)))}) == []
    # sent before the rejection, or a kind that isn't a thank-you for it: still due
    assert len(keys({"events": base, "notes": notes((1, "thank-you after rejection", days_ago(3)))})) == 1
    assert len(keys({"events": base, "notes": notes((1, "contact check-in", days_ago(1)))})) == 1
    assert len(keys({"events": base, "notes": notes((2, "thank-you after rejection", days_ago(1)))})) == 1


def test_a_thank_you_stops_being_listed_after_two_weeks():
    assert len(keys({"events": events((1, "final", days_ago(14)))})) == 1
    assert keys({"events": events((1, "final", days_ago(15)))}) == []


def test_a_running_pause_holds_the_rejection_thank_you_back_until_it_ends():
    ev = events((1, "rejected", days_ago(2)))
    pause = lambda until: pd.DataFrame(
        [{"application_id": 1, "pause_until": until, "company": "Acme", "role": "Analyst"}]
    )
    held = {"events": ev, "pauses": pause(dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9)))}
    assert [a.kind for a in na.compute(held, TODAY)] == ["pause"]  # "ends tomorrow", no note yet
    ends_today = {"events": ev, "pauses": pause(dt.datetime.combine(TODAY, dt.time(18)))}
    kinds = [(a.kind, a.due_on) for a in na.compute(ends_today, TODAY)]
    assert kinds == [("note", TODAY), ("pause", TODAY)]


def test_pause_endings_show_from_the_day_before_to_two_days_after():
    def shown(end):
        pauses = pd.DataFrame(
            [
                {
                    "application_id": 3,
                    "pause_until": dt.datetime.combine(end, dt.time(20)),
                    "company": "Acme",
                    "role": "Analyst",
                }
            ]
        )
        return [a.title for a in na.compute({"pauses": pauses}, TODAY)]

    assert shown(TODAY + dt.timedelta(days=2)) == []
    assert shown(TODAY + dt.timedelta(days=1)) == ["Your pause after Acme ends tomorrow"]
    assert shown(TODAY) == ["Your pause after Acme ends today"]
    assert shown(days_ago(2)) == ["Your pause after Acme ended 2 days ago"]
    assert shown(days_ago(3)) == []


def feedback(asked_on, received_on=None):
    return pd.DataFrame(
        [
            {
                "id": 4,
                "application_id": 1,
                "contact_id": 7,
                "asked_on": asked_on,
                "received_on": received_on,
                "contact_name": "Jo",
                "company": "Acme",
                "role": "Analyst",
            }
        ]
    )


def test_feedback_is_chased_when_asked_8_to_30_days_ago_and_unanswered():
    assert keys({"feedback": feedback(days_ago(7))}) == []
    [action] = na.compute({"feedback": feedback(days_ago(8))}, TODAY)
    assert action.rule_key == "feedback:4" and action.title == "Chase the feedback from Jo at Acme"
    assert action.due_on == TODAY
    assert keys({"feedback": feedback(days_ago(30), received_on=days_ago(2))}) == []
    assert keys({"feedback": feedback(days_ago(30))}) == ["feedback:4"]
    assert keys({"feedback": feedback(days_ago(31))}) == []  # too late for a reminder


def test_a_check_in_is_due_on_its_day_and_a_new_date_is_a_new_action():
    assert (
        keys({"contacts": contacts(next_checkin_on=TODAY + dt.timedelta(days=1), connected_on=days_ago(90))})
        == []
    )
    assert keys({"contacts": contacts(next_checkin_on=TODAY, connected_on=days_ago(90))}) == [
        f"check-in:7:{TODAY}"
    ]
    assert keys({"contacts": contacts(next_checkin_on=days_ago(40), connected_on=days_ago(90))}) == [
        f"check-in:7:{days_ago(40)}"
    ]


def test_people_met_in_the_last_30_days_and_not_connected_are_listed():
    assert keys({"contacts": contacts(met_on=days_ago(0))}) == ["connect:7"]
    assert keys({"contacts": contacts(met_on=days_ago(30))}) == ["connect:7"]
    assert keys({"contacts": contacts(met_on=days_ago(31))}) == []
    assert keys({"contacts": contacts(met_on=days_ago(3), connected_on=days_ago(1))}) == []
    assert keys({"contacts": contacts(met_on=None)}) == []
    [action] = na.compute({"contacts": contacts(met_on=days_ago(3))}, TODAY)
    assert action.title == 'Connect with Jo "JJ" Smith, 🌟 (interviewer, Acme)'


def test_done_hides_an_action_and_snoozed_hides_it_until_the_day_it_ends():
    facts = {"contacts": contacts(met_on=days_ago(3))}
    state = lambda status, until=None: pd.DataFrame(
        [{"rule_key": "connect:7", "status": status, "snoozed_until": until}]
    )
    assert keys(facts, states=state("done")) == []
    assert keys(facts, states=state("snoozed", TODAY + dt.timedelta(days=1))) == []
    assert keys(facts, states=state("snoozed", TODAY)) == ["connect:7"]
    assert keys(facts, states=state("open")) == ["connect:7"]


def test_the_list_puts_notes_first_and_then_orders_by_due_day():
    facts = {
        "events": events((1, "interview", days_ago(2)), (2, "interview", days_ago(3))),
        "contacts": contacts(met_on=days_ago(20), next_checkin_on=days_ago(10)),
        "feedback": feedback(days_ago(9)),
    }
    assert [(a.kind, a.application_id or a.contact_id) for a in na.compute(facts, TODAY)] == [
        ("note", 2),
        ("note", 1),
        ("feedback", 1),
        ("connect", 7),
        ("check-in", 7),
    ]


def test_a_new_rule_is_one_decorated_function():
    @na.rule
    def weekly_review(facts, today):
        return [na.Action("review:2026-11", "review", "Review your strategy", "Once a month.", today)]

    try:
        assert keys({}) == ["review:2026-11"]
    finally:
        na.RULES.remove(weekly_review)
    assert keys({}) == []
