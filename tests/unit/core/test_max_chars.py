"""A text widget's `max_chars` is the limit its model checks on save, read from the model."""

from lib.core.models import MAX_LONG_TEXT, MAX_SHORT_TEXT, ApplicationIn, ContactIn, max_chars
from lib.reflect import questionnaires as qn


def test_the_limit_is_the_models_own():
    assert max_chars(ApplicationIn, "company") == MAX_SHORT_TEXT
    assert max_chars(ApplicationIn, "notes") == MAX_LONG_TEXT
    assert max_chars(ContactIn, "email") == 320
    assert max_chars(ApplicationIn, "applied_on") is None  # not text
    assert max_chars(ApplicationIn, "no_such_field") is None


def test_a_stored_text_already_longer_is_shown_whole_not_cut():
    assert max_chars(ApplicationIn, "notes", "x" * MAX_LONG_TEXT) == MAX_LONG_TEXT
    assert max_chars(ApplicationIn, "notes", "x" * (MAX_LONG_TEXT + 1)) is None
    assert max_chars(ApplicationIn, "notes", None) == MAX_LONG_TEXT


def test_a_questionnaire_box_allows_exactly_what_saving_accepts():
    question = qn.REJECTION.by_id["mood_words"]  # "In a few words?" on Record a rejection
    limit = qn.max_chars(question)
    assert limit == MAX_SHORT_TEXT
    _, errors = qn.validate(qn.REJECTION, {"mood_words": "x" * limit})
    assert "mood_words" not in errors
    _, errors = qn.validate(qn.REJECTION, {"mood_words": "x" * (limit + 1)})
    assert errors["mood_words"] == f"is too long: {limit + 1:,} characters, at most {limit:,}"


def test_every_typed_answer_in_every_bank_has_a_limit_and_choices_have_none():
    for bank in qn.BANKS.values():
        for q in bank.questions:
            if q.kind in ("short", "long"):
                assert qn.max_chars(q) in (MAX_SHORT_TEXT, MAX_LONG_TEXT), q.id
            else:
                assert qn.max_chars(q) is None, q.id
            if q.with_note:
                assert qn.max_chars(q, note=True) == MAX_SHORT_TEXT
