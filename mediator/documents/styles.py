"""Shared page styles of every official document, in one place.

A4 portrait, the wider left margin leaves room for binding into the 卷宗;
Song body (小四, 12 pt), centred title (二号, 22 pt, drawn with a stroked outline
since UMing has no bold face), form fields as ruled tables (五号, 10.5 pt), and
"第X页 共Y页" centred in the footer.  The page count needs the whole document,
so :class:`DocumentCanvas` holds every page until ``save`` and then stamps the
footer (and the 草稿 mark on a document without the committee seal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from mediator.documents import fonts, kinsoku

#: Characters that must never start a line (the 禁则, see :mod:`.kinsoku`).
CANNOT_START = kinsoku.CANNOT_START

PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 28 * mm  # binding side
MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 25 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 12  # reportlab's frame padding

TITLE_SIZE = 22.0  # 二号
BODY_SIZE = 12.0  # 小四
FIELD_SIZE = 10.5  # 五号
SMALL_SIZE = 9.0
INK = colors.black
GRID_WIDTH = 0.6


def _style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=fonts.FONT_SONG, fontSize=size, leading=leading,
        wordWrap="CJK", textColor=INK, **kw,
    )


BODY = _style("body", BODY_SIZE, 21, alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_SIZE)
BODY_FLUSH = _style("body_flush", BODY_SIZE, 21, alignment=TA_JUSTIFY)
NUMBERED = _style("numbered", BODY_SIZE, 21, alignment=TA_JUSTIFY,
                  leftIndent=2 * BODY_SIZE, firstLineIndent=0)
HEADING = _style("heading", BODY_SIZE, 22, alignment=TA_LEFT, spaceBefore=4,
                 keepWithNext=1)  # a heading never ends a page
CASE_NO = _style("case_no", BODY_SIZE, 18, alignment=TA_RIGHT)
CENTRE = _style("centre", BODY_SIZE, 18, alignment=TA_CENTER)
FIELD = _style("field", FIELD_SIZE, 15, alignment=TA_LEFT)
FIELD_LABEL = _style("field_label", FIELD_SIZE, 15, alignment=TA_CENTER)
SMALL = _style("small", SMALL_SIZE, 12, alignment=TA_LEFT)


def fmt_date(d: dt.date | None) -> str:
    """落款 date as the forms print it: 2026年3月5日 (blank line when unknown)."""
    return f"{d.year}年{d.month}月{d.day}日" if d else "　　年　　月　　日"


def fmt_datetime(t: dt.datetime | None) -> str:
    return f"{fmt_date(t)}{t.hour}时{t.minute:02d}分" if t else fmt_date(None)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped, with font fallback and line breaks)."""
    return Paragraph(fonts.markup(text), style)


def labelled(label: str, text: str, style: ParagraphStyle = BODY_FLUSH) -> Paragraph:
    """"标签：内容" as one paragraph."""
    return Paragraph(fonts.markup(f"{label}：{text}"), style)


def numbered(items: Sequence[str], style: ParagraphStyle = NUMBERED) -> list[Flowable]:
    """Numbered items as the forms write them: 一、二、三、 ..."""
    return [para(f"{cn_number(i)}、{text}", style) for i, text in enumerate(items, 1)]


_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (for numbered clauses; up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


class Title(Flowable):
    """The centred document title, a stroked outline makes the Song face bold-ish."""

    def __init__(self, text: str, size: float = TITLE_SIZE, space_after: float = 10) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.4 + self.space_after

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(self.size / 40)
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        y = self.space_after + self.size * 0.3
        width = fonts.string_width(self.text, self.size)
        x = (self.width - width) / 2
        for run in fonts.runs(self.text):
            text = c.beginText(x, y)
            text.setTextRenderMode(2)  # fill and stroke
            text.setFont(run.font, self.size)
            text.textOut(run.text)
            c.drawText(text)
            x += fonts.string_width(run.text, self.size)
        c.restoreState()


def field_table(rows: Sequence[Sequence[str | Flowable | None]],
                col_widths: Sequence[float], *, label_cols: Sequence[int] = (0,),
                spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
                min_row_height: float | None = None) -> Table:
    """A ruled form table; strings become paragraphs, ``label_cols`` are centred labels.

    ``None`` marks a cell covered by a span.  Widths are fractions of the frame
    width when they sum to <= 1, otherwise points.
    """
    total = sum(col_widths)
    widths = [w * FRAME_WIDTH for w in col_widths] if total <= 1.0001 else list(col_widths)
    rows, spans = _continued(rows, spans, widths, label_cols)
    data: list[list[Any]] = []
    for row in rows:
        cells: list[Any] = []
        for i, cell in enumerate(row):
            if cell is None:
                cells.append("")
            elif isinstance(cell, str):
                cells.append(Paragraph(fonts.markup(cell),
                                       FIELD_LABEL if i in label_cols else FIELD))
            else:
                cells.append(cell)
        data.append(cells)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, INK),
        ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_SONG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("SPAN", a, b) for a, b in spans]
    if min_row_height:  # a floor carried by the first cell: rows still grow with their text
        inner = min_row_height - 8  # the top and bottom padding
        for cells in data:
            if isinstance(cells[0], Flowable):
                cells[0] = MinHeight(cells[0], inner)
    table = Table(data, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle(commands))
    return table


_CELL_LINES = 18  # a cell taller than this continues on a new row (a page may break there)
_BREAKS = "。；！？\n"

