"""调查记录 — record of one investigation interview, as questions and answers."""

from __future__ import annotations

from reportlab.platypus import Flowable

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import InvestigationInput
from mediator.documents.renderers.common import case_no_line

TITLE = "调查记录"


def story(doc: InvestigationInput) -> list[Flowable]:
    when = styles.fmt_datetime(doc.started_at)
    if doc.ended_at > doc.started_at:  # a record without its end time prints no "至"
        when += f"至{doc.ended_at.hour}时{doc.ended_at.minute:02d}分"
    rows: list[list[str | Flowable | None]] = [
        ["时间", when, None, None],
        ["地点", doc.place, None, None],
        ["调查人", doc.investigator, "记录人", doc.recorder or "—"],
        ["被调查人", doc.interviewee, "基本情况", doc.interviewee_details or "—"],
        ["事由", f"{doc.case.dispute_type}（{doc.case.case_no}）", None, None],
    ]
    spans = [((1, 0), (3, 0)), ((1, 1), (3, 1)), ((1, 4), (3, 4))]
    parts: list[Flowable] = [
        styles.Title(TITLE),
        case_no_line(f"第{doc.index}次"),
        styles.field_table(rows, (0.15, 0.3, 0.15, 0.4), label_cols=(0, 2), spans=spans),
        styles.gap(3),
    ]
    for qa in doc.entries:
        parts.append(styles.labelled("问", qa.question))
        parts.append(styles.labelled("答", qa.answer))
    parts += [
        styles.gap(2),
        styles.para(clauses.text("investigation_readback")),
        styles.gap(2),
        blocks.signature_grid([
            blocks.Signer(f"被调查人：{doc.interviewee}（签名或按指印）",
                          doc.interviewee_signature),
            blocks.Signer(f"调查人：{doc.investigator}（签名）", doc.investigator_signature),
            blocks.Signer(f"记录人：{doc.recorder}（签名）", doc.recorder_signature),
        ], date_line=styles.fmt_date(doc.ended_at.date())),
    ]
    return parts


def render(doc: InvestigationInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=False, source=doc)
