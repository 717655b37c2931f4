"""What a file read holds: its rows, and the problems found row by row (each with its line).

`Table` and `RowError` are what `text.read_table` returns; the reports say what was wrong inside
cells that could still be read: NUL characters (removed) and bytes that are not text (shown as "�").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.core.text import plural

MAX_NUL_REPORTS = 50  # rows reported one by one; the rest in one line


@dataclass(frozen=True)
class RowError:
    """One problem with one row: the line it starts on, the field, and why."""

    line: int
    field: str
    message: str
    kept: bool = False  # the row still comes in (extra cells ignored, NULs removed): a note on it
    rest_of_file: bool = False  # this row and every one after it were not read

    def as_dict(self) -> dict:
        said = {"line": self.line, "field": self.field, "message": self.message}
        return said | {"row_kept": True} if self.kept else said


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on (1 = first line of the file)
    header_line: int = 1
    encoding: str = "utf-8"
    delimiter: str = ","
    errors: list[RowError] = field(default_factory=list)


class _RowReport:
    """Something wrong inside rows that could still be read: said row by row (the first
    MAX_NUL_REPORTS), then the rest in one line."""

    more = ""  # the last line's words: "{n} more rows …"

    def __init__(self, table: Table) -> None:
        self.table, self.rows, self.last = table, 0, 0

    def said(self, line: int, message: str) -> None:
        self.rows += 1
        self.last = line
        if self.rows <= MAX_NUL_REPORTS:
            self.table.errors.append(RowError(line, "file", message, kept=True))

    def summary(self) -> None:
        if self.rows > MAX_NUL_REPORTS:
            rest = self.rows - MAX_NUL_REPORTS
            self.table.errors.append(
                RowError(self.last, "file", f"{rest:,} more rows {self.more}", kept=True)
            )


class NulReport(_RowReport):
    """NUL characters (invisible; a damaged or mis-saved export) are removed and said, row by row."""

    more = "held invisible NUL characters; they were removed too."

    def cleaned(self, line: int, row: list[str]) -> list[str]:
        count = sum(cell.count("\x00") for cell in row)
        if not count:
            return row
        self.said(line, f"This row held {plural(count, 'invisible NUL character')}; removed.")
        return [cell.replace("\x00", "") for cell in row]


class DamagedReport(_RowReport):
    """Bytes that are not text in a UTF-8 file (a damaged copy): shown as "�" and said, row by row."""

    more = "have bytes that are not text."

    def check(self, line: int, row: list[str]) -> None:
        if any("\ufffd" in cell for cell in row):
            self.said(line, "This row has bytes that are not text (a damaged file?); they show as “�”.")
