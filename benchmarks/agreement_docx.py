"""The water-leak agreement as a .docx, so LibreOffice lays out what our renderer lays out.

Why: the LibreOffice peers of bench_documents are only fair if they convert the same
document — the same words, the ruled party table, five signatures (pen strokes drawn
as transparent PNGs), the seal image stamped beside the committee's name and the
verification QR — in the same fonts (the bundled AR PL UMing and HanaMin faces, made
visible to LibreOffice through a fontconfig file naming resources/fonts).  Built with
python-docx (requirements-dev.lock) from ``samples.water_leak_agreement()``.
"""

from __future__ import annotations

import io
from pathlib import Path

import qrcode
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.run import Run
from PIL import Image, ImageDraw

from mediator.documents import qr, samples, styles
from mediator.documents.model import AgreementInput, DocParty, Signature
from mediator.documents.renderers import agreement as renderer
from mediator.paths import resources_dir

SONG = "AR PL UMing CN"


def fontconfig_file(workdir: Path) -> Path:
    """A fonts.conf adding the bundled fonts to the system's, for ``FONTCONFIG_FILE``."""
    conf = workdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resources_dir() / 'fonts'}</dir>"
        f"<cachedir>{workdir / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    return conf


def _signature_png(sig: Signature | None) -> bytes | None:
    """The pen strokes drawn as our renderer draws them: dark lines on a clear box."""
    if sig is None or not sig.strokes:
        return None
    w, h = 400, 160
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    pen = ImageDraw.Draw(img)
    for stroke in sig.strokes:
        pen.line([(x * w, y * h) for x, y in stroke], fill=(20, 20, 60, 255), width=4,
                 joint="curve")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _qr_png(payload: str) -> bytes:
    out = io.BytesIO()
    qrcode.make(payload, border=1).save(out)
    return out.getvalue()


def _song(run: Run, size: float = 12, bold: bool = False) -> Run:
    run.font.name = SONG
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), SONG)
    return run


def _para(doc: DocxDocument, text: str, *, size: float = 12, bold: bool = False,
          align: WD_ALIGN_PARAGRAPH | None = None) -> None:
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    _song(p.add_run(text), size, bold)


def _party_rows(p: DocParty) -> list[list[str]]:
    if p.is_organisation:
        rows = [[p.role, p.name],
                [p.representative_role, f"{p.representative}  职务 {p.representative_title}"
                 f"  联系方式 {p.phone}"]]
        return rows + [[k, v] for k, v in (("统一社会信用代码", p.id_number), ("住所", p.address))
                       if v]
    return [[p.role, f"{p.name}  性别 {p.sex}  民族 {p.ethnicity}  年龄 {p.age or ''}"],
            ["职业或职务", f"{p.occupation}  联系方式 {p.phone}"],
            ["身份证号码", p.id_number], ["单位或住址", p.address]]


def build(agreement: AgreementInput, path: Path) -> Path:
    """Write ``agreement`` as a .docx at ``path`` (A4, the renderer's margins)."""
    case = agreement.case
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(22)
    _para(doc, renderer.TITLE, size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, f"编号：{agreement.number}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    rows = [row for p in case.parties for row in _party_rows(p)]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, row, strict=True):
            _song(cell.paragraphs[0].add_run(text), 11)
    _para(doc, "纠纷主要事实、争议事项：", bold=True)
    _para(doc, agreement.facts)
    _para(doc, "经调解，自愿达成如下协议：", bold=True)
    for i, term in enumerate(agreement.terms, 1):
        _para(doc, f"{styles.cn_number(i)}、{term}")
    _para(doc, "履行方式、时限：", bold=True)
    _para(doc, agreement.performance)
    for clause in (renderer.copies_clause(agreement), renderer.EFFECT_CLAUSE,
                   renderer.CONFIRMATION_CLAUSE):
        _para(doc, clause)
    signers: list[tuple[str, Signature | None]] = [
        (f"{p.role}：{p.name}（签名{'盖章' if p.is_organisation else ''}）", s)
        for p, s in zip(case.parties, agreement.signatures, strict=True)]
    signers += [(f"人民调解员：{case.mediator}（签名）", agreement.mediator_signature),
                (f"记录人：{case.recorder}（签名）", agreement.recorder_signature)]
    grid = doc.add_table(rows=(len(signers) + 1) // 2, cols=2)
    for i, (label, sig) in enumerate(signers):
        cell = grid.rows[i // 2].cells[i % 2]
        _song(cell.paragraphs[0].add_run(label), 11)
        png = _signature_png(sig)
        if png:
            cell.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Mm(40))
    payload = qr.agreement_payload(agreement)
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].add_run().add_picture(io.BytesIO(_qr_png(payload)), width=Mm(24))
    _song(left.add_paragraph().add_run("扫码核验"), 9)
    if agreement.seal is not None:
        right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        right.paragraphs[0].add_run().add_picture(io.BytesIO(agreement.seal.png), width=Mm(40))
    for text in (f"{case.committee_name}（盖章）", styles.fmt_date(agreement.date)):
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _song(p.add_run(text))
    doc.save(str(path))
    return path


def water_leak_docx(path: Path) -> Path:
    """The benchmark's agreement (as bench_documents renders it) as a .docx."""
    return build(samples.water_leak_agreement(), path)
