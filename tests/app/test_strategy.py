"""The Strategy review page: a review saved and compared; the target list edited; errors beside fields."""

from __future__ import annotations

import datetime as dt

from lib.core import db
from lib.core.models import TargetIn
from lib.store import settings as settings_store
from lib.store import strategy as store
from tests.app.shown import shown

SAVE = "FormSubmitter:strategy_review-Save review"


def _open_tab(at, label: str):
    at.session_state["strategy_tab"] = label
    at.query_params.pop("strategy_tab", None)  # the address follows the tab, as a click does
    return at.run()


def _fill(at, want: str, change: str, goal: int | None = None):
    if at.session_state["strategy_tab"] != "New review":
        at = _open_tab(at, "New review")
    at.text_area(key="strategy__what_i_want").set_value(want)
    at.text_area(key="strategy__change").set_value(change)
    if goal is not None:
        at.number_input(key="strategy__weekly_goal").set_value(goal)
    at.button(key=SAVE).click()
    return at.run()


def test_with_no_review_yet_the_first_one_is_due_today(open_page):
    at = open_page("pages/strategy.py")
    assert not at.exception
    assert any("No review yet: your first one is due today" in i.value for i in at.info)
    assert at.text_area(key="strategy__what_i_want").value == ""


def test_a_saved_review_schedules_the_next_one_and_keeps_the_weekly_goal(open_page, app_env):
    at = _fill(
        open_page("pages/strategy.py"), "Analytics in health care", "Ask for two referrals a week", goal=7
    )
    assert not at.exception and not at.error
    due = dt.date.today() + dt.timedelta(days=14)
    assert any(f"Review saved. The next one is due on {due:%d %b %Y}" in s for s in shown(at.success))
    assert any(f"Next review due on {due:%d %b %Y} (in 14 days)" in s for s in shown(at.success))
    engine = db.open_database(app_env)
    saved = store.get_review(engine, int(store.load_reviews(engine)["id"].iloc[0]))
    assert saved["answers"]["what_i_want"] == "Analytics in health care"
    assert saved["weekly_goal"] == 7
    assert settings_store.get_setting(engine, "weekly_goal") == 7
    # the next step opens: the plan for the week, and only it
    assert at.session_state["strategy_tab"] == "Plan the week"
    assert at.number_input(key="week_plan_applications") and not at.text_area
    at = _open_tab(at, "New review")
    assert at.text_area(key="strategy__what_i_want").value == ""  # a fresh form for next time


def test_a_weekly_goal_out_of_range_is_said_beside_it_and_nothing_is_saved(open_page, app_env):
    at = _fill(open_page("pages/strategy.py"), "Analytics", "Referrals", goal=500)
    assert not at.exception
    assert "The weekly goal must be at most 100" in [e.value for e in at.error]  # beside the box
    assert store.load_reviews(db.open_database(app_env)).empty
    assert at.text_area(key="strategy__what_i_want").value == "Analytics"  # kept to fix and save


def test_a_review_without_the_required_answers_shows_errors_beside_them_and_keeps_the_text(
    open_page, app_env
):
    at = _fill(open_page("pages/strategy.py"), "", "Apply to fewer, better roles")
    errors = shown(at.error)
    assert "Please answer “What do I really want to do?” to save this." in errors
    assert at.text_area(key="strategy__change").value == "Apply to fewer, better roles"
    assert store.load_reviews(db.open_database(app_env)).empty


def test_two_saved_reviews_are_compared_side_by_side(open_page, app_env):
    engine = db.open_database(app_env)
    store.set_target(engine, TargetIn(company="Acme", target_priority=2))
    at = _fill(open_page("pages/strategy.py"), "Analytics", "More referrals")
    store.set_target(engine, TargetIn(company="Acme", target_priority=1, target_reason="Reached the final"))
    at = _fill(at, "Product analytics", "More referrals")
    assert not at.exception
    assert not at.dataframe  # only the open tab is drawn: the comparison waits for its tab
    at = _open_tab(at, "Compare reviews")
    # the answers as a table whose sentences wrap, read whole (a grid cut them off)
    answers, targets = at.table[-1].value, at.dataframe[-1].value
    answers = answers.set_axis([str(c).split(" ")[0].split("\\")[0] for c in answers.columns], axis=1)
    want = answers.set_index("Question").loc["What do I really want to do?"]
    assert (want["Earlier"], want["Later"], want["Changed"]) == ("Analytics", "Product analytics", "yes")
    assert answers.set_index("Question").loc["What will I change in the next two weeks?", "Changed"] == ""
    assert targets[["company", "earlier", "later", "change"]].values.tolist() == [
        ["Acme", "Medium", "High", "raised"]
    ]


