"""Outlook `.msg` files, through the extract-msg library (read locally, nothing fetched)."""

from __future__ import annotations

import datetime as dt
import email.utils

from lib.data.email.parse import MAX_TEXT, OLE_MAGIC, Email, MessageError, _decode_bytes, _fallback_id
from lib.data.email.text import html_to_text


def parse_msg(data: bytes, position: int = 1) -> Email | MessageError:
    """An Outlook .msg file, through extract-msg."""
    if not data.startswith(OLE_MAGIC):
        return MessageError(position, "This is not an Outlook message (.msg) file.")
    try:
        import extract_msg

        with extract_msg.openMsg(data) as msg:
            body = msg.body or ""
            was_html = False
            if not body.strip() and msg.htmlBody:
                body = html_to_text(_decode_bytes(msg.htmlBody, "utf-8"))
                was_html = True
            name, address = email.utils.parseaddr(msg.sender or "")
            sent = msg.date
            return Email(
                message_id=(msg.messageId or "").strip() or _fallback_id(data),
                sender=address.casefold(),
                sender_name=name,
                subject=" ".join((msg.subject or "").split()),
                date=sent.date() if isinstance(sent, dt.datetime) else None,
                text=body[:MAX_TEXT],
                html=was_html,
                position=position,
            )
    except Exception as exc:  # extract-msg raises many kinds of errors on damaged files
        return MessageError(position, f"This Outlook message can't be read ({type(exc).__name__}).")
