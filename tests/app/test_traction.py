"""The Traction page and Home's headline, through AppTest."""

import datetime as dt
import json
import os
import re

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as app_store
from lib.store.settings import get_setting
from tests.app.shown import shown

PAGE = "pages/traction.py"


def _charts(at):
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _titles(at):
    titles = []
    for spec in _charts(at):
        title = spec.get("title")
        text = title["text"] if isinstance(title, dict) else title
        titles.append(" ".join(text) if isinstance(text, list) else text)  # a long title is in lines
    return titles


def _summary(at):
    return next(m.value for m in at.markdown if re.search(r"of [\d,]+ applications? ·", m.value))


def test_with_no_data_the_page_says_what_to_log_and_draws_no_chart(open_page):
    at = open_page(PAGE)
    assert not at.exception
    assert any("No applications yet" in i.value for i in at.info)
    assert _charts(at) == []


TABS = [
    "By company",
    "By channel",
    "By role",
    "Over time",
    "Funnel",
    "Response time",
    "Résumé, work mode, location",
]


def _open_tab(at, label: str):
    at.session_state["traction_tab"] = label
    at.query_params.pop("traction_tab", None)  # the address follows the tab, as a click does
    return at.run()


def test_with_demo_data_every_chart_is_drawn_with_its_question_as_title(open_page):
    at = open_page(PAGE, demo=True)
    assert not at.exception, [e.value for e in at.exception]
    assert _titles(at) == ["Which companies took you furthest?"]  # only the open tab is drawn
    titles = []
    for label in TABS:
        _open_tab(at, label)
        assert not at.exception, label
        titles += _titles(at)
        for spec in _charts(at):
            assert all(len(rows) <= 5_000 for rows in spec.get("datasets", {}).values())
    for expected in (
        "Which companies took you furthest?",
        "Which channels get answers and interviews?",
        "Which kinds of role get answers and interviews?",
        "How far do applications get?",
        "Where do applications end?",
        "How long until employers answer?",
        "Closer to yes? The furthest stage reached, over time",
    ):
        assert expected in titles
    assert any(t.startswith("Is your search picking up?") for t in titles)
    assert any("résumé version" in t for t in titles)


def test_filters_change_the_numbers(open_page):
    at = open_page(PAGE, demo=True)
    assert _summary(at).startswith("**60** of 60 applications")
    at.multiselect(key="traction_channels").select("referral").run()
    assert _summary(at).startswith("**11** of 60 applications")
    at.multiselect(key="traction_channels").unselect("referral").run()
    at.text_input(key="traction_company_text").input("acme").run()
    assert _summary(at).startswith("**3** of 60 applications")
    at.text_input(key="traction_company_text").input("no such company").run()
    # only what narrows is named: Include open is on, the dates are the whole log
    assert "No application matches these filters: clear the company." in shown(at.info)
    at.toggle(key="traction_open").set_value(False).run()
    assert "No application matches these filters: clear the company or include open applications." in shown(
        at.info
    )
    assert not at.exception


def test_applied_between_starts_at_the_first_and_last_application_as_on_the_log(open_page):
    """It was empty (the bounds were lost), unlike the log's and the report's."""
    at = open_page(PAGE, demo=True)
    traction_box = at.date_input(key="traction_dates").value
    at.switch_page("pages/applications.py").run()
    assert len(traction_box) == 2 and traction_box == at.date_input(key="log_dates").value
    assert not at.exception


def test_excluding_open_applications_leaves_only_those_that_ended(open_page):
    at = open_page(PAGE, demo=True)
    before = int(_summary(at).split("**")[1].replace(",", ""))
    at.toggle(key="traction_open").set_value(False).run()
    after = int(_summary(at).split("**")[1].replace(",", ""))
    assert 0 < after < before


def test_picking_a_company_shows_its_applications_and_stage_history(open_page):
    at = open_page(PAGE, demo=True)
    at.selectbox(key="traction_company").select("Acme Robotics").run()
    assert not at.exception
    # each application in lines that wrap beside the chart: in a grid there, only Role and Applied
    # were in view at 1,280 px, the stage history off to the right
    histories = [c.value for c in at.caption if c.value.startswith("Applied")]
    assert histories and all(" → " in h or h.startswith("Applied") for h in histories)
    assert any("Acme Robotics" in m.value and "application" in m.value for m in at.markdown)
    assert any(
        m.value.endswith(("Still open", "Ghosted", "Rejected", "Accepted", "Withdrawn", "Declined"))
        for m in at.markdown
    )


def test_the_ghost_days_setting_is_saved_from_the_page(open_page):
    at = open_page(PAGE, demo=True)
    at.number_input(key="ghost_days_input").set_value(45)
    at.button(key="FormSubmitter:traction_settings-Save").click().run()
    assert not at.exception
    assert get_setting(db.open_database(os.environ["REBOUND_DEMO_DATABASE_URL"]), "ghost_days") == 45
    assert "45 days" in at.expander[0].label


def test_a_single_application_shows_too_few_to_tell_rather_than_a_rate(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Solo", role="Analyst", applied_on=dt.date.today(), channel="referral")
    )
    app_store.add_stage_event(
        engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=dt.date.today())
    )
    at = open_page(PAGE)
    assert not at.exception
    assert "too few to tell" in _summary(at)
    assert _summary(at).startswith("**1** of 1 application ·")  # not "1 of 1 applications"
    home = open_page()
    assert not home.exception
    assert [m.label for m in home.metric][:5] == [
        "Applications",
        "Response rate",
        "Traction rate",
        "Final rounds",
        "Offers",
    ]
    assert home.metric[1].value == "1 of 1"  # the counts, not "too few" as the big number
    assert "in the last 30 days (0 in the 30 before)  \ntoo few to tell as a rate: it needs 5" in [
        c.value for c in home.caption
    ]


