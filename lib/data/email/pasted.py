"""An email pasted as text (copied from a mail client), or a whole raw message pasted."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re

from lib.data.email.parse import MAX_TEXT, Email, _date, _loose_date, parse_eml

_PASTED_HEADER = re.compile(
    r"^(from|von|de|van|to|an|à|para|aan|subject|betreff|objet|asunto|onderwerp|"
    r"date|datum|fecha|sent|gesendet|envoyé|enviado|verzonden)\s*:\s*(.*)$",
    re.I,
)
_SUBJECT_WORDS = {"subject", "betreff", "objet", "asunto", "onderwerp"}
_FROM_WORDS = {"from", "von", "de", "van"}
_DATE_WORDS = {"date", "datum", "fecha", "sent", "gesendet", "envoyé", "enviado", "verzonden"}


def from_pasted(text: str, today: dt.date | None = None) -> Email:
    """An email pasted as text: a few header lines on top (From:, Subject:, Date:) if copied."""
    text = text.replace("\r\n", "\n")[:MAX_TEXT]
    if re.match(r"^(Received|Return-Path|Delivered-To|MIME-Version|Message-ID|From|Date|Subject):", text):
        parsed = parse_eml(text.encode("utf-8", "replace"))
        if isinstance(parsed, Email) and parsed.text.strip():
            # Outlook writes "Sent:", not "Date:": read as the day it came, not today
            parsed.date = parsed.date or _header_day(text.split("\n")[:12]) or today
            return parsed
    lines = text.split("\n")
    found: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines[:12]):
        match = _PASTED_HEADER.match(line.strip())
        if match:
            word = match.group(1).casefold()
            key = (
                "subject"
                if word in _SUBJECT_WORDS
                else "from"
                if word in _FROM_WORDS
                else "date"
                if word in _DATE_WORDS
                else "to"
            )
            found.setdefault(key, match.group(2).strip())
            body_start = i + 1
        elif line.strip() and i > body_start + 1:
            break
    name, address = email.utils.parseaddr(found.get("from", ""))
    body = "\n".join(lines[body_start:]).strip()
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8", "replace")).hexdigest()
    return Email(
        message_id=f"<pasted-{digest}@rebound.local>",
        sender=address.casefold() if "@" in address else "",
        sender_name=name or (found.get("from", "") if "@" not in found.get("from", "") else ""),
        subject=found.get("subject", ""),
        date=_date(found.get("date")) or _loose_date(found.get("date", "")) or today,
        text=body,
    )


def _header_day(lines: list[str]) -> dt.date | None:
    """The day a copied header block gives ("Sent: Thursday, December 3, 2026 4:12 PM"), or None."""
    for line in lines:
        match = _PASTED_HEADER.match(line.strip())
        if match and match.group(1).casefold() in _DATE_WORDS:
            return _date(match.group(2)) or _loose_date(match.group(2))
    return None
