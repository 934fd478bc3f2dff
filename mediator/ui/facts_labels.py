"""Display words of a case's statistics facts (统计要素): grade, body, prevention, and why.

The registration form, the outcome step and the case details all show the
difficulty grade the same way — "本案难易程度：一般（依据：涉及3人）" — so a
mediator sees *why* the rule graded the case as it did before deciding to change
it.  The basis is worked out here from the rule's own thresholds
(:mod:`mediator.domain.case_facts`), never restated as numbers of our own.

The Chinese labels are the domain's (the reports print them); the English ones
and the sentences go through Qt (context ``FactsLabels``, Chinese in
``mediator/ui/TRANSLATIONS_zh_CN.md``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mediator.domain.case_facts import (
    BODY_TYPE_LABELS_ZH,
    GRADE_LABELS_ZH,
    GROUP_THRESHOLD,
    MAJOR_AMOUNT_FEN,
    ORDINARY_AMOUNT_FEN,
    ORDINARY_PEOPLE,
    PREVENTION_LABELS_ZH,
    BodyType,
    CaseFacts,
    Grade,
    Prevention,
    derived_grade,
    grade,
    is_group_dispute,
)
from mediator.ui.labels import chinese


def _tr(text: str) -> str:
    return QCoreApplication.translate("FactsLabels", text)


def grade_label(value: Grade) -> str:
    if chinese():
        return GRADE_LABELS_ZH[value]
    return {Grade.SIMPLE: _tr("Simple"), Grade.ORDINARY: _tr("Ordinary"),
            Grade.MAJOR: _tr("Major or difficult")}[value]


def body_label(value: BodyType) -> str:
    if chinese():
        return BODY_TYPE_LABELS_ZH[value]
    return {BodyType.VILLAGE: _tr("Village (residents') committee"),
            BodyType.TOWNSHIP: _tr("Township (sub-district)"),
            BodyType.ENTERPRISE: _tr("Enterprise or institution"),
            BodyType.SECTOR: _tr("Sector or professional")}[value]


def prevention_label(value: Prevention) -> str:
    if chinese():
        return PREVENTION_LABELS_ZH[value]
    return {Prevention.CRIMINAL: _tr("Kept a civil dispute from turning criminal"),
            Prevention.PETITION: _tr("Prevented a group petition"),
            Prevention.FIGHT: _tr("Prevented a group fight"),
            Prevention.SUICIDE: _tr("Prevented a suicide")}[value]


def people_text(n: int) -> str:
    return _tr("%1 people involved").replace("%1", str(n))


def grade_basis(facts: CaseFacts, parties: int = 0) -> str:
    """What the rule graded on, in a few words ("涉及3人"); ``parties`` stands in for
    the people involved when none are stated."""
    people = facts.people_involved or parties
    found = derived_grade(facts)
    reasons: list[str] = []
    if found is Grade.MAJOR:
        if is_group_dispute(facts):
            reasons.append(_tr("a group dispute") if facts.group_marked and
                           facts.people_involved < GROUP_THRESHOLD else people_text(people))
        reasons += [prevention_label(p) for p in Prevention if facts.prevented.get(p, 0) > 0]
        if facts.amount_in_dispute_fen > MAJOR_AMOUNT_FEN:
            reasons.append(_tr("amount in dispute over %1 yuan")
                           .replace("%1", f"{MAJOR_AMOUNT_FEN // 100:,}"))
    elif found is Grade.ORDINARY:
        if people >= ORDINARY_PEOPLE:
            reasons.append(people_text(people))
        if facts.amount_in_dispute_fen >= ORDINARY_AMOUNT_FEN:
            reasons.append(_tr("amount in dispute of %1 yuan or more")
                           .replace("%1", f"{ORDINARY_AMOUNT_FEN // 100:,}"))
    else:
        reasons.append(people_text(people))
    return _tr(", ").join(reasons)


def grade_line(facts: CaseFacts, parties: int = 0) -> str:
    """"本案难易程度：一般（依据：涉及3人）", or the mediator's grade with the rule's."""
    if facts.grade_override is not None and facts.grade_override is not derived_grade(facts):
        return (_tr("Difficulty of this case: %1 (changed by the mediator; the rule gives %2)")
                .replace("%1", grade_label(grade(facts)))
                .replace("%2", grade_label(derived_grade(facts))))
    return (_tr("Difficulty of this case: %1 (based on: %2)")
            .replace("%1", grade_label(derived_grade(facts)))
            .replace("%2", grade_basis(facts, parties)))