def test_home_shows_a_direction_only_when_both_30_day_counts_hold_five(open_page):
    """ "↓ 0 answers" against 2, a row of down arrows on a hard day: no trend rests on so few."""
    at = open_page(demo=True)
    assert not at.exception
    for metric in at.metric:
        last, before = (
            int(n.replace(",", ""))
            for n in re.findall(r"Last 30 days: ([\d,]+); the 30 days before: ([\d,]+)", metric.proto.help)[0]
        )
        direction = type(metric.proto).MetricDirection.Name(metric.proto.direction)
        if min(last, before) < 5 or last == before:
            assert direction == "NONE", metric.label
        else:
            assert direction == ("UP" if last > before else "DOWN"), metric.label
    assert any(m.proto.direction != type(m.proto).MetricDirection.Value("NONE") for m in at.metric)


def test_home_shows_the_headline_with_the_last_30_days_and_where_traction_is_strongest(open_page):
    at = open_page(demo=True)
    assert not at.exception
    assert at.metric  # no pause still running hides them: the demo opens on the whole of Home
    labels = [m.label for m in at.metric]
    assert labels[:5] == ["Applications", "Response rate", "Traction rate", "Final rounds", "Offers"]
    assert at.metric[0].value == "60"
    assert re.fullmatch(r"\d+ sent", at.metric[0].delta)
    # under a rate, the count says what it counts: not "↑ 7" under 78%, as if the rate rose 7 points
    assert re.fullmatch(r"\d+ answers?", at.metric[1].delta)
    # "or later": a screen straight to an offer counts, and is no interview held
    assert re.fullmatch(r"\d+ interviews? or later", at.metric[2].delta)
    assert re.fullmatch(r"\d+ final rounds? or later", at.metric[3].delta)
    assert any(re.fullmatch(r"in the last 30 days \(\d+ in the 30 before\)", c.value) for c in at.caption)
    # a rate's basis on a line of its own, after the 30 days: "47 of 60" is all of them, not 30 days'
    assert any(
        re.fullmatch(
            r"in the last 30 days \(\d+ in the 30 before\)  \n\d+ of 60 in all · 95% interval .*", c.value
        )
        for c in at.caption
    )
    assert any(m.value.startswith(":material/insights: Traction is highest so far for") for m in at.markdown)


def test_companies_beyond_the_drawn_ones_are_said_in_words_and_the_period_sits_in_the_over_time_tab(
    open_page, app_env
):
    engine = db.open_database(app_env)
    today = dt.date.today()
    for i in range(25):
        app_store.add_application(
            engine,
            ApplicationIn(company=f"Firm {i:02}", role="Analyst", applied_on=today, channel="referral"),
        )
    at = open_page(PAGE)
    assert not at.exception
    assert any("5 other companies (5 applications) are not drawn" in c.value for c in at.caption)
    company_chart = next(s for s in _charts(at) if s["title"]["text"] == "Which companies took you furthest?")
    assert not any(name.startswith("All other companies") for name in company_chart["encoding"]["y"]["sort"])
    # The month/week choice changes only the Over time charts: it is drawn in that tab, not in the filter bar.
    assert "traction_freq" not in [b.key for b in at.get("button_group")]
    over_time = _open_tab(at, "Over time").tabs[3]
    assert [b.key for b in over_time.get("button_group")] == ["traction_freq"]


def test_home_says_an_answer_with_no_known_day_is_in_the_rate_but_not_in_the_30_day_count(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Solo", role="Analyst", applied_on=dt.date.today(), channel="referral")
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="rejected", occurred_on=dt.date.today(), date_known=False),
    )
    home = open_page()
    assert not home.exception
    answers = home.metric[1]
    assert answers.delta == "0 answers"
    assert (
        "in the last 30 days (0 in the 30 before)  \ntoo few to tell as a rate: it needs 5  \n1 undated: in "
        "neither 30-day count" in [c.value for c in home.caption]
    )
    assert "1 with no known day is in the total but in neither 30-day count." in answers.help


def test_still_silent_says_how_many_of_its_applications_count_as_ghosted(open_page, app_env):
    engine = db.open_database(app_env)
    today = dt.date.today()
    for company, days in (("Quiet Co", 45), ("New Co", 3)):
        app_store.add_application(
            engine,
            ApplicationIn(company=company, role="Analyst", applied_on=today - dt.timedelta(days=days)),
        )
    at = _open_tab(open_page(PAGE), "Response time")
    assert not at.exception
    said = " ".join(m.value for m in at.markdown)
    assert (
        "**Still silent** · 2 applications with no answer yet: 1 open, 1 counted as ghosted after 30 days"
        in said
    )


def test_answers_with_no_known_first_day_are_not_called_no_answer(open_page, app_env):
    """An interview imported without its day, then a "no": it read "No employer has answered yet"."""
    import datetime as dt

    from lib.core import db
    from lib.core.models import ApplicationIn, StageEventIn
    from lib.store import applications as app_store

    engine = db.open_database(app_env)
    today = dt.date.today()
    app_id = app_store.add_application(
        engine, ApplicationIn(company="Globex", role="Analyst", applied_on=today - dt.timedelta(days=20))
    )
    app_store.add_stage_event(
        engine,
        StageEventIn(
            application_id=app_id,
            kind="interview",
            occurred_on=today - dt.timedelta(days=20),
            date_known=False,
        ),
    )
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="rejected", occurred_on=today))
    at = _open_tab(open_page(PAGE), "Response time")
    assert not at.exception
    said = " ".join(shown(at.info))
    assert "No employer has answered yet" not in said
    assert "1 application had an answer, but no first answer has a known day" in said
