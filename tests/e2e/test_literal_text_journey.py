"""Markdown in what a person types is shown as typed in the browser: a stage-event note with bold,
a javascript: link and HTML stays plain text (no <strong>, no link, no tag)."""

from playwright.sync_api import expect

from tests.e2e.conftest import add_application, goto, wait_for_app

NOTE = "**bold** [x](javascript:alert(1)) <b>b</b>"


def test_a_stage_note_with_markdown_reads_exactly_as_typed(page, server):
    goto(page, server)
    add_application(page, "Literal Co", "Analyst")
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    page.get_by_role("textbox", name="Note", exact=True).fill(NOTE)
    page.get_by_role("button", name="Record").click()
    wait_for_app(page)
    main = page.get_by_role("main")
    expect(main.get_by_text(NOTE, exact=True)).to_be_visible()
    expect(main.locator("strong", has_text="bold")).to_have_count(0)
    expect(main.locator("a[href^='javascript']")).to_have_count(0)
    expect(main.locator("b", has_text="b")).to_have_count(0)


TYPED = "Mail jane.roe@acme.example or see https://acme.example/jobs — Fish &amp; Chips"


def test_addresses_and_references_in_a_note_stay_text(page, server):
    # "&amp;" typed read "&"; an address must not become a link
    goto(page, server)
    add_application(page, "Address Co", "Analyst")
    page.get_by_role("link", name="Open it to record its stages").click()
    wait_for_app(page)
    page.get_by_role("textbox", name="Note", exact=True).fill(TYPED)
    page.get_by_role("button", name="Record").click()
    wait_for_app(page)
    main = page.get_by_role("main")
    note = main.get_by_text("Fish &amp; Chips", exact=False)
    expect(note).to_be_visible()
    assert note.inner_text().replace("\u2060", "").strip() == TYPED
    expect(main.locator("a[href^='mailto:jane'], a[href*='acme.example']")).to_have_count(0)
