"""The shape of a studio's Excel ledger (台账): where its header is and what each
column holds.

Every studio drew its own ledger, so the importer cannot expect fixed columns.
It looks for the header among the first rows (a title such as "2025年矛盾纠纷
调解台账" usually sits above it), also when the header spans two rows under
merged cells (``当事人`` over ``申请人 | 被申请人``, ``申请人`` over ``姓名 |
身份证号``), and proposes which column holds which field from the words
studios use (受理日期 / 登记日期 / 收案日期 …).  The proposal is only that: the
person importing can change it (:class:`ColumnMapping`), and the GUI shows it
as its mapping step.

Pure: rows arrive as tuples of cell values; no openpyxl, no database.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mediator.domain.ledger_values import Cell, cell_text

HEADER_SCAN_ROWS = 30  # the header is looked for among the first rows only
# The summary of a case whose ledger row had none: a case needs one, and the
# completeness report asks for it while the case still carries this text.
NO_SUMMARY = "（台账未记载纠纷简要情况，请补录）"
MIN_HEADER_FIELDS = 3  # fewer recognised columns than this is no header


class LedgerField(enum.StrEnum):
    """What a ledger column can hold, as far as the import is concerned."""

    SERIAL = "serial"
    CASE_NO = "case_no"
    REGISTERED_ON = "registered_on"
    SOURCE = "source"
    PARTIES = "parties"  # both sides in one cell
    APPLICANTS = "applicants"
    RESPONDENTS = "respondents"
    ID_NUMBERS = "id_numbers"  # in the parties' order, applicants first
    APPLICANT_IDS = "applicant_ids"
    RESPONDENT_IDS = "respondent_ids"
    PHONES = "phones"
    APPLICANT_PHONES = "applicant_phones"
    RESPONDENT_PHONES = "respondent_phones"
    DISPUTE_TYPE = "dispute_type"
    SUMMARY = "summary"
    RESULT = "result"
    AMOUNT = "amount"
    CLOSED_ON = "closed_on"
    MEDIATOR = "mediator"

    @property
    def label_zh(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS: dict[LedgerField, str] = {
    LedgerField.SERIAL: "序号",
    LedgerField.CASE_NO: "案号",
    LedgerField.REGISTERED_ON: "受理日期",
    LedgerField.SOURCE: "案件来源",
    LedgerField.PARTIES: "当事人（双方）",
    LedgerField.APPLICANTS: "申请人",
    LedgerField.RESPONDENTS: "被申请人",
    LedgerField.ID_NUMBERS: "身份证号码（按当事人顺序）",
    LedgerField.APPLICANT_IDS: "申请人身份证号码",
    LedgerField.RESPONDENT_IDS: "被申请人身份证号码",
    LedgerField.PHONES: "联系电话（按当事人顺序）",
    LedgerField.APPLICANT_PHONES: "申请人联系电话",
    LedgerField.RESPONDENT_PHONES: "被申请人联系电话",
    LedgerField.DISPUTE_TYPE: "纠纷类型",
    LedgerField.SUMMARY: "纠纷简要情况",
    LedgerField.RESULT: "调解结果",
    LedgerField.AMOUNT: "协议金额",
    LedgerField.CLOSED_ON: "结案日期",
    LedgerField.MEDIATOR: "调解员",
}

_F = LedgerField
# Header words studios use, per field.  Matched after squashing spaces, line breaks
# and brackets; an exact match beats a containing one, a longer word a shorter one.
SYNONYMS: dict[LedgerField, tuple[str, ...]] = {
    _F.SERIAL: ("序号", "顺序号", "编号序号", "No"),
    _F.CASE_NO: ("案号", "案件编号", "案件号", "卷宗号", "卷号", "编号", "调解案号", "登记编号"),
    _F.REGISTERED_ON: ("受理日期", "登记日期", "收案日期", "立案日期", "受理时间", "登记时间",
                       "收案时间", "申请日期", "受理日", "日期"),
    _F.SOURCE: ("案件来源", "纠纷来源", "来源", "受理方式", "案件来源方式"),
    _F.PARTIES: ("当事人", "当事人姓名", "双方当事人", "纠纷当事人", "当事人名称", "当事人双方"),
    _F.APPLICANTS: ("申请人", "申请人姓名", "申请方", "甲方", "当事人甲", "申请人名称",
                    "当事人申请人", "申请人甲方"),
    _F.RESPONDENTS: ("被申请人", "被申请人姓名", "被申请方", "乙方", "当事人乙", "对方当事人",
                     "被申请人名称", "当事人被申请人", "被申请人乙方"),
    _F.ID_NUMBERS: ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证",
                    "当事人身份证号码", "当事人身份证号"),
    _F.APPLICANT_IDS: ("申请人身份证号", "申请人身份证号码", "申请人证件号码", "申请人身份证",
                       "甲方身份证号码"),
    _F.RESPONDENT_IDS: ("被申请人身份证号", "被申请人身份证号码", "被申请人证件号码",
                        "被申请人身份证", "乙方身份证号码"),
    _F.PHONES: ("联系电话", "电话", "联系方式", "手机", "手机号码", "当事人联系电话"),
    _F.APPLICANT_PHONES: ("申请人电话", "申请人联系电话", "申请人联系方式", "申请人手机"),
    _F.RESPONDENT_PHONES: ("被申请人电话", "被申请人联系电话", "被申请人联系方式",
                           "被申请人手机"),
    _F.DISPUTE_TYPE: ("纠纷类型", "纠纷类别", "案件类型", "案件类别", "纠纷种类", "类型", "类别",
                      "案由", "纠纷性质"),
    _F.SUMMARY: ("纠纷简要情况", "简要案情", "纠纷概况", "主要案情", "案情简介", "基本案情",
                 "纠纷事由", "主要事实", "案情摘要", "纠纷情况", "简要情况", "纠纷内容", "案情"),
    _F.RESULT: ("调解结果", "处理结果", "结果", "调解情况", "是否成功", "调处结果"),
    _F.AMOUNT: ("协议金额", "协议涉及金额", "涉及金额", "标的额", "金额", "协议金额元",
                "涉案金额"),
    _F.CLOSED_ON: ("结案日期", "结案时间", "办结日期", "调结日期", "办结时间", "调结时间"),
    _F.MEDIATOR: ("调解员", "承办人", "经办人", "主持人", "调解人员", "承办调解员", "调解人"),
}
# Words a second header row uses under a merged parent (申请人 over 姓名 | 身份证号).
SUBHEADER_WORDS = ("姓名", "名称", "身份证号", "身份证号码", "证件号码", "电话", "联系电话",
                   "住址", "地址", "性别", "年龄", "申请人", "被申请人", "甲方", "乙方")


def squash(text: str) -> str:
    """A header cell's words without spaces, line breaks, brackets and colons."""
    return re.sub(r"[\s()（）【】\[\]:：*＊/、]+", "", text)


