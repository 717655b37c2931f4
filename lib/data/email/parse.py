"""Mail files into messages: `.eml`, `.mbox` read as a stream (a Takeout mbox is gigabytes: memory
holds one message, at most MAX_MESSAGE bytes of it), Outlook `.msg` (outlook.py). A message that
can't be read becomes a `MessageError` with its position; the others carry on."""

from __future__ import annotations

import binascii
import datetime as dt
import email
import email.header
import email.parser
import email.utils
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32
from pathlib import Path
from typing import BinaryIO

from lib.data.email import mime
from lib.data.email.text import html_to_text

MAX_MESSAGE = 8 * 1024 * 1024  # bytes of one message kept; the rest (attachments) is dropped
MAX_TEXT = 200_000  # characters of body text kept for reading
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PARSER = email.parser.BytesParser(policy=compat32)


@dataclass
class Email:
    """One message as Rebound reads it (the text is the body as plain text, quotes included)."""

    message_id: str
    sender: str = ""  # the address
    sender_name: str = ""
    subject: str = ""
    date: dt.date | None = None
    text: str = ""
    html: bool = False  # the text came from HTML
    bulk: bool = False  # a mailing-list or bulk header (newsletters, alerts)
    position: int = 1  # 1-based place in its file
    notes: list[str] = field(default_factory=list)
    # the Message-IDs it answers (In-Reply-To, References), latest last: a reply joins its thread
    thread: tuple[str, ...] = ()


@dataclass
class MessageError:
    position: int
    message: str


def _decode_header(value: object) -> str:
    if value is None:
        return ""
    if "=?" not in str(value):
        return " ".join(str(value).split())
    try:
        parts = email.header.decode_header(str(value))
    except (ValueError, LookupError, AssertionError):
        return " ".join(str(value).split())
    out = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            out.append(_decode_bytes(chunk, charset))
        else:
            out.append(chunk)
    return " ".join("".join(out).split())


def _decode_bytes(data: bytes, charset: str | None) -> str:
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("cp1252", errors="replace")


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = str(part.get_payload() or "").encode("utf-8", "replace")
    return _decode_bytes(payload[: MAX_TEXT * 4], part.get_content_charset())


def _body(message: Message) -> tuple[str, bool, str | None]:
    """(text, came from HTML, problem): the first plain-text part, else the first HTML part."""
    plain = html = None
    for part in message.walk():
        ctype = part.get_content_type()
        if ctype in ("application/pkcs7-mime", "application/x-pkcs7-mime"):
            return "", False, "This message is encrypted (S/MIME); Rebound can't read it."
        if part.is_multipart() or "attachment" in str(part.get("Content-Disposition", "")).casefold():
            continue
        if ctype == "text/plain" and plain is None:
            plain = _part_text(part)
        elif ctype == "text/html" and html is None:
            html = _part_text(part)
        if plain is not None:
            break
    if plain is not None and plain.strip():
        return plain[:MAX_TEXT], False, None
    if html is not None:
        return html_to_text(html[: MAX_TEXT * 3])[:MAX_TEXT], True, None
    return "", False, None


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_RFC_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})")
_ADDRESS = re.compile(r'^\s*"?(.*?)"?\s*<([^<>]*)>\s*$')


def _address(value: str) -> tuple[str, str]:
    """(display name, address) from a From header, quickly; the email package for odd ones."""
    match = _ADDRESS.match(value)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    if "@" in value and " " not in value.strip():
        return "", value.strip()
    return email.utils.parseaddr(value)


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    match = _RFC_DATE.search(str(value))
    if match and match.group(2).casefold() in _MONTHS:
        try:
            return dt.date(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))
        except ValueError:
            pass
    try:
        parsed = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.date() if parsed else None


_MESSAGE_ID = re.compile(r"<[^<>\s]{1,300}>")
THREAD_KEPT = 20  # ids of a long thread's latest messages: enough to find its start in a mailbox


def _thread(references: object, in_reply_to: object) -> tuple[str, ...]:
    """The ids a message answers, oldest first, the one it replies to last."""
    ids = _MESSAGE_ID.findall(str(references or "")[:20_000]) + _MESSAGE_ID.findall(
        str(in_reply_to or "")[:2_000]
    )
    return tuple(dict.fromkeys(ids))[-THREAD_KEPT:]


def _fallback_id(raw: bytes) -> str:
    return "<sha1-" + hashlib.sha1(raw[:65_536]).hexdigest() + "@rebound.local>"


