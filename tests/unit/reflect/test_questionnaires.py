"""The question banks are well-formed data, and answers are validated, stored and read back by id."""

import datetime as dt

import pytest

from lib.reflect import questionnaires as qn

DEMO_IDS = {
    "interview": {
        "round_type",
        "occurred_on",
        "format",
        "comfort",
        "key_points",
        "company_needs",
        "positive_moment",
        "went_well",
        "do_differently",
        "team_feeling",
    },
    "rejection": {
        "mood",
        "mood_words",
        "prepared",
        "qualified",
        "heart_in_it",
        "presented_well",
        "dressed_right",
        "team_fit",
        "motivation",
        "still_interested",
        "reply_goal",
        "why_not_chosen",
        "skills_to_bolster",
        "lessons",
    },
}


@pytest.mark.parametrize("bank", qn.BANKS.values(), ids=lambda b: b.id)
def test_every_bank_has_unique_ids_known_kinds_and_sections_that_exist(bank):
    ids = bank.field_ids()
    assert len(ids) == len(set(ids))
    sections = [name for name, _ in bank.sections]
    for q in bank.questions:
        assert q.kind in qn.KINDS
        assert q.section in sections
        assert q.prompt and q.label
        assert bool(q.options) == (q.kind in ("single", "multi")), q.id
        assert not q.with_note or q.kind == "scale"
    assert all(bank.in_section(name) for name in sections)


@pytest.mark.parametrize("bank_id", DEMO_IDS)
def test_the_ids_other_parts_of_rebound_read_are_kept(bank_id):
    assert DEMO_IDS[bank_id] <= set(qn.BANKS[bank_id].by_id)


def test_the_rejection_bank_offers_the_motivations_and_reply_goals_of_the_practice():
    bank = qn.REJECTION
    assert {"dream job", "next logical step", "I was bored", "someone else pushed me"} <= set(
        bank.by_id["motivation"].options
    )
    assert {"feedback", "advice", "another role", "an answer to an open question", "nothing"} == set(
        bank.by_id["reply_goal"].options
    )


def _valid_rejection(**overrides):
    answers = {
        "stage_reached": "final",
        "rejected_on": dt.date.today(),
        "news_via": "email",
        "mood": 2,
        "pause_until": dt.date.today() + dt.timedelta(days=1),
    }
    answers.update(overrides)
    return answers


def test_missing_required_answers_are_each_named():
    clean, errors = qn.validate(qn.REJECTION, {"mood_words": "tired"})
    assert clean == {}
    assert {k for k, v in errors.items() if v == "is required"} == {
        "stage_reached",
        "rejected_on",
        "news_via",
        "mood",
        "pause_until",
    }


@pytest.mark.parametrize("rating", [0, 6, -1, 99])
def test_ratings_outside_one_to_five_are_refused(rating):
    _, errors = qn.validate(qn.REJECTION, _valid_rejection(prepared=rating))
    assert errors == {"prepared": "must be a rating from 1 to 5"}


def test_a_date_in_the_future_is_refused_but_a_pause_may_end_later():
    _, errors = qn.validate(
        qn.REJECTION, _valid_rejection(rejected_on=dt.date.today() + dt.timedelta(days=1))
    )
    assert errors == {"rejected_on": "can't be in the future"}
    clean, errors = qn.validate(qn.REJECTION, _valid_rejection())
    assert errors == {} and clean["pause_until"] > dt.date.today()


def test_a_date_before_the_application_is_refused():
    _, errors = qn.validate(
        qn.INTERVIEW,
        {"round_type": "technical", "occurred_on": dt.date(2024, 1, 1)},
        earliest=dt.date(2024, 2, 1),
    )
    assert errors == {"occurred_on": "can't be before the application date (01 Feb 2024)"}


def test_a_date_before_the_application_is_said_with_the_other_errors_not_on_the_next_save():
    """A missing answer and a day before the application, or a pause two years out and a day before
    it: all said on the first save (the day used to wait for the others to be mended)."""
    _, errors = qn.validate(qn.INTERVIEW, {"occurred_on": dt.date(2024, 1, 1)}, earliest=dt.date(2024, 2, 1))
    assert errors == {
        "round_type": "is required",
        "occurred_on": "can't be before the application date (01 Feb 2024)",
    }
    _, errors = qn.validate(
        qn.REJECTION,
        _valid_rejection(
            rejected_on=dt.date(2024, 1, 1), pause_until=dt.date.today() + dt.timedelta(days=730)
        ),
        earliest=dt.date(2024, 2, 1),
    )
    assert errors == {
        "pause_until": "can't be more than a year ahead",
        "rejected_on": "can't be before the application date (01 Feb 2024)",
    }


