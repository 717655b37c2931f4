"""The Insights page: empty, with demo data, and safe with HTML-looking user text."""

from __future__ import annotations

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn, TargetIn
from lib.store import applications as app_store
from lib.store import strategy as strategy_store

XSS = "<img src=x onerror=alert(1)>"


def _text(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(i.value for i in at.info)


def test_with_no_applications_the_page_says_what_to_do(open_page):
    at = open_page("pages/insights.py")
    assert not at.exception
    assert any("No applications yet, so nothing to learn from" in i.value for i in at.info)
    assert not at.tabs


def test_with_demo_data_every_insight_states_its_finding_and_sample_size(open_page):
    at = open_page("pages/insights.py", demo=True)
    assert not at.exception and not at.error
    assert [t.label for t in at.tabs] == [
        "Self-assessment",
        "Comfort",
        "Weakest questions",
        "The “no”s",
        "Mood",
        "Was it for me",
        "Worth another try",
        "Target list",
    ]
    assert len(at.get("vega_lite_chart")) == 1  # only the open tab is drawn
    assert "you felt most comfortable in" not in _text(at)
    texts, drawn, captions = [], 0, []
    for tab in [t.label for t in at.tabs]:
        at.session_state["insights_tab"] = tab  # what clicking the tab does
        at.run()
        assert not at.exception, tab
        texts.append(_text(at).replace("\\", ""))
        captions += [c.value for c in at.caption]
        drawn += len(at.get("vega_lite_chart"))
    text = " ".join(texts)
    # 15 rated applications, at most 12 at one stage: no link is claimed (each stage needs 5).
    assert "no clear link yet" in text and "fewer than two stages have 5" in text
    # the demo's comfort and question ratings differ by less than chance gives: said, not claimed
    assert "nothing stands out clearly: each lead is within what chance gives" in text
    assert "your categories rate about the same" in text
    assert "Pauses taken after a rejection" in text
    assert "worth another try now" in text
    # a motivation too small to claim is drawn with no bar: its caption says so, not "faded bars"
    said = " ".join(captions)
    assert "gets no bar, only its count: too few to claim" in said and "Faded bars" not in said
    assert "cause" not in text.replace("not a cause", "").replace("because", "")
    assert drawn >= 8  # the charts are drawn
    assert any("demo data" in m.value for m in at.markdown)


def test_the_mood_tab_draws_mood_and_the_search_as_two_charts_on_the_same_weeks(open_page):
    """One concatenated chart overflowed the page's right edge: two charts fit it, weeks aligned."""
    import json

    at = open_page("pages/insights.py", demo=True)
    at.session_state["insights_tab"] = "Mood"
    at.run()
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    titles = [spec["title"]["text"] for spec in specs]
    assert titles == ["Your mood, week by week", "Applications sent and steps closer to yes"]
    assert not any("vconcat" in spec for spec in specs)
    mood, activity = specs
    weeks = mood["encoding"]["x"]["scale"]["domain"]
    assert all(layer["encoding"]["x"]["scale"]["domain"] == weeks for layer in activity["layer"])
    assert all(spec["autosize"]["type"] == "fit-x" for spec in specs)  # the set height is the plot's


def test_better_answers_and_why_not_chosen_are_tables_whose_sentences_wrap(open_page):
    """A data grid cut them at the column's edge ("Less domain experience thar"): a table shows
    each sentence whole."""
    at = open_page("pages/insights.py", demo=True)
    headers = {}
    for tab in ("Weakest questions", "The “no”s"):
        at.session_state["insights_tab"] = tab
        at.run()
        assert not at.exception, tab
        for table in at.table:
            headers[tab] = list(table.value.columns)
            assert table.value.iloc[:, -1].str.len().max() > 20  # whole sentences, not cut
    assert headers["Weakest questions"] == ["Question", "Category", "Rated that time", "Better answer"]
    assert headers["The “no”s"] == ["Reflected on", "Company", "Why I think so"]


def test_a_few_applications_show_not_enough_data_instead_of_findings(open_page, app_env):
    engine = db.open_database(app_env)
    import datetime as dt

    day = dt.date.today() - dt.timedelta(days=20)
    app_id = app_store.add_application(engine, ApplicationIn(company=XSS, role="Analyst", applied_on=day))
    app_store.add_stage_event(engine, StageEventIn(application_id=app_id, kind="interview", occurred_on=day))
    at = open_page("pages/insights.py")
    assert not at.exception
    text = _text(at)
    assert "Not enough data yet" in text
    assert "<img" not in text  # a company name is never markup


def test_the_target_list_shows_what_to_act_on_and_folds_the_companies_too_few_to_say(open_page, app_env):
    """22 rows of "keep watching" gave nothing to do: the ones to promote or drop come first."""
    import datetime as dt

    engine = db.open_database(app_env)
    today = dt.date.today()
    for i in range(6):  # six at Acme, all interviewed: enough to suggest something
        app_id = app_store.add_application(
            engine,
            ApplicationIn(company="Acme", role=f"Analyst {i}", applied_on=today - dt.timedelta(days=30)),
        )
        app_store.add_stage_event(
            engine,
            StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=20)),
        )
    for name in ("Beta", "Gamma"):  # targets with one application each: too few to say
        app_store.add_application(engine, ApplicationIn(company=name, role="Analyst", applied_on=today))
        strategy_store.set_target(engine, TargetIn(company=name, target_priority=2))
    at = open_page("pages/insights.py")
    at.session_state["insights_tab"] = "Target list"
    at.run()
    assert not at.exception
    [acting] = [t for t in at.table if "Acme" in t.value.to_string()]
    assert "Beta" not in acting.value.to_string() and "keep watching" not in acting.value.to_string()
    [fold] = [e for e in at.expander if e.label.startswith("Keep watching: 2 companies")]
    assert {"Beta", "Gamma"} <= set(fold.table[0].value["Company"])


