"""The same report as a PDF, written by fpdf2 (pure Python): text as text, charts as PNG drawn by
vl-convert. No browser, no network.

A Unicode font (DejaVu Sans or Liberation Sans) is embedded when the system has one; without
one, the PDF falls back to Helvetica and characters outside Latin-1 are written as their nearest
plain equivalent ("–" as "-", "→" as "->"), or "?" when there is none.
"""

from __future__ import annotations

import io
import struct
import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from lib.learn.report.content import Report
from lib.learn.report.render_charts import PNG_SCALE, to_png

FONT_DIRS = (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FONT_FILES = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
)
PLAIN = {
    "–": "-",
    "—": "-",
    "→": "->",
    "≥": ">=",
    "≤": "<=",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
}
PX_TO_MM = 25.4 / 96
INK, SOFT, ACCENT = (31, 41, 51), (82, 96, 109), (8, 81, 156)


def find_font() -> tuple[Path, Path] | None:
    for regular, bold in FONT_FILES:
        for folder in FONT_DIRS:
            found = sorted(folder.rglob(regular)) if folder.is_dir() else []
            if found and (found[0].parent / bold).is_file():
                return found[0], found[0].parent / bold
    return None


class _Doc(FPDF):
    def __init__(self, title: str, font: tuple[Path, Path] | None) -> None:
        super().__init__(format="A4")
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_creator("Rebound")
        self.unicode = font is not None
        if font:
            self.add_font("Body", "", str(font[0]))
            self.add_font("Body", "B", str(font[1]))
            self.family = "Body"
        else:
            self.family = "Helvetica"

    def clean(self, text: object) -> str:
        text = "" if text is None else str(text)
        if self.unicode:
            return text
        text = "".join(PLAIN.get(ch, ch) for ch in text)
        text = unicodedata.normalize("NFKC", text)
        return text.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(*SOFT)
        self.cell(0, 5, f"Page {self.page_no()}", align="R")

    def heading(self, text: str, size: int = 14, need: float = 40) -> None:
        if self.get_y() + need > self.h - self.b_margin:
            self.add_page()
        self.ln(4)
        self.set_font(self.family, "B", size)
        self.set_text_color(*ACCENT if size >= 14 else INK)
        self.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def para(self, text: str, size: int = 10, soft: bool = False, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*(SOFT if soft else INK))
        self.multi_cell(0, size * 0.5, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pairs(self, rows: list[tuple[str, str]]) -> None:
        for prompt, text in rows:
            self.para(prompt, bold=True)
            self.para(text)
            self.ln(1)

    def rows(self, header: list[str] | None, rows: list[list[str]], widths: tuple[int, ...]) -> None:
        self.set_font(self.family, "", 9)
        self.set_text_color(*INK)
        with self.table(
            col_widths=widths,
            text_align="LEFT",
            line_height=4.6,
            headings_style=FontFace(emphasis="BOLD", color=SOFT),
            borders_layout="HORIZONTAL_LINES",
            first_row_as_headings=header is not None,
        ) as table:
            for values in [header, *rows] if header is not None else rows:
                row = table.row()
                for value in values:
                    row.cell(self.clean(value))

    def chart_size(self, png: bytes) -> tuple[float, float]:
        """(width, height) in mm: as drawn on screen, within the page's width and, for a tall chart
        (thirty role families), within one page's height."""
        width_px, height_px = struct.unpack(">II", png[16:24])
        width = min(self.epw, width_px / PNG_SCALE * PX_TO_MM)
        height = width * height_px / width_px
        room = self.h - self.t_margin - self.b_margin - 1
        return (width * room / height, room) if height > room else (width, height)

    def chart_height(self, png: bytes) -> float:
        return self.chart_size(png)[1]

    def chart(self, png: bytes, caption: str) -> None:
        """A chart (its title is drawn in it; the caption is its alternative text)."""
        width, height = self.chart_size(png)
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()
        # taller than what was left: it went to a new page, and the page break of a chart taller
        # than a page left that page blank but for its number
        self.image(io.BytesIO(png), w=width, h=height, alt_text=self.clean(caption))
        self.ln(4)


def render(report: Report, pngs: dict[str, bytes] | None = None) -> bytes:
    """The PDF's bytes; `pngs` (chart key → PNG) is drawn here when not given."""
    if pngs is None:
        pngs = {c.key: to_png(c.spec) for c in report.charts}
        mood = report.private.get("mood")
        if mood and mood.get("spec"):
            pngs["mood"] = to_png(mood["spec"])
    doc = _Doc(report.options.title, find_font())
    doc.add_page()
    doc.heading(report.options.title, 20)
    n = report.applications
    doc.para(
        f"{report.period} · {n} application{'' if n == 1 else 's'} · made on {report.made_on:%d %b %Y}",
        soft=True,
    )
    doc.ln(2)
    doc.para("In this report: " + "; ".join(report.options.included()) + ".", size=9)
    if report.options.left_out():
        doc.para("Left out by choice: " + "; ".join(report.options.left_out()) + ".", size=9, soft=True)
    if report.options.mask_companies:
        doc.para("Company names are replaced by letters.", size=9, soft=True)
    doc.para(
        "Rates come with their 95% interval and n; nothing is claimed from fewer than 5 cases.",
        size=9,
        soft=True,
    )
    for note in report.notes:
        doc.ln(2)
        doc.para(note)
    if report.figures:
        doc.heading("Headline numbers")
        doc.rows(None, [[f.label, f.value, f.detail] for f in report.figures], (35, 30, 115))
        if report.strongest:
            doc.ln(2)
            doc.para(report.strongest)
    if report.charts:
        doc.heading("Where the search gets traction", need=doc.chart_height(pngs[report.charts[0].key]) + 15)
        for c in report.charts:
            doc.chart(pngs[c.key], f"{c.title} — {c.description}" if c.description else c.title)
            if c.note:
                doc.para(c.note, size=9, soft=True)
    _sections(doc, report, pngs)
    doc.ln(6)
    doc.para("Made with Rebound, on my own computer.", size=8, soft=True)
    return bytes(doc.output())


def _sections(doc: _Doc, report: Report, pngs: dict[str, bytes]) -> None:
    options = report.options
    if "insights" in options.sections:
        doc.heading("What the data says")
        if not report.findings:
            doc.para("No insight rests on enough cases yet (each needs at least 5).")
        for f in report.findings:
            doc.para(f.title, bold=True)
            doc.para(f"{f.sentence} (n = {f.n})")
            doc.ln(1)
    if "strategy" in options.sections:
        doc.heading("Latest strategy review")
        if report.review_on is None:
            doc.para("No strategy review saved yet.")
        else:
            doc.para(f"Saved on {report.review_on:%d %b %Y}", soft=True)
            doc.pairs([(a.prompt, a.text) for a in report.review])
            if report.targets:
                doc.rows(
                    ["Target company", "Priority and reason"],
                    [[t.prompt, t.text] for t in report.targets],
                    (50, 130),
                )
    if report.plan:
        doc.heading("This week's plan")
        doc.pairs([(a.prompt, a.text) for a in report.plan])
    if "questions" in options.sections:
        doc.heading("Questions to practise")
        if not report.practise:
            doc.para(
                "No question to practise yet: none rated 3 or lower with a better answer in this period."
            )
        else:
            rows = [[q["question"], f"{q['rating']} / 5", q["better_answer"]] for q in report.practise]
            doc.rows(["Question", "Rating", "Better answer"], rows, (75, 15, 90))
    private = report.private
    if "mood" in private:
        doc.heading("Mood over time")
        doc.para(f"{private['mood']['sentence']} (n = {private['mood']['n']})")
        if "mood" in pngs:
            doc.chart(pngs["mood"], "Weekly mood (1–5) beside applications sent and steps closer to yes")
        if private["mood"]["words"]:
            rows = [
                [f"{w['day']:%d %b %Y}", f"{w['score']} / 5", w["words"]] for w in private["mood"]["words"]
            ]
            doc.rows(["Day", "Mood", "In a few words"], rows, (30, 20, 130))
    if "reflections" in private:
        doc.heading("From my reflections")
        if not private["reflections"]:
            doc.para("No reflection written in this period.")
        for refl in private["reflections"]:
            doc.heading(f"{refl['heading']} · {refl['day']:%d %b %Y}", 11)
            doc.pairs([(line["prompt"], line["text"]) for line in refl["lines"]])
    if "writing" in private:
        doc.heading("Written-out sessions")
        if not private["writing"]:
            doc.para("No written-out session in this period.")
        for w in private["writing"]:
            doc.heading(f"{w['day']:%d %b %Y} {w['prompt']}".strip(), 11)
            doc.para(w["text"])
    if "contacts" in private:
        doc.heading("People I met")
        rows = [
            [
                c["name"],
                c["role"],
                c["company"],
                "\n".join(v for v in (c["email"], c["phone"], c["profile_url"]) if v),
            ]
            for c in private["contacts"]
        ]
        if rows:
            doc.rows(["Name", "Role", "Company", "How to reach"], rows, (45, 30, 40, 65))
        else:
            doc.para("No one met through these applications recorded yet.")