def test_long_answers_up_to_twenty_thousand_characters_are_kept_and_longer_ones_refused():
    clean, errors = qn.validate(qn.REJECTION, _valid_rejection(lessons="x" * 20_000))
    assert errors == {} and len(clean["lessons"]) == 20_000
    _, errors = qn.validate(qn.REJECTION, _valid_rejection(lessons="x" * 20_001))
    assert errors == {"lessons": "is too long: 20,001 characters, at most 20,000"}


def test_emoji_rtl_and_html_are_kept_exactly():
    text = "שלום 👋 <script>alert(1)</script> مرحبا"
    clean, errors = qn.validate(qn.REJECTION, _valid_rejection(lessons=text, mood_words=text[:50]))
    assert errors == {} and clean["lessons"] == text


def test_choices_must_come_from_the_bank():
    _, errors = qn.validate(
        qn.REJECTION, _valid_rejection(motivation="money", reply_goal=["feedback", "revenge"])
    )
    assert errors == {"motivation": "is not one of the choices", "reply_goal": "is not one of the choices"}


def test_skill_tags_are_trimmed_and_deduplicated_ignoring_case():
    clean, _ = qn.validate(qn.REJECTION, _valid_rejection(skills_to_bolster=["SQL", " sql ", "dbt", "  "]))
    assert clean["skills_to_bolster"] == ["SQL", "dbt"]


def test_stored_answers_leave_out_columns_and_blanks_and_keep_prompts():
    clean, _ = qn.validate(
        qn.REJECTION, _valid_rejection(lessons="Prepare stories", prepared=4, prepared_note="mostly")
    )
    stored = qn.to_stored(qn.REJECTION, clean)
    assert "pause_until" not in stored and "challenges" not in stored
    assert stored["rejected_on"] == dt.date.today().isoformat()
    assert stored["prepared"] == 4 and stored["prepared_note"] == "mostly"
    assert stored[qn.PROMPTS_KEY]["lessons"] == qn.REJECTION.by_id["lessons"].prompt
    assert qn.from_stored(qn.REJECTION, stored)["rejected_on"] == dt.date.today()


def test_an_answer_to_a_retired_question_is_shown_with_its_stored_prompt_and_kept_on_edit():
    old = {
        "lessons": "Keep going",
        "old_q": "An old answer",
        qn.PROMPTS_KEY: {"old_q": "What did the office smell like?"},
    }
    lines = qn.answer_lines(qn.REJECTION, old)
    assert [(line.prompt, line.text) for line in lines][-1] == (
        "What did the office smell like?",
        "An old answer",
    )
    merged = qn.merge_retired(qn.REJECTION, {"lessons": "New", qn.PROMPTS_KEY: {}}, old)
    assert merged["old_q"] == "An old answer" and merged["lessons"] == "New"
    assert merged[qn.PROMPTS_KEY]["old_q"] == "What did the office smell like?"


def test_answers_read_back_as_plain_text():
    assert qn.format_answer("scale", 4) == "4 / 5"
    assert qn.format_answer("yesno", False) == "No"
    assert qn.format_answer("multi", ["feedback", "advice"]) == "feedback, advice"
    assert qn.format_answer("date", "2026-03-02") == "02 Mar 2026"
    assert qn.format_answer("long", None) == "—"


def test_the_mood_after_a_no_and_a_check_in_share_one_scale():
    """Both are drawn on one mood line: "5" has to mean the same in each."""
    after_a_no = qn.REJECTION.by_id["mood"].scale_words
    assert after_a_no == qn.MOOD.by_id["score"].scale_words
    assert after_a_no[0] == "awful"


def test_a_stage_answer_reads_back_as_the_stage_is_named_everywhere():
    """The application page said "How far did you get? interview" (lowercase, the stored value)."""
    lines = {line.key: line.text for line in qn.answer_lines(qn.REJECTION, {"stage_reached": "final"})}
    assert lines["stage_reached"] == "Final round"
