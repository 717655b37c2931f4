"""Next-action rules at their boundaries, and done / snoozed decisions."""

import datetime as dt
from dataclasses import replace

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
    assert [k for k in keys(facts) if k.startswith("thank-you")] == []
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


def _pause(until, answers=None, app=1):
    return pd.DataFrame(
        [
            {
                "id": 7,
                "application_id": app,
                "pause_until": until,
                "answers": answers,
                "company": "Acme",
                "role": "Analyst",
            }
        ]
    )


def test_a_running_pause_holds_the_rejection_thank_you_and_the_look_back_until_it_ends():
    ev = events((1, "rejected", days_ago(2)))
    pause_end = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9))
    held = {"events": ev, "pauses": _pause(pause_end)}
    # nothing asked of you while you rest: the note is due the day the pause ends, held till then
    # and counted with what can wait (it was left out, and "1 other thing can wait" was short of it)
    [note] = na.compute(held, TODAY)
    assert (note.kind, note.due_on) == ("note", TODAY + dt.timedelta(days=1))
    shown, waiting = na.calm([note], pause_end, TODAY)
    assert shown == [] and [a.kind for a in waiting] == ["note"]
    # a pause of three weeks: the thank-you is still owed after it (the two weeks run from its end)
    long_ago = events((1, "rejected", days_ago(20)))
    after_long = {"events": long_ago, "pauses": _pause(dt.datetime.combine(days_ago(1), dt.time(9)))}
    assert [a.kind for a in na.compute(after_long, TODAY)] == ["note", "reflect"]
    ends_today = {"events": ev, "pauses": _pause(dt.datetime.combine(TODAY, dt.time(18)))}
    kinds = [(a.kind, a.due_on) for a in na.compute(ends_today, TODAY)]
    assert kinds == [("note", TODAY), ("reflect", TODAY)]


def test_when_a_pause_has_ended_the_look_back_is_offered_until_written_or_a_month_has_passed():
    def shown(end, answers=None):
        pauses = _pause(dt.datetime.combine(end, dt.time(18)), answers, app=3)
        return [(a.title, a.target, a.params) for a in na.compute({"pauses": pauses}, TODAY)]

    look = ("Look back at Acme when you're ready", "rejection", {"reflection": "7"})
    assert shown(TODAY + dt.timedelta(days=1)) == []
    assert shown(days_ago(1)) == [look]
    assert shown(days_ago(30)) == [look] and shown(days_ago(31)) == []
    assert shown(days_ago(1), {"mood": 2, "pause_until": "2026-03-11", "kind_thing": "a walk"}) == [look]
    assert shown(days_ago(1), {"mood": 2, "lessons": "Practise the case"}) == []  # looked back


def test_while_a_pause_runs_only_what_cannot_wait_is_shown_and_the_rest_comes_back_after_it():
    actions = [
        na.Action("a", "interview", "Interview at Acme today", "", TODAY),
        na.Action("b", "note", "Send a thank-you", "", days_ago(3)),
        na.Action("c", "check-in", "Check in with Dana", "", days_ago(9)),
        na.Action("d", "offer", "An offer from Beta", "", days_ago(1)),
    ]
    ends = dt.datetime.combine(TODAY + dt.timedelta(days=2), dt.time(18))
    shown, held = na.calm(actions, ends, TODAY)
    assert [a.rule_key for a in shown] == ["a", "d"]
    assert [(a.rule_key, a.due_on, a.held_until) for a in held] == [
        ("b", TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=2)),
        ("c", TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=2)),
    ]
    assert na.calm(actions, None, TODAY) == (actions, [])
    assert na.when_text(held[0], TODAY) == f"after your pause, from {TODAY + dt.timedelta(days=2):%a %d %b}"
    # on the pause's last day, the day is today: said so ("back on Sun 06 Dec" read as a date to look up)
    assert na.when_text(held[0], TODAY + dt.timedelta(days=2)) == "after your pause, later today"
    assert na.when_text(held[0], TODAY + dt.timedelta(days=1)) == "after your pause, tomorrow"
    assert na.back_on(TODAY, TODAY) == "later today" and na.back_on(
        TODAY + dt.timedelta(days=3), TODAY
    ).startswith("on ")


