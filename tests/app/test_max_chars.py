"""One-line text boxes count characters while typing, up to the limit their model checks on save.
Long boxes don't: Streamlit drops a paste longer than the count, so they say on save instead."""

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


def test_the_application_form_counts_up_to_the_models_limits(open_page):
    at = open_page("pages/add_application.py")
    assert not at.exception
    limits = {w.label: _limit(w) for w in [*at.text_input, *at.text_area]}
    assert limits["Company *"] == max_chars(ApplicationIn, "company") == 200
    assert limits["Role *"] == max_chars(ApplicationIn, "role")
    assert limits["Job link"] == max_chars(ApplicationIn, "job_url")
    assert limits["Notes"] == 0  # a long box takes a paste of any length; the save says if too long


def test_the_network_form_counts_up_to_the_models_limits(open_page):
    at = open_page("pages/network.py")
    assert not at.exception
    limits = {w.label: _limit(w) for w in [*at.text_input, *at.text_area]}
    assert limits["Name *"] == max_chars(ContactIn, "name")
    assert limits["Email"] == max_chars(ContactIn, "email")
