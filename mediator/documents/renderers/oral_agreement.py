"""口头协议登记表 — an oral agreement (art. 28), registered by the mediator.

Same content as the written agreement, as a ruled form; it takes effect when
reached, so the parties' signatures are optional acknowledgement.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from mediator.documents import blocks, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import AgreementInput
from mediator.documents.renderers.common import case_no_line, party_signers, party_table

TITLE = "口头协议登记表"


def story(doc: AgreementInput) -> list[Flowable]:
    case = doc.case
    terms = "\n".join(f"{styles.cn_number(i)}、{t}" for i, t in enumerate(doc.terms, 1))
    rows: list[list[str | Flowable | None]] = [
        ["纠纷类型", case.dispute_type, "达成日期", styles.fmt_date(doc.date)],
        ["纠纷主要事实、争议事项", doc.facts, None, None],
        ["协议内容", terms, None, None],
        ["履行方式、时限", doc.performance, None, None],
        ["登记人", case.mediator, "记录人", case.recorder or "—"],
    ]
    spans = [((1, r), (3, r)) for r in (1, 2, 3)]
    signers = party_signers(case, doc.signatures)
    signers.append(blocks.Signer(f"登记人：{case.mediator}（签名）", doc.mediator_signature))
    return [
        styles.Title(TITLE),
        case_no_line(f"编号：{doc.number}"),
        styles.gap(2),
        party_table(case.parties),
        styles.gap(3),
        styles.field_table(rows, (0.17, 0.33, 0.17, 0.33), label_cols=(0, 2), spans=spans),
        styles.gap(3),
        KeepTogether([*blocks.signature_rows(signers), styles.gap(2),  # seal with signatures
                      blocks.SealBlock(case.committee_name, styles.fmt_date(doc.date),
                                       doc.seal)]),
    ]


def render(doc: AgreementInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=doc.seal is None, source=doc)
