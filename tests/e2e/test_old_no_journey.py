"""A "no" weeks old, imported from an old tracker: no pause asked, how you are now, then the look
back, opened at its top (it kept the record step's scroll: its title and first lines were above
the edge), and no pause on Home after it."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.data.importers import parse_bytes
from lib.store import applications as app_store
from lib.store import imports as import_store
from tests.e2e.conftest import goto, wait_for_app


def test_an_old_no_goes_from_how_you_are_now_to_the_look_back_at_its_top(page, server):
    engine = db.open_database(server.db_url)
    came = dt.date.today() - dt.timedelta(days=60)
    rows = f"Company,Role,Date applied,Status,Status date\nOld News Co,Analyst,{came - dt.timedelta(days=9)},Rejected,{came}\n"
    import_store.apply(engine, parse_bytes("old.csv", rows.encode()))
    apps = app_store.load_applications(engine)
    app_id = int(apps.loc[apps["company"] == "Old News Co", "id"].iloc[0])
    page.set_viewport_size({"width": 1280, "height": 800})
    goto(page, server, f"rejection?id={app_id}")
    expect(page.get_by_text("so no pause is asked now", exact=False)).to_be_visible()
    page.locator("[data-testid=stButtonGroup] button").nth(2).click()  # mood 3
    wait_for_app(page)
    save = page.locator(".st-key-save_rejection button")  # the bottom one
    save.scroll_into_view_if_needed()
    save.click()
    wait_for_app(page)
    title = page.get_by_role("heading", name="Looking back · Analyst · Old News Co")
    expect(title).to_be_in_viewport()
    expect(page.get_by_text(f"This “no” came on {came:%d %b %Y}", exact=False)).to_be_in_viewport()
    goto(page, server)
    expect(page.get_by_text("You're taking a pause")).to_have_count(0)
