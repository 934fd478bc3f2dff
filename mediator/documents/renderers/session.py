"""人民调解记录 — the record of one mediation session (People's Mediation Law art. 27)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import SessionRecordInput
from mediator.documents.renderers.common import case_no_line, names, party_signers

TITLE = "人民调解记录"


def story(doc: SessionRecordInput) -> list[Flowable]:
    case = doc.case
    rows: list[list[str | Flowable | None]] = [
        ["时间", styles.fmt_datetime(doc.started_at), "地点", doc.place],
        ["事由", doc.matter, None, None],
        ["当事人", names(case.parties), None, None],
        ["参加人", doc.participants or "—", None, None],
        ["人民调解员", case.mediator, "记录人", case.recorder or "—"],
        ["调解方式", "公开调解（经当事人同意）" if doc.public else "不公开调解", None, None],
    ]
    spans = [((1, r), (3, r)) for r in (1, 2, 3, 5)]
    parts: list[Flowable] = [
        styles.Title(TITLE),
        case_no_line(f"{case.case_no}　第{doc.index}次"),
        styles.field_table(rows, (0.15, 0.35, 0.15, 0.35), label_cols=(0, 2), spans=spans),
        styles.gap(3),
        styles.para(clauses.text("session_opening")),
    ]
    for s in doc.statements:
        # The form wants every statement attributed: 申请人某某 / 被申请人某某 / 调解员.
        parts.append(styles.para(f"{s.speaker or '当事人'}陈述：{s.text}"))
    if doc.evidence:
        parts.append(styles.para(f"核实的证据：{doc.evidence}"))
    if doc.risk_warning:
        parts.append(styles.para(f"风险提示：{doc.risk_warning}"))
    if doc.succeeded:
        parts.append(styles.para(f"调解结果：经调解，当事人自愿达成协议。{doc.outcome}"))
    else:
        parts.append(styles.para(f"调解结果：调解不成。{doc.outcome}"))
        if doc.routes:
            parts.append(styles.para(f"已告知当事人可以通过以下途径解决：{doc.routes}"))
    signers = party_signers(case, doc.signatures)
    signers.append(blocks.Signer(f"人民调解员：{case.mediator}（签名）", doc.mediator_signature))
    if case.recorder or doc.recorder_signature is not None:
        signers.append(blocks.Signer(f"记录人：{case.recorder}（签名）", doc.recorder_signature))
    parts.append(KeepTogether([  # the read-back, signatures and seal never part
        styles.para(clauses.text("session_readback")),
        styles.gap(2),
        *blocks.signature_rows(signers),
        styles.gap(2),
        blocks.SealBlock(case.committee_name, styles.fmt_date(doc.date), doc.seal),
    ]))
    return parts


def render(doc: SessionRecordInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=doc.seal is None, source=doc)
