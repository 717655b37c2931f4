"""Literal text everywhere: every page, with hostile text in every field a person can fill, shows it
as typed. No Markdown (bold, links, images, HTML, maths, colours) from user text reaches the screen.

The database is filled through lib/store; each page in app.py's navigation is opened with AppTest
and every string that Streamlit renders as Markdown (bodies of markdown/caption/alerts/toasts,
labels of widgets, expanders, tabs, page links, metrics, help texts) is checked.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.core import db
from lib.core import models as m
from lib.reflect import questionnaires as qn
from lib.store import applications as apps
from lib.store import contacts as people
from lib.store import followups, reflections, strategy

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "**bold** [x](javascript:alert(1)) ![](http://127.0.0.9/x.png) <b>b</b> $x$ :red[r]"
# What must never appear raw in a Markdown string (md() turns each into its escaped form).
RAW = ("**bold**", "[x](javascript", "![](http", "<b>b</b>", "$x$", ":red[r]")
PAGES = re.findall(r'st\.Page\(\s*"(pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text())
# Fields of Streamlit's protos that are drawn as Markdown.
MARKDOWN_FIELDS = {"body", "label", "help", "caption"}
PLAIN_TYPES = {
    "text",
    "code",
    "json",
    "dataframe",
    "arrow_data_frame",
    "vega_lite_chart",
    "arrow_vega_lite_chart",
}


def hostile(tag: str) -> str:
    return f"{tag} {HOSTILE}"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> dict[str, str]:
    """A database where every text field holds hostile text; returns the app's environment."""
    tmp = tmp_path_factory.mktemp("literal")
    url = f"sqlite:///{tmp / 'rebound.db'}"
    engine = db.open_database(url)
    day = dt.date.today() - dt.timedelta(days=20)
    app_ids = []
    for n in range(7):  # enough cases for the Traction and Insights pages to name companies
        app_ids.append(
            apps.add_application(
                engine,
                m.ApplicationIn(
                    company=hostile(f"Co{n % 2}"),
                    role=hostile(f"Role{n}"),
                    applied_on=day,
                    channel="referral",
                    source=hostile("src"),
                    resume_version=hostile("cv"),
                    location=hostile("loc"),
                    notes=hostile("notes"),
                    reapplication_of=None,
                ),
            )
        )
    first, second = app_ids[:2]
    for other in app_ids[2:]:
        apps.add_stage_event(
            engine, m.StageEventIn(application_id=other, kind="interview", occurred_on=day, note=hostile("n"))
        )
    apps.add_stage_event(
        engine,
        m.StageEventIn(
            application_id=first,
            kind="interview",
            occurred_on=day + dt.timedelta(days=2),
            round_label=hostile("round"),
            note=hostile("event note"),
        ),
    )
    contact = people.add_contact(
        engine,
        m.ContactIn(
            name=hostile("Jo"),
            company=hostile("Co0"),
            role="recruiter",
            email="jo@example.com",
            notes=hostile("contact notes"),
            met_on=day,
            next_checkin_on=dt.date.today() - dt.timedelta(days=1),
        ),
    )
    text_answers = {q.id: hostile(q.id) for q in qn.INTERVIEW.questions if q.kind in ("short", "long")}
    reflections.save_interview(
        engine,
        m.DebriefIn(
            application_id=first,
            round_type="technical",
            occurred_on=day + dt.timedelta(days=2),
            comfort=3,
            answers=text_answers,
            questions=[
                m.InterviewQuestionIn(
                    question=hostile("question"),
                    category=hostile("category"),
                    my_answer=hostile("answer"),
                    rating=2,
                    better_answer=hostile("better"),
                )
            ],
            contact_ids=[contact],
        ),
    )
    answers = {q.id: hostile(q.id) for q in qn.REJECTION.questions if q.kind in ("short", "long")}
    reflections.record_rejection(
        engine,
        m.RejectionIn(
            application_id=first,
            stage_reached="interview",
            occurred_on=day + dt.timedelta(days=5),
            via="email",
            mood=2,
            mood_words=hostile("mood"),
            pause_until=dt.datetime.now() - dt.timedelta(days=1),
            answers=answers,
        ),
    )
    reflections.add_mood(engine, m.MoodIn(score=3, words=hostile("mood words")))
    followups.save_note(
        engine,
        m.NoteIn(
            kind="feedback request",
            application_id=first,
            contact_id=contact,
            recipient_name=hostile("recipient"),
            subject=hostile("subject"),
            body=hostile("body"),
        ),
        asked_feedback=True,
    )
    followups.add_feedback(
        engine,
        m.FeedbackIn(
            application_id=first,
            contact_id=contact,
            asked_on=day + dt.timedelta(days=6),
            asked_via=hostile("via"),
            received_on=day + dt.timedelta(days=8),  # what they said is their answer: it has a day
            text=hostile("feedback"),
            themes=[hostile("theme")],
        ),
    )
    followups.add_feedback(
        engine, m.FeedbackIn(application_id=second, asked_on=day + dt.timedelta(days=1), asked_via="email")
    )
    strategy.set_targets(
        engine, [m.TargetIn(company=hostile("Target"), target_priority=1, target_reason=hostile("why"))]
    )
    reflections.save_draft(engine, f"debrief:{second}:new", {"answers": {"key_points": hostile("draft")}})
    return {"url": url, "first": str(first), "demo": f"sqlite:///{tmp / 'demo.db'}"}