def _score(header: str) -> tuple[int, LedgerField | None]:
    """How surely ``header`` names a field (0: not at all) and which."""
    h = squash(header)
    if not h or len(h) > 30:
        return 0, None
    best: tuple[int, LedgerField | None] = (0, None)
    for fld, words in SYNONYMS.items():
        for w in words:
            if h == w or h.lower() == w.lower():
                score = 100 + len(w)
            elif len(w) >= 2 and w in h:
                score = len(w)
            else:
                continue
            if score > best[0]:
                best = (score, fld)
    return best


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    letter: str  # A, B, … AA as Excel shows it
    header: str  # the header words (parent / child for a two-row header)


@dataclass
class ColumnMapping:
    """Which column holds which field; the caller may change it before importing."""

    columns: dict[LedgerField, int] = field(default_factory=dict)

    def get(self, fld: LedgerField) -> int | None:
        return self.columns.get(fld)

    def set(self, fld: LedgerField, index: int | None) -> None:
        """Map ``fld`` to a column (None: to no column); a column holds one field."""
        for other, i in list(self.columns.items()):
            if i == index and other is not fld:
                del self.columns[other]
        if index is None:
            self.columns.pop(fld, None)
        else:
            self.columns[fld] = index

    def problems(self) -> list[str]:
        """What the mapping lacks for an import (Chinese, one line each)."""
        out = []
        if _F.REGISTERED_ON not in self.columns:
            out.append("没有指定“受理日期”所在的列")
        has_sides = _F.APPLICANTS in self.columns or _F.RESPONDENTS in self.columns
        if not has_sides and _F.PARTIES not in self.columns:
            out.append("没有指定当事人（或申请人、被申请人）所在的列")
        return out


