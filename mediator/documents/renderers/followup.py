"""回访记录 — follow-up visit record: was the agreement performed, any escalation."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mediator.documents import blocks, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import FollowUpInput
from mediator.documents.renderers.common import case_no_line, names

TITLE = "回访记录"


def story(doc: FollowUpInput) -> list[Flowable]:
    case = doc.case
    rows: list[list[str | Flowable | None]] = [
        ["当事人", names(case.parties), None, None],
        ["协议编号", doc.agreement_no, "回访日期", styles.fmt_date(doc.visited_on)],
        ["纠纷事项", doc.matter, None, None],
        ["协议履行情况", doc.performed, None, None],
        ["当事人满意度", doc.satisfaction, None, None],
        ["是否起诉及结果", doc.lawsuit, None, None],
        ["矛盾激化迹象及采取的措施", doc.escalation, None, None],
        ["备注", doc.notes or "—", None, None],
    ]
    spans = [((1, r), (3, r)) for r in (0, 2, 3, 4, 5, 6, 7)]
    return [
        styles.Title(TITLE),
        case_no_line(f"{case.case_no}　第{doc.index}次"),
        styles.field_table(rows, (0.18, 0.42, 0.14, 0.26), label_cols=(0, 2), spans=spans,
                           min_row_height=28),
        styles.gap(4),
        blocks.signature_grid(
            [blocks.Signer(f"回访人民调解员：{doc.visitor or case.mediator}（签名）",
                           doc.visitor_signature)],
            columns=1, date_line=styles.fmt_date(doc.visited_on)),
    ]


def render(doc: FollowUpInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
