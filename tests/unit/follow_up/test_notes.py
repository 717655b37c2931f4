"""Note drafts: every kind renders from full and sparse answers, broken templates fall back."""

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from lib.core import vocab
from lib.follow_up import notes, sending

TODAY = dt.date(2026, 3, 12)

FULL = {
    "recipient_name": "Maya O'Brien, PhD 🌟",
    "my_name": "Sam Lee",
    "company": "Acme Robotics",
    "role": "Data Analyst",
    "interview_day": "on Tuesday",
    "positive_moment": "the whiteboard session on routing",
    "key_points": "faster weekly reporting",
    "company_needs": "a self-serve analytics layer",
    "skills_fit": "I built one at my last job",
    "feedback_question": notes.FEEDBACK_QUESTIONS[0],
    "open_question": "Is the team growing next year?",
    "reply_goal": ["feedback", "advice", "another role", "an answer to an open question"],
    "introduction_to": "the platform team lead",
    "news": "I finished a dbt course",
    "earlier_role": "Junior Analyst",
    "reapply_reason": "it is closer to product decisions",
    "interviewed": True,
}


@pytest.mark.parametrize("kind", vocab.NOTE_KINDS)
def test_every_kind_renders_from_full_answers_with_no_marker(kind, tmp_path):
    draft = notes.render_note(kind, FULL, template_dir=tmp_path)
    assert draft.problem is None
    assert draft.markers == []
    assert draft.subject and "Maya O'Brien, PhD 🌟" in draft.body and draft.body.rstrip().endswith("Sam Lee")


@pytest.mark.parametrize("kind", vocab.NOTE_KINDS)
def test_every_kind_renders_from_sparse_answers_with_visible_markers(kind, tmp_path):
    draft = notes.render_note(kind, {"company": "Acme", "role": "Analyst"}, template_dir=tmp_path)
    assert "[add: their name]" in draft.body and "[add: your name]" in draft.body
    assert "None" not in draft.body and "{{" not in draft.body


@pytest.mark.parametrize("kind", vocab.NOTE_KINDS)
def test_the_shipped_template_files_render_like_the_built_in_ones(kind):
    shipped = notes.render_note(kind, FULL)
    assert shipped.problem is None
    assert (shipped.subject, shipped.body) == (
        notes.render_note(kind, FULL, template_dir=None).subject,
        notes.render_note(kind, FULL, template_dir=None).body,
    )


def test_the_rejection_thank_you_asks_the_chosen_feedback_question_and_only_what_the_goal_wants(tmp_path):
    context = FULL | {
        "reply_goal": ["feedback"],
        "feedback_question": "How could I approach the SQL part better?",
    }
    body = notes.render_note("thank-you after rejection", context, template_dir=tmp_path).body
    assert "How could I approach the SQL part better?" in body
    assert "another role" not in body and "Is the team growing" not in body


def test_without_a_reply_goal_the_rejection_thank_you_asks_for_feedback_with_a_marker(tmp_path):
    body = notes.render_note("thank-you after rejection", {"company": "Acme"}, template_dir=tmp_path).body
    assert "[add: your specific feedback question]" in body
    assert "If another role opens" in body


def test_a_template_with_a_syntax_error_is_reported_and_the_built_in_one_is_used(tmp_path):
    (tmp_path / "feedback-request.j2").write_text("Subject: Hi\n\nDear {{ recipient_name\n")
    draft = notes.render_note("feedback request", FULL, template_dir=tmp_path)
    assert "feedback-request.j2 has an error on line 3" in draft.problem
    assert "built-in template was used" in draft.problem
    assert draft.subject == "A short question about my Data Analyst application"


def test_a_template_that_fails_while_rendering_falls_back_too(tmp_path):
    (tmp_path / "feedback-request.j2").write_text("Subject: Hi\n\n{{ company.__class__.__mro__ }}{{ 1 / 0 }}")
    draft = notes.render_note("feedback request", FULL, template_dir=tmp_path)
    assert draft.problem and "could not be used" in draft.problem
    assert "I would love to know" in draft.body


def test_a_users_edited_template_is_used_and_unknown_fill_ins_show_as_markers(tmp_path):
    (tmp_path / "contact-check-in.j2").write_text(
        "Subject: Hello {{ recipient_name }}\n\nHi! {{ favourite_coffee }}\n"
    )
    draft = notes.render_note("contact check-in", FULL, template_dir=tmp_path)
    assert draft.problem is None
    assert draft.subject == "Hello Maya O'Brien, PhD 🌟"
    assert draft.body == "Hi! [add: favourite coffee]\n"


