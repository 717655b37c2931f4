"""ui/text.py md(): user text reads as typed, and a bare address never becomes a link."""

import re

from ui.text import md


def _shown(escaped: str) -> str:
    return re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "")


def test_markdown_and_html_are_escaped_and_read_as_typed():
    hostile = "![](http://127.0.0.2/x) [t](javascript:alert(1)) <img src=x> **b** # h"
    escaped = md(hostile)
    assert _shown(escaped) == hostile
    assert not re.search(r"(?<!\\)[\[\]()<!*#]", escaped)


def test_bare_web_and_mail_addresses_are_kept_from_becoming_links():
    for text in ("http://127.0.0.2:9/x", "https://evil.example", "www.evil.example", "me@evil.example"):
        escaped = md(text)
        assert _shown(escaped) == text
        assert not re.search(r"https?\\?:(\\?/){2}\w|www\\?\.|@\w", escaped)


def test_a_typed_character_reference_stays_as_typed():
    # "Fish &amp; Chips" typed read "Fish & Chips": Markdown decoded the reference
    for text in ("Fish &amp; Chips", "&#64;"):
        assert _shown(md(text)) == text and "\\&" in md(text)


def test_an_email_address_is_shown_as_code_copied_exactly_and_never_a_link():
    # through md() it carried an invisible word joiner after "@" into a mail app's To when copied
    from ui.text import address

    assert address("jane.roe@acme.example") == "`jane.roe@acme.example`"  # code: no autolink in it
    assert "\u2060" not in address("jane.roe@acme.example")
    odd = "a`b@evil.example"  # a backtick would end the code early: escaped as any text instead
    assert address(odd) == md(odd)
