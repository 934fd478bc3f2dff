"""What the statistics need to know about one case (统计要素) and its difficulty grade.

The monthly report a studio hands upward (DOMAIN.md, "Statistics") counts more than
the case file itself records: how many people a dispute involves (涉及人数),
whether it is a group dispute (群体性纠纷), what escalation the mediation prevented
(防止民转刑, 防止群体性上访, 防止群体性械斗, 防止自杀 — each with the number of
people), the amount in dispute (标的额, in fen like all money here), and which kind
of mediating body handled it (调解组织类型: 村(居), 乡镇(街道), 企事业单位,
行业性专业性 — the studio's kind unless a case says otherwise).

The difficulty grade (案件难易程度) is what a 以案定补 subsidy claim is paid by.
It is *derived* from the facts above, so two mediators grade alike:

* 重大疑难 (``major``): a group dispute (10 people or more, or marked as one), or
  any prevention outcome (each is an escalation the case had to stop: a civil
  dispute turning criminal, a group petition, a group fight, a suicide), or an
  amount in dispute above 100,000 元 (DOMAIN.md: "amount > 100,000 元").
* 一般 (``ordinary``): otherwise, 3 people or more (more than the usual two
  sides), or an amount in dispute of 10,000 元 or more.
* 简单 (``simple``): everything else.

A person may set another grade (the rule cannot see, say, a dispute that dragged
on for years), but only with a written reason: the subsidy auditor asks for it.

Pure rules: no storage, no Qt.  Codes are stable English words stored in the
database and sent over sync; the Chinese labels are for documents and reports.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from mediator.domain.money import MAX_FEN

GROUP_THRESHOLD = 10  # 群体性纠纷: ten people or more
MAJOR_AMOUNT_FEN = 100_000 * 100  # 标的额 above this (strictly) is 重大疑难
ORDINARY_AMOUNT_FEN = 10_000 * 100  # 标的额 of this or more is at least 一般
ORDINARY_PEOPLE = 3  # more than a two-sided dispute
MAX_PEOPLE = 100_000  # far beyond any mediated dispute; guards against a typo's extra zeros
REASON_MAX = 500


class BodyType(enum.StrEnum):
    """调解组织类型 — the kind of people's mediation committee."""

    VILLAGE = "village"  # 村(居)民委员会人民调解委员会
    TOWNSHIP = "township"  # 乡镇(街道)人民调解委员会
    ENTERPRISE = "enterprise"  # 企事业单位人民调解委员会
    SECTOR = "sector"  # 行业性、专业性人民调解委员会


BODY_TYPE_LABELS_ZH: dict[BodyType, str] = {
    BodyType.VILLAGE: "村(居)",
    BodyType.TOWNSHIP: "乡镇(街道)",
    BodyType.ENTERPRISE: "企事业单位",
    BodyType.SECTOR: "行业性专业性",
}


class Prevention(enum.StrEnum):
    """防止激化 — an escalation the mediation prevented (counted in cases and people)."""

    CRIMINAL = "criminal"  # 防止民转刑
    PETITION = "petition"  # 防止群体性上访
    FIGHT = "fight"  # 防止群体性械斗
    SUICIDE = "suicide"  # 防止自杀


PREVENTION_LABELS_ZH: dict[Prevention, str] = {
    Prevention.CRIMINAL: "防止民转刑",
    Prevention.PETITION: "防止群体性上访",
    Prevention.FIGHT: "防止群体性械斗",
    Prevention.SUICIDE: "防止自杀",
}


class Grade(enum.StrEnum):
    """案件难易程度 for 以案定补 subsidy claims."""

    SIMPLE = "simple"  # 简单
    ORDINARY = "ordinary"  # 一般
    MAJOR = "major"  # 重大疑难


GRADE_LABELS_ZH: dict[Grade, str] = {
    Grade.SIMPLE: "简单",
    Grade.ORDINARY: "一般",
    Grade.MAJOR: "重大疑难",
}


@dataclass(frozen=True)
class CaseFacts:
    """One case's statistics facts as a mediator states them.

    ``people_involved`` 0 means "not stated" (reports then count the parties);
    ``prevented`` maps each prevention outcome to its number of people;
    ``body_type`` None means the studio's own kind; ``grade_override`` None means
    the derived grade stands.
    """

    people_involved: int = 0
    group_marked: bool = False
    prevented: Mapping[Prevention, int] = field(default_factory=dict)
    amount_in_dispute_fen: int = 0
    body_type: BodyType | None = None
    grade_override: Grade | None = None
    grade_reason: str = ""


def is_group_dispute(facts: CaseFacts) -> bool:
    """群体性纠纷: 10 people or more, or marked as one by the mediator."""
    return facts.group_marked or facts.people_involved >= GROUP_THRESHOLD


def derived_grade(facts: CaseFacts) -> Grade:
    """The grade the rule in this module's docstring gives (override ignored)."""
    if (is_group_dispute(facts) or any(n > 0 for n in facts.prevented.values())
            or facts.amount_in_dispute_fen > MAJOR_AMOUNT_FEN):
        return Grade.MAJOR
    if (facts.people_involved >= ORDINARY_PEOPLE
            or facts.amount_in_dispute_fen >= ORDINARY_AMOUNT_FEN):
        return Grade.ORDINARY
    return Grade.SIMPLE


def grade(facts: CaseFacts) -> Grade:
    """The grade that counts: the person's override if any, else the derived one."""
    return facts.grade_override or derived_grade(facts)


def problems(facts: CaseFacts) -> list[tuple[str, str]]:
    """Every (field, Chinese message) the facts break; empty when they may be stored.

    Messages name the field, never a value (a reason may hold personal data)."""
    out: list[tuple[str, str]] = []
    if not 0 <= facts.people_involved <= MAX_PEOPLE:
        out.append(("people_involved", f"涉及人数应在0到{MAX_PEOPLE}之间。"))
    for outcome, people in facts.prevented.items():
        label = PREVENTION_LABELS_ZH[outcome]
        if not 1 <= people <= MAX_PEOPLE:
            out.append((f"prevented.{outcome.value}", f"{label}的人数应在1到{MAX_PEOPLE}之间。"))
    if not 0 <= facts.amount_in_dispute_fen <= MAX_FEN:
        out.append(("amount_in_dispute_fen", "标的额超出范围，请核对。"))
    reason = facts.grade_reason.strip()
    overridden = facts.grade_override not in (None, derived_grade(facts))
    if overridden and not reason:
        out.append(("grade_reason", "改动案件难易程度时，请写明理由。"))
    if len(reason) > REASON_MAX:
        out.append(("grade_reason", f"难易程度的理由最多{REASON_MAX}个字。"))
    return out
