"""Each insight on tiny hand-built data, with answers computed by hand (and the too-little cases)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from lib.learn import insights, traction
from lib.learn.insights.base import _spearman

TODAY = dt.date(2025, 6, 4)  # a Wednesday


def make_log(rows, events=(), today=None):
    """rows: (id, company, applied_on, channel); events: (application_id, kind, occurred_on).
    With `today`, silence for the default ghost days makes an application ghosted, as on every page."""
    names = sorted({r[1] for r in rows})
    apps = pd.DataFrame(
        [
            {
                "id": i,
                "company_id": names.index(c) + 1,
                "company": c,
                "role": "Data Analyst",
                "applied_on": pd.Timestamp(day),
                "channel": channel,
            }
            for i, c, day, channel in rows
        ]
    )
    ev = pd.DataFrame(list(events), columns=["application_id", "kind", "occurred_on"])
    ev["occurred_on"] = pd.to_datetime(ev["occurred_on"])
    return (traction.with_status(apps, ev, today) if today else traction.with_status(apps, ev)), ev


def reflections(*answers_by_app, created=dt.datetime(2025, 5, 1), pause=None):
    return pd.DataFrame(
        [
            {
                "id": n,
                "application_id": app_id,
                "answers": answers,
                "pause_until": pause,
                "created_at": pd.Timestamp(created) + pd.Timedelta(minutes=n),
            }
            for n, (app_id, answers) in enumerate(answers_by_app)
        ]
    )


NO_INTERVIEWS = pd.DataFrame(
    columns=["id", "application_id", "round_type", "format", "comfort", "occurred_on"]
)
D = dt.date(2025, 1, 6)
STAGE_EVENTS = {
    0: [],
    1: ["screen"],
    2: ["screen", "interview"],
    3: ["screen", "interview", "final"],
    4: ["screen", "interview", "final", "offer"],
}


def ladder_log(ranks):
    """One application per entry of `ranks`, reaching that stage rank, then rejected (unless offer)."""
    rows, events = [], []
    for app_id, rank in enumerate(ranks, start=1):
        rows.append((app_id, f"Co {app_id}", D, "job board"))
        for step, kind in enumerate(STAGE_EVENTS[rank]):
            events.append((app_id, kind, D + dt.timedelta(days=step + 1)))
        if rank < 4:
            events.append((app_id, "rejected", D + dt.timedelta(days=10)))
    return make_log(rows, events)


# --- self-assessment ---------------------------------------------------------------------------


def test_spearman_matches_the_textbook_formula_without_ties():
    # d = (-1, 1, -1, 1, 0): rho = 1 - 6 * 4 / (5 * 24) = 0.8
    rho = _spearman(pd.Series([1, 2, 3, 4, 5]), pd.Series([2, 1, 4, 3, 5]))
    assert rho == pytest.approx(0.8)


def test_spearman_with_ties_matches_pandas_rank_correlation():
    x, y = pd.Series([1, 2, 2, 3, 5, 5, 4]), pd.Series([2, 2, 3, 3, 4, 1, 5])
    expected = pd.DataFrame({"x": x, "y": y}).corr(method="spearman").loc["x", "y"]
    assert _spearman(x, y) == pytest.approx(expected)


def test_spearman_is_undefined_when_one_side_never_varies():
    assert np.isnan(_spearman(pd.Series([1, 2, 3]), pd.Series([2, 2, 2])))


def test_self_assessment_states_a_link_from_ten_ratings_at_two_stages_of_five():
    ranks = [1] * 5 + [3] * 5
    log, _ = ladder_log(ranks)
    refl = reflections(*[(i, {"prepared": r + 1}) for i, r in enumerate(ranks, start=1)])
    found = insights.self_assessment(log, refl, NO_INTERVIEWS)
    assert found.n == 10
    assert "tends to go with getting further" in found.sentence
    assert "+1.00" in found.sentence and "n = 10" in found.sentence and "95% interval" in found.sentence
    assert "A pattern, not a cause." in found.sentence
    assert found.rests_on == (5, 5)
    prepared = found.extra["correlations"].set_index("measure").loc["prepared"]
    assert prepared["rho"] == 1.0 and prepared["n"] == 10 and bool(prepared["link"])


def test_a_link_never_rests_on_three_final_rounds():
    # 12 interviews with every rating, 3 final rounds all rated low: the finding in the issue.
    ranks = [2] * 12 + [3] * 3
    ratings = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 3, 4] + [1, 1, 2]
    log, _ = ladder_log(ranks)
    refl = reflections(*[(i, {"prepared": r}) for i, r in enumerate(ratings, start=1)])
    found = insights.self_assessment(log, refl, NO_INTERVIEWS)
    assert "no clear link yet" in found.sentence and found.rests_on == ()
    words = found.extra["correlations"].set_index("measure").loc["prepared", "words"]
    assert "fewer than two stages have 5" in words and "stopping earlier" not in words


def test_self_assessment_averages_by_stage_and_flags_small_groups():
    ranks = [2, 2, 2, 2, 2, 3]
    log, _ = ladder_log(ranks)
    refl = reflections(*[(i, {"qualified": q}) for i, q in zip(range(1, 7), [1, 2, 3, 4, 5, 4])])
    frame = insights.self_assessment(log, refl, NO_INTERVIEWS).frame.set_index(["measure", "stage"])
    assert frame.loc[("qualified", "interview"), "average"] == 3.0  # (1+2+3+4+5)/5
    assert frame.loc[("qualified", "interview"), "n"] == 5
    assert bool(frame.loc[("qualified", "interview"), "enough"])
    assert not bool(frame.loc[("qualified", "final"), "enough"])  # one reflection: shown, not claimed


def test_self_assessment_with_nine_reflections_says_not_enough_data_for_a_correlation():
    ranks = [1, 2, 2, 3, 3, 3, 4, 4, 4]
    log, _ = ladder_log(ranks)
    refl = reflections(*[(i, {"prepared": r}) for i, r in enumerate(ranks, start=1)])
    found = insights.self_assessment(log, refl, NO_INTERVIEWS)
    assert "no clear link yet" in found.sentence and found.rests_on == ()
    words = found.extra["correlations"].set_index("measure").loc["prepared", "words"]
    assert "not enough data yet: 9 so far, and 10 are needed" in words


def test_self_assessment_with_four_ratings_claims_nothing():
    log, _ = ladder_log([1, 2, 3, 4])
    refl = reflections(*[(i, {"prepared": 5}) for i in range(1, 5)])
    found = insights.self_assessment(log, refl, NO_INTERVIEWS)
    assert found.sentence.startswith("Not enough data yet: 4 rated applications")
    assert not found.enough


def test_self_assessment_uses_interview_comfort_averaged_per_application():
    log, _ = ladder_log([2])
    interviews = pd.DataFrame(
        {
            "id": [1, 2],
            "application_id": [1, 1],
            "round_type": ["technical"] * 2,
            "format": ["video"] * 2,
            "comfort": [2, 5],
            "occurred_on": [D, D],
        }
    )
    frame = insights.self_assessment(log, reflections(), interviews).frame
    assert frame[frame["measure"] == "comfort"]["average"].tolist() == [3.5]


# --- comfort -----------------------------------------------------------------------------------


def test_comfort_names_the_most_comfortable_format_only_from_five_rounds():
    log, _ = ladder_log([2, 2])
    interviews = pd.DataFrame(
        {
            "id": range(12),
            "application_id": [1] * 5 + [2] * 2 + [1] * 5,
            "round_type": ["technical"] * 5 + ["case"] * 2 + ["technical"] * 5,
            "format": ["video"] * 5 + ["phone"] * 2 + ["onsite"] * 5,
            "comfort": [4, 4, 5, 3, 4, 5, 5, 3, 3, 3, 3, 3],
            "occurred_on": [D] * 12,
        }
    )
    found = insights.comfort_where(log, interviews)
    assert found.n == 12
    assert (
        "video interviews (4.0 of 5 over 5 rounds; against the one other format with 5 rounds or more)"
        in found.sentence
    )
    assert "phone" not in found.sentence  # 5.0 but from 2 rounds: not claimed
    assert found.rests_on == (5, 5)
    one_group = insights.comfort_where(log, interviews.iloc[:7])  # video alone: nothing to compare
    assert "stands out" in one_group.sentence and one_group.rests_on == ()
    phone = found.frame[(found.frame["dimension"] == "Format") & (found.frame["value"] == "phone")].iloc[0]
    assert phone["average"] == 5.0 and not phone["enough"]


def test_comfort_calls_a_lead_chance_could_undo_about_the_same_not_a_finding():
    log, _ = ladder_log([2])
    video, onsite = [5, 3, 4, 5, 3, 4, 4, 3], [4, 3, 4, 3, 5, 4, 3]  # 3.9 and 3.7, both spread
    interviews = pd.DataFrame(
        {
            "id": range(15),
            "application_id": [1] * 15,
            "round_type": [None] * 15,
            "format": ["video"] * 8 + ["onsite"] * 7,
            "comfort": video + onsite,
            "occurred_on": [D] * 15,
        }
    )
    found = insights.comfort_where(log, interviews)
    assert "most comfortable" not in found.sentence
    assert found.sentence == (
        "Across 15 rated rounds, nothing stands out clearly: each lead is within what chance gives — "
        "video interviews 3.9 of 5 (8 rounds) against onsite interviews 3.7 (7)."
    )
    assert found.rests_on == (8, 7)
    apart = interviews.assign(comfort=[5, 5, 5, 4, 5, 5, 4, 5] + [2, 3, 2, 2, 3, 2, 3])
    assert "most comfortable in video interviews (4.8 of 5" in insights.comfort_where(log, apart).sentence


def test_comfort_ignores_ratings_outside_one_to_five():
    log, _ = ladder_log([2])
    interviews = pd.DataFrame(
        {
            "id": [1, 2],
            "application_id": [1, 1],
            "round_type": ["case", "case"],
            "format": ["video", "video"],
            "comfort": [9, None],
            "occurred_on": [D, D],
        }
    )
    found = insights.comfort_where(log, interviews)
    assert found.n == 0 and found.sentence.startswith("Not enough data yet")


# --- weakest questions -------------------------------------------------------------------------


def test_weakest_questions_ranks_categories_with_five_answers_and_lists_better_answers():
    questions = pd.DataFrame(
        {
            "interview_id": 1,
            "category": ["technical"] * 5 + ["behavioural"] * 5 + ["salary"],
            "question": [
                "SQL window",
                "SQL window",
                "p-value",
                "joins",
                "indexes",
                "conflict",
                "failure",
                "team",
                "feedback",
                "lead",
                "Salary?",
            ],
            "rating": [1, 2, 2, 3, 2, 4, 4, 5, 4, 3, 1],
            "better_answer": [
                "Use ROWS frame",
                "Use ROWS frame",
                None,
                "Draw it",
                "",
                None,
                None,
                None,
                None,
                "STAR",
                "Give a range",
            ],
        }
    )
    found = insights.weakest_questions(questions)
    assert found.frame["category"].tolist() == ["salary", "technical", "behavioural"]
    assert found.frame["average"].tolist() == [1.0, 2.0, 4.0]
    assert "weakest category is technical (2.0 of 5 over 5 answers)" in found.sentence  # salary: only 1
    assert "strongest: behavioural (4.0 over 5 answers)" in found.sentence
    practise = found.extra["practise"]
    assert practise["question"].tolist() == ["Salary?", "SQL window", "joins", "lead"]  # deduped, rated <= 3


def _rated(ratings: dict[str, list[int]]) -> pd.DataFrame:
    rows = [(category, f"{category} {i}", r) for category, rs in ratings.items() for i, r in enumerate(rs)]
    frame = pd.DataFrame(rows, columns=["category", "question", "rating"])
    return frame.assign(interview_id=1, better_answer=None)


def test_weakest_questions_names_no_weakest_when_the_categories_are_within_chance():
    found = insights.weakest_questions(_rated({"technical": [3, 4, 5, 3, 4], "behavioural": [4, 3, 5, 4, 4]}))
    assert "weakest" not in found.sentence
    assert (
        "rate about the same: from 3.8 of 5 (technical, 5 answers) to 4.0 (behavioural, 5)" in found.sentence
    )
    assert found.rests_on == (5, 5)


def test_weakest_questions_says_when_the_next_category_is_about_as_low():
    found = insights.weakest_questions(
        _rated({"technical": [1, 2, 2, 3, 2], "salary": [2, 3, 1, 3, 2], "behavioural": [5, 4, 5, 5, 4]})
    )
    assert "weakest category is technical (2.0 of 5 over 5 answers)" in found.sentence
    assert "Salary is about as low (2.2 over 5): worth practising both." in found.sentence
    clear = insights.weakest_questions(_rated({"technical": [1, 1, 2, 1, 1], "salary": [4, 4, 5, 4, 4]}))
    assert "about as low" not in clear.sentence and "about the same" not in clear.sentence


# --- what the "no"s say ------------------------------------------------------------------------


def test_the_nos_count_feedback_themes_and_skills_case_insensitively():
    log, _ = ladder_log([2, 2, 2, 2, 2, 2])
    feedback = pd.DataFrame(
        {
            "application_id": [1, 2, 3, 4, 5, 6],
            "received_on": pd.to_datetime(
                ["2025-03-02", "2025-03-20", "2025-04-02", "2025-04-05", "2025-04-09", None]
            ),
            "themes": [
                ["technical depth", "communication"],
                ["technical depth"],
                ["technical depth"],
                ["experience level"],
                [],
                ["communication"],
            ],
        }
    )
    refl = reflections(
        (1, {"skills_to_bolster": ["SQL", "storytelling"], "why_not_chosen": "Too junior"}),
        (2, {"skills_to_bolster": ["sql"]}),
        (3, {"skills_to_bolster": ["dbt"]}),
        (4, {"skills_to_bolster": ["SQL "]}),
        (5, {"skills_to_bolster": ["storytelling"]}),
    )
    found = insights.what_the_nos_say(log, feedback, refl)
    assert dict(zip(found.frame["theme"], found.frame["count"])) == {
        "technical depth": 3,
        "communication": 1,
        "experience level": 1,
    }  # the unanswered one is left out
    # counted, not claimed: "comes up most" needs 5 mentions (3 against 1 is no finding)
    assert found.sentence.startswith(  # no "the most" from 3 mentions: the chart shows the counts
        "Across 5 pieces of feedback, no theme comes up 5 times yet, so none is called the most common; "
        "no skill to bolster is named 5 times yet, so none is called the most named."
    )
    assert found.rests_on == (5, 5)
    skills = found.extra["skills"]
    assert skills.iloc[0].tolist() == ["SQL", 3]
    often = feedback.assign(themes=[["technical depth", "communication"]] * 5 + [[]])
    often = often.assign(received_on=often["received_on"].fillna(pd.Timestamp("2025-04-10")))
    claimed = insights.what_the_nos_say(log, often, refl)
    assert "technical depth and communication come up most (5 times each)" in claimed.sentence
    assert claimed.rests_on == (6, 5, 5)
    by_month = found.extra["by_month"]
    assert by_month[by_month["theme"] == "technical depth"]["count"].tolist() == [2, 1]  # March, April
    assert found.extra["why_not_chosen"][["company", "why_not_chosen"]].values.tolist() == [
        ["Co 1", "Too junior"]
    ]


def test_the_nos_with_four_pieces_of_feedback_claim_nothing():
    log, _ = ladder_log([2])
    feedback = pd.DataFrame(
        {
            "application_id": [1] * 4,
            "received_on": pd.to_datetime(["2025-03-02"] * 4),
            "themes": [["communication"]] * 4,
        }
    )
    found = insights.what_the_nos_say(log, feedback, reflections())
    assert found.sentence.startswith("Not enough data yet: 4 pieces of feedback")


# --- mood and momentum -------------------------------------------------------------------------


def test_mood_is_averaged_by_week_beside_applications_and_steps_closer_to_yes():
    monday = dt.date(2025, 5, 26)
    log, events = make_log(
        [
            (1, "A", monday, "referral"),
            (2, "B", monday + dt.timedelta(days=2), "referral"),
            (3, "C", dt.date(2025, 6, 2), "referral"),
        ],
        [(1, "screen", "2025-05-27"), (1, "interview", "2025-05-29"), (2, "interview", "2025-06-03")],
    )
    moods = pd.DataFrame(
        {
            "recorded_at": pd.to_datetime(
                [
                    "2025-05-26 09:00",
                    "2025-05-28 20:00",
                    "2025-05-30 09:00",
                    "2025-06-02 09:00",
                    "2025-06-03 09:00",
                ]
            ),
            "score": [2, 3, 4, 5, 4],
        }
    )
    refl = reflections((1, {}), pause=pd.Timestamp("2025-05-30 18:00"))
    found = insights.mood_and_momentum(log, events, moods, refl, TODAY)
    weeks = found.frame.set_index("week")
    assert weeks.loc["2025-05-26", ["mood", "checkins", "applications", "closer_to_yes"]].tolist() == [
        3.0,
        3,
        2,
        1,
    ]
    assert weeks.loc["2025-06-02", ["mood", "checkins", "applications", "closer_to_yes"]].tolist() == [
        4.5,
        2,
        1,
        1,
    ]
    assert len(found.frame) == 2  # starts at the first week with anything in it
    assert "Over 5 check-ins" in found.sentence and "averaged 3.6 of 5" in found.sentence  # 18 / 5
    assert "Pauses taken after a rejection: 1." in found.sentence
    assert "step closer to yes" not in found.sentence  # fewer than 5 weeks on each side


def _ten_weeks(step_scores, other_scores):
    """Ten Mondays before TODAY: an interview in the first five weeks, none in the others."""
    mondays = [dt.date(2025, 6, 2) - dt.timedelta(weeks=w) for w in range(1, 11)]
    log, events = make_log(
        [(1, "A", mondays[-1], "referral")],
        [(1, "interview", day) for day in mondays[:5]],
    )
    moods = pd.DataFrame({"recorded_at": pd.to_datetime(mondays), "score": [*step_scores, *other_scores]})
    return insights.mood_and_momentum(log, events, moods, reflections(), TODAY).sentence


def test_mood_beside_steps_closer_to_yes_says_whether_the_difference_is_beyond_chance():
    close = _ten_weeks([3, 4, 3, 4, 3], [4, 3, 4, 3, 4])
    # the bases said: weeks with a check-in (not the 52), each week's own average
    assert (
        "Of the 10 weeks with a check-in, those with a step closer to yes had a mood of 3.4 of 5 on "
        "average (5 weeks), the others 3.6 (5 weeks): about the same" in close
    )
    apart = _ten_weeks([5, 5, 4, 5, 5], [2, 1, 2, 2, 1])
    assert (
        "mood of 4.8 of 5 on average (5 weeks), the others 1.6 (5 weeks): a difference beyond what" in apart
    )
    assert "need not come from them" in apart  # goes with, never causes


def test_mood_with_three_check_ins_claims_nothing():
    log, events = make_log([(1, "A", dt.date(2025, 5, 26), "referral")])
    moods = pd.DataFrame(
        {"recorded_at": pd.to_datetime(["2025-05-26", "2025-05-27", "2025-05-28"]), "score": [1, 2, 3]}
    )
    found = insights.mood_and_momentum(log, events, moods, reflections(), TODAY)
    assert found.sentence.startswith("Not enough data yet: 3 mood check-ins")


# --- was it for me -----------------------------------------------------------------------------


def test_was_it_for_me_compares_motivations_with_five_or_more_and_counts_no_retries():
    ranks = [3, 3, 3, 2, 2, 4, 4]
    log, _ = ladder_log(ranks)
    motives = ["dream job"] * 5 + ["I was bored"] * 2
    interested = [True, True, False, None, True, False, True]
    refl = reflections(
        *[
            (i, {"motivation": m, **({} if s is None else {"still_interested": s})})
            for i, (m, s) in enumerate(zip(motives, interested), start=1)
        ]
    )
    found = insights.was_it_for_me(log, refl, NO_INTERVIEWS)
    frame = found.frame.set_index("motivation")
    assert frame.loc["dream job", ["n", "reached_final", "share_final"]].tolist() == [5, 3, 0.6]
    assert frame.loc["I was bored", ["n", "reached_final"]].tolist() == [2, 2]
    assert not frame.loc["I was bored", "enough"]
    assert "“dream job” 3 of 5 (60%, 95% interval 23%–88%)" in found.sentence
    assert "No other motivation has 5 reflections yet to compare." in found.sentence
    assert "bored" not in found.sentence  # 2 of 2: too few
    assert (
        "Of the 6 rejections where you answered “Am I still interested in this company?”, you said no "
        "to 2: 33% (95% interval 10%–70%)." in found.sentence
    )
    assert found.rests_on == (5, 6)


# --- worth another try -------------------------------------------------------------------------


def test_worth_another_try_needs_traction_interest_a_contact_and_time():
    rows = [
        (1, "Ready Co", D, "referral"),
        (2, "Soon Co", D, "referral"),
        (3, "Cold Co", D, "referral"),
        (4, "Nobody Co", D, "referral"),
        (5, "Screen Co", D, "referral"),
        (6, "Busy Co", D, "referral"),
        (7, "Busy Co", dt.date(2025, 5, 1), "referral"),
    ]
    events = [
        (1, "interview", "2025-01-10"),
        (1, "rejected", "2025-02-01"),
        (2, "final", "2025-01-10"),
        (2, "rejected", "2025-04-10"),
        (3, "interview", "2025-01-10"),
        (3, "rejected", "2025-02-01"),
        (4, "interview", "2025-01-10"),
        (4, "rejected", "2025-02-01"),
        (5, "screen", "2025-01-10"),
        (5, "rejected", "2025-02-01"),
        (6, "interview", "2025-01-10"),
        (6, "rejected", "2025-02-01"),
    ]
    log, _ = make_log(rows, events)
    refl = reflections(*[(i, {"still_interested": i != 3}) for i in range(1, 7)])
    ids = dict(zip(log["company"], log["company_id"]))
    contacts = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6],
            "name": ["Zoe", "Ann", "Bo", "Cy", "Di", "Ed"],
            "role": "recruiter",
            "company_id": [
                ids["Ready Co"],
                ids["Ready Co"],
                ids["Soon Co"],
                ids["Cold Co"],
                ids["Screen Co"],
                ids["Busy Co"],
            ],
        }
    )
    found = insights.worth_another_try(log, refl, contacts, TODAY, months=3)
    assert found.frame["company"].tolist() == ["Ready Co", "Soon Co"]
    ready, soon = found.frame.iloc[0], found.frame.iloc[1]
    assert bool(ready["ready"]) and ready["contacts"] == 2 and ready["contact_name"] == "Ann"
    assert not soon["ready"] and soon["ready_on"] == dt.date(2025, 7, 10)
    assert "wait until 10 Jul 2025" in soon["reason"]
    # two known there: both counted in the words, not one named as if she were all of them
    assert "you know 2 people there (Ann and 1 other)" in ready["reason"]
    assert "you know 1 person there (Bo)" in soon["reason"]
    assert "1 company worth another try now, 1 more once 3 months have passed" in found.sentence
    # what was counted, said: Traction's companies with an interview hold the open ones too
    assert "where you reached an interview or later and the application has ended" in found.sentence
    # Busy Co met every condition but has an application open: left out, and said so by name
    assert found.sentence.endswith("Left out: Busy Co, where you have an application open already.")
    # named only where the rest holds: no one known there, and it is not named
    no_one = contacts[contacts["name"] != "Ed"]
    assert "Left out" not in insights.worth_another_try(log, refl, no_one, TODAY, months=3).sentence
    only_busy = log[log["company"] == "Busy Co"]
    none_found = insights.worth_another_try(only_busy, refl, contacts, TODAY, months=3)
    assert none_found.sentence == (
        "No company yet where you reached an interview, said you are still interested and know someone. "
        "Looked at: 0 companies where you reached an interview or later and the application has ended, "
        "with none open there now. Left out: Busy Co, where you have an application open already."
    )


def test_worth_another_try_counts_an_application_gone_silent_as_ghosted_not_open():
    """Every other page calls an application with no word for the ghost days ghosted: here it read
    "where you have an application open already"."""
    rows = [(1, "Busy Co", D, "referral"), (2, "Busy Co", dt.date(2025, 4, 1), "referral")]
    events = [(1, "interview", "2025-01-10"), (1, "rejected", "2025-02-01")]
    refl = reflections((1, {"still_interested": True}))
    contacts = pd.DataFrame({"id": [1], "name": ["Ann"], "role": ["recruiter"], "company_id": [1]})
    silent, _ = make_log(rows, events, today=TODAY)  # the second: 64 days without a word
    assert silent.set_index("id").loc[2, "end_state"] == "ghosted"
    found = insights.worth_another_try(silent, refl, contacts, TODAY, months=3)
    assert found.frame["company"].tolist() == ["Busy Co"] and "open already" not in found.sentence
    waiting, _ = make_log(rows[:1] + [(2, "Busy Co", dt.date(2025, 5, 20), "referral")], events, today=TODAY)
    assert "Left out: Busy Co" in insights.worth_another_try(waiting, refl, contacts, TODAY).sentence


def test_worth_another_try_respects_the_months_setting():
    log, _ = make_log(
        [(1, "A", D, "referral")], [(1, "interview", "2025-01-10"), (1, "rejected", "2025-02-01")]
    )
    refl = reflections((1, {"still_interested": True}))
    contacts = pd.DataFrame({"id": [1], "name": ["Ann"], "role": ["recruiter"], "company_id": [1]})
    assert bool(insights.worth_another_try(log, refl, contacts, TODAY, months=3).frame["ready"].iloc[0])
    assert not insights.worth_another_try(log, refl, contacts, TODAY, months=6).frame["ready"].iloc[0]


# --- target list -------------------------------------------------------------------------------


def _five_each(names_and_events):
    rows, events, app = [], [], 0
    for name, kinds in names_and_events.items():
        for kind in kinds:
            app += 1
            rows.append((app, name, D, "referral"))
            if kind:
                events.append((app, kind, "2025-01-20"))
    return rows, events


def test_target_suggestions_promote_or_drop_only_from_five_applications():
    rows, events = _five_each(
        {
            "Said no": ["interview", "rejected", "rejected", "rejected", "rejected"],
            "Silent": ["ghosted"] * 5,
            "Rising": ["interview", "rejected", "rejected", "rejected", "rejected"],
            "Top": ["final", "rejected", "rejected", "rejected", "rejected"],
            "Steady": ["rejected"] * 5,
            "Few": ["ghosted"] * 3,
            "Four": ["interview"] + ["ghosted"] * 3,
            "Ignored": ["rejected"],
            "Hired": ["offer", "accepted"],
        }
    )
    log, _ = make_log(rows, events)
    ids = dict(zip(log["company"], log["company_id"]))
    companies = pd.DataFrame({"id": list(ids.values()), "name": list(ids.keys())})
    priorities = {"Said no": 2, "Silent": 2, "Top": 1, "Steady": 2, "Few": 2, "Four": 2, "Hired": 2}
    companies["target_priority"] = companies["name"].map(priorities)
    companies["target_reason"] = None
    said_no = int(log.loc[log["company"] == "Said no", "id"].iloc[0])
    rising = int(log.loc[log["company"] == "Rising", "id"].iloc[0])
    refl = reflections((said_no, {"still_interested": False}), (rising, {"still_interested": True}))
    found = insights.target_suggestions(log, companies, refl, NO_INTERVIEWS, TODAY)
    by = found.frame.set_index("company")
    assert by["suggestion"].to_dict() == {
        "Rising": "promote",
        "Said no": "drop",
        "Silent": "drop",
        "Steady": "keep",
        "Top": "keep",
        "Few": "keep watching (n=3)",
        "Four": "keep watching (n=4)",
    }
    assert found.frame["verdict"].tolist() == ["promote", "drop", "drop", "keep", "keep", "watch", "watch"]
    assert "you said you would not retry" in by.loc["Said no", "reason"]
    assert "5 without a reply" in by.loc["Silent", "reason"]
    assert "1 of 5 (20%, 95% interval" in by.loc["Rising", "reason"]
    assert "1 of 4 (too few to tell)" in by.loc["Four", "reason"]
    assert "Ignored" not in by.index  # not a target, no traction: nothing to suggest
    assert "Hired" not in by.index  # an offer accepted there: nothing to watch
    assert "promote 1, keep 2, drop 2, keep watching 2" in found.sentence
    assert min(found.rests_on) == 5
    only_watching = insights.target_suggestions(
        log[log["company"].isin(["Few", "Four"])], companies, refl, NO_INTERVIEWS, TODAY
    )
    assert only_watching.sentence.startswith(
        "Suggestions for 7 companies: keep watching 7 (too few applications yet to promote or drop)"
    )
    assert "promote 0" not in only_watching.sentence  # a verdict no company got is not named


def test_a_targets_comfort_is_an_average_only_from_five_rated_rounds():
    """ "comfort 5.0 of 5" rested on one debrief: the claim the Insights page promises not to make."""
    rows, events = _five_each({"One": ["interview"] * 5, "Two": ["interview"] * 5, "Many": ["interview"] * 5})
    log, _ = make_log(rows, events)
    ids = dict(zip(log["company"], log["company_id"]))
    companies = pd.DataFrame({"id": list(ids.values()), "name": list(ids.keys())})
    companies["target_priority"], companies["target_reason"] = 2, None
    apps = {name: log.loc[log["company"] == name, "id"].tolist() for name in ids}
    rated = [(apps["One"][0], 5), (apps["Two"][0], 4), (apps["Two"][1], 2)] + [(a, 4) for a in apps["Many"]]
    rated[-1] = (apps["Many"][-1], 3)
    interviews = pd.DataFrame(
        [
            {
                "id": i,
                "application_id": a,
                "round_type": "technical",
                "format": "video",
                "comfort": c,
                "occurred_on": D,
            }
            for i, (a, c) in enumerate(rated, start=1)
        ]
    )
    by = insights.target_suggestions(log, companies, reflections(), interviews, TODAY).frame.set_index(
        "company"
    )
    assert "comfort 5 of 5 in its one rated round" in by.loc["One", "reason"]
    assert "comfort 2 and 4 of 5 in its 2 rated rounds" in by.loc["Two", "reason"]
    assert "comfort 3.8 of 5 on average over 5 rated rounds" in by.loc["Many", "reason"]
    assert "5.0" not in by.loc["One", "reason"]


def test_target_suggestions_promote_only_where_interviews_come_as_often_as_elsewhere():
    # across the search 9 of 20 reached an interview (45%); "Low" had 1 of 5 (20%): not a reason
    # to raise it (it was promoted before), and "Side", not a target, is not listed at all
    rows, events = _five_each(
        {
            "Strong": ["interview", "interview", "interview", "final", None],
            "Fair": ["interview", "interview", "interview", None, None],
            "Low": ["interview", None, None, None, None],
            "Side": ["interview", None, None, None, None],
        }
    )
    log, _ = make_log(rows, events)
    ids = dict(zip(log["company"], log["company_id"]))
    companies = pd.DataFrame({"id": list(ids.values()), "name": list(ids.keys())})
    companies["target_priority"] = companies["name"].map({"Strong": 2, "Fair": 3, "Low": 2})
    companies["target_reason"] = None
    found = insights.target_suggestions(log, companies, reflections(), NO_INTERVIEWS, TODAY)
    by = found.frame.set_index("company")
    assert by["suggestion"].to_dict() == {"Fair": "promote", "Strong": "promote", "Low": "keep"}
    assert "Side" not in by.index
    assert "against 9 of 20 (45%, 95% interval" in by.loc["Low", "reason"]
    assert found.sentence.endswith(
        "Listed: your targets, and other companies where interviews came at least as often as across "
        "all your applications."
    )


# --- strategy numbers --------------------------------------------------------------------------


def test_on_track_compares_full_weeks_with_the_weekly_goal():
    days = [
        dt.date(2025, 5, 12),
        dt.date(2025, 5, 13),
        dt.date(2025, 5, 20),
        dt.date(2025, 5, 21),
        dt.date(2025, 5, 22),
        dt.date(2025, 5, 27),
        dt.date(2025, 6, 3),
    ]
    log, events = make_log(
        [(i, f"C{i}", d, "referral") for i, d in enumerate(days, start=1)],
        [(1, "screen", "2025-05-20"), (2, "interview", "2025-06-02")],
    )
    found = insights.on_track(log, events, 2, TODAY)
    assert found.frame["applications"].tolist() == [2, 3, 1, 1]  # weeks of 12, 19, 26 May and 2 June
    assert found.frame["stage_progress"].tolist() == [0, 1, 0, 1]
    assert found.sentence.startswith(
        "On track: 2.0 a week over the last 3 full weeks, against the weekly goal of 2."
    )
    assert (
        "7 applications sent, and 2 steps forward (a screen, an interview or further) across all"
        in found.sentence
    )
    below = insights.on_track(log, events, 3, TODAY).sentence
    # "the weekly goal": true too of the default no one chose ("Your goal is 5" was not)
    assert below.startswith("The weekly goal is 3 (Settings); so far 2.0 a week") and "Behind" not in below


def test_on_track_judges_only_the_weeks_since_the_search_began_and_nothing_with_nothing_logged():
    """With no data: "so far 0.0 a week" against the goal, four empty weeks charted from before the
    search began; a search begun last week was judged over three weeks it did not exist in."""
    log, events = make_log([(1, "C1", TODAY, "referral")], [])
    nothing = insights.on_track(log.iloc[0:0], events.iloc[0:0], 5, TODAY)
    assert nothing.frame.empty and "0.0 a week" not in nothing.sentence
    assert nothing.sentence.startswith("No applications logged yet, so nothing to measure")
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    log, events = make_log([(1, "C1", monday - dt.timedelta(days=5), "referral")], [])
    since = insights.on_track(log, events, 5, TODAY)
    assert len(since.frame) == 2  # last week and this one, not four
    assert since.sentence.startswith(
        "The weekly goal is 5 (Settings); so far 1.0 a week over the last 1 full week"
    )
    assert "In the 2 weeks since your first application: 1 application sent" in since.sentence
    # four full weeks are named by the Monday they start: "the last 4 weeks" read as 28 days
    start = monday - dt.timedelta(weeks=3)
    log, events = make_log(
        [(1, "C1", start - dt.timedelta(days=1), "referral"), (2, "C2", start, "referral")], []
    )
    four = insights.on_track(log, events, 5, TODAY).sentence
    assert f"In the 4 weeks from Mon {start:%d %b}: 1 application sent" in four
    log, events = make_log([(1, "C1", monday, "referral")], [])
    this_week = insights.on_track(log, events, 5, TODAY).sentence
    assert this_week.startswith("Your search began this week: 1 application sent so far")


def test_most_traction_names_the_best_channel_from_five_applications_and_five_interviews():
    rows = (
        [(i, f"C{i}", D, "referral") for i in range(1, 8)]
        + [(i, f"C{i}", D, "job board") for i in range(8, 13)]
        + [(13, "C13", D, "other")]
    )
    events = [(i, "interview", "2025-01-10") for i in (1, 2, 3, 4, 5, 8, 13)]
    log, _ = make_log(rows, events)
    found = insights.most_traction(log)
    assert (
        "referrals: 5 of 7 (71%, 95% interval" in found.sentence and "reached an interview" in found.sentence
    )
    assert found.rests_on == (7, 5)
    # 5 of 7 against 1 of 5: the intervals overlap, so it says, as Home does, that the lead may not hold
    assert "; the intervals overlap, so the lead may not hold)" in found.sentence
    assert found.sentence.startswith("Highest so far: ")  # not "Most traction", then taken back
    clear = [(i, f"D{i}", D, "referral") for i in range(20, 40)] + [
        (i, f"E{i}", D, "job board") for i in range(40, 60)
    ]
    clear_log, _ = make_log(clear, [(i, "interview", "2025-01-10") for i in range(20, 38)])
    clear_found = insights.most_traction(clear_log)
    assert "may not hold" not in clear_found.sentence  # 18 of 20 against 0 of 20
    assert clear_found.sentence.startswith("Most traction: ")
    fewer = insights.most_traction(log[~log["id"].isin([4, 5])])  # the lead rests on 3 interviews now
    assert "referrals" not in fewer.sentence and fewer.sentence.startswith("Too few yet to tell")
    alone = insights.most_traction(log[log["channel"] != "job board"])  # one channel of 5: no ranking
    assert "referrals" not in alone.sentence
    other = found.frame[(found.frame["value"] == "other")].iloc[0]
    assert other["rate"] == 1.0 and not other["enough"]  # 1 of 1: shown, not claimed


def test_most_traction_groups_roles_by_family_as_home_and_the_report_do():
    """ "Jr. Data Scientist" and "Data Scientist" are one family: Strategy named the exact role
    while Home and the report named the family, and the two seemed to disagree."""
    rows = [(i, f"C{i}", D, "job board") for i in range(1, 17)]
    events = [(i, "interview", "2025-01-10") for i in range(1, 7)]
    log, _ = make_log(rows, events)
    roles = ["Jr. Data Scientist"] * 3 + ["Data Scientist"] * 3 + ["Data Analyst"] * 10
    found = insights.most_traction(log.assign(role=roles))
    assert "Data Scientist roles: 6 of 6" in found.sentence
    assert "Jr. Data Scientist" not in found.sentence


def test_every_insight_copes_with_an_empty_database(engine):
    from lib.store import insight_data

    found = insights.all_insights(insight_data.load(engine), TODAY)
    assert set(found) == {
        "self_assessment",
        "comfort",
        "questions",
        "nos",
        "mood",
        "motivation",
        "reapply",
        "targets",
        "traction",
    }
    for insight in found.values():
        assert insight.n == 0
        assert insight.sentence


def test_top_keeps_the_first_rows_and_remembers_how_many_there_were():
    found = insights.Insight("x", "X", "sentence", 7, pd.DataFrame({"a": range(7)}))
    kept = found.top(3)
    assert kept.frame["a"].tolist() == [0, 1, 2] and kept.total_rows == 7 and kept.n == 7
    assert kept.top(2).total_rows == 7


def test_reflection_answers_are_parsed_once_and_a_parsed_frame_passes_through():
    refl = reflections(
        (1, {"prepared": 4, "still_interested": "yes", "skills_to_bolster": " SQL ,dbt", "motivation": "  "})
    )
    parsed = insights.reflection_frame(refl)
    row = parsed.iloc[0]
    assert row["prepared"] == 4 and np.isnan(row["qualified"])
    assert np.isnan(row["still_interested"])  # only a real yes/no counts
    assert row["skills_to_bolster"] == ["SQL", "dbt"] and row["motivation"] is None
    assert insights.reflection_frame(parsed).equals(parsed)


def test_was_it_for_me_names_every_motivation_tied_at_the_top():
    ranks = [3, 2, 2, 2, 2, 3, 2, 2, 2, 2]
    log, _ = ladder_log(ranks)
    motives = ["dream job"] * 5 + ["I was bored"] * 5
    refl = reflections(*[(i, {"motivation": m}) for i, m in enumerate(motives, start=1)])
    found = insights.was_it_for_me(log, refl, NO_INTERVIEWS)
    assert "“dream job” 1 of 5 (20%, 95% interval 4%–62%)" in found.sentence
    assert "“I was bored” 1 of 5 (20%, 95% interval 4%–62%)" in found.sentence
    assert "No motivation stands out." in found.sentence and "most often" not in found.sentence


def test_was_it_for_me_names_a_leading_motivation_only_when_its_interval_clears_the_next():
    def sentence(dream_finals: int, bored_finals: int) -> str:
        ranks = [3] * dream_finals + [2] * (8 - dream_finals) + [3] * bored_finals + [2] * (8 - bored_finals)
        log, _ = ladder_log(ranks)
        motives = ["dream job"] * 8 + ["I was bored"] * 8
        refl = reflections(*[(i, {"motivation": m}) for i, m in enumerate(motives, start=1)])
        return insights.was_it_for_me(log, refl, NO_INTERVIEWS).sentence

    close = sentence(4, 3)
    assert close.startswith(
        "Across the 16 rejections you reflected on, this is how often each reason you went for the job led "
        "to a final round:"
    )
    assert "“dream job” leads, but the intervals overlap, so the lead may not hold." in close
    assert "Most often" not in close
    assert "Most often when you went for it as “dream job”." in sentence(8, 0)


def test_a_stand_in_day_applied_is_not_counted_as_sent_in_its_week():
    monday = dt.date(2025, 5, 26)
    log, events = make_log(
        [(1, "A", monday, "referral"), (2, "B", monday, "referral")], [(1, "rejected", "2025-05-27")]
    )
    log = log.assign(applied_known=[True, False])  # B: its day applied stands in
    moods = pd.DataFrame({"recorded_at": pd.to_datetime(["2025-05-26 09:00"]), "score": [3]})
    found = insights.mood_and_momentum(log, events, moods, reflections(), TODAY)
    assert found.frame.set_index("week").loc["2025-05-26", "applications"] == 1
