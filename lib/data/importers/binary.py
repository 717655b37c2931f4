"""Files that aren't text: said at once, in one sentence, with the way to a CSV.

`refusal(name, data)` returns why a file can't be imported (an image, a PDF, an Excel or Numbers
document saved as it is, an archive of something else, or bytes that read as nonsense in any text
encoding), or None when it is text (or a zip to open). Known kinds go by their first bytes (their
"magic number"); anything else by how much of its first few KB is control characters, NUL bytes or
characters no encoding gives text.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile

HEAD = 4_096  # bytes looked at; a text file shows itself in its first lines
MAX_ODD_SHARE = 0.05  # of the characters looked at; a text file has none, random bytes about 13 %
MIN_ODD = 2  # a stray character or two (a damaged export) is read and reported row by row

HOW_TO_CSV = (
    "Save a CSV copy where you keep your tracker (Excel: File → Save As → CSV; Numbers: File → "
    "Export To → CSV; Google Sheets: File → Download → CSV) and upload that."
)
NOT_TEXT = f"This file isn't text Rebound can read (it looks like a binary file). {HOW_TO_CSV}"
EXCEL = (
    "This is an Excel workbook, which Rebound can't open as it is. In Excel: File → Save As → "
    "CSV (Comma delimited); in Numbers: File → Export To → CSV. Then upload the CSV."
)
NUMBERS = (
    "This is a Numbers document, which Rebound can't open as it is. In Numbers: File → Export To → "
    "CSV, then upload the CSV."
)
OPEN_DOCUMENT = (
    "This is a LibreOffice or OpenOffice document, which Rebound can't open as it is. In Calc: "
    "File → Save a Copy → Text CSV, then upload the CSV."
)
BACKUP = (
    "This is a database file, perhaps a Rebound backup: restore a backup under “Backup & restore”. "
    "To import applications, upload a CSV of them."
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"%PDF-", "a PDF"),
    (b"\x1f\x8b", "a compressed archive (gzip)"),
    (b"7z\xbc\xaf\x27\x1c", "a compressed archive (7-Zip)"),
    (b"Rar!\x1a\x07", "a compressed archive (RAR)"),
    (b"BZh", "a compressed archive (bzip2)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
)
_WEAK = (b"MZ", b"BZh")  # a CSV could begin so ("MZ Bank,…"): these only with odd bytes after them
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files: .xls, .doc
_SQLITE = b"SQLite format 3\x00"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip (.xlsx, .numbers and .docx are zips too), an empty one


MIN_PADDING = 16  # NUL bytes in a row at the end: padding, not a UTF-16 text's own last byte


def nul_padding(data: bytes) -> int:
    """How many NUL bytes end `data` as padding (a crash or a sync can leave a file so), 0 when
    they don't: too few to be padding, or a text whose characters hold NULs of their own (UTF-16)."""
    if data.startswith((*_ZIP, _SQLITE, _OLE, *(magic for magic, _ in _MAGIC))):
        return 0  # a known kind of file, said as such
    text = data.rstrip(b"\x00")
    padding = len(data) - len(text)
    if padding < MIN_PADDING or not text or b"\x00" in text[:HEAD]:
        return 0
    return padding


def padding_notice(padding: int) -> str:
    return (
        f"The file ended in {padding:,} empty (NUL) bytes, as a crash or a sync can leave a file: "
        "they were left out and the rows before them read."
    )


def refusal(name: str, data: bytes) -> str | None:
    """Why `data` can't be imported, in words for the person; None when it is text or a zip to open."""
    head = data[:HEAD]
    if head.startswith(_ZIP):
        return _package(name, data)
    if head.startswith(_SQLITE):
        return BACKUP
    if head.startswith(_OLE):
        if name.casefold().endswith(".xls"):
            return EXCEL
        return f"This is an Office document (an old .xls or .doc), not text Rebound can read. {HOW_TO_CSV}"
    if (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or (head[:2] == b"\x00\x00" and head[4:8] == b"ftyp"):
        return _kind("an image or a video")
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (magic not in _WEAK or _odd_share(head) > 0):
            return _kind(kind)
    if _odd_share(head) > MAX_ODD_SHARE:
        return NOT_TEXT
    return None


def known_kind(data: bytes) -> str | None:
    """What a file of a well-known binary kind is ("an image (PNG)", "a PDF"), else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic) and magic not in _WEAK:
            return kind
    return None


def _kind(kind: str) -> str:
    return f"This file is {kind}, not text Rebound can read. {HOW_TO_CSV}"


def _odd_share(head: bytes) -> float:
    """The share of characters in `head` that no text file holds: control characters other than tab
    and line breaks, NULs, private or unassigned code points, bytes the encoding gives no meaning;
    0 when there are fewer than MIN_ODD of them."""
    text = _decoded(head)
    if text is None:
        return 1.0
    odd = sum(
        1 for ch in text if ch in _ODD_CHARS or (ch > "\x7f" and unicodedata.category(ch) in _ODD_KINDS)
    )
    if odd < MIN_ODD:
        return 0.0
    return odd / max(len(text), 1)


_ODD_CHARS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f", "\ufffd"}
_ODD_KINDS = frozenset({"Cc", "Co", "Cn", "Cs"})


def _decoded(head: bytes) -> str | None:
    """`head` as text the way the importer reads it (UTF-8/16 by BOM, UTF-16 by its zero bytes, UTF-8,
    else Windows-1252), a character cut by the end of `head` left out; None for zero bytes on both
    sides (no text encoding puts them so)."""
    if head.startswith(b"\xef\xbb\xbf"):
        codec, body = "utf-8", head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec, body = ("utf-16-le" if head[:1] == b"\xff" else "utf-16-be"), head[2:]
    elif head.count(0) * 3 > len(head):  # UTF-16 without a BOM: every other byte is zero
        even, odd = head[::2].count(0), head[1::2].count(0)
        if min(even, odd) * 20 > max(even, odd):
            return None
        codec, body = ("utf-16-le" if odd > even else "utf-16-be"), head
    else:
        try:
            return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            return head.decode("cp1252", errors="replace")
    return codecs.getincrementaldecoder(codec)(errors="replace").decode(body, final=False)


def _package(name: str, data: bytes) -> str | None:
    """Excel, Numbers and OpenDocument files are zips: name them; a zip of CSVs is opened later."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # said when the archive is opened
    folded = {n.casefold() for n in names}
    if "xl/workbook.xml" in folded or name.casefold().endswith((".xlsx", ".xlsm")):
        return EXCEL
    if name.casefold().endswith(".numbers") or any(
        n.startswith("index/") and n.endswith(".iwa") for n in folded
    ):
        return NUMBERS
    if "mimetype" in folded and "content.xml" in folded:
        return OPEN_DOCUMENT
    if "word/document.xml" in folded or "ppt/presentation.xml" in folded:
        return f"This is a Word or PowerPoint document, not a list of applications. {HOW_TO_CSV}"
    return None
