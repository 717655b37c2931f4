"""Reading files as people have them: encodings, delimiters, preambles, line numbers.

`read_table(data)` turns the bytes of a CSV-like file into a header and rows, each row carrying
the line number it starts on, whatever the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252), the delimiter (`,` `;` tab `|`) or the line endings. It never raises: what can't be
read becomes a `RowError`.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

MAX_FIELD = 1_000_000  # characters in one cell; more is not a spreadsheet cell
csv.field_size_limit(MAX_FIELD)

DELIMITERS = (",", ";", "\t", "|")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MISSING = frozenset({"", "null", "none", "n/a", "na", "nan", "-", "--", "nil", "#n/a"})


@dataclass(frozen=True)
class RowError:
    """One problem with one row: the line it starts on, the field, and why."""

    line: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "field": self.field, "message": self.message}


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on (1 = first line of the file)
    header_line: int = 1
    encoding: str = "utf-8"
    delimiter: str = ","
    errors: list[RowError] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: BOMs first, then UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


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


def read_table(data: bytes, looks_like_header=_default_header) -> Table:
    """Header and rows of a delimited text file; rows padded or cut to the header's width."""
    text, encoding = decode(data)
    text = text.replace("\x00", "")
    physical = _LINE_BREAK.split(text[:200_000])  # the header is near the top
    start = _header_index(physical, looks_like_header)
    delimiter = sniff_delimiter(physical[start] if start < len(physical) else "")
    position = sum(len(line) for line in physical[:start]) + sum(
        len(m.group()) for m in itertools.islice(_LINE_BREAK.finditer(text), start)
    )
    reader = csv.reader(io.StringIO(text[position:], newline=""), delimiter=delimiter)
    table = Table(header=[], rows=[], lines=[], header_line=start + 1, encoding=encoding, delimiter=delimiter)
    offset = start  # physical line numbers before the header
    try:
        header = next(reader, [])
    except csv.Error as exc:
        table.errors.append(RowError(start + 1, "file", f"The header can't be read: {exc}"))
        return table
    table.header = [h.strip().lstrip("\ufeff") for h in header]
    width = len(table.header)
    first_line = reader.line_num + 1 + offset
    rest = text[position:]
    try:
        rows = list(reader)  # the fast way; line numbers follow when no cell spans lines
    except csv.Error:
        rows = None
    if rows is not None and reader.line_num == 1 + len(rows):  # one physical line per record
        lines = range(first_line, first_line + len(rows))
    else:
        reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter)
        next(reader, None)
        rows, lines = _rows_one_by_one(reader, offset, table)
    for line, row in zip(lines, rows):
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
                        )
                    )
                row = row[:width]
        elif not row or (not row[0].strip() and not "".join(row).strip()):
            continue
        table.rows.append(row)
        table.lines.append(line)
    return table


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
                RowError(line, "file", f"This line can't be read ({exc}); the rest of the file was skipped.")
            )
            break
        rows.append(row)
        lines.append(line)
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
