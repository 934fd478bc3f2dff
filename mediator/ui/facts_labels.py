"""Display words of a case's statistics facts (统计要素): grade, body, prevention, and why.

The registration form, the outcome step and the case details all show the
difficulty grade the same way — "本案难易程度：一般（依据：涉及3人）" — so a
mediator sees *why* the rule graded the case as it did before deciding to change
it.  The basis is worked out here from the rule's own thresholds
(:mod:`mediator.domain.case_facts`), never restated as numbers of our own.

The labels are :mod:`mediator.ui.labels`' (the domain's Chinese, or English
through Qt); the sentences go through Qt (context ``FactsLabels``, Chinese in
``mediator/ui/TRANSLATIONS_zh_CN.md``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mediator.domain.case_facts import (
    GROUP_THRESHOLD,
    MAJOR_AMOUNT_FEN,
    ORDINARY_AMOUNT_FEN,
    ORDINARY_PEOPLE,
    BodyType,
    CaseFacts,
    Grade,
    Prevention,
    derived_grade,
    grade,
    is_group_dispute,
)
from mediator.ui import labels


def grade_label(value: Grade) -> str:
    return labels.grade(value)


def body_label(value: BodyType) -> str:
    return labels.body_type(value)


def prevention_label(value: Prevention) -> str:
    return labels.prevention(value)


def people_text(n: int) -> str:
    return QCoreApplication.translate("FactsLabels", "%1 people involved").replace("%1", str(n))


def _amount_over() -> str:
    return QCoreApplication.translate("FactsLabels", "amount in dispute over %1 yuan").replace(
        "%1", f"{MAJOR_AMOUNT_FEN // 100:,}")


def _amount_at_least() -> str:
    return QCoreApplication.translate(
        "FactsLabels", "amount in dispute of %1 yuan or more").replace(
        "%1", f"{ORDINARY_AMOUNT_FEN // 100:,}")


def grade_basis(facts: CaseFacts, parties: int = 0) -> str:
    """What the rule graded on, in a few words ("涉及3人"); ``parties`` stands in for
    the people involved when none are stated."""
    people = facts.people_involved or parties
    found = derived_grade(facts)
    reasons: list[str] = []
    if found is Grade.MAJOR:
        if is_group_dispute(facts):
            marked_only = facts.group_marked and facts.people_involved < GROUP_THRESHOLD
            reasons.append(QCoreApplication.translate("FactsLabels", "a group dispute")
                           if marked_only else people_text(people))
        reasons += [prevention_label(p) for p in Prevention if facts.prevented.get(p, 0) > 0]
        if facts.amount_in_dispute_fen > MAJOR_AMOUNT_FEN:
            reasons.append(_amount_over())
    elif found is Grade.ORDINARY:
        if people >= ORDINARY_PEOPLE:
            reasons.append(people_text(people))
        if facts.amount_in_dispute_fen >= ORDINARY_AMOUNT_FEN:
            reasons.append(_amount_at_least())
    else:
        reasons.append(people_text(people))
    text = reasons[0]
    for more in reasons[1:]:  # 、 in Chinese
        text = QCoreApplication.translate("FactsLabels", "%1, %2").replace(
            "%1", text).replace("%2", more)
    return text


def grade_line(facts: CaseFacts, parties: int = 0) -> str:
    """"本案难易程度：一般（依据：涉及3人）", or the mediator's grade with the rule's."""
    rule = grade_label(derived_grade(facts))
    if facts.grade_override is not None and facts.grade_override is not derived_grade(facts):
        return QCoreApplication.translate(
            "FactsLabels",
            "Difficulty of this case: %1 (changed by the mediator; the rule gives %2)",
        ).replace("%1", grade_label(grade(facts))).replace("%2", rule)
    return QCoreApplication.translate(
        "FactsLabels", "Difficulty of this case: %1 (based on: %2)").replace(
        "%1", rule).replace("%2", grade_basis(facts, parties))