def test_html_in_answers_stays_plain_text(tmp_path):
    draft = notes.render_note(
        "feedback request", FULL | {"recipient_name": "<b>Jo</b> & co"}, template_dir=tmp_path
    )
    assert "Dear <b>Jo</b> & co," in draft.body


def test_the_mail_link_encodes_subject_and_body_and_survives_a_round_trip():
    body = "Dear Maya,\n\nThanks & see you — 100% sure? é 🌟\n"
    url = sending.mailto_url("maya.o@example.com", "Thank you, Acme; role #2", body)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "maya.o@example.com"
    assert " " not in url and "\n" not in url and "+" not in url
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thank you, Acme; role #2"]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert "%0D%0A" in url and "%26" in url and "%23" in url


def test_a_recipient_without_email_gets_no_mail_link_but_a_reason():
    link, reason = sending.mail_link(None, "Hi", "Body")
    assert link is None and "No email address" in reason
    link, reason = sending.mail_link("not an email", "Hi", "Body")
    assert link is None and "doesn't look like an email" in reason


def test_a_very_long_note_gets_no_mail_link_but_a_reason():
    link, reason = sending.mail_link("a@example.com", "Hi", "word " * 1_000)
    assert link is None and "too long" in reason
    link, reason = sending.mail_link("a@example.com", "Hi", "word " * 100)
    assert reason is None and unquote(link).startswith("mailto:a@example.com?subject=Hi")


def test_the_downloaded_text_names_recipient_and_subject():
    text = sending.as_text_file("Thanks", "Dear Jo,\n", 'Jo, "JJ" Smith', "jo@example.com")
    assert text == 'To: Jo, "JJ" Smith <jo@example.com>\nSubject: Thanks\n\nDear Jo,\n'


def test_time_words_for_days_and_pauses():
    assert notes.since_text(TODAY, TODAY) == "today"
    assert notes.since_text(TODAY - dt.timedelta(days=1), TODAY) == "yesterday"
    assert notes.since_text(TODAY - dt.timedelta(days=9), TODAY) == "9 days ago"
    assert notes.since_text(TODAY - dt.timedelta(days=21), TODAY) == "3 weeks ago"
    now = dt.datetime(2026, 3, 12, 9, 0)
    assert notes.time_left(dt.datetime(2026, 3, 13, 12, 0), now) == "1 day and 3 hours"
    assert notes.time_left(dt.datetime(2026, 3, 12, 9, 20), now) == "20 minutes"
    assert notes.time_left(now, now) is None


def test_the_context_uses_debrief_and_reflection_answers_and_typed_extras_win():
    facts = {
        "company": "Acme",
        "role": "Analyst",
        "interview_on": TODAY - dt.timedelta(days=1),
        "interview_answers": {"positive_moment": "the demo", "key_points": ""},
        "reflection_answers": {"reply_goal": ["advice"], "still_interested": True},
    }
    context = notes.note_context(
        facts, {"name": "Jo", "role": "recruiter"}, {"feedback_question": "Why?", "key_points": " "}, TODAY
    )
    assert context["interview_day"] == "yesterday"
    assert context["positive_moment"] == "the demo." and "key_points" not in context
    assert context["reply_goal"] == ["advice"] and context["feedback_question"] == "Why?"
    assert context["recipient_name"] == "Jo"
    assert notes.note_context(facts, None, {"reply_goal": ["feedback"]}, TODAY)["reply_goal"] == ["feedback"]


def test_the_built_in_templates_exist_only_as_files_and_a_deleted_copy_brings_the_built_in_back(tmp_path):
    assert not hasattr(notes, "BUILT_IN")  # no second copy as Python strings
    assert {p.name for p in notes.BUILT_IN_DIR.glob("*.j2")} == {
        notes.template_name(k) for k in vocab.NOTE_KINDS
    }
    mine = tmp_path / "feedback-request.j2"
    mine.write_text("Subject: Mine\n\nMy own words, {{ recipient_name }}.\n")
    assert notes.render_note("feedback request", FULL, template_dir=tmp_path).subject == "Mine"
    mine.unlink()
    draft = notes.render_note("feedback request", FULL, template_dir=tmp_path)
    assert draft.problem is None and draft.subject == "A short question about my Data Analyst application"


