"""The two committee notices: 不予受理通知书 (refusal) and 终止调解通知书 (termination).

Both name the reason and the other legal routes the parties were told of
(arbitration, administrative, court), as art. 3 and art. 26 require.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import NoticeInput
from mediator.documents.renderers.common import case_no_line, names

REFUSAL_TITLE = "不予受理通知书"
TERMINATION_TITLE = "终止调解通知书"


def _story(doc: NoticeInput, title: str, body_key: str) -> list[Flowable]:
    case = doc.case
    addressees = case.by_role("申请人") if body_key == "refusal_body" else case.parties
    return [
        styles.Title(title),
        case_no_line(doc.number),
        styles.gap(2),
        styles.para(f"{names(addressees or case.parties)}：", styles.BODY_FLUSH),
        # The clause says "{dispute_type}纠纷": the label's own 纠纷 would print twice.
        styles.para(clauses.text(body_key, dispute_type=case.dispute_type.removesuffix("纠纷"))),
        styles.para(doc.reason),
        styles.para(clauses.text("routes_intro")),
        KeepTogether([  # the seal never alone on a page
            styles.para(doc.routes),
            styles.para("特此通知。"),
            styles.gap(6),
            blocks.SealBlock(case.committee_name, styles.fmt_date(doc.date), doc.seal),
        ]),
    ]


def render_refusal(doc: NoticeInput) -> bytes:
    return build_pdf(_story(doc, REFUSAL_TITLE, "refusal_body"), title=REFUSAL_TITLE,
                     draft=doc.seal is None, source=doc)


def render_termination(doc: NoticeInput) -> bytes:
    return build_pdf(_story(doc, TERMINATION_TITLE, "termination_body"),
                     title=TERMINATION_TITLE, draft=doc.seal is None, source=doc)
