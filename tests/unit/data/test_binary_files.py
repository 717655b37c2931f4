"""Files that aren't text are refused at once with one message that says how to get a CSV."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from lib.data.importers import binary, parse_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
CSV = (
    "Company,Role,Date Applied,Status\nAcme,Analyst,2024-03-01,Applied\nBéta,Ingénieur,2024-03-02,Rejected\n"
)


def _refused(name: str, data: bytes) -> str:
    """The one message a refused file gets (and that it gets nothing else)."""
    files = parse_bytes(name, data)
    assert len(files) == 1
    parsed = files[0]
    assert parsed.format == "not-text" and parsed.rows == 0 and parsed.applications.empty
    assert len(parsed.errors) == 1, parsed.errors
    assert parsed.errors[0].line == 0 and parsed.errors[0].field == "file"
    return parsed.errors[0].message


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    pixels = zlib.compress(b"".join(b"\x00" + bytes(random.Random(1).randbytes(3 * 8)) for _ in range(8)))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_named_zip_or_csv_are_refused_as_not_text(seed):
    data = random.Random(seed).randbytes(3_000)
    assert _refused("fake.zip", data) == binary.NOT_TEXT
    assert _refused("fake.csv", data) == binary.NOT_TEXT


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("pic.png", _png(), "an image (PNG)"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "an image (JPEG)"),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(20), "an image (GIF)"),
        ("letter.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF"),
        ("tracker.csv.gz", b"\x1f\x8b\x08\x00" + bytes(30), "a compressed archive (gzip)"),
        ("photo.heic", b"\x00\x00\x00\x18ftypheic" + bytes(30), "an image or a video"),
    ],
)
def test_known_kinds_are_named_by_their_first_bytes(name, data, words):
    message = _refused(name, data)
    assert words in message and "CSV" in message


def test_an_xlsx_saved_as_it_is_gets_the_excel_message():
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert _refused("tracker.xlsx", data) == binary.EXCEL
    assert "File → Save As → CSV" in binary.EXCEL


def test_an_old_xls_and_a_numbers_document_get_their_own_message():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    assert _refused("tracker.xls", ole) == binary.EXCEL
    assert "old .xls" in _refused("tracker.doc", ole)
    numbers = _zip({"Index/Document.iwa": b"\x00\x01\x02", "Metadata/Properties.plist": b"x"})
    assert _refused("tracker.numbers", numbers) == binary.NUMBERS
    assert _refused("tracker.zip", numbers) == binary.NUMBERS


def test_a_database_file_points_to_restore():
    assert "Backup & restore" in _refused("rebound.db", b"SQLite format 3\x00" + bytes(100))


def test_a_real_zip_without_csvs_says_so_in_one_message():
    message = _refused("photos.zip", _zip({"a.jpg": b"\xff\xd8\xff" + bytes(10), "b.txt": b"hello"}))
    assert "no CSV file" in message and "Export To → CSV" in message
    other = _refused("tables.zip", _zip({"my tracker.csv": CSV.encode()}))
    assert "not LinkedIn's" in other and "on its own" in other
    assert _refused("empty.zip", _zip({})).startswith("This zip holds no CSV file")


def test_a_binary_file_inside_a_linkedin_archive_is_refused_by_itself():
    files = parse_bytes("export.zip", _zip({"Connections.csv": random.Random(3).randbytes(2_000)}))
    assert [(f.path, f.format) for f in files] == [("export.zip/Connections.csv", "not-text")]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.csv", CSV.encode("utf-8")),
        ("bom.csv", CSV.encode("utf-8-sig")),
        ("utf16.csv", CSV.encode("utf-16")),  # with its BOM
        ("utf16le.csv", CSV.encode("utf-16-le")),  # without one
        ("utf16be.csv", CSV.encode("utf-16-be")),
        ("win.csv", CSV.encode("cp1252")),
        (
            "cyrillic.csv",
            ("Компания,Должность,Дата\n" + "Рога и копыта,Аналитик,2024-03-01\n" * 300).encode(),
        ),
        ("mz.csv", b"Company,Role,Date Applied\nMZ Bank,Analyst,2024-03-01\n"),
    ],
)
def test_text_in_any_encoding_is_read_not_refused(name, data):
    assert binary.refusal(name, data) is None
    files = parse_bytes(name, data)
    assert files[0].format != "not-text" and files[0].rows >= 1


def test_a_utf8_character_cut_by_the_end_of_the_look_is_not_counted():
    line = "Société Générale,Ingénieur,2024-03-01\n"
    data = ("Company,Role,Date Applied\n" + line * 200).encode()
    for cut in range(binary.HEAD - 3, binary.HEAD + 3):
        assert binary.refusal("x.csv", data[:cut] + data[cut:]) is None


def test_a_few_nul_characters_are_still_read_and_reported_row_by_row():
    data = b"Company,Role,Date Applied\nAc\x00me,Analyst,2024-03-01\nBe\x00ta,Analyst,2024-03-02\n"
    files = parse_bytes("nul.csv", data)
    assert files[0].format == "spreadsheet"
    assert list(files[0].applications["company"]) == ["Acme", "Beta"]


def test_a_file_padded_with_nul_bytes_at_the_end_is_read_and_the_padding_said():
    # a crash or a sync can leave a good CSV followed by kilobytes of NULs: it was refused as binary
    files = parse_bytes("padded.csv", CSV.encode() + b"\x00" * 4096)
    assert files[0].format == "spreadsheet" and not files[0].errors
    assert list(files[0].applications["company"]) == ["Acme", "Béta"]
    assert any("4,096 empty (NUL) bytes" in n for n in files[0].notices)
    # a UTF-16 text keeps its own NULs: no padding is cut from it
    utf16 = CSV.encode("utf-16") + b"\x00" * 32
    assert binary.nul_padding(utf16) == 0
    assert binary.nul_padding(CSV.encode() + b"\x00" * 3) == 0  # a stray few: read row by row


def test_every_fixture_the_importers_know_is_still_text():
    for path in sorted(FIXTURES.iterdir()):
        assert binary.refusal(path.name, path.read_bytes()) is None, path.name
