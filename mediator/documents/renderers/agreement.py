"""人民调解协议书 — the written mediation agreement (People's Mediation Law art. 29).

Layout of the 司法部 form: title, 编号, the parties' basic details as a ruled
table, 纠纷主要事实、争议事项, the numbered terms (经调解，自愿达成如下协议),
履行方式、时限, the copies clause (N = parties + 1), the effect clause, one
signature block per party (a company signs by its representative and seal), the
人民调解员 and 记录人, then the committee's seal block beside the verification QR.

The body runs as paragraphs, not table cells, so a long agreement flows onto a
second page instead of being cut.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from mediator.documents import blocks, embedded, fonts, qr, styles
from mediator.documents.builder import build_pdf
from mediator.documents.model import AgreementInput
from mediator.documents.renderers.common import case_no_line, party_signers, party_table
from mediator.errors import DocumentError

TITLE = "人民调解协议书"
ADDENDUM_TITLE = "人民调解补充协议书"
EFFECT_CLAUSE = (
    "本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。"
    "当事人应当按照约定履行。"
)
CONFIRMATION_CLAUSE = "各方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"


def copies_clause(agreement: AgreementInput) -> str:
    """本协议一式N份，当事人、人民调解委员会各持一份 (N = parties + 1)."""
    return f"本协议一式{styles.cn_number(agreement.copies)}份，当事人、人民调解委员会各持一份。"


def missing_for_final(agreement: AgreementInput) -> list[str]:
    """What still prevents the agreement from taking effect (art. 29), in Chinese.

    Parties are named by position and role, not by name: this text may end up
    in an error message or a log.
    """
    missing = [
        f"第{i}位当事人（{p.role}）的签名或指印"
        for i, (p, s) in enumerate(zip(agreement.case.parties, agreement.signatures,
                                       strict=True), 1)
        if s is None
    ]
    if agreement.mediator_signature is None:
        missing.append("人民调解员签名")
    if agreement.seal is None:
        missing.append("人民调解委员会印章")
    return missing


def amends_line(agreement: AgreementInput) -> str:
    """An addendum's reference to the agreement it amends, as printed under its number."""
    when = f"{styles.fmt_date(agreement.amends_date)}达成的" if agreement.amends_date else ""
    return (f"本协议是对各方当事人{when}人民调解协议（编号：{agreement.amends_number}）"
            "的补充，与原协议具有同等效力；原协议与本协议不一致的，以本协议为准。")


def story(agreement: AgreementInput, payload: str) -> list[Flowable]:
    case = agreement.case
    parts: list[Flowable] = [
        styles.Title(ADDENDUM_TITLE if agreement.amends_number else TITLE),
        case_no_line(f"编号：{agreement.number}"),
    ]
    if agreement.amends_number:
        parts.append(styles.para(amends_line(agreement)))
    *terms, last_term = styles.numbered(agreement.terms)
    parts += [
        styles.gap(2),
        party_table(case.parties),
        styles.gap(3),
        styles.para("纠纷主要事实、争议事项：", styles.HEADING),
        styles.para(agreement.facts),
        styles.para("经调解，自愿达成如下协议：", styles.HEADING),
        *terms,
    ]
    signers = party_signers(case, agreement.signatures)
    signers.append(blocks.Signer(f"人民调解员：{case.mediator}（签名）",
                                 agreement.mediator_signature))
    if case.recorder or agreement.recorder_signature is not None:
        # Only a studio with a separate recorder prints (and signs) the 记录人 line.
        signers.append(blocks.Signer(f"记录人：{case.recorder}（签名）",
                                     agreement.recorder_signature))
    # The last clause and the closing clauses stay with the first row of
    # signatures, the seal and the QR with the last: a page holding only
    # signatures would sign nothing, and a seal alone would seal nothing.
    rows = blocks.signature_rows(signers)
    closing = [
        last_term,
        styles.para("履行方式、时限：", styles.HEADING),
        styles.para(agreement.performance),
        styles.gap(1),
        styles.para(copies_clause(agreement)),
        styles.para(EFFECT_CLAUSE),
        styles.para(CONFIRMATION_CLAUSE),
        styles.gap(2),
    ]
    seal = [styles.gap(3), _qr_and_seal(agreement, payload)]
    tail = [*rows, *seal]
    for start in range(len(closing) - 1):  # as much of the closing text as fits with it
        if _height([*closing[start:], *tail]) <= styles.FRAME_HEIGHT - 12:
            parts += closing[:start]
            parts.append(KeepTogether([*closing[start:], *tail]))
            break
    else:  # more signatures than a page holds: keep each end anchored
        parts.append(KeepTogether([*closing, rows[0]]))
        if len(rows) > 1:
            parts += rows[1:-1]
            parts.append(KeepTogether([rows[-1], *seal]))
        else:
            parts += seal
    return parts


def _height(flowables: list[Flowable]) -> float:
    """Height of ``flowables`` laid out in the page frame (spaces between included)."""
    fonts.register_fonts()
    total = 0.0
    for f in flowables:
        total += f.wrap(styles.FRAME_WIDTH, styles.FRAME_HEIGHT)[1]
        total += f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _qr_and_seal(agreement: AgreementInput, payload: str) -> Flowable:
    seal = blocks.SealBlock(agreement.case.committee_name, styles.fmt_date(agreement.date),
                            agreement.seal)
    table = Table([[qr.QRFlowable(payload), seal]],
                  colWidths=[styles.FRAME_WIDTH * 0.3, styles.FRAME_WIDTH * 0.7])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_SONG),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def render(agreement: AgreementInput, *, final: bool = False) -> bytes:
    """The agreement as PDF bytes, with the verification QR and embedded content.

    ``final=True`` (the copy that will be digitally signed) refuses an agreement
    missing a party's signature, the mediator's signature or the seal.  Without a
    seal the result is marked 草稿 on every page.
    """
    if final:
        missing = missing_for_final(agreement)
        if missing:
            raise DocumentError("协议尚不能定稿，缺少：" + "、".join(missing))
    content = qr.agreement_content(agreement)
    payload = qr.make_payload(agreement.agreement_id, qr.content_hash(content))
    title = ADDENDUM_TITLE if agreement.amends_number else TITLE
    pdf = build_pdf(story(agreement, payload), title=title, draft=agreement.seal is None,
                    source=agreement)
    return embedded.attach(pdf, payload, content)
