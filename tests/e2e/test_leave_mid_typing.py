"""A link to another page clicked while words are still being typed: the page goes, the words stay.

The click's blur sent the text and a rerun of the page, and the page switch sent beside it was
lost: the page stayed with its boxes blank, and the next keystroke saved the blank form over the
draft. Only a browser shows it (AppTest has no blur and no link click)."""

import datetime as dt

from playwright.sync_api import expect

from lib.core import db
from lib.core.models import ApplicationIn
from lib.store import applications as app_store
from lib.store import reflections as drafts_store
from tests.e2e.conftest import goto


def test_a_menu_link_clicked_mid_sentence_opens_its_page_and_the_words_are_kept(page, server):
    engine = db.open_database(server.db_url)
    app_id = app_store.add_application(
        engine,
        ApplicationIn(
            company="Mid Sentence Ltd", role="Analyst", applied_on=dt.date.today() - dt.timedelta(days=9)
        ),
    )
    goto(page, server, f"rejection?id={app_id}")
    words = page.locator(f".st-key-rejection_new_{app_id}__mood_words input")
    words.click()
    words.press_sequentially("Annoyed, they liked me a lot", delay=10)
    page.get_by_role("link", name="Network").click()  # at once: before the words are handed over
    expect(page).to_have_url(f"{server.base_url}/network")
    expect(page.get_by_role("heading", name="Network", exact=True)).to_be_visible()
    draft = drafts_store.load_draft(engine, f"rejection:{app_id}")
    assert draft["payload"]["answers"]["mood_words"] == "Annoyed, they liked me a lot"
    goto(page, server, f"rejection?id={app_id}")
    expect(words).to_have_value("Annoyed, they liked me a lot")