def test_the_first_review_reads_back_before_there_is_a_second_to_compare(open_page, app_env):
    engine = db.open_database(app_env)
    store.set_target(engine, TargetIn(company="Acme", target_priority=1, target_reason="Reached the final"))
    at = _fill(open_page("pages/strategy.py"), "Analytics in health care", "Ask for two referrals a week")
    at = _open_tab(at, "Compare reviews")
    assert not at.exception
    assert any("One is saved so far: here it is." in i.value for i in at.info)
    answers, targets = at.dataframe[0].value, at.dataframe[1].value
    assert answers.set_index("key").loc["what_i_want", "later"] == "Analytics in health care"
    assert targets[["company", "later", "reason"]].values.tolist() == [["Acme", "High", "Reached the final"]]
    # the goal it set and what the page showed then are said apart: "Weekly goal then: 4" sat over
    # "The weekly goal is 5 (Settings)"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Weekly goal this review set: ") for c in captions)
    assert "What the page showed as you wrote it:" in captions


def test_a_target_priority_is_changed_from_the_target_form(open_page, app_env):
    engine = db.open_database(app_env)
    store.set_target(engine, TargetIn(company="Lumen Health", target_priority=1, target_reason="Mission"))
    at = _open_tab(open_page("pages/strategy.py"), "Target list")
    assert "#### My target list (1)" in [m.value for m in at.markdown]
    at.text_input(key="target_company_typed_0").input("lumen health")  # the company picker
    at.run()
    at.radio(key="target_one_priority").set_value("Low")
    at.text_area(key="target_one_reason").set_value("Slow to answer")
    at.button(key="FormSubmitter:target_one-Save target").click()
    at.run()
    assert not at.exception
    assert any("Lumen Health: Low priority." in s for s in shown(at.success))
    assert store.load_targets(engine)[["name", "target_priority", "target_reason"]].values.tolist() == [
        ["Lumen Health", 3, "Slow to answer"]
    ]
    # the form starts again empty: the last reason was saved with the next company, twice over
    assert at.text_area(key="target_one_reason_1").value == ""
    at.text_input(key="target_company_typed_1").input("Orbit Labs")
    at.run()
    at.button(key="FormSubmitter:target_one__1-Save target").click()
    at.run()
    assert not at.exception
    reasons = store.load_targets(engine).set_index("name")["target_reason"].to_dict()
    assert reasons["Lumen Health"] == "Slow to answer" and not reasons.get("Orbit Labs")
    # only the priority changed, the reason box left empty: the reason written before stays
    at.text_input(key="target_company_typed_2").input("lumen health")
    at.run()
    at.radio(key="target_one_priority_2").set_value("Medium")
    at.button(key="FormSubmitter:target_one__2-Save target").click()
    at.run()
    assert not at.exception
    kept = store.load_targets(engine).set_index("name").loc["Lumen Health"]
    assert (kept["target_priority"], kept["target_reason"]) == (2, "Slow to answer")


def test_a_reason_typed_for_a_company_taken_off_the_list_is_not_dropped_without_a_word(open_page, app_env):
    engine = db.open_database(app_env)
    store.set_target(engine, TargetIn(company="Initech", target_priority=1, target_reason="Mission"))
    at = _open_tab(open_page("pages/strategy.py"), "Target list")
    at.text_input(key="target_company_typed_0").input("initech")
    at.run()
    at.radio(key="target_one_priority").set_value("Not a target")
    at.text_area(key="target_one_reason").set_value("Went with a rival")
    at.button(key="FormSubmitter:target_one-Save target").click()
    at.run()
    assert "A reason is kept for a company on the list." in " ".join(shown(at.error))
    assert store.load_targets(engine)["name"].tolist() == ["Initech"]  # nothing changed yet
    assert at.text_area(key="target_one_reason").value == "Went with a rival"  # kept to decide


def test_a_target_without_a_company_is_refused_beside_the_field(open_page, app_env):
    at = _open_tab(open_page("pages/strategy.py"), "Target list")
    at.button(key="FormSubmitter:target_one-Save target").click()
    at.run()
    assert "Company is required" in shown(at.error)
    assert store.load_targets(db.open_database(app_env)).empty


def test_the_demo_has_a_review_to_read_back_and_says_when_the_next_is_due(open_page):
    at = open_page("pages/strategy.py", demo=True)
    assert not at.exception
    assert not any("No review yet" in i.value for i in at.info)  # the demo shows a search with reviews
    at = _open_tab(at, "Compare reviews")
    assert not at.exception
    answers = at.dataframe[0].value.set_index("key")
    assert answers.loc["what_i_want", "later"].startswith("Analytics close to product decisions")


def test_a_weekly_goal_with_a_fraction_is_said_to_be_no_whole_number_not_cut_down(open_page, app_env):
    at = _fill(open_page("pages/strategy.py"), "Analytics", "Referrals", goal=2.5)
    assert not at.exception
    assert any("whole number" in e for e in shown(at.error))
    assert store.load_reviews(db.open_database(app_env)).empty


def test_the_review_says_its_answers_are_kept_when_saved_not_before(open_page):
    at = _open_tab(open_page("pages/strategy.py"), "New review")
    assert any("save before you leave this page" in c for c in shown(at.caption))