@dataclass(frozen=True)
class HeaderGuess:
    first_row: int  # 0-based index of the (first) header row among the rows given
    rows: int  # 1 or 2
    columns: tuple[Column, ...]
    mapping: ColumnMapping
    title: str  # the text above the header (the ledger's title), if any


def column_letter(index: int) -> str:
    n, out = index + 1, ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _row_fields(row: Sequence[Cell]) -> int:
    found = {f for _, f in (_score(cell_text(v)) for v in row if isinstance(v, str)) if f}
    return len(found)


def _is_subheader(row: Sequence[Cell]) -> bool:
    texts = [cell_text(v) for v in row]
    filled = [t for t in texts if t]
    if not filled or any(not isinstance(v, str) for v in row if v is not None and cell_text(v)):
        return False
    known = sum(1 for t in filled if squash(t) in SUBHEADER_WORDS or _score(t)[0])
    return known >= max(1, len(filled) - 1)


def find_header(rows: Sequence[Sequence[Cell]]) -> HeaderGuess | None:
    """The header among ``rows`` (the sheet's first rows) and a mapping proposal,
    or None when no row names at least :data:`MIN_HEADER_FIELDS` known fields."""
    best_i, best_n = -1, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        n = _row_fields(row)
        if n > best_n:
            best_i, best_n = i, n
    if best_n < MIN_HEADER_FIELDS:
        return None
    top = list(rows[best_i])
    two = best_i + 1 < len(rows) and _is_subheader(rows[best_i + 1])
    bottom = list(rows[best_i + 1]) if two else []
    width = max(len(top), len(bottom))
    top += [None] * (width - len(top))
    bottom += [None] * (width - len(bottom))
    columns: list[Column] = []
    candidates: list[tuple[int, int, LedgerField]] = []
    parent = ""
    for i in range(width):
        t, b = cell_text(top[i]), cell_text(bottom[i])
        # A merged parent reads as its first cell only: carry it right over its children.
        if t:
            parent = t
        elif not b:
            parent = ""
        above = t or (parent if b else "")
        header = f"{above}/{b}" if above and b else (above or b)
        if not header:
            continue
        columns.append(Column(i, column_letter(i), header))
        options = [_score(f"{above}{b}"), _score(b) if b else (0, None), _score(above),
                   _score(f"{b}{above}") if b else (0, None)]
        if b and options[1][0] >= 100:
            # The child's own word decides unless parent + child name something more precise.
            options[2] = (0, None)
        score, fld = max(options, key=lambda o: o[0])
        if fld is not None:
            candidates.append((score, i, fld))
    mapping = ColumnMapping()
    for _, i, fld in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if fld not in mapping.columns and i not in mapping.columns.values():
            mapping.columns[fld] = i
    _resolve_sides(mapping)
    title = " ".join(cell_text(v) for r in rows[:best_i] for v in r if cell_text(v))[:200]
    return HeaderGuess(best_i, 2 if two else 1, tuple(columns), mapping, title)


def _resolve_sides(mapping: ColumnMapping) -> None:
    """Applicant and respondent columns make a both-sides 当事人 column redundant
    (the 当事人 header was only their merged parent)."""
    cols = mapping.columns
    if _F.APPLICANTS in cols and _F.RESPONDENTS in cols:
        cols.pop(_F.PARTIES, None)


def header_matches(row: Sequence[Cell], columns: Sequence[Column]) -> bool:
    """Whether a data row repeats the header (a header printed again on every page)."""
    hits = 0
    for col in columns:
        value = row[col.index] if col.index < len(row) else None
        if isinstance(value, str) and value.strip() and value.strip() in col.header:
            hits += 1
    return hits >= MIN_HEADER_FIELDS


def describe_mapping(mapping: ColumnMapping, columns: Sequence[Column]) -> list[str]:
    """The mapping in words, for the CLI and the logs (headers are not personal data)."""
    by_index: Mapping[int, Column] = {c.index: c for c in columns}
    out = []
    for fld in LedgerField:
        i = mapping.get(fld)
        if i is not None:
            col = by_index.get(i)
            head = f"“{col.header}”" if col else ""
            out.append(f"{fld.label_zh} ← {column_letter(i)} 列{head}")
    return out