def _strings(node, path: str = ""):
    """(element type, field, text) for every Markdown-drawn string in the AppTest tree."""
    proto = getattr(node, "proto", None)
    kind = getattr(node, "type", "") or ""
    if proto is not None and kind not in PLAIN_TYPES and hasattr(proto, "ListFields"):
        yield from _proto_strings(proto, kind)
    for child in getattr(node, "children", {}).values():
        yield from _strings(child, path)


def _proto_strings(proto, kind: str, depth: int = 0):
    for field, value in proto.ListFields():
        if isinstance(value, str):
            if field.name in MARKDOWN_FIELDS:
                yield kind, field.name, value
        elif hasattr(value, "ListFields") and depth < 3:
            yield from _proto_strings(value, kind, depth + 1)


def _open(page: str, seeded: dict[str, str], monkeypatch, params: tuple[str, ...] = ("id", "app")) -> AppTest:
    monkeypatch.setenv("REBOUND_DATABASE_URL", seeded["url"])
    monkeypatch.setenv("REBOUND_DEMO_DATABASE_URL", seeded["demo"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    for key in params:
        at.query_params[key] = seeded["first"]
    at.switch_page(page)
    at.run()
    return at


def test_every_page_of_the_navigation_is_walked():
    assert len(PAGES) >= 12 and "pages/home.py" in PAGES and "pages/compose.py" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_in_every_field_is_shown_literally_on_every_page(page, seeded, monkeypatch):
    at = _open(page, seeded, monkeypatch)
    assert not at.exception, [e.message for e in at.exception]
    strings = list(_strings(at._tree))
    found = [(kind, field, text) for kind, field, text in strings if any(r in text for r in RAW)]
    assert found == [], f"{page} renders user text as Markdown: {found[:5]}"


def _raw(at: AppTest) -> list:
    return [(kind, field, text) for kind, field, text in _strings(at._tree) if any(r in text for r in RAW)]


def test_the_debrief_links_to_unfinished_drafts_by_their_application_literally(seeded, monkeypatch):
    at = _open("pages/debrief.py", seeded, monkeypatch, params=())
    labels = [text for kind, field, text in _strings(at._tree) if kind == "page_link"]
    assert any("last change" in label and r"\*\*bold\*\*" in label for label in labels)
    assert _raw(at) == []


def test_adding_a_person_on_network_names_them_literally_also_when_already_there(seeded, monkeypatch):
    at = _open("pages/network.py", seeded, monkeypatch, params=())
    for generation in ("", "_1"):  # the form starts on fresh keys after a save
        at.text_input(key=f"contact_add_name{generation}").set_value(hostile("Added person"))
        at.button(key=f"FormSubmitter:contact_add{generation.replace('_', '__')}-Add person").click()
        at.run()
        assert not at.exception
    shown = [text for _, _, text in _strings(at._tree)]
    assert any(r"Added person \*\*bold\*\*" in text for text in shown)  # the second one: "already there"
    assert _raw(at) == []
