"""Signature and seal blocks shared by the documents.

Handwritten signatures are drawn as vector paths (crisp at any zoom, tiny in
the file); a 按指印 choice leaves a marked box for the thumbprint on paper; no
signature leaves the line blank for wet ink.  The committee seal is a
transparent PNG laid over the committee's name, as a stamp would be.
"""

from __future__ import annotations

import copy
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from mediator.documents import fonts, styles
from mediator.documents.model import DocParty, Seal, Signature

SIG_WIDTH = 46 * mm
SIG_HEIGHT = 15 * mm
SEAL_SIZE = 40 * mm  # an official committee seal is a 40-42 mm circle
PEN = colors.Color(0.05, 0.07, 0.25)
THUMB_GREY = colors.Color(0.45, 0.45, 0.45)


class SignatureMark(Flowable):
    """One signature box: strokes as paths, a thumbprint box, or blank, over a rule."""

    def __init__(self, signature: Signature | None,
                 width: float = SIG_WIDTH, height: float = SIG_HEIGHT) -> None:
        super().__init__()
        self.signature = signature
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(styles.INK)
        c.setLineWidth(0.5)
        c.line(0, 0, self.width, 0)
        sig = self.signature
        if sig is not None and sig.thumbprint:
            side = self.height - 2
            x0 = (self.width - side) / 2
            c.setStrokeColor(THUMB_GREY)
            c.setDash(2, 2)
            c.rect(x0, 1, side, side)
            c.setFillColor(THUMB_GREY)
            fonts.draw_string(c, self.width / 2, self.height / 2 - 3, "按指印",
                              7, align="centre")
        elif sig is not None:
            c.setStrokeColor(PEN)
            c.setFillColor(PEN)
            c.setLineWidth(1.1)
            c.setLineCap(1)
            c.setLineJoin(1)
            w, h = self.width, self.height - 1
            for stroke in sig.strokes:
                if len(stroke) == 1:  # a dot
                    x, y = stroke[0]
                    c.circle(x * w, 1 + (1 - y) * h, 0.6, stroke=0, fill=1)
                    continue
                path = c.beginPath()
                x, y = stroke[0]
                path.moveTo(x * w, 1 + (1 - y) * h)
                for x, y in stroke[1:]:
                    path.lineTo(x * w, 1 + (1 - y) * h)
                c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


@dataclass(frozen=True)
class Signer:
    """A label and its signature, e.g. ("申请人（签名或按指印）", sig)."""

    label: str
    signature: Signature | None


def party_signer(party: DocParty, signature: Signature | None) -> list[Signer]:
    """The forms' wording: a person 签名盖章或按指印; a company seals, its representative signs.

    The representative signs under the label of the office the law gives him
    (法定代表人 or 主要负责人), not under his job title.
    """
    if party.is_organisation:
        return [Signer(f"{party.role}：{party.name}（盖章）", None),
                Signer(f"{party.representative_role}：{party.representative}（签名）",
                       signature)]
    return [Signer(f"{party.role}：{party.name}（签名盖章或按指印）", signature)]


_TAILS = ("（签名盖章或按指印）", "（签名或按指印）", "（盖章）", "（签名）")


def _label_lines(label: str, width: float) -> str:
    """A signer's label, its （盖章）/（签名） tail never alone on a line."""
    for tail in _TAILS:
        if label.endswith(tail):
            return styles.keep_tail_lines(label.removesuffix(tail), tail, width,
                                          styles.FIELD_SIZE)
    return label


def signature_rows(signers: Sequence[Signer], columns: int = 2) -> list[Flowable]:
    """Signature boxes, one borderless table per row (equal columns, so they align).

    Separate rows let a document keep its last clause with the first row and
    its seal with the last one, however many parties sign.
    """
    cell_width = styles.FRAME_WIDTH / columns
    cells = []
    for s in signers:
        label = Paragraph(fonts.markup(_label_lines(s.label, cell_width - 4)), styles.FIELD)
        cells.append([label, SignatureMark(s.signature, min(SIG_WIDTH, cell_width - 12))])
    rows: list[list[Any]] = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    if rows and len(rows[-1]) < columns:
        rows[-1] += [""] * (columns - len(rows[-1]))
    tables: list[Flowable] = []
    for row in rows:
        table = Table([row], colWidths=[cell_width] * columns)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_SONG),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        tables.append(table)
    return tables