def from_message(message: Message, raw: bytes, position: int) -> Email | MessageError:
    """An `Email` from a parsed message (or why it can't be read)."""
    if not message.keys():
        return MessageError(position, "This message has no headers: it is not an email (or it is cut off).")
    name, address = _address(_decode_header(message.get("From")))
    text, was_html, problem = _body(message)
    if problem:
        return MessageError(position, problem)
    found = Email(
        message_id=_decode_header(message.get("Message-ID")).strip() or _fallback_id(raw),
        sender=address.strip().casefold(),
        sender_name=name.strip().strip('"'),
        subject=_decode_header(message.get("Subject")),
        date=_date(message.get("Date")) or _loose_date(str(message.get("Date") or "")),
        text=text,
        html=was_html,
        bulk=bool(message.get("List-Unsubscribe") or message.get("List-Id"))
        or str(message.get("Precedence", "")).casefold() in ("bulk", "list"),
        position=position,
        thread=_thread(message.get("References"), message.get("In-Reply-To")),
    )
    if message.defects and not text.strip():
        return MessageError(position, "This message's structure is broken (its MIME parts can't be read).")
    return found


def _fast(raw: bytes, position: int) -> Email | MessageError | None:
    """The common shapes, read without the email package (None: leave it to the package)."""
    split = mime.split_headers(raw)
    if split is None:
        return None
    headers, body = split
    if not ("from" in headers or "message-id" in headers or "subject" in headers):
        return None
    try:
        kind, data, charset = mime.text_parts(headers, body)
    except PermissionError:
        return MessageError(position, "This message is encrypted (S/MIME); Rebound can't read it.")
    except (ValueError, binascii.Error):
        return None
    text = _decode_bytes(data[: MAX_TEXT * 4], charset) if data else ""
    if kind == "html":
        text = html_to_text(text)
    name, address = _address(_decode_header(headers.get("from")))
    return Email(
        message_id=_decode_header(headers.get("message-id")).strip() or _fallback_id(raw),
        sender=address.strip().casefold(),
        sender_name=name.strip().strip('"'),
        subject=_decode_header(headers.get("subject")),
        date=_date(headers.get("date")) or _loose_date(headers.get("date", "")),
        text=text[:MAX_TEXT],
        html=kind == "html",
        bulk="list-unsubscribe" in headers
        or "list-id" in headers
        or headers.get("precedence", "").casefold() in ("bulk", "list"),
        position=position,
        thread=_thread(headers.get("references"), headers.get("in-reply-to")),
    )


def parse_eml(raw: bytes, position: int = 1) -> Email | MessageError:
    if not raw.strip():
        return MessageError(position, "This message is empty.")
    try:
        found = _fast(raw, position)
        if found is not None:
            return found
    except Exception:  # anything odd: the email package reads it below
        pass
    try:
        message = _PARSER.parsebytes(raw)
        return from_message(message, raw, position)
    except RecursionError:  # parts inside parts thousands deep: no mail client writes that
        return MessageError(position, _TOO_DEEP)
    except Exception as exc:  # the email package is defensive, but a broken file must stay one error
        return MessageError(position, f"This message can't be read ({type(exc).__name__}).")


NOT_A_MAILBOX = (
    "This file isn't a mailbox: an .mbox file starts with a “From ” line. It may be damaged, or another "
    "kind of file renamed."
)
_TOO_DEEP = (
    "This message has parts inside parts too many levels deep for an email (a damaged or made-up "
    "file); it was not read."
)


def read_stream(name: str, stream: BinaryIO) -> Iterator[Email | MessageError]:
    """Every message in one file (by its content first, its name second)."""
    head = stream.read(8)
    stream.seek(0)
    if not head:
        yield MessageError(0, "The file is empty.")
    elif head.startswith(OLE_MAGIC) or name.casefold().endswith(".msg"):
        from lib.data.email.outlook import parse_msg

        yield parse_msg(stream.read(MAX_MESSAGE))
    elif head.startswith(b"From "):
        from lib.data.email.mbox import read_mbox

        yield from read_mbox(stream)
    else:
        found = parse_eml(stream.read(MAX_MESSAGE))
        if isinstance(found, MessageError) and name.casefold().endswith((".mbox", ".mbx")):
            # said of the file: "This message has no headers" read as if one message in it were bad
            found = MessageError(0, NOT_A_MAILBOX)
        yield found


def read_path(path: str | Path) -> Iterator[Email | MessageError]:
    try:
        with open(path, "rb") as stream:
            yield from read_stream(str(path), stream)
    except OSError as exc:
        yield MessageError(0, f"The file can't be read: {exc.strerror or exc}.")


def read_bytes(name: str, data: bytes) -> Iterator[Email | MessageError]:
    yield from read_stream(name, io.BytesIO(data))


def _loose_date(value: str) -> dt.date | None:
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./](\d{4})", value)
    if not match:
        return None
    try:
        if match.group(1):
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return dt.date(int(match.group(6)), int(match.group(5)), int(match.group(4)))
    except ValueError:
        return None