def test_with_applications_and_no_target_the_target_list_says_how_to_get_suggestions(open_page, app_env):
    """It said "suggestions appear once you have applied" to someone who had applied."""
    import datetime as dt

    engine = db.open_database(app_env)
    app_store.add_application(
        engine,
        ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=5)),
    )
    at = open_page("pages/insights.py")
    at.session_state["insights_tab"] = "Target list"
    at.run()
    assert not at.exception
    said = " ".join(i.value for i in at.info)
    assert "Mark target companies in the strategy review (Target list)" in said
    assert "once you have applied" not in said


def test_with_applications_but_no_mood_check_in_no_empty_mood_chart_is_drawn(open_page, app_env):
    import datetime as dt
    import json

    engine = db.open_database(app_env)
    app_store.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=dt.date.today())
    )
    at = open_page("pages/insights.py")
    at.session_state["insights_tab"] = "Mood"
    at.run()
    assert not at.exception
    titles = [json.loads(chart.proto.spec)["title"]["text"] for chart in at.get("vega_lite_chart")]
    assert titles == ["Applications sent and steps closer to yes"]  # the week's work, no empty mood
    assert any(i.value.startswith("No mood check-in yet") for i in at.info)


def test_the_weakest_questions_chart_title_is_drawn_in_lines_that_fit_its_two_fifths(open_page):
    """Beside the answers to practise, at 1,280 px it read "The kinds of question that went least …"."""
    import json

    at = open_page("pages/insights.py", demo=True)
    at.session_state["insights_tab"] = "Weakest questions"
    at.run()
    assert not at.exception
    titles = [json.loads(c.proto.spec)["title"]["text"] for c in at.get("vega_lite_chart")]
    [lines] = [t for t in titles if "".join(t if isinstance(t, list) else [t]).startswith("The kinds of")]
    assert isinstance(lines, list) and all(len(line) <= 34 for line in lines)
