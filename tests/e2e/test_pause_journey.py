"""After a "no": record it in under a minute, rest while the pause runs, come back when it has
ended and look back from the next action Home offers."""

import datetime as dt
import time

import sqlalchemy as sa
from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn, StageEventIn
from lib.store import applications as apps
from tests.e2e.conftest import goto, wait_for_app


def _choose(page, widget_label: str, option: str) -> None:
    page.get_by_role("radiogroup", name=widget_label).get_by_role("radio", name=option, exact=True).click()
    wait_for_app(page)


def test_record_a_no_in_under_a_minute_then_look_back_when_the_pause_ends(page, server):
    engine = db.open_database(server.db_url)
    today = dt.date.today()
    app_id = apps.add_application(
        engine, ApplicationIn(company="Acme Pause", role="Analyst", applied_on=today - dt.timedelta(days=20))
    )
    apps.add_stage_event(
        engine,
        StageEventIn(application_id=app_id, kind="interview", occurred_on=today - dt.timedelta(days=4)),
    )

    started = time.monotonic()
    goto(page, server, f"rejection?id={app_id}")
    expect(page.get_by_text("Pause first")).to_be_visible()
    expect(page.get_by_label("Which lessons do I keep?")).to_have_count(0)  # the reflection comes later
    _choose(page, "How did it reach you?", "email")
    _choose(page, "How do you feel right now?", "2")
    page.get_by_role("button", name="Save and take my pause").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Recorded. Be kind to yourself")).to_be_visible()
    expect(page.get_by_text("You're taking a pause")).to_be_visible()  # a calm Home
    assert time.monotonic() - started < 60

    # The pause has ended: Home offers the look back.
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(db.reflections)
            .where(db.reflections.c.application_id == app_id)
            .values(pause_until=dt.datetime.now() - dt.timedelta(hours=1))
        )
    goto(page, server)
    expect(page.get_by_text("Look back at Acme Pause when you're ready")).to_be_visible()
    expect(page.get_by_text("overdue")).to_have_count(0)
    page.get_by_role(
        "link", name="Look back at Acme Pause when you're ready", exact=True
    ).click()  # the action's
    wait_for_app(page)
    _choose(page, "Was I fully prepared?", "3")
    page.get_by_label("Which lessons do I keep?").fill("Ask about the team's roadmap")
    page.keyboard.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Save my reflection").first.click()
    wait_for_app(page)
    expect(page.get_by_text("Your reflection is saved")).to_be_visible()
    goto(page, server)
    expect(page.get_by_text("Look back at Acme Pause when you're ready")).to_have_count(0)
