"""Share a report in the browser: choose, prepare, download the HTML and see it holds what was
chosen and loads nothing from anywhere."""

from playwright.sync_api import expect


def test_a_masked_report_downloads_as_one_self_contained_file(page, server, tmp_path):
    page.goto(f"{server.base_url}/?data=demo")  # Home first builds the demo data: slow on a busy machine
    link = page.get_by_role("link", name="Share a report")
    expect(link).to_be_visible(timeout=120_000)
    link.click()
    expect(page.get_by_role("heading", name="Share a report")).to_be_visible(timeout=120_000)
    expect(page.get_by_role("button", name="Prepare the report")).to_be_visible(timeout=120_000)
    page.get_by_text("Mask company names").click()
    page.get_by_role("button", name="Prepare the report").click()
    download_button = page.get_by_role("button", name="Download the report (HTML)")
    expect(download_button).to_be_visible(timeout=180_000)
    expect(page.get_by_text("60 applications", exact=False).first).to_be_visible()
    with page.expect_download() as info:
        download_button.click()
    saved = tmp_path / "report.html"
    info.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert info.value.suggested_filename.endswith(".html")
    assert html.count("<svg") >= 6 and "Company A" in html
    for needle in ("http", "<script", "src=", "Papercrane", "@example.com"):
        assert needle not in html, needle
    viewer = page.context.new_page()
    viewer.goto(saved.as_uri())
    expect(viewer.get_by_role("heading", name="Headline numbers")).to_be_visible()
    expect(viewer.get_by_role("heading", name="Mood over time")).to_have_count(0)
