"""Reading files as people have them: encodings, delimiters, preambles, line numbers.

`read_table(data)` turns the bytes of a CSV-like file into a header and rows, each row carrying
the line number it starts on, whatever the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252), the delimiter (`,` `;` tab `|`) or the line endings. It never raises: what can't be
read becomes a `RowError`.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

from lib.data.importers.table import DamagedReport, NulReport, RowError, Table

MAX_FIELD = 1_000_000  # characters in one cell; more is not a spreadsheet cell
csv.field_size_limit(MAX_FIELD)
MAX_COLUMNS = 500  # an application list has a few dozen; a header wider than this is not one

DELIMITERS = (",", ";", "\t", "|")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MISSING = frozenset({"", "null", "none", "n/a", "na", "nan", "-", "--", "nil", "#n/a"})


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: BOMs first, then UTF-8, else Windows-1252."""
    codec, skip, label = encoding_of(data)
    return data[skip:].decode(codec, errors="replace"), label


def encoding_of(data: bytes) -> tuple[str, int, str]:
    """(codec, BOM length, label): BOMs first, UTF-16 by its zero bytes, then UTF-8 (checked a
    megabyte at a time, never as one copy of the file), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8", 3, "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("utf-16-le" if data[:1] == b"\xff" else "utf-16-be"), 2, "utf-16"
    head = data[:4096]
    if head.count(b"\x00") * 3 > len(head):  # UTF-16 without a BOM: every other byte is zero
        return ("utf-16-le" if head[1::2].count(0) > head[::2].count(0) else "utf-16-be"), 0, "utf-16"
    checker = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), 1 << 20):
            checker.decode(data[start : start + (1 << 20)])
        checker.decode(b"", final=True)
    except UnicodeDecodeError:
        return ("utf-8", 0, DAMAGED_UTF8) if _mostly_utf8(data) else ("cp1252", 0, "cp1252")
    return "utf-8", 0, "utf-8"


DAMAGED_UTF8 = "utf-8 with damaged bytes"


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes, not Windows-1252: more of its accented letters read as UTF-8
    than fail to (a Windows-1252 "é" is one byte UTF-8 never accepts alone). One bad byte used to
    turn every "é" of a UTF-8 file into "Ã©"."""
    good = bad = 0
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    for start in range(0, len(data), 1 << 20):
        text = decoder.decode(data[start : start + (1 << 20)], final=start + (1 << 20) >= len(data))
        bad += text.count("\ufffd")
        good += sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return good > bad


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return len(re.sub(r'"[^"]*"', "", line).split(delimiter)) - 1


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most columns (comma on a tie)."""
    counts = {d: _count_outside_quotes(header_line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _header_index(lines: list[str], looks_like_header) -> int:
    """The index of the header line: the first that `looks_like_header`, else the first non-blank."""
    for index, line in enumerate(lines[:20]):
        if looks_like_header(line):
            return index
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return 0


def _default_header(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.lower().rstrip(":") == "notes":
        return False
    return max(_count_outside_quotes(stripped, d) for d in DELIMITERS) >= 1


def _stream(data: bytes, codec: str, skip: int, lines: int) -> io.TextIOWrapper:
    """The file as text read as it is needed (not one copy in memory), past its first `lines` lines."""
    raw = io.BytesIO(data)
    raw.seek(skip)
    stream = io.TextIOWrapper(raw, encoding=codec, errors="replace", newline="")
    for _ in range(lines):
        stream.readline()
    return stream


def read_table(data: bytes, looks_like_header=_default_header) -> Table:
    """Header and rows of a delimited text file; rows padded or cut to the header's width.

    Read as a stream with a bounded cell size (MAX_FIELD); a header wider than MAX_COLUMNS stops it
    at once; NUL characters are removed and reported row by row."""
    codec, skip, encoding = encoding_of(data)
    head = data[skip : skip + 800_000].decode(codec, errors="replace")[:200_000]
    physical = _LINE_BREAK.split(head)  # the header is near the top
    start = _header_index(physical, looks_like_header)
    delimiter = sniff_delimiter(physical[start] if start < len(physical) else "")
    table = Table(header=[], rows=[], lines=[], header_line=start + 1, encoding=encoding, delimiter=delimiter)
    if start < len(physical) and _count_outside_quotes(physical[start][:200_000], delimiter) >= MAX_COLUMNS:
        cut_short = start == len(physical) - 1  # the line goes on past what was looked at
        table.errors.append(_too_wide(start + 1, len(physical[start].split(delimiter)), cut_short))
        return table
    reader = csv.reader(_stream(data, codec, skip, start), delimiter=delimiter)
    offset = start  # physical line numbers before the header
    try:
        header = next(reader, [])
    except csv.Error as exc:
        table.errors.append(RowError(start + 1, "header", f"The header can't be read: {_why(exc)}"))
        return table
    if len(header) > MAX_COLUMNS:
        table.errors.append(_too_wide(start + 1, len(header)))
        return table
    table.header = [h.replace("\x00", "").strip().lstrip("\ufeff") for h in header]
    width = len(table.header)
    first_line = reader.line_num + 1 + offset
    try:
        rows = list(reader)  # the fast way; line numbers follow when no cell spans lines
    except csv.Error:
        rows = None
    if rows is not None and reader.line_num == 1 + len(rows):  # one physical line per record
        lines = range(first_line, first_line + len(rows))
    else:
        rows, lines = _rows_past_stray_quotes(data, (codec, skip), start, delimiter, width, table)
    nul = NulReport(table) if "\x00" in head or b"\x00" in data or codec.startswith("utf-16") else None
    damaged = DamagedReport(table) if encoding == DAMAGED_UTF8 else None
    for line, row in zip(lines, rows):
        if nul is not None:
            row = nul.cleaned(line, row)
        if damaged is not None:
            damaged.check(line, row)
        if len(row) != width:
            if not "".join(row).strip():
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            else:
                if "".join(row[width:]).strip():
                    table.errors.append(
                        RowError(
                            line,
                            "file",
                            f"This row has {len(row)} cells but the header has "
                            f"{width}; the extra cells were ignored.",
                            kept=True,
                        )
                    )
                row = row[:width]
        elif not row or (not row[0].strip() and not "".join(row).strip()):
            continue
        table.rows.append(row)
        table.lines.append(line)
    if nul is not None:
        nul.summary()
    if damaged is not None:
        damaged.summary()
    if rows and table.lines and table.lines[-1] == lines[-1]:
        _cut_off(data, rows[-1], width, table)
    return table


def _cut_off(data: bytes, last: list[str], width: int, table: Table) -> None:
    """Say a last row that looks cut off (a download or a save that stopped mid-file): the file
    ends with no line break, inside a quoted cell or with fewer cells than the header. The row
    still comes in as read; before, it came in silently, half a note and all."""
    tail = data[-64:].rstrip(b"\x00")  # the end only: no copy of the whole file
    if not tail or tail.endswith((b"\n", b"\r")):
        return
    open_quote = data.count(b'"') % 2 == 1
    if not open_quote and len(last) >= width:
        return
    how = "inside a quoted cell" if open_quote else f"after {len(last)} of its {width} cells"
    table.errors.append(
        RowError(
            table.lines[-1],
            "file",
            f"The file ends in the middle of this row ({how}): it may have been cut off while saving "
            "or downloading. Compare this row with the original.",
            kept=True,
        )
    )


def _too_wide(line: int, columns: int, at_least: bool = False) -> RowError:
    return RowError(
        line,
        "header",
        f"This file has {'at least ' if at_least else ''}{columns:,} columns; an application list has a few dozen at most, so Rebound "
        f"reads files of up to {MAX_COLUMNS} columns. Is this the right file?",
    )


def _why(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a cell is longer than {MAX_FIELD:,} characters, which no spreadsheet cell is"
    return str(exc)


def _rows_one_by_one(reader, offset: int, table: Table) -> tuple[list[list[str]], list[int]]:
    """Rows with the line each starts on, stopping (and saying where) at a line csv can't read."""
    rows, lines = [], []
    while True:
        line = reader.line_num + 1 + offset
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            table.errors.append(
                RowError(
                    line,
                    "file",
                    f"This line can't be read ({_why(exc)}); the rest of the file was skipped.",
                    rest_of_file=True,
                )
            )
            break
        rows.append(row)
        lines.append(line)
    return rows, lines


