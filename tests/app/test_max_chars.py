"""Form boxes take a paste of any length: Streamlit drops a paste longer than a box's count
without a word, so the save says how far over instead. (The rejection's few words
still count: a line to type, not to paste into.)"""

import datetime as dt

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, StageEventIn, max_chars
from lib.reflect import questionnaires as qn
from lib.store import applications as apps

TODAY = dt.date.today()


def _limit(widget) -> int:
    return widget.proto.max_chars  # 0: no limit


def test_in_a_few_words_on_a_rejection_counts_up_to_the_models_limit(open_page, app_env):
    engine = db.open_database(app_env)
    app_id = apps.add_application(
        engine, ApplicationIn(company="Acme", role="Analyst", applied_on=TODAY - dt.timedelta(days=20))
    )
    apps.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=TODAY - dt.timedelta(days=3)),
    )
    engine.dispose()
    at = open_page("pages/rejection.py", query_params={"id": str(app_id)})
    assert not at.exception
    words = at.text_input(key=f"rejection_new_{app_id}__mood_words")
    assert words.label.startswith("In a few words")
    assert _limit(words) == qn.max_chars(qn.REJECTION.by_id["mood_words"]) == 200


def test_the_application_form_takes_a_paste_of_any_length_and_says_on_save(open_page):
    # a count made Streamlit drop a longer paste without a word: Role went empty, then "required"
    at = open_page("pages/add_application.py")
    assert not at.exception
    boxes = {w.label: w for w in [*at.text_input, *at.text_area]}
    for label in ("Company *", "Role *", "Job link"):
        assert _limit(boxes[label]) == 0
    role = "Senior Data Analyst " * 250  # a whole job ad, pasted
    boxes["Company *"].input("Acme")
    boxes["Role *"].input(role)
    at.button(key="FormSubmitter:add_application-Add application").click().run()
    assert not at.exception
    said = " ".join(e.value for e in at.error).replace("\\:", ":")
    # counted as saved: the paste's trailing space is not the person's
    assert "Role is too long: 4,999 characters, at most 200" in said
    assert next(w for w in at.text_input if w.label == "Role *").value == role  # kept, to shorten


def test_the_network_form_takes_a_paste_of_any_length(open_page):
    at = open_page("pages/network.py")
    assert not at.exception
    boxes = {w.label: w for w in [*at.text_input, *at.text_area]}
    assert _limit(boxes["Name *"]) == 0 and _limit(boxes["Email"]) == 0
    assert max_chars(ContactIn, "name") == 200  # still checked on save
