"""人民调解受理登记表 — the committee accepts a case with the parties' consent."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from mediator.documents import blocks, clauses, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import RegistrationFormInput
from mediator.documents.renderers.common import case_no_line, names, party_signers, party_table

TITLE = "人民调解受理登记表"


def story(doc: RegistrationFormInput) -> list[Flowable]:
    case = doc.case
    consent = clauses.text("registration_consent", date=styles.fmt_date(case.registered_on),
                           parties=names(case.parties),
                           dispute_type=case.dispute_type.removesuffix("纠纷"))
    requests = "\n".join(f"{i}. {r}" for i, r in enumerate(case.requests, 1)) or "—"
    rows: list[list[str | Flowable | None]] = [
        ["纠纷类型", case.dispute_type, "案件来源", case.source],
        ["受理日期", styles.fmt_date(case.registered_on), "人民调解员", case.mediator],
        ["纠纷简要情况", case.summary, None, None],
        ["申请事项", requests, None, None],
    ]
    table = styles.field_table(rows, (0.17, 0.33, 0.17, 0.33), label_cols=(0, 2),
                               spans=[((1, 2), (3, 2)), ((1, 3), (3, 3))])
    signers = party_signers(case, doc.signatures)
    signers.append(blocks.Signer(f"登记人：{doc.registrar}（签名）", doc.registrar_signature))
    return [
        styles.Title(TITLE),
        case_no_line(case.case_no),
        styles.gap(2),
        styles.para(consent),
        styles.gap(2),
        party_table(case.parties),
        styles.gap(3),
        table,
        styles.gap(3),
        KeepTogether([*blocks.signature_rows(signers), styles.gap(2),  # seal with signatures
                      blocks.SealBlock(case.committee_name, styles.fmt_date(doc.date),
                                       doc.seal)]),
    ]


def render(doc: RegistrationFormInput) -> bytes:
    return build_pdf(story(doc), title=TITLE, draft=doc.seal is None, source=doc)
