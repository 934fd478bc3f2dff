"""Pieces several documents share: the party table, the staff signature line."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from mediator.documents import blocks, fonts, styles
from mediator.documents.model import DocCase, DocParty, Signature

# 8 columns: label, value, 性别, value, 民族, value, 年龄, value
_COLS = (0.21, 0.19, 0.07, 0.08, 0.07, 0.12, 0.07, 0.19)


def _age(p: DocParty) -> str:
    return f"{p.age}" if p.age is not None else ""


def party_table(parties: Sequence[DocParty], *, with_id: bool = True) -> Flowable:
    """The 当事人基本情况 rows of the 司法部 forms, four per party (three without ID)."""
    rows: list[list[str | Flowable | None]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for p in parties:
        r = len(rows)
        if p.is_organisation:
            _organisation_rows(p, rows, spans, with_id=with_id)
            continue
        rows.append([p.role, p.name, "性别", p.sex, "民族", p.ethnicity, "年龄", _age(p)])
        rows.append(["职业或职务", p.occupation, None, None, "联系方式", None, p.phone, None])
        spans += [((1, r + 1), (3, r + 1)), ((4, r + 1), (5, r + 1)), ((6, r + 1), (7, r + 1))]
        if with_id:
            rows.append(["身份证号码", p.id_number] + [None] * 6)
            spans.append(((1, len(rows) - 1), (7, len(rows) - 1)))
        rows.append(["单位或住址", p.address] + [None] * 6)
        spans.append(((1, len(rows) - 1), (7, len(rows) - 1)))
    return styles.field_table(rows, _COLS, label_cols=(0, 2, 4, 6), spans=spans)


def _organisation_rows(p: DocParty, rows: list[list[str | Flowable | None]],
                       spans: list[tuple[tuple[int, int], tuple[int, int]]], *,
                       with_id: bool) -> None:
    """An organisation's rows: name; 法定代表人/主要负责人 with 职务 and phone; code; 住所.

    The label is the office (as the party kind says), the job title is its 职务
    value; the code and the 住所 are printed when registered, never as empty rows.
    """
    r = len(rows)
    rows.append([p.role, p.name, None, None, None, None, None, None])
    spans.append(((1, r), (7, r)))
    rows.append([p.representative_role, p.representative, "职务", p.representative_title,
                 None, Paragraph(fonts.markup("联系方式"), styles.FIELD_LABEL), p.phone, None])
    spans += [((3, r + 1), (4, r + 1)), ((6, r + 1), (7, r + 1))]
    extra = [("统一社会信用代码", p.id_number if with_id else ""), ("住所", p.address)]
    for label, value in extra:
        if value:
            rows.append([label, value] + [None] * 6)
            spans.append(((1, len(rows) - 1), (7, len(rows) - 1)))


def party_signers(case: DocCase, signatures: Sequence[Signature | None]) -> list[blocks.Signer]:
    signers: list[blocks.Signer] = []
    for party, sig in zip(case.parties, signatures, strict=True):
        signers += blocks.party_signer(party, sig)
    return signers


def case_no_line(text: str) -> Flowable:
    return styles.para(text, styles.CASE_NO)


def names(parties: Sequence[DocParty]) -> str:
    return "、".join(p.name for p in parties)
