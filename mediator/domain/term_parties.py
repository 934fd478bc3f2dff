"""Who an agreement term speaks of: the parties' role words, their names, the obligor.

A term of a 人民调解协议书 names the parties by their role in the case (申请人,
被申请人, 第三人) or by name, never as 甲方 / 乙方 (those are contract words the
party block of the agreement does not define).  Two things follow from that:

* :func:`speak_of_parties` turns a clause template into the case's words: the
  legacy 甲方 / 乙方 of a studio's own clause file become 申请人 / 被申请人, and
  when the case has exactly one party in a role, that party's name follows the
  role word (``被申请人李珺于…向申请人王某支付…``).
* :func:`obligor_mention` reads who performs a term (the 义务人 of a performance
  item): the first party named as the subject, not the one paid
  (``向申请人`` / ``给申请人``), so a performance item of
  ``被申请人于3月31日前向申请人支付…`` defaults to the respondent.

Pure text rules: no database, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mediator.domain.status import PARTY_ROLE_LABELS_ZH, PartyRole

#: Contract words of older clause files and the case role each stands for.
LEGACY_WORDS = {"甲方": PartyRole.APPLICANT, "乙方": PartyRole.RESPONDENT}
#: The role words a term may use, longest first (被申请人 contains 申请人).
_ROLE_WORDS = sorted(((PARTY_ROLE_LABELS_ZH[r], r) for r in
                      (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY)),
                     key=lambda item: -len(item[0]))
#: A party named right after one of these receives, it does not perform.
_RECEIVING = ("向", "给", "对", "与", "和", "及", "替", "为", "帮", "跟", "至", "交", "付")


@dataclass(frozen=True)
class TermParty:
    """A principal of the case as a term may name it (id, role, name)."""

    id: str
    role: PartyRole
    name: str


def speak_of_parties(text: str, parties: Sequence[TermParty] = ()) -> str:
    """``text`` in the case's words: 甲方/乙方 as roles, a sole party's name after its role.

    A role with several parties (two respondents) keeps the bare role word: the
    name would pick one of them arbitrarily.
    """
    for word, role in LEGACY_WORDS.items():
        text = text.replace(word, PARTY_ROLE_LABELS_ZH[role])
    names = {}
    for role in (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY):
        of_role = [p for p in parties if p.role is role and p.name.strip()]
        if len(of_role) == 1:
            names[PARTY_ROLE_LABELS_ZH[role]] = of_role[0].name.strip()
    if not names:
        return text

    def named(m: re.Match[str]) -> str:
        word = m.group(0)
        name = names.get(word, "")
        if not name or text.startswith(name, m.end()):
            return word  # no single party of that role, or already named
        return word + name

    return _ROLE_PATTERN.sub(named, text)


_ROLE_PATTERN = re.compile("|".join(re.escape(w) for w, _r in _ROLE_WORDS))


def obligor_mention(text: str, parties: Sequence[TermParty]) -> str | None:
    """The id of the party ``text`` names as performing it, or None when it names none.

    The performer is the first party mentioned that is not on the receiving end
    (right after 向 / 给 / 对 …).  A party's name counts as much as its role word;
    a role word with several parties of that role means the first of them.
    """
    for word, legacy_role in LEGACY_WORDS.items():  # a mediator may still type 乙方
        text = text.replace(word, PARTY_ROLE_LABELS_ZH[legacy_role])
    mentions: list[tuple[int, int, str]] = []  # (start, end, party id)
    for p in parties:
        name = p.name.strip()
        if len(name) >= 2:
            for m in re.finditer(re.escape(name), text):
                mentions.append((m.start(), m.end(), p.id))
    for m in _ROLE_PATTERN.finditer(text):
        word = m.group(0)
        role = next(r for w, r in _ROLE_WORDS if w == word)
        first = next((p for p in parties if p.role is role), None)
        if first is not None:
            mentions.append((m.start(), m.end(), first.id))
    mentions.sort(key=lambda item: (item[0], -item[1]))
    covered = -1
    for start, end, pid in mentions:
        if start < covered:
            continue  # inside a longer mention (the name after 被申请人)
        covered = end
        before = text[:start].rstrip()
        if before.endswith(_RECEIVING):
            continue
        return pid
    return None