def test_one_list_of_reply_goals_for_the_reflection_and_the_note():
    from lib.reflect import questionnaires as qn

    assert notes.REPLY_GOALS is qn.REPLY_GOALS


def test_a_day_in_another_year_keeps_its_year():
    from lib.follow_up.notes import day_text

    assert day_text(dt.date(2026, 3, 3), dt.date(2026, 6, 1)) == "on 3 March"
    assert day_text(dt.date(2025, 12, 3), dt.date(2026, 1, 20)) == "on 3 December 2025"
    assert day_text(dt.date(2025, 12, 31), dt.date(2026, 1, 1)) == "yesterday"


@pytest.mark.parametrize(
    "answer, reads",
    [
        ("We laughed about the office plants.", "we laughed about the office plants."),
        # a sentence's end: "…stayed with me: the whiteboard session" had no full stop
        ("The whiteboard session on routing", "the whiteboard session on routing."),
        ("Maya's question about routing", "Maya's question about routing."),  # a name keeps its capital
        ("I liked the pairing exercise", "I liked the pairing exercise."),
        ("IT support walked me through it", "IT support walked me through it."),  # an acronym too
        ("  A quiet moment  ", "a quiet moment."),
        ("Sketching the flow on the whiteboard", "sketching the flow on the whiteboard."),  # a verb
        ("King said the team pairs daily", "King said the team pairs daily."),  # a name in -ing
        ("What a question!", "what a question!"),
    ],
)
def test_a_debrief_moment_reads_on_after_the_notes_colon(answer, reads):
    context = notes.note_context({"interview_answers": {"positive_moment": answer}}, None, {}, TODAY)
    assert context["positive_moment"] == reads


def test_a_thank_you_after_a_no_straight_after_applying_thanks_for_no_interview():
    """Rejected at "applied", the draft thanked for "the process" and asked for a moment from the
    interview, a blank Mark sent then refused until it was filled."""
    facts = {"company": "Globex", "role": "Analyst"}
    recipient = {"name": "Priya"}
    today = dt.date(2026, 12, 5)
    extras = {"my_name": "Sam", "feedback_question": "Which skills could I strengthen?"}
    before = notes.render_note(
        "thank-you after rejection", notes.note_context(facts, recipient, extras, today)
    ).body
    assert "for considering my application for the Analyst role at Globex" in before
    assert "interview" not in before and "[add:" not in before
    after = notes.render_note(
        "thank-you after rejection",
        notes.note_context(facts | {"interviewed": True}, recipient, extras, today),
    ).body
    assert (
        "the time you and the team gave me" in after
        and "[add: a moment from the interview you valued]" in after
    )


def test_the_feedback_question_stands_on_its_own_line_as_the_sentence_it_is():
    # "Could you tell me: Which one or two skills…" read as two sentences run together
    body = notes.render_note("feedback request", FULL).body
    assert f"\n\n{notes.FEEDBACK_QUESTIONS[0]}\n" in body
    assert ": Which" not in body


def test_a_check_in_does_not_say_it_has_been_a_while():
    """Written 5 days after the last word, it said "It has been a while since we last spoke"."""
    body = notes.render_note("contact check-in", FULL).body
    assert "a while" not in body and "update from my side" in body


def test_a_moment_ends_its_own_sentence_in_every_note_that_quotes_it(tmp_path):
    """Keep the door open put it in brackets: "(one moment stayed with me: … dashboard.)"."""
    context = {
        "company": "Acme",
        "role": "Analyst",
        "positive_moment": "Priya walking me through the dashboard.",
    }
    for kind in ("keep the door open", "thank-you after interview"):
        body = notes.render_note(kind, context, template_dir=tmp_path).body
        assert "One moment stayed with me: Priya walking me through the dashboard." in body, kind
        assert ".)" not in body


def test_a_feedback_question_opens_its_own_line_and_no_note_runs_the_writer_down():
    # "…would help me a lot: Which one or two skills…" read as a capital after a colon; "I am
    # working on getting better at what I do" spoke of the writer as falling short
    thanks = notes.render_note("thank-you after rejection", FULL, template_dir=None).body
    assert f"would help me a lot:\n\n{notes.FEEDBACK_QUESTIONS[0]}" in thanks
    for kind in vocab.NOTE_KINDS:
        assert "getting better at what I do" not in notes.render_note(kind, FULL, template_dir=None).body
