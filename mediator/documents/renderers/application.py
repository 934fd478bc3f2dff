"""人民调解申请书 — a party's written application for mediation (DOMAIN.md item 1)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import ApplicationInput
from mediator.documents.renderers.common import party_table

TITLE = "人民调解申请书"


def story(doc: ApplicationInput) -> list[Flowable]:
    case = doc.case
    parts: list[Flowable] = [
        styles.Title(TITLE),
        party_table(case.parties, with_id=False),
        styles.gap(3),
        styles.para("纠纷简要情况：", styles.HEADING),
        styles.para(case.summary),
        styles.para("申请事项：", styles.HEADING),
        *styles.numbered(case.requests or ("请求人民调解委员会依法调解。",)),
        styles.gap(1),
        styles.para(clauses.text("application_declaration")),
        styles.gap(2),
        styles.para("此致", styles.BODY),
        styles.para(case.committee_name, styles.BODY_FLUSH),
        styles.gap(3),
    ]
    # The applicants sign the application; respondents have not joined yet.
    signers = [s for p, sig in zip(case.parties, doc.signatures, strict=True)
               if p.role == "申请人" for s in blocks.party_signer(p, sig)]
    if not signers:  # an application without a party marked 申请人: everyone signs
        signers = [s for p, sig in zip(case.parties, doc.signatures, strict=True)
                   for s in blocks.party_signer(p, sig)]
    parts.append(blocks.signature_grid(signers, date_line=styles.fmt_date(doc.date)))
    return parts


def render(doc: ApplicationInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
