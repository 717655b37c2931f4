"""An mbox (Google Takeout, Thunderbird, Apple Mail) read as a stream: split in 1 MB blocks, one
message handed on at a time; memory holds one message (at most MAX_MESSAGE bytes of it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from lib.data.email.parse import MAX_MESSAGE, Email, MessageError, parse_eml

BLOCK = 1024 * 1024


def _separator(buffer: bytes, start: int) -> tuple[int, int] | None:
    """(start, end) of the next "From " line that follows a blank line (or opens the file)."""
    if start == 0 and buffer.lstrip(b"\r\n").startswith(b"From "):
        at = buffer.find(b"From ")
        if not buffer[:at].strip():
            return (max(at - 1, 0), at + 5) if at else (0, 5)
    at = buffer.find(b"\nFrom ", max(start, 1))
    while at >= 0:
        before = buffer[max(at - 2, 0) : at]
        if before.endswith(b"\n") or before == b"\n\r":
            return at - 1 if before.endswith(b"\n") else at - 2, at + 6
        at = buffer.find(b"\nFrom ", at + 1)
    return None


def iter_mbox(stream: BinaryIO) -> Iterator[tuple[int, bytes, bool]]:
    """(position, raw message, complete) for each message of an mbox: read in blocks, split where a
    "From " line follows a blank line; a message longer than MAX_MESSAGE keeps its first part."""
    position, start = 0, 0
    buffer = b""
    while True:
        block = stream.read(BLOCK)
        buffer += block
        while True:
            found = _separator(buffer, start)
            if found is None:
                break
            found_start, found_end = found
            line_end = buffer.find(b"\n", found_end)
            if line_end < 0 and block:
                break  # the "From " line is cut by the block: read on
            if position:
                yield position, _unescape(buffer[start : found_start + 1]), True
            elif buffer[:found_start].strip():
                return  # text before the first "From " line: not an mbox
            position += 1
            start = line_end + 1 if line_end >= 0 else len(buffer)
            buffer, start = buffer[start:], 0

        if not position and buffer.strip() and not buffer.lstrip(b"\r\n").startswith(b"From "):
            return
        if len(buffer) - start > MAX_MESSAGE + BLOCK and position:
            keep = buffer[start : start + MAX_MESSAGE]
            tail = buffer[-64:]  # a separator may straddle the cut
            buffer, start = keep + b"\n" + tail, 0
        if not block:
            break
    if position:
        raw = buffer[start:]
        yield position, _unescape(raw), raw.endswith(b"\n")


def _unescape(raw: bytes) -> bytes:
    """mboxrd/mboxo quoting undone: a body line ">From " was "From "."""
    return raw.replace(b"\n>From ", b"\nFrom ") if b"\n>From " in raw else raw


def read_mbox(stream: BinaryIO) -> Iterator[Email | MessageError]:
    for position, raw, complete in iter_mbox(stream):
        header_end = re.search(rb"\r?\n\r?\n", raw)
        if not complete and header_end is None:
            yield MessageError(position, "The mailbox ends in the middle of this message (it is cut off).")
            continue
        yield parse_eml(raw, position)
