"""The terminology check (用语校对) of an agreement's text, shared by the two flows
that proofread it: drafting (:mod:`.agreement`) and finalising (:mod:`.finalised`).

It lives below both so neither imports the other for it: the studio's rules
(built-in plus its ``terminology.json``) and the check over terms, with any 【】
blank left unfilled.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from pathlib import Path

from mediator.domain.clauses import unfilled_blanks
from mediator.domain.terminology import (
    DEFAULT_RULES,
    TermRule,
    merge_rules,
    rules_from_mapping,
)
from mediator.domain.terminology import (
    check_terms as domain_check_terms,
)
from mediator.errors import ValidationError

from .dto import TermWarningView

BLANK_ADVICE = "条款中还有未填写的【】内容，请改为实际情况。"
STUDIO_TERMINOLOGY = "terminology.json"  # in the data dir: the studio's own rules


def term_rules(data_root: Path | None) -> tuple[TermRule, ...]:
    """The built-in terminology rules plus the studio's ``terminology.json`` (if any)."""
    path = data_root / STUDIO_TERMINOLOGY if data_root is not None else None
    if path is None or not path.is_file():
        return DEFAULT_RULES
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("工作室的用语校对规则文件无法读取（terminology.json）",
                              field="terminology") from exc
    return merge_rules(DEFAULT_RULES, rules_from_mapping(data))


def check_terms(terms: Sequence[str], *, acknowledged: Collection[str] = (),
                rules: Sequence[TermRule] = DEFAULT_RULES) -> list[TermWarningView]:
    """The terminology check over agreement terms, plus any 【】 blank left unfilled.

    Flagged words can be acknowledged (the mediator confirms the word is meant);
    blanks cannot: a printed agreement never carries one.
    """
    out = [
        TermWarningView(i, w.rule.code, w.matched, w.rule.advice, w.rule.suggestion, w.excerpt)
        for i, w in domain_check_terms(terms, rules, acknowledged=acknowledged)
    ]
    for i, term in enumerate(terms):
        for blank in unfilled_blanks(term):
            out.append(TermWarningView(i, "blank", f"【{blank}】", BLANK_ADVICE, "", term[:40]))
    return sorted(out, key=lambda w: (w.term_index, w.code))