Spans = Sequence[tuple[tuple[int, int], tuple[int, int]]]


def _chunks(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence if one ends."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind(ch, limit // 2, limit) for ch in _BREAKS)
        cut = cut + 1 if cut > 0 else limit
        pieces.append(text[:cut].rstrip("\n"))
        text = text[cut:].lstrip("\n")
    return [*pieces, text]


def _continued(rows: Sequence[Sequence[str | Flowable | None]], spans: Spans,
               widths: Sequence[float], label_cols: Sequence[int]
               ) -> tuple[list[list[str | Flowable | None]],
                          list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Rows whose long text (a 5,000-character 纠纷简要情况) continues on more rows.

    reportlab cannot break one table row across pages (its in-row splitting
    draws spanned cells over one another), so a long value becomes several
    rows under the same label; the table then breaks between them.
    """
    row_spans: dict[int, list[tuple[int, int]]] = {}
    for (c0, r0), (c1, r1) in spans:
        if r0 == r1:
            row_spans.setdefault(r0, []).append((c0, c1))
    out: list[list[str | Flowable | None]] = []
    out_spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    moved = {}
    for r, row in enumerate(rows):
        moved[r] = len(out)
        cols = row_spans.get(r, [])
        pieces: dict[int, list[str]] = {}
        for i, cell in enumerate(row):
            if isinstance(cell, str) and i not in label_cols:
                c1 = next((b for a, b in cols if a == i), i)
                per_line = max(int((sum(widths[i:c1 + 1]) - 8) / FIELD_SIZE), 4)
                if len(cell) > per_line * _CELL_LINES:
                    pieces[i] = _chunks(cell, per_line * _CELL_LINES)
        count = max((len(v) for v in pieces.values()), default=1)
        for k in range(count):
            new: list[str | Flowable | None] = []
            for i, cell in enumerate(row):
                if i in pieces:
                    new.append(pieces[i][k] if k < len(pieces[i]) else "")
                elif k == 0 or cell is None:
                    new.append(cell)
                else:
                    new.append("")
            out_spans += [((a, len(out)), (b, len(out))) for a, b in cols]
            out.append(new)
    for (c0, r0), (c1, r1) in spans:
        if r0 != r1:
            out_spans.append(((c0, moved[r0]), (c1, moved[r1])))
    return out, out_spans


class MinHeight(Flowable):
    """A cell's content with a floor on its height: the row grows with its text.

    reportlab's fixed ``rowHeights`` clip nothing and let long text run over the
    row lines; a minimum carried by the content keeps the form's look for short
    values and lets a long 纠纷事项 push the row down.
    """

    def __init__(self, content: Flowable, min_height: float) -> None:
        super().__init__()
        self.content = content
        self.min_height = min_height
        self._inner = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._inner = self.content.wrap(avail_width, avail_height)
        self.width = self._inner[0]
        return self._inner[0], max(self._inner[1], self.min_height)

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, (max(self._inner[1], self.min_height)
                                           - self._inner[1]) / 2)


def keep_tail_lines(head: str, tail: str, width: float, size: float) -> str:
    """``head + tail`` broken into lines of ``width`` so ``tail`` never starts a line.

    For a 「（盖章）」 or 「（签名）」 after a long party or committee name: the tail
    stays on the line with at least the name's last two characters, as a
    non-breaking unit would.  Lines are joined by "\n" (the paragraph's breaks),
    with a character's margin so reportlab never re-wraps them.
    """
    fonts.register_fonts()
    limit = max(width - size, size * 4)
    text = head + tail
    if fonts.string_width(text, size) <= limit:
        return text
    keep = min(2, len(head))
    body, last = head[:len(head) - keep], head[len(head) - keep:] + tail
    lines: list[str] = []
    line = ""
    for ch in body:
        if line and fonts.string_width(line + ch, size) > limit and ch not in CANNOT_START:
            lines.append(line)
            line = ""
        line += ch
    if line and fonts.string_width(line + last, size) <= limit:
        lines.append(line + last)
    else:
        if line:
            lines.append(line)
        lines.append(last)
    return "\n".join(lines)


def gap(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


class DocumentCanvas(Canvas):
    """A canvas that stamps "第X页 共Y页" and, for drafts, the 草稿 mark on every page.

    Pages are kept until ``save`` because Y is only known then.
    """

    def __init__(self, *args: Any, draft: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._draft = draft

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._stamp(number, total)
            super().showPage()
        super().save()

    def _stamp(self, number: int, total: int) -> None:
        self.saveState()
        self.setFillColor(INK)
        fonts.draw_string(self, PAGE_WIDTH / 2, MARGIN_BOTTOM / 2,
                          f"第{number}页 共{total}页", SMALL_SIZE, align="centre")
        if self._draft:
            draw_draft_mark(self)
        self.restoreState()


DRAFT_TEXT = "草稿"
DRAFT_NOTICE = "草稿：未加盖人民调解委员会印章，不具有效力"


def draw_draft_mark(c: Canvas) -> None:
    """A large diagonal 草稿 and a header line: unmistakable on paper and screen."""
    c.saveState()
    c.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.22))
    c.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    c.rotate(40)
    fonts.draw_string(c, 0, -30, DRAFT_TEXT, 140, align="centre")
    c.restoreState()
    c.saveState()
    c.setFillColor(colors.Color(0.7, 0.1, 0.1))
    fonts.draw_string(c, PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4,
                      DRAFT_NOTICE, SMALL_SIZE + 1, align="centre")
    c.restoreState()
