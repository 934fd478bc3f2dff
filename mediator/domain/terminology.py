"""用语校对 — the terminology check run before an agreement is finalised.

Mediators are not lawyers, and a few words that sound alike mean different
things in law: 订金 is refundable, 定金 forfeits or doubles (民法典 art. 586-587);
抚养 is what parents owe children, 扶养 what spouses and siblings owe each other,
赡养 what children owe parents; 赔偿 admits liability, 补偿 does not.  The check
cannot know which one the parties meant, so it *warns* at every occurrence with
the difference explained, and the mediator confirms (acknowledges the rule) or
corrects the word before anyone signs (DOMAIN.md, "Drafting pitfalls").

Rules are data.  :data:`DEFAULT_RULES` ships with the app; a studio adds its own
(dialect words, names of local places often mistyped) in a JSON file read by
:func:`rules_from_mapping`, merged with :func:`merge_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mediator.errors import ValidationError

CONTEXT_CHARS = 12


@dataclass(frozen=True)
class TermRule:
    code: str  # stable key, used to remember that the mediator acknowledged it
    pattern: str  # a regular expression
    advice: str  # the difference, explained in one or two Chinese sentences
    suggestion: str = ""  # the word more often meant, if any

    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern, self.code)


def _compile(pattern: str, code: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValidationError(
            f"用语校对规则“{code}”的匹配式有误：{exc.msg}", field=f"terminology:{code}"
        ) from None


_DATE_AFTER = r"(?=\s*(?:[0-9０-９〇零一二两三四五六七八九十]|目前|今日|本协议|签订))"

DEFAULT_RULES: tuple[TermRule, ...] = (
    TermRule(
        "dingjin_refundable",
        "订金",
        "“订金”不适用定金罚则，违约时一般只能返还。若约定“给付方违约不退、收受方违约双倍返还”，"
        "应写“定金”，且不得超过主合同标的额的20%。",
        "定金",
    ),
    TermRule(
        "dingjin_penalty",
        "定金",
        "“定金”适用定金罚则：给付方违约无权要回，收受方违约须双倍返还，数额不得超过主合同标的额"
        "的20%。若只是预先支付的款项，应写“预付款”或“订金”。",
        "订金",
    ),
    TermRule(
        "fuyang_children",
        "抚养",
        "“抚养”用于父母对子女。夫妻之间、兄弟姐妹之间应写“扶养”，子女对父母应写“赡养”。",
        "扶养",
    ),
    TermRule(
        "fuyang_spouses",
        "扶养",
        "“扶养”用于夫妻之间、兄弟姐妹之间。父母对子女应写“抚养”，子女对父母应写“赡养”。",
        "抚养",
    ),
    TermRule(
        "shanyang_parents",
        "赡养",
        "“赡养”用于子女对父母（孙子女对祖父母）。父母对子女应写“抚养”。",
    ),
    TermRule(
        "buchang_no_fault",
        "补偿",
        "“补偿”不以过错为前提（如双方都无过错、公平分担损失）。若一方因侵权或违约承担责任，应写“赔偿”。",
        "赔偿",
    ),
    TermRule(
        "peichang_liability",
        "赔偿",
        "“赔偿”表示一方承担侵权或违约责任。若双方均无过错、只是分担损失，应写“补偿”。",
        "补偿",
    ),
    TermRule(
        "jiezhi_until",
        "截止" + _DATE_AFTER,
        "表示“到某时为止”应写“截至”（如“截至2026年3月31日”）；“截止”意为到期停止，后面不接时间。",
        "截至",
    ),
    TermRule("zhang_money", "帐(?=[户号目款单本])", "涉及钱款的“账户、账目、账款”用“账”。", "账"),
    TermRule("quanli_rights", "权力(?=义务)", "“权利义务”的“权利”是利益之“利”。", "权利"),
    TermRule("qianding_sign", "签定", "订立协议、合同写“签订”。", "签订"),
    TermRule(
        "court_terms",
        "原告|被告",
        "人民调解中当事人称“申请人”“被申请人”（或写姓名），不称“原告”“被告”。",
        "申请人/被申请人",
    ),
)


@dataclass(frozen=True)
class TermWarning:
    rule: TermRule
    start: int  # offset of the match in the checked text
    end: int
    matched: str
    excerpt: str  # the match with a little context, for the warning list


def check_terminology(
    text: str,
    rules: Sequence[TermRule] = DEFAULT_RULES,
    *,
    acknowledged: Collection[str] = (),
) -> list[TermWarning]:
    """Every occurrence of a watched word in ``text``, in text order.

    Rules whose code is in ``acknowledged`` (the mediator confirmed the word is
    meant) are skipped, so a finalised agreement can show an empty list.
    """
    found: list[TermWarning] = []
    for rule in rules:
        if rule.code in acknowledged:
            continue
        for m in rule.compiled().finditer(text):
            lo = max(0, m.start() - CONTEXT_CHARS)
            hi = min(len(text), m.end() + CONTEXT_CHARS)
            excerpt = text[lo:hi].replace("\n", " ")
            found.append(TermWarning(rule, m.start(), m.end(), m.group(), excerpt))
    return sorted(found, key=lambda w: (w.start, w.rule.code))


def check_terms(
    terms: Iterable[str],
    rules: Sequence[TermRule] = DEFAULT_RULES,
    *,
    acknowledged: Collection[str] = (),
) -> list[tuple[int, TermWarning]]:
    """Check a list of agreement terms; pairs of (term index, warning)."""
    return [
        (i, w)
        for i, term in enumerate(terms)
        for w in check_terminology(term, rules, acknowledged=acknowledged)
    ]


def rules_from_mapping(data: Mapping[str, Any]) -> tuple[TermRule, ...]:
    """Rules from a studio's JSON file: ``{"version": 1, "rules": [{...}]}``.

    Each rule has ``code``, ``advice`` and either ``word`` (matched literally) or
    ``pattern`` (a regular expression), and optionally ``suggestion``.
    """
    raw = data.get("rules")
    if not isinstance(raw, list):
        raise ValidationError("用语校对规则文件应含 rules 列表", field="terminology")
    out: list[TermRule] = []
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise ValidationError(f"用语校对规则第{i}条应为对象", field="terminology")
        code, advice = item.get("code"), item.get("advice")
        word, pattern = item.get("word"), item.get("pattern")
        if not isinstance(code, str) or not code.strip():
            raise ValidationError(f"用语校对规则第{i}条缺少 code", field="terminology")
        if not isinstance(advice, str) or not advice.strip():
            raise ValidationError(f"用语校对规则第{i}条缺少说明 advice", field="terminology")
        if isinstance(word, str) and word:
            pattern = re.escape(word)
        if not isinstance(pattern, str) or not pattern:
            raise ValidationError(f"用语校对规则第{i}条需要 word 或 pattern", field="terminology")
        suggestion = item.get("suggestion", "")
        rule = TermRule(code.strip(), pattern, advice.strip(), str(suggestion or ""))
        rule.compiled()  # refuse a broken pattern now, not while a mediator is drafting
        out.append(rule)
    return tuple(out)


def merge_rules(base: Sequence[TermRule], extra: Sequence[TermRule]) -> tuple[TermRule, ...]:
    """``base`` with ``extra`` added; a rule in ``extra`` replaces the one with its code."""
    replaced = {r.code: r for r in extra}
    kept = [replaced.pop(r.code, r) for r in base]
    return (*kept, *(r for r in extra if r.code in replaced))