MAX_STRAY_QUOTES = 50  # rows read again after a quote that never closes; more is not a spreadsheet
STRAY_QUOTE = (
    'This row opens a quote (") that never closes, so the lines after it were read into one of its '
    "cells. This row was not imported; the lines after it were read on their own."
)


def _swallowed(row: list[str], delimiter: str, width: int) -> bool:
    """Whether a cell holds lines shaped like this file's rows: a quote opened and never closed
    (a note that spans lines seldom has a row's worth of delimiters on two of them)."""
    if width < 3:
        return False
    for cell in row:
        if cell.count("\n") + cell.count("\r") < 2:
            continue
        shaped = [line for line in _LINE_BREAK.split(cell)[1:] if line.count(delimiter) >= width - 1]
        if len(shaped) >= 2:
            return True
    return False


def _rows_past_stray_quotes(
    data: bytes, codec: tuple[str, int], start: int, delimiter: str, width: int, table: Table
) -> tuple[list[list[str]], list[int]]:
    """Rows read one by one (cells span lines); a row that swallowed the lines after it is said,
    left out, and the file read again from its next line (it used to vanish into a note)."""
    reader = csv.reader(_stream(data, codec[0], codec[1], start), delimiter=delimiter)
    next(reader, None)  # the header
    rows, lines = _rows_one_by_one(reader, start, table)
    checked = 0
    for _ in range(MAX_STRAY_QUOTES):
        bad = next((i for i in range(checked, len(rows)) if _swallowed(rows[i], delimiter, width)), None)
        if bad is None:
            break
        line = lines[bad]
        table.errors.append(RowError(line, "file", STRAY_QUOTE))
        reader = csv.reader(_stream(data, codec[0], codec[1], line), delimiter=delimiter)
        more_rows, more_lines = _rows_one_by_one(reader, line, table)
        rows, lines, checked = rows[:bad] + more_rows, lines[:bad] + more_lines, bad
    return rows, lines


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a big file's many small objects are made (they hold
    no cycles); it otherwise rescans them again and again, a fifth of an import's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


FORMULA_START = "=+-@\t\r"


def neutralised(value: str) -> bool:
    """Whether a cell reads as a formula-like start behind any number of quotes ('=, ''@)."""
    rest = value.lstrip("'")
    return bool(rest) and rest[0] in FORMULA_START


def unneutralise(value: str) -> str:
    """Undo the CSV-injection guard of Rebound's own export ('=SUM comes back as =SUM)."""
    if value[:1] == "'" and neutralised(value):
        return value[1:]
    return value
