"""Capture from the inbox: paste a rejection, see it matched, record it and land on the pause; import a
small mailbox, review it, accept, and find the events and the emails in the timeline."""

from pathlib import Path

from playwright.sync_api import expect

from lib.core import db
from lib.store import applications as app_store
from tests.e2e.conftest import add_application, goto, wait_for_app

EMAILS = Path(__file__).resolve().parents[1] / "fixtures" / "emails"
REJECTION = """From: Brightline Talent <talent@brightline.io>
Subject: Your application to Brightline

Hi Sam,

Thank you for taking the time to interview with us for the Product Designer role at Brightline.
After careful consideration, we have decided to move forward with other candidates.

The Brightline Talent Team"""


def test_paste_a_rejection_record_it_and_land_on_the_pause(page, server):
    goto(page, server)
    add_application(page, "Brightline", "Product Designer")
    goto(page, server, "rejection")
    box = page.get_by_label("The email, as copied from your mail client")
    box.fill(REJECTION)
    page.get_by_role("button", name="Read it").click()  # the box is read as it loses focus
    wait_for_app(page)
    expect(page.get_by_text("Rebound read this as")).to_contain_text("a rejection")
    expect(page.get_by_text("Matched to Brightline — Product Designer in your log.")).to_be_visible()
    page.get_by_role("button", name="Record it").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="After the “no” · Product Designer · Brightline")).to_be_visible()
    expect(page.get_by_text("Already in the stage history.")).to_be_visible()


def test_import_a_small_mailbox_review_accept_and_see_the_timeline(page, server, tmp_path):
    mbox = tmp_path / "inbox.mbox"
    with mbox.open("wb") as out:
        for name in ("en-app-01", "en-rej-09", "en-oth-01"):
            data = (EMAILS / f"{name}.eml").read_bytes().replace(b"\nFrom ", b"\n>From ")
            out.write(b"From someone Mon Jan  1 00:00:00 2025\n" + data + b"\n")
    goto(page, server, "data?data_tab=Emails")
    page.get_by_label("…or the path of a large mailbox on this computer (a Google Takeout .mbox)").fill(
        str(mbox)
    )
    page.keyboard.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Read the mail").click()
    wait_for_app(page)
    expect(page.get_by_text("Read 3 messages: 2 about applications")).to_be_visible()
    page.get_by_role("button", name="Record 2 emails").click()
    wait_for_app(page)
    expect(page.get_by_text("Recorded 2 emails: 1 new application,")).to_be_visible()
    page.get_by_role("link", name="See them in the log").click()
    wait_for_app(page)
    apps = app_store.load_applications(db.open_database(server.db_url))  # whichever tests ran first
    vantage = int(apps.loc[apps["company"] == "Vantage Robotics", "id"].iloc[0])
    goto(page, server, f"application?id={vantage}")
    expect(page.get_by_text("Vantage Robotics").first).to_be_visible()
    expect(page.get_by_text("Rejected").first).to_be_visible()
    page.get_by_text("A rejection: Vantage Robotics | Embedded Engineer").click()
    expect(page.get_by_text("Unfortunately, we have decided not to move forward")).to_be_visible()
