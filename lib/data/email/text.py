"""An email's own words: HTML made plain, quoted replies and signatures cut, split into sentences.

A rejection often quotes the candidate's thank-you ("On Tue, Ana wrote: > Thank you for the
interview…"), and a candidate's reply quotes the rejection: only what the sender wrote this
time decides what the email is.
"""

from __future__ import annotations

import html
import re

_DROP = re.compile(r"<(script|style|head|title)\b.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_QUOTE_HTML = re.compile(
    r"<(div|blockquote)[^>]*(gmail_quote|type=\"?cite|divRplyFwdMsg|moz-cite-prefix|yahoo_quoted"
    r"|OLK_SRC_BODY_SECTION|appendonsend)",
    re.I,
)
_BREAK = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h[1-6]|/table|/ul|/ol|p|div|tr|li|h[1-6]|hr)\b[^>]*>", re.I)
_CELL = re.compile(r"<\s*/t[dh]\s*>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200c\u200d\ufeff]+")
_BLANKS = re.compile(r"\n\s*\n\s*\n+")


def html_to_text(markup: str) -> str:
    """Plain text from an HTML mail: no tags, no styles, entities decoded, paragraphs kept."""
    markup = _COMMENT.sub(" ", markup)
    markup = _DROP.sub(" ", markup)
    quote = _QUOTE_HTML.search(markup)
    if quote and _TAG.sub("", markup[: quote.start()]).strip():
        markup = markup[: quote.start()]
    markup = _BREAK.sub("\n", markup)
    markup = _CELL.sub(" ", markup)
    text = html.unescape(_TAG.sub("", markup))
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


# Where a quoted earlier message starts, in the mail clients' own words (five languages).
_REPLY_HEADER = re.compile(
    r"^\s*(?:"
    r"-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|"
    r"message d'origine|message transféré|mensaje original|mensaje reenviado|oorspronkelijk bericht|"
    r"doorgestuurd bericht)\s*-{2,}"
    r"|_{10,}"
    r"|(?:on|am|le|el|op)\s.{4,200}?\s(?:wrote|schrieb|a écrit|escribió|schreef)\s*:?"
    r"|(?:from|von|de|van)\s*:\s*\S.*\n\s*(?:sent|gesendet|envoyé|enviado|verzonden|date|datum|fecha)\s*:"
    r")",
    re.I | re.M,
)
_SIGNATURE = re.compile(
    r"^(?:-- ?|sent from my \w+.*|von meinem \w+ gesendet.*|envoyé de mon \w+.*|enviado desde mi \w+.*|"
    r"verzonden vanaf mijn \w+.*|this e-?mail (?:and any|is confidential|message is).*|"
    r"diese e-?mail (?:enthält|ist).*vertraulich.*|ce (?:message|courriel) (?:et|est).*confidentiel.*)$",
    re.I | re.M,
)


def strip_quoted(text: str) -> str:
    """The sender's own words: quoted lines ("> …") and everything after a reply header dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _REPLY_HEADER.search(text)
    if match and text[: match.start()].strip():
        text = text[: match.start()]
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))


def strip_signature(text: str) -> str:
    match = _SIGNATURE.search(text)
    if match and len(text[: match.start()].strip()) > 20:
        return text[: match.start()]
    return text


def own_words(text: str) -> str:
    """The body an email is judged on: no quotes, no signature, spacing tidied."""
    text = strip_signature(strip_quoted(text))
    text = _SPACES.sub(" ", text)
    return _BLANKS.sub("\n\n", text).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'„“«¿¡(]?[A-ZÄÖÜÉÈÀÂÊÎÔÛÇÑ0-9])|\n\s*\n|\n(?=\s*[-•*·]\s)")


def sentences(text: str) -> list[str]:
    """The text split into sentences (and lines that stand alone), each on one line."""
    out = []
    for chunk in _SENTENCE_END.split(text):
        chunk = " ".join(chunk.split())
        if chunk:
            out.append(chunk)
    return out
