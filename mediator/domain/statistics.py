"""The statistics a studio reports upward (统计报表): which figures, counted how, over when.

Every figure is counted by *one* date of the case, and which one is written down
here once, as data (:data:`FIGURES`), so every report prints the same
definitions (:func:`definitions_table`) and nobody has to guess why January's
"succeeded" can exceed January's "accepted":

* 受理日期 (``registered``): accepted cases, the people they involve, group disputes.
* 结案日期 (``closed``): the day a case ended — the date the agreement was
  reached (调解成功) or the termination date (调解不成/终止).  Succeeded,
  terminated, success rate, the amount the agreements cover, the prevention
  outcomes (stated when a case closes) and the difficulty grades.
* 履行完毕日期 (``performed``): the last obligation's performance date (or, for an
  agreement without listed obligations, the follow-up that found it performed).
* 裁定日期 (``confirmed``): the court's ruling confirming the agreement.
* 排查日期 (``screened``): screening visits and the disputes they found.

Cases refused (不予受理) are not accepted cases and count nowhere; deleted rows
never count.  A case with no statistics facts stated counts its principal
parties (not agents) as its people, the studio's kind of mediating body, and
the grade 简单.

Breakdowns: by dispute type, source, month (of the figure's own date), mediator
and mediating body.  Every additive figure's breakdown sums to its total (a
test holds the service to it); the success rate is recomputed per row.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass


class Basis(enum.StrEnum):
    """The date a figure counts a case by."""

    REGISTERED = "registered"  # 受理日期
    CLOSED = "closed"  # 结案日期
    PERFORMED = "performed"  # 履行完毕日期
    CONFIRMED = "confirmed"  # 裁定日期
    SCREENED = "screened"  # 排查日期


BASIS_LABELS_ZH: dict[Basis, str] = {
    Basis.REGISTERED: "受理日期",
    Basis.CLOSED: "结案日期",
    Basis.PERFORMED: "履行完毕日期",
    Basis.CONFIRMED: "裁定日期",
    Basis.SCREENED: "排查日期",
}


class Dimension(enum.StrEnum):
    DISPUTE_TYPE = "dispute_type"  # 纠纷类型
    SOURCE = "source"  # 案件来源
    MONTH = "month"  # 月份 (of the figure's own date)
    MEDIATOR = "mediator"  # 调解员
    BODY_TYPE = "body_type"  # 调解组织类型


DIMENSION_LABELS_ZH: dict[Dimension, str] = {
    Dimension.DISPUTE_TYPE: "纠纷类型",
    Dimension.SOURCE: "案件来源",
    Dimension.MONTH: "月份",
    Dimension.MEDIATOR: "调解员",
    Dimension.BODY_TYPE: "调解组织类型",
}


@dataclass(frozen=True)
class Figure:
    code: str
    label_zh: str
    unit_zh: str  # 件, 人, 元, %, 次
    basis: Basis
    definition_zh: str
    additive: bool = True  # False: a ratio, recomputed per breakdown row


def _f(code: str, label: str, unit: str, basis: Basis, text: str, *,
       additive: bool = True) -> Figure:
    return Figure(code, label, unit, basis, text, additive)


_PREVENTIONS = (("criminal", "防止民转刑"), ("petition", "防止群体性上访"),
                ("fight", "防止群体性械斗"), ("suicide", "防止自杀"))

FIGURES: tuple[Figure, ...] = (
    _f("accepted", "受理纠纷", "件", Basis.REGISTERED,
       "受理日期在期间内的案件（不予受理的不计）。"),
    _f("people", "涉及人数", "人", Basis.REGISTERED,
       "受理案件的涉及人数之和；未填写的按当事人（不含代理人）人数计。"),
    _f("group", "群体性纠纷", "件", Basis.REGISTERED,
       "受理案件中涉及10人以上或标为群体性的案件。"),
    _f("closed", "结案", "件", Basis.CLOSED,
       "调解成功与调解不成（终止）之和，按结案日期计。"),
    _f("succeeded", "调解成功", "件", Basis.CLOSED,
       "达成书面或口头协议且未终止的案件，按达成协议日期（结案日期）计。"),
    _f("terminated", "调解不成", "件", Basis.CLOSED,
       "调解终止的案件，按终止日期（结案日期）计。"),
    _f("success_rate", "调解成功率", "%", Basis.CLOSED,
       "调解成功件数 ÷ 结案件数 × 100，同一期间、同按结案日期。", additive=False),
    _f("amount", "协议涉及金额", "元", Basis.CLOSED,
       "调解成功案件各份协议（补充协议除外）所载金额之和，按结案日期计。"),
    *(f for code, label in _PREVENTIONS for f in (
        _f(f"prevented_{code}", f"{label}（件）", "件", Basis.CLOSED,
           f"结案案件中记录了{label}的案件数，按结案日期计。"),
        _f(f"prevented_{code}_people", f"{label}（人）", "人", Basis.CLOSED,
           f"结案案件中{label}所涉人数之和，按结案日期计。"))),
    _f("grade_simple", "简单案件", "件", Basis.CLOSED,
       "结案案件中难易程度为简单的（未填写统计要素的按简单计）。"),
    _f("grade_ordinary", "一般案件", "件", Basis.CLOSED, "结案案件中难易程度为一般的。"),
    _f("grade_major", "重大疑难案件", "件", Basis.CLOSED, "结案案件中难易程度为重大疑难的。"),
    _f("performed", "协议履行", "件", Basis.PERFORMED,
       "全部履行事项均已履行的案件，按最后一项的履行日期计；协议未列履行事项的，"
       "按回访确认已履行的日期计。"),
    _f("confirmed", "司法确认", "件", Basis.CONFIRMED,
       "人民法院裁定确认调解协议有效的案件，按裁定日期计。"),
    _f("screenings", "排查次数", "次", Basis.SCREENED, "排查日期在期间内的排查记录。"),
    _f("disputes_found", "排查发现纠纷", "件", Basis.SCREENED, "各次排查发现的纠纷数之和。"),
    _f("disputes_prevented", "排查化解纠纷", "件", Basis.SCREENED,
       "各次排查当场化解（防止）的纠纷数之和。"),
)

FIGURES_BY_CODE: dict[str, Figure] = {f.code: f for f in FIGURES}


def definitions_table() -> list[tuple[str, str, str]]:
    """(figure, date counted by, definition) rows: the note every report prints."""
    return [(f"{f.label_zh}（{f.unit_zh}）", BASIS_LABELS_ZH[f.basis], f.definition_zh)
            for f in FIGURES]


def success_rate(succeeded: int, closed: int) -> float | None:
    """Percent with one decimal; None when nothing closed (no rate, not 0 %)."""
    return round(succeeded * 100 / closed, 1) if closed else None


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included, with the label reports print."""

    start: dt.date
    end: dt.date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), f"{year}年{month}月")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError("a quarter is 1 to 4")
        first = 3 * quarter - 2
        return cls(dt.date(year, first, 1), Period.month(year, first + 2).end,
                   f"{year}年第{'一二三四'[quarter - 1]}季度")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")

    @classmethod
    def custom(cls, start: dt.date, end: dt.date) -> Period:
        return cls(start, end, f"{start:%Y年%m月%d日}至{end:%Y年%m月%d日}")
