"""司法确认申请 packet: joint application, 送达地址确认, materials list, the agreement.

The parties apply jointly within 30 days of the agreement taking effect (art. 33)
to the court of a party's domicile, the subject matter's location or the
committee's seat.  The agreement itself is reproduced after the application
pages, with its verification QR.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from mediator.documents import blocks, clauses, qr, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import ConfirmationInput
from mediator.documents.renderers import agreement as agreement_renderer
from mediator.documents.renderers.common import party_signers, party_table

TITLE = "司法确认申请书"
ADDRESS_TITLE = "送达地址确认书"
MATERIALS_TITLE = "申请材料清单"


def story(doc: ConfirmationInput) -> list[Flowable]:
    a = doc.agreement
    case = a.case
    request = (f"请求确认申请人之间于{styles.fmt_date(a.date)}达成的人民调解协议"
               f"（编号：{a.number}）有效。")
    facts = clauses.text("confirmation_request", date=styles.fmt_date(a.date),
                         committee=case.committee_name, number=a.number)
    signers = party_signers(case, doc.signatures)
    parts: list[Flowable] = [
        styles.Title(TITLE),
        styles.para("申请人基本情况：", styles.HEADING),
        party_table(case.parties),
        styles.para("请求事项：", styles.HEADING),
        styles.para(request),
        styles.para("事实和理由：", styles.HEADING),
        styles.para(facts),
        styles.para(clauses.text("confirmation_undertaking")),
        styles.gap(2),
        styles.para("此致", styles.BODY),
        styles.para(doc.court, styles.BODY_FLUSH),
        styles.gap(2),
        blocks.signature_grid(signers, date_line=styles.fmt_date(doc.date)),
        PageBreak(),
        styles.Title(ADDRESS_TITLE),
    ]
    rows: list[list[str | Flowable | None]] = [["当事人", "送达地址", "联系电话"]]
    rows += [[f"{p.role}：{p.name}", p.address, p.phone] for p in case.parties]
    parts += [
        styles.field_table(rows, (0.3, 0.5, 0.2), label_cols=(), min_row_height=30),
        styles.gap(2),
        styles.para("以上送达地址及联系电话真实有效，人民法院向上述地址送达的文书视为送达。"),
        styles.gap(2),
        blocks.signature_grid(party_signers(case, doc.signatures)),
        styles.gap(4),
        styles.Title(MATERIALS_TITLE, size=16),
    ]
    materials = ["人民调解协议书", *doc.attachments]
    parts += styles.numbered(materials)
    parts.append(PageBreak())
    parts += agreement_renderer.story(a, qr.agreement_payload(a))
    return parts


def render(doc: ConfirmationInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=doc.agreement.seal is None, source=doc)