def test_no_action_is_ever_overdue():
    action = na.Action("b", "note", "Send a thank-you", "", days_ago(9))
    assert na.when_text(action, TODAY) == "when you're ready"
    assert na.when_text(na.Action("x", "note", "", "", TODAY), TODAY) == "today"
    assert na.when_text(na.Action("x", "note", "", "", TODAY + dt.timedelta(days=2)), TODAY) == "due 14 Mar"


def test_a_sent_note_clears_the_check_in_and_the_feedback_reminder():
    contacts = pd.DataFrame(
        [
            {
                "id": 5,
                "name": "Dana",
                "role": "recruiter",
                "company": "Acme",
                "met_on": None,
                "connected_on": days_ago(40),
                "last_contact_on": days_ago(20),
                "next_checkin_on": days_ago(2),
            }
        ]
    )
    assert [a.kind for a in na.compute({"contacts": contacts}, TODAY)] == ["check-in"]
    sent = pd.DataFrame(
        [{"application_id": None, "contact_id": 5, "kind": "contact check-in", "sent_on": days_ago(1)}]
    )
    assert na.compute({"contacts": contacts, "notes": sent}, TODAY) == []
    feedback = pd.DataFrame(
        [
            {
                "id": 9,
                "application_id": 1,
                "contact_id": None,
                "asked_on": days_ago(10),
                "received_on": None,
                "contact_name": None,
                "company": "Acme",
                "role": "Analyst",
            }
        ]
    )
    assert [a.kind for a in na.compute({"feedback": feedback}, TODAY)] == ["feedback"]
    chased = notes((1, "feedback request", days_ago(2)))
    assert na.compute({"feedback": feedback, "notes": chased}, TODAY) == []


def test_an_offer_waiting_for_an_answer_is_listed_until_it_is_answered():
    offers = pd.DataFrame(
        [{"application_id": 4, "occurred_on": days_ago(2), "ended": False, "company": "Beta", "role": "BI"}]
    )
    [action] = na.compute({"offers": offers}, TODAY)
    assert action.kind == "offer" and "waiting for your answer" in action.title
    assert na.compute({"offers": offers.assign(ended=True)}, TODAY) == []


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


def test_snoozed_actions_are_told_apart_with_the_day_they_come_back():
    facts = {"contacts": contacts(met_on=days_ago(3))}
    later = TODAY + dt.timedelta(days=3)
    states = pd.DataFrame(
        [
            {"rule_key": "connect:7", "status": "snoozed", "snoozed_until": later},
            {"rule_key": "connect:99", "status": "snoozed", "snoozed_until": later},  # no longer owed
        ]
    )
    open_actions, snoozed = na.sort_out(facts, TODAY, states)
    assert open_actions == []
    assert [(action.rule_key, day) for action, day in snoozed] == [("connect:7", later)]
    done = states.assign(status="done")
    assert na.sort_out(facts, TODAY, done) == ([], [])


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


def test_an_interview_whose_date_is_unknown_is_never_announced_as_today():
    """A stage a rejection implied, or an imported status, has a day that only keeps it in order."""
    undated = events((1, "interview", TODAY), (2, "final", days_ago(-1))).assign(date_known=False)
    assert [a.kind for a in na.compute({"events": undated}, TODAY)] == []
    dated = undated.assign(date_known=True)
    assert {a.title for a in na.compute({"events": dated}, TODAY) if a.kind == "interview"} == {
        "Interview at Acme today",
        f"Interview at Acme on {days_ago(-1):%a %d %b}",
    }


def test_an_interview_whose_date_is_unknown_asks_for_no_thank_you_by_date():
    undated = events((1, "interview", days_ago(2))).assign(date_known=False)
    assert keys({"events": undated}) == []
    assert keys({"events": undated.assign(date_known=True)}) == [f"thank-you:interview:1:{days_ago(2)}"]


def test_an_offer_whose_date_is_unknown_waits_without_a_made_up_age():
    offers = pd.DataFrame(
        [
            {
                "application_id": 4,
                "occurred_on": days_ago(20),
                "date_known": False,
                "ended": False,
                "company": "Beta",
                "role": "BI",
            }
        ]
    )
    [action] = na.compute({"offers": offers}, TODAY)
    assert action.detail == "BI. Take the time you need within the date they gave you."
    [dated] = na.compute({"offers": offers.assign(date_known=True)}, TODAY)
    assert dated.detail.startswith("BI, offered 2 weeks ago.")


