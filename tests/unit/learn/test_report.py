"""The coach report: what was chosen goes in, nothing else does, and the file stands alone."""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import json
import re

import pytest
from pypdf import PdfReader

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, FeedbackIn, MoodIn, RejectionIn
from lib.data import demo
from lib.learn import report
from lib.learn.plan import PlanIn
from lib.learn.report import content, data
from lib.learn.report.mask import Masker
from lib.learn.report.options import PRIVATE, SECTIONS, ReportOptions
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import followups as followup_store
from lib.store import plans as plan_store
from lib.store import reflections as reflection_store
from lib.store import writing as writing_store

REFLECTION_TEXT = "I froze on the whiteboard question and felt small"
MOOD_WORDS = "Heavy-hearted and tired today"
CONTACT_EMAIL = "quiet.recruiter@private-mail.example"
CONTACT_NAME = "Ottilie Vantongeren"
ASKED_NAME = "Rosalind Okafor"
CONNECTION_NAME = "Archibald Connectedonly"
WRITING_TEXT = "Losing that job felt like losing the floor under me"
PRIVATE_TEXTS = {
    "reflections": REFLECTION_TEXT,
    "mood": MOOD_WORDS,
    "contacts": CONTACT_EMAIL,
    "writing": WRITING_TEXT,
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The demo data plus one application with private texts of every kind (read only by the tests)."""
    today = dt.date.today()
    engine = db.open_database(f"sqlite:///{tmp_path_factory.mktemp('report') / 'rebound.db'}")
    demo.build(engine, today)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company="Zephyrine Analytics", role="Data Analyst", applied_on=today - dt.timedelta(days=20)
        ),
    )
    reflection_store.record_rejection(
        engine,
        RejectionIn(
            application_id=app_id,
            stage_reached="screen",
            occurred_on=today - dt.timedelta(days=5),
            via="email",
            mood=2,
            mood_words="Bruised",
            pause_until=dt.datetime.combine(today, dt.time(18)),
            answers={"why_not_chosen": REFLECTION_TEXT, "lessons": "Rehearse out loud"},
        ),
    )
    reflection_store.add_mood(engine, MoodIn(score=2, words=MOOD_WORDS))
    contact_store.add_contact(
        engine,
        ContactIn(
            name=CONTACT_NAME,
            company="Zephyrine Analytics",
            role="recruiter",
            email=CONTACT_EMAIL,
            met_on=today - dt.timedelta(days=25),  # before applying: the usual way in
        ),
    )
    # someone asked for feedback about the application, with no "met on" day: met through it
    asked = contact_store.add_contact(engine, ContactIn(name=ASKED_NAME, email="r.okafor@zephyrine.example"))
    followup_store.add_feedback(engine, FeedbackIn(application_id=app_id, contact_id=asked, asked_on=today))
    # a connection from an archive: in Network, never met for these applications
    contact_store.add_contact(engine, ContactIn(name=CONNECTION_NAME, company="Zephyrine Analytics"))
    contact_store.add_contact(engine, ContactIn(name=CONNECTION_NAME + " Jr", email="jr@elsewhere.example"))
    session = writing_store.start_session(engine, 1)
    writing_store.finish(engine, session, WRITING_TEXT)
    plan_store.save_plan(
        engine,
        PlanIn(
            week_start=today,
            applications=4,
            companies=["Zephyrine Analytics"],
            slots=[{"day": 0, "time": "09:00", "what": "Two applications"}],
            if_then=[{"moment": "rejection", "when": "I get a no", "then": "I go for a run first"}],
        ),
    )
    yield engine
    engine.dispose()


@functools.cache
def _made(engine, options: ReportOptions) -> report.ReportFiles:
    return report.make(engine, options)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_with_every_private_option_off_no_private_text_is_in_either_file(filled):
    files = _made(filled, ReportOptions())
    pdf_text = _pdf_text(files.pdf)
    for text in [*PRIVATE_TEXTS.values(), CONTACT_NAME, "Bruised", "@example.com"]:
        assert text not in files.html
        assert text not in pdf_text
    assert "Headline numbers" in files.html and "Headline numbers" in pdf_text
    assert "Left out by choice" in files.html


@pytest.mark.parametrize("part", sorted(PRIVATE_TEXTS))
def test_a_ticked_private_part_goes_in_and_only_that_one(filled, part):
    files = _made(filled, ReportOptions(sections=frozenset(), private=frozenset({part})))
    assert PRIVATE_TEXTS[part] in files.html
    for other, text in PRIVATE_TEXTS.items():
        if other != part:
            assert text not in files.html


def test_reflections_ticked_keep_the_mood_of_the_rejection_out(filled):
    files = _made(filled, ReportOptions(sections=frozenset(), private=frozenset({"reflections"})))
    assert REFLECTION_TEXT in files.html
    assert "Bruised" not in files.html


def test_an_unticked_section_is_left_out(filled):
    files = _made(filled, ReportOptions(sections=frozenset({"headline"})))
    assert "Headline numbers" in files.html
    assert "<svg" not in files.html
    assert "<h2>Questions to practise" not in files.html and "Better answer" not in files.html
    assert "<h2>Latest strategy review" not in files.html


def test_charts_are_embedded_as_svg_and_nothing_is_loaded_from_anywhere(filled):
    files = _made(filled, ReportOptions())
    assert files.html.count("<svg") == len(files.report.charts) >= 6
    # each chart is an image with a name a screen reader says (axe: svg-img-alt)
    titles = [c.title for c in files.report.charts]
    labels = re.findall(r'<svg role="img" aria-label="([^"]+)"', files.html)
    assert len(labels) == len(titles) and all(
        label.startswith(html.escape(t)) for label, t in zip(labels, titles)
    )
    assert "stage_rank" not in files.html  # one image each: no inner field names read out
    for needle in ("http", "<script", "<img", "<link", "src=", "href=", "url(", "@import", "@font-face"):
        assert needle not in files.html.lower(), needle
    assert files.pdf.startswith(b"%PDF")


def test_charts_get_aggregated_data_only(filled):
    built = content.build(data.load(filled, ReportOptions()), ReportOptions())
    keys = {chart.key for chart in built.charts}
    assert {"company", "channel", "role", "over_time", "funnel"} <= keys
    assert all(chart.rows <= 5_000 for chart in built.charts)


def test_masked_companies_appear_only_as_letters(filled):
    files = report.make(filled, ReportOptions(mask_companies=True, private=frozenset(PRIVATE)))
    for name, _ in demo.COMPANIES:
        assert name not in files.html
    assert "Zephyrine" not in files.html
    assert "Company A" in files.html


def test_the_people_met_are_those_of_the_reports_applications_not_all_of_network(filled, today):
    files = _made(filled, ReportOptions(sections=frozenset(), private=frozenset({"contacts"})))
    assert CONTACT_NAME in files.html and ASKED_NAME in files.html  # met there; asked for feedback
    assert CONNECTION_NAME not in files.html  # neither: a connection only
    # a period before their application: neither person is in it
    before = ReportOptions(
        date_from=today - dt.timedelta(days=400),
        date_to=today - dt.timedelta(days=300),
        sections=frozenset(),
        private=frozenset({"contacts"}),
    )
    assert CONTACT_NAME not in _made(filled, before).html and ASKED_NAME not in _made(filled, before).html
    # a period from the application on: she was met before it, and is in it
    since = ReportOptions(
        date_from=today - dt.timedelta(days=20), sections=frozenset(), private=frozenset({"contacts"})
    )
    assert CONTACT_NAME in _made(filled, since).html


def test_masking_hides_a_name_however_written_and_the_domain_of_every_email(filled):
    masker = Masker(["Zephyrine Analytics", "Société Générale", "Smith & Sons Ltd"])
    said = masker.text(
        "ZEPHYRINE-analytics, Inc. said no; Societe Generale and Société  Générale too; smith and sons, "
        "write to jane@zephyrine.example"
    )
    assert said == ("Company A, Inc. said no; Company B and Company B too; Company C, write to jane@…")
    assert masker.name("zephyrine analytics inc") == "Company A"
    assert (
        Masker(["Zephyrine Analytics"], active=False).text("jane@zephyrine.example")
        == "jane@zephyrine.example"
    )
    files = _made(
        filled, ReportOptions(sections=frozenset(), private=frozenset({"contacts"}), mask_companies=True)
    )
    assert "r.okafor@…" in files.html and "zephyrine" not in files.html.lower()


def test_headline_numbers_carry_their_interval_and_n(filled):
    built = content.build(data.load(filled, ReportOptions()), ReportOptions())
    rates = {f.label: f for f in built.figures}
    assert re.search(r"95% interval \d+%–\d+%; \d+ of 61 ", rates["Traction rate"].detail)
    assert all(f.n >= 5 for f in built.findings)


def test_a_period_with_no_applications_says_so(filled, today):
    options = ReportOptions(date_from=today + dt.timedelta(days=1))
    files = report.make(filled, options)
    assert files.report.applications == 0
    assert not files.report.charts and not files.report.figures
    assert "No applications were sent in this period" in files.html


def test_the_period_narrows_the_numbers(filled, today):
    options = ReportOptions(date_from=today - dt.timedelta(days=30), date_to=today)
    built = content.build(data.load(filled, options), options, today)
    log = app_store.load_applications(filled)
    expected = int((log["applied_on"].dt.date >= today - dt.timedelta(days=30)).sum())
    assert built.applications == expected
    assert f"{today - dt.timedelta(days=30):%d %b %Y}" in built.period


def test_an_empty_database_gives_a_calm_report(engine):
    files = report.make(engine, ReportOptions(private=frozenset(PRIVATE)))
    assert "No applications were sent in this period" in files.html
    assert "No insight rests on enough cases yet" in files.html
    assert "No strategy review saved yet" in files.html
    assert _pdf_text(files.pdf).count("No applications") == 1


def test_few_applications_claim_nothing(engine, today):
    for i in range(3):
        app_store.add_application(
            engine, ApplicationIn(company=f"Firm {i}", role="Analyst", applied_on=today)
        )
    built = content.build(data.load(engine, ReportOptions()), ReportOptions(), today)
    rates = {f.label: f.value for f in built.figures}
    assert rates["Response rate"] == "too few to tell"
    assert built.findings == []


def test_user_text_is_escaped(engine, today):
    app_store.add_application(
        engine, ApplicationIn(company="<script>alert(1)</script> Ltd", role="Analyst", applied_on=today)
    )
    files = report.make(engine, ReportOptions(sections=frozenset(SECTIONS)))
    assert "<script>alert" not in files.html


def test_write_puts_the_pdf_beside_the_html(filled, tmp_path):
    files = _made(filled, ReportOptions(sections=frozenset({"headline"})))
    html_path, pdf_path = report.write(files, tmp_path / "for-my-coach")
    assert html_path.name == "for-my-coach.html" and pdf_path.name == "for-my-coach.pdf"
    assert html_path.read_text(encoding="utf-8") == files.html
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_options_refuse_unknown_parts_and_a_backwards_period():
    with pytest.raises(ValueError, match="unknown"):
        ReportOptions(private=frozenset({"diary"}))
    with pytest.raises(ValueError, match="starts after"):
        ReportOptions(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 1, 1))


def test_this_weeks_plan_shows_the_plan_and_masks_its_companies(filled):
    plain = _made(filled, ReportOptions(sections=frozenset({"plan"})))
    assert "4 planned" in plain.html and "I go for a run first" in plain.html
    assert "Zephyrine Analytics" in plain.html and "Two applications" in plain.html
    masked = _made(filled, ReportOptions(sections=frozenset({"plan"}), mask_companies=True))
    assert "Zephyrine" not in masked.html and "4 planned" in masked.html


def test_a_short_search_is_charted_by_week_with_weekly_counts():
    """Under 120 days the over-time charts say "by week": their counts must be weekly too (each
    month's total was drawn on its first day, as if sent that week)."""
    import pandas as pd

    from lib.learn import traction

    applied = [pd.Timestamp("2026-10-05") + pd.Timedelta(days=3 * i) for i in range(15)]
    apps = pd.DataFrame(
        [(i, f"C{i}", "Analyst", "referral", day) for i, day in enumerate(applied, 1)],
        columns=["id", "company", "role", "channel", "applied_on"],
    )
    events = pd.DataFrame(columns=["application_id", "kind", "occurred_on"])
    table = traction.traction_table(apps, events, dt.date(2026, 12, 1), 30)
    [over_time] = [p for p in content._charts(table, dt.date(2026, 12, 1)) if p.key == "over_time"]
    assert "by week" in over_time.title
    sent = {
        v["period"][:10]: v["count"]
        for v in over_time.spec["data"]["values"]
        if v["measure"] == "Applications"
    }
    weeks = pd.Series(1, index=[d - pd.Timedelta(days=d.weekday()) for d in applied]).groupby(level=0).sum()
    assert sent == {f"{week:%Y-%m-%d}": int(n) for week, n in weeks.items()}
    assert (
        over_time.spec["encoding"]["x"]["axis"]["format"] == "%d %b %Y"
    )  # "05 Oct 2026", as the app writes days


def test_a_chart_taller_than_a_page_fits_one_page_and_leaves_none_blank():
    """A tall role chart moved to a new page, then broke past it: page 3 held only its number."""
    from PIL import Image

    from lib.learn.report.pdf import _Doc

    buffer = io.BytesIO()
    Image.new("RGB", (1400, 9000), "white").save(buffer, format="PNG")
    doc = _Doc("t", None)
    doc.add_page()
    for _ in range(30):
        doc.para("A line of the report before the chart.")
    doc.chart(buffer.getvalue(), "Which kinds of role get answers and interviews?")
    assert doc.page_no() == 2  # the chart's own page, whole: no page holding only a number
    assert doc.get_y() <= doc.h - doc.b_margin + 4
    reader = PdfReader(io.BytesIO(bytes(doc.output())))
    assert len(reader.pages) == 2 and "/XObject" in reader.pages[1]["/Resources"]


def test_the_weekly_goal_is_the_one_in_settings_even_after_a_review_set_another(engine, today):
    from lib.core.models import StrategyReviewIn
    from lib.data.mcp import reads
    from lib.store import settings as settings_store
    from lib.store import strategy as strategy_store

    app_store.add_application(engine, ApplicationIn(company="Acme", role="Analyst", applied_on=today))
    strategy_store.save_review(engine, StrategyReviewIn(answers={}, weekly_goal=7))
    settings_store.set_setting(engine, "weekly_goal", 2)  # changed in Settings since
    options = ReportOptions(sections=frozenset({"plan"}))
    built = content.build(data.load(engine, options), options, today)
    said = " ".join(answer.text for answer in built.plan)
    assert "2 applications a week;" in said and "7 applications" not in said and "Settings" not in said
    assert "2 applications a week;" in json.dumps(reads.week_plan(engine))
    options = ReportOptions(sections=frozenset({"strategy"}))
    review = content.build(data.load(engine, options), options, today).review
    # the review's own goal is said as what it set then, not as a second goal that holds now
    assert ("Weekly goal this review set", "7 applications a week") in [(a.prompt, a.text) for a in review]


def test_insights_drawn_from_reflections_go_in_only_with_the_reflections(filled):
    """The report said "Left out by choice: … my reflections" and then told a coach "“I was bored”
    1 of 5", the skill most often named to bolster, and the comfort ratings."""
    from lib.learn import insights

    loaded = data.load(filled, ReportOptions())
    ticked_options = ReportOptions(private=frozenset({"reflections"}))
    plain = {f.title for f in content.build(loaded, ReportOptions()).findings}
    ticked = {f.title for f in content.build(data.load(filled, ticked_options), ticked_options).findings}
    found = insights.all_insights(loaded, dt.date.today(), 3, 30)
    # what reflections and debriefs say of the person: self-ratings, comfort, why a "no" came,
    # whether they wanted the job, where they'd try again
    keys = ("self_assessment", "comfort", "nos", "motivation", "reapply", "targets")
    private = {found[key].title for key in keys}
    assert not plain & private
    assert ticked & private  # the demo's reflections hold enough for at least one of them
    assert plain <= ticked


def test_with_the_mood_ticked_its_finding_is_written_once(filled):
    """The mood sentence came twice: under the findings and again under "Mood over time"."""
    options = ReportOptions(private=frozenset({"mood"}))
    built = content.build(data.load(filled, options), options)
    mood = built.private["mood"]["sentence"]
    assert mood and mood not in [f.sentence for f in built.findings]
    assert _made(filled, options).html.count(html.escape(mood, quote=False)[:60]) == 1


def test_the_company_chart_says_which_companies_it_leaves_out(engine, today):
    """Traction says "5 other companies (10 applications) are not drawn" under its chart; the
    report drew the same bars without a word, read as every company there was."""
    for i in range(26):
        app_store.add_application(
            engine,
            ApplicationIn(
                company=f"Firm {i:02d}", role="Analyst", applied_on=today - dt.timedelta(days=40 + i)
            ),
        )
    options = ReportOptions()
    built = content.build(data.load(engine, options), options, today)
    [company] = [c for c in built.charts if c.key == "company"]
    assert company.note.endswith(
        "other companies (6 applications) are not drawn, so these bars stay readable."
    )
    files = report.make(engine, options, today)
    assert company.note in files.html
    assert company.note in _pdf_text(files.pdf).replace("\n", " ")


def test_the_weakest_questions_finding_goes_with_the_questions_to_practise(filled):
    """It comes from the debriefs' ratings: with "Questions I want to practise" unticked it was
    still stated, under a "Left out" line naming how the person rated themselves."""
    with_questions = ReportOptions()
    without = ReportOptions(sections=frozenset(SECTIONS) - {"questions"})
    titles = lambda options: {f.title for f in content.build(data.load(filled, options), options).findings}  # noqa: E731
    assert "My weakest questions" in titles(with_questions)
    assert "My weakest questions" not in titles(without)
