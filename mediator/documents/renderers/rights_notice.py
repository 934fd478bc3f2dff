"""当事人权利义务告知书 — the rights-and-duties notice every party acknowledges (告知)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import RightsNoticeInput
from mediator.documents.renderers.common import case_no_line, party_signers

TITLE = "当事人权利义务告知书"


def story(doc: RightsNoticeInput) -> list[Flowable]:
    parts: list[Flowable] = [
        styles.Title(TITLE),
        case_no_line(doc.case.case_no),
        styles.gap(2),
        styles.para(clauses.text("rights_notice_intro")),
    ]
    for i, (heading, items) in enumerate(clauses.sections("rights_notice_sections"), 1):
        parts.append(styles.para(f"{styles.cn_number(i)}、{heading}", styles.HEADING))
        parts += [styles.para(f"（{styles.cn_number(j)}）{item}", styles.NUMBERED)
                  for j, item in enumerate(items, 1)]
    parts += [
        styles.gap(2),
        KeepTogether([  # the acknowledgement, signatures and date never part
            styles.para(clauses.text("rights_notice_ack")),
            styles.gap(2),
            *blocks.signature_rows(party_signers(doc.case, doc.signatures)),
            styles.gap(2),
            blocks.SealBlock(doc.case.committee_name, styles.fmt_date(doc.date), None,
                             suffix=""),
        ]),
    ]
    return parts


def render(doc: RightsNoticeInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