def test_an_interview_invitation_is_announced_as_one_and_asks_for_no_thank_you_by_its_day():
    """An interview event an invitation email recorded has the invitation's day: "Interview at …
    today" and "the interview was 2 days ago" would both be untrue."""
    invited = events((1, "interview", TODAY), (2, "final", TODAY)).assign(invitation=True)
    assert [a.title for a in na.compute({"events": invited}, TODAY)] == [
        "An interview invitation from Acme",
        "A final-round invitation from Acme",
    ]
    earlier = events((1, "interview", days_ago(2))).assign(invitation=True)
    assert keys({"events": earlier}) == []
    assert keys({"events": earlier.assign(invitation=False)}) == [f"thank-you:interview:1:{days_ago(2)}"]


def test_the_when_is_not_said_twice_when_the_title_says_it():
    interview = na.Action("interview-soon:1", "interview", "Interview at Acme today", "", TODAY)
    assert na.when_suffix(interview, TODAY) == ""
    # a name with the word in it keeps its "(today)": "Check in with Carol Today" lost it
    check_in = na.Action("check-in:7", "check_in", "Check in with Carol Today", "", TODAY)
    assert na.when_suffix(check_in, TODAY) == "today"
    assert na.when_suffix(replace(interview, title="Interview at USA Today today"), TODAY) == ""
    look_back = na.Action(
        "look-back:3", "pause", "Look back at Acme when you're ready", "", TODAY - dt.timedelta(1)
    )
    assert na.when_suffix(look_back, TODAY) == ""  # not "… when you're ready (when you're ready)"
    assert na.when_suffix(replace(interview, title="Interview at Todayville Ltd"), TODAY) == "today"
    later = na.Action("y", "note", "Send a thank-you to Acme", "", TODAY + dt.timedelta(days=3))
    assert na.when_suffix(later, TODAY) == f"due {later.due_on:%d %b}"


def test_a_person_met_is_named_with_their_role_unless_it_is_only_other():
    today = dt.date(2026, 3, 2)
    contacts = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "name": ["Sam Lee", "Ana Ruiz", "Jo"],
            "role": ["other", "recruiter", "other"],
            "company": ["Northwind", "Acme", None],
            "met_on": [today] * 3,
            "connected_on": [None] * 3,
        }
    )
    titles = [a.title for a in na.people_to_connect({"contacts": contacts}, today)]
    assert titles == [
        "Connect with Sam Lee (Northwind)",
        "Connect with Ana Ruiz (recruiter, Acme)",
        "Connect with Jo",
    ]


def test_an_interview_today_opens_the_prep_sheet_and_says_what_comes_once_it_is_over():
    """It opened the application's page ("Your prep sheet … is ready": that page has none), and on
    the day itself, with the interview perhaps over, it said nothing of the debrief or the thank-you."""
    dated = events((1, "interview", TODAY), (2, "final", days_ago(-2)))
    shown = {a.title: a for a in na.compute({"events": dated}, TODAY) if a.kind == "interview"}
    today, later = shown["Interview at Acme today"], shown[f"Interview at Acme on {days_ago(-2):%a %d %b}"]
    assert today.target == later.target == "questions"
    assert "Once it's over: a debrief while it's fresh, and a short thank-you." in today.detail
    assert "debrief" not in later.detail


def test_an_interview_debriefed_today_is_over_and_its_thank_you_is_due_today():
    """Debriefed, it was still announced as "Interview at Acme today … Once it's over", and the
    thank-you came only the next day."""
    dated = events((1, "interview", TODAY))
    before = na.compute({"events": dated.assign(debriefed=False)}, TODAY)
    assert [a.title for a in before] == ["Interview at Acme today"]
    after = na.compute({"events": dated.assign(debriefed=True)}, TODAY)
    assert [(a.title, a.due_on) for a in after] == [("Send a thank-you to Acme (Analyst)", TODAY)]
    assert after[0].rule_key == f"thank-you:interview:1:{TODAY.isoformat()}"  # tomorrow's key: one action
    later = na.compute({"events": dated.assign(debriefed=True)}, TODAY + dt.timedelta(days=1))
    assert [(a.title, a.due_on) for a in later] == [("Send a thank-you to Acme (Analyst)", TODAY)]
