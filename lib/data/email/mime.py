"""A fast reader for the common shapes of mail (plain, HTML, multipart with text parts).

The standard `email` package reads anything but takes about a millisecond a message; a mailbox
scan must do thousands a second. This reader handles headers, base64 and quoted-printable
bodies and nested multiparts itself, and returns None for anything unusual so the caller falls
back to the `email` package.
"""

from __future__ import annotations

import binascii
import re

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_PARAM = re.compile(r"""(\w[\w-]*)\s*=\s*(?:"([^"]*)"|([^\s;]+))""")
MAX_DEPTH = 4


def split_headers(raw: bytes) -> tuple[dict[str, str], bytes] | None:
    """({lower-case name: value}, body); the first of each header wins. None if not a message."""
    end = _HEADER_END.search(raw)
    head, body = (raw[: end.start()], raw[end.end() :]) if end else (raw, b"")
    headers: dict[str, str] = {}
    name = None
    for line in head.decode("utf-8", "replace").splitlines():
        if line[:1] in (" ", "\t") and name:
            headers[name] += " " + line.strip()
            continue
        key, colon, value = line.partition(":")
        if not colon or " " in key.strip():
            if not headers:
                return None
            continue
        name = key.strip().casefold()
        if name in headers:
            name = None  # keep the first
            continue
        headers[name] = value.strip()
    return headers, body


def content_type(headers: dict[str, str]) -> tuple[str, dict[str, str]]:
    value = headers.get("content-type", "text/plain")
    kind, _, rest = value.partition(";")
    params = {
        m.group(1).casefold(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _PARAM.finditer(rest)
    }
    return kind.strip().casefold() or "text/plain", params


def decode_body(headers: dict[str, str], body: bytes) -> bytes:
    cte = headers.get("content-transfer-encoding", "").strip().casefold()
    if cte == "base64":
        return binascii.a2b_base64(body)
    if cte == "quoted-printable":
        return binascii.a2b_qp(body)
    return body


def text_parts(headers: dict[str, str], body: bytes, depth: int = 0) -> tuple[str | None, bytes, str | None]:
    """(kind, decoded bytes, charset) of the first text/plain part, else the first text/html part.

    kind is "plain", "html", None (no text part), or raises ValueError for what this reader
    leaves to the email package."""
    ctype, params = content_type(headers)
    if "attachment" in headers.get("content-disposition", "").casefold():
        return None, b"", None
    if ctype in ("text/plain", "text/html"):
        return (
            ("plain" if ctype == "text/plain" else "html"),
            decode_body(headers, body),
            params.get("charset"),
        )
    if ctype in ("application/pkcs7-mime", "application/x-pkcs7-mime"):
        raise PermissionError("encrypted")
    if not ctype.startswith("multipart/"):
        return None, b"", None
    boundary = params.get("boundary")
    if not boundary or depth >= MAX_DEPTH:
        raise ValueError("unusual multipart")
    marker = b"--" + boundary.encode("utf-8", "replace")
    chunks = body.split(marker)
    html = None
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk[1:] if chunk.startswith(b"\n") else chunk
        parsed = split_headers(chunk) if chunk.strip() else None
        if parsed is None:
            continue
        kind, data, charset = text_parts(parsed[0], parsed[1], depth + 1)
        if kind == "plain" and data.strip():
            return kind, data, charset
        if kind == "html" and html is None:
            html = (kind, data, charset)
    return html or (None, b"", None)
