"""Helpers of the outcome form's agreement text: what the form fills in for the
mediator, and what it refuses before anything is sent to be saved.

* 纠纷主要事实 starts from what was registered (纠纷简要情况 and the 申请事项),
  so the mediator edits rather than retypes; the agreement keeps its own copy, the
  registration is never changed by editing it here.
* The parties as an agreement term names them, for the clause library (roles and
  names instead of 甲方 / 乙方) and for the obligor a term implies.
* A clause template's 【…】 placeholder left in the text is named in the desk's
  language before saving (the service refuses it too, in Chinese).
"""

from __future__ import annotations

from collections.abc import Iterable

from mediator.domain.clauses import unfilled_blanks
from mediator.domain.term_parties import TermParty
from mediator.domain.text import SUMMARY_MAX
from mediator.services.workflow.dto import CaseOverview

from .common import tr


def facts_from_registration(ov: CaseOverview) -> str:
    """The registered summary, then the matters asked for (争议事项), as one paragraph."""
    summary = ov.summary.strip()
    requests = [r.strip().rstrip("。；;") for r in ov.requests if r.strip()]
    text = summary
    if requests:
        if text and not text.endswith(("。", "！", "？", ".")):
            text += "。"
        text += "争议事项：" + "；".join(requests) + "。"
    return text[:SUMMARY_MAX]


def term_parties(ov: CaseOverview | None) -> list[TermParty]:
    """The case's principals (role, name) in the case's order."""
    if ov is None:
        return []
    return [TermParty(p.id, p.role, p.name) for p in ov.principals]


def placeholder_problems(places: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(field path, message) for each text still holding a 【…】 placeholder, named."""
    problems = []
    for path, text in places:
        blanks = unfilled_blanks(text)
        if blanks:
            named = "、".join(f"【{b}】" for b in dict.fromkeys(blanks))
            problems.append((path, tr("Fill in %1: the clause's placeholder is still in the "
                                      "text.").replace("%1", named)))
    return problems