def signature_grid(signers: Sequence[Signer], columns: int = 2,
                   date_line: str | None = None) -> Flowable:
    """Signature boxes in a borderless grid, kept together on one page."""
    parts = signature_rows(signers, columns)
    if date_line:
        parts.append(Paragraph(fonts.markup(date_line), styles.CASE_NO))
    return KeepTogether(parts)


@lru_cache(maxsize=8)
def _seal_xobject(png: bytes) -> tuple[str, Any, Any]:
    """The seal as a ready PDF image object (zlib-compressed RGB plus soft mask).

    Building it costs ~20 ms (decode, compress 0.9 MB of pixels, hash); a studio
    stamps the same seal on every document, so it is built once per process and
    copied into each new PDF.
    """
    reader = ImageReader(io.BytesIO(png))
    name = "MediatorSeal" + hashlib.sha256(png).hexdigest()[:24]
    xobj = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    xobj.name = name
    smask = getattr(xobj, "_smask", None)
    if smask is not None:
        del xobj._smask
    return name, xobj, smask


def draw_seal(c: Any, png: bytes, x: float, y: float, size: float) -> None:
    """Draw the seal image at (x, y), ``size`` square, alpha preserved.

    Same steps as reportlab's ``Canvas.drawImage`` for a new image, but with the
    cached image object instead of re-encoding the PNG for every document.
    """
    name, template, smask_template = _seal_xobject(png)
    doc = c._doc
    reg_name = doc.getXObjectName(name)
    if doc.idToObject.get(reg_name) is None:
        xobj = copy.copy(template)
        c._setXObjects(xobj)
        doc.Reference(xobj, reg_name)
        doc.addForm(name, xobj)
        if smask_template is not None:
            smask = copy.copy(smask_template)
            c._setXObjects(smask)
            xobj.smask = doc.Reference(smask, doc.getXObjectName(smask.name))
    scale = min(size / template.width, size / template.height)
    w, h = template.width * scale, template.height * scale
    c.saveState()
    c.translate(x + (size - w) / 2, y + (size - h) / 2)
    c.scale(w, h)
    c._code.append(f"/{reg_name} Do")
    c.restoreState()
    c._formsinuse.append(name)
    c._currentPageHasImages = 1


class SealBlock(Flowable):
    """落款: the committee's name and the date, right-aligned, the seal stamped over them.

    A long committee name wraps onto more lines (its （盖章） kept with the
    name's last characters) instead of running off the page.
    """

    LINE = 18.0

    def __init__(self, committee: str, date_text: str, seal: Seal | None,
                 suffix: str = "（盖章）") -> None:
        super().__init__()
        self.committee = committee
        self.date_text = date_text
        self.seal = seal
        self.suffix = suffix
        self._lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        text = styles.keep_tail_lines(self.committee, self.suffix, avail_width - 8,
                                      styles.BODY_SIZE)
        self._lines = text.split("\n")
        return avail_width, SEAL_SIZE + 4 + self.LINE * (len(self._lines) - 1)

    def draw(self) -> None:
        c = self.canv
        size = styles.BODY_SIZE
        right = self.width - 8
        name_width = max(fonts.string_width(line, size) for line in self._lines)
        date_width = fonts.string_width(self.date_text, size)
        centre_x = right - max(name_width, date_width) / 2
        name_y = SEAL_SIZE / 2 + 6
        c.saveState()
        c.setFillColor(styles.INK)
        for i, line in enumerate(self._lines):
            y = name_y + self.LINE * (len(self._lines) - 1 - i)
            fonts.draw_string(c, centre_x, y, line, size, align="centre")
        fonts.draw_string(c, centre_x, name_y - 24, self.date_text, size, align="centre")
        if self.seal is not None:
            draw_seal(c, self.seal.png, centre_x - SEAL_SIZE / 2, name_y - SEAL_SIZE / 2 + 2,
                      SEAL_SIZE)
        c.restoreState()
