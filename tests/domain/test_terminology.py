"""The terminology check that warns before an agreement is finalised."""

from __future__ import annotations

import pytest

from mediator.domain.terminology import (
    DEFAULT_RULES,
    TermRule,
    check_terminology,
    check_terms,
    merge_rules,
    rules_from_mapping,
)
from mediator.errors import ValidationError


def _codes(text: str) -> list[str]:
    return [w.rule.code for w in check_terminology(text)]


@pytest.mark.parametrize(
    ("text", "code", "suggestion"),
    [
        ("乙方已收取甲方订金5000元", "dingjin_refundable", "定金"),
        ("甲方支付定金2000元", "dingjin_penalty", "订金"),
        ("婚生子由女方抚养", "fuyang_children", "扶养"),
        ("男方每月给付扶养费800元", "fuyang_spouses", "抚养"),
        ("乙方一次性补偿甲方维修费", "buchang_no_fault", "赔偿"),
        ("乙方赔偿甲方损失3000元", "peichang_liability", "补偿"),
        ("截止2026年3月31日付清", "jiezhi_until", "截至"),
        ("转入甲方帐户", "zhang_money", "账"),
        ("双方的权力义务", "quanli_rights", "权利"),
        ("双方签定本协议", "qianding_sign", "签订"),
        ("被告应赔礼道歉", "court_terms", "申请人/被申请人"),
    ],
)
def test_each_pitfall_is_warned_with_advice(text: str, code: str, suggestion: str) -> None:
    warnings = [w for w in check_terminology(text) if w.rule.code == code]
    assert len(warnings) == 1
    assert warnings[0].rule.suggestion == suggestion
    assert warnings[0].rule.advice
    assert text[warnings[0].start : warnings[0].end] == warnings[0].matched


@pytest.mark.parametrize(
    "text",
    [
        "截止日期为2026年3月31日",  # 截止 used correctly
        "报名截止。",
        "乙方于2026年3月31日前将维修费3000元转入甲方账户",
        "帐篷一顶",  # 帐 of a tent, not of money
        "双方的权利义务",
    ],
)
def test_correct_usage_is_not_flagged(text: str) -> None:
    assert _codes(text) == []


def test_warnings_in_text_order_with_context() -> None:
    text = "一、乙方赔偿甲方3000元。二、乙方向甲方支付订金。"
    warnings = check_terminology(text)
    assert [w.matched for w in warnings] == ["赔偿", "订金"]
    assert "乙方赔偿甲方" in warnings[0].excerpt


def test_acknowledged_rules_are_quiet() -> None:
    assert check_terminology("乙方赔偿甲方3000元", acknowledged={"peichang_liability"}) == []


def test_terms_list_reports_the_term_index() -> None:
    hits = check_terms(["乙方于3月31日前修好水管", "乙方赔偿甲方3000元"])
    assert [(i, w.matched) for i, w in hits] == [(1, "赔偿")]


def test_studio_rules_from_json_with_literal_words() -> None:
    rules = rules_from_mapping(
        {
            "version": 1,
            "rules": [
                {
                    "code": "local_place",
                    "word": "桂城街(道)",
                    "advice": "地名为“桂城街道”",
                    "suggestion": "桂城街道",
                },
            ],
        }
    )
    assert rules[0].pattern == r"桂城街\(道\)"
    merged = merge_rules(DEFAULT_RULES, rules)
    assert [w.rule.code for w in check_terminology("住桂城街(道)", merged)] == ["local_place"]


def test_studio_rule_replaces_a_default_with_the_same_code() -> None:
    mine = TermRule("court_terms", "原告", "本工作室只提示原告")
    merged = merge_rules(DEFAULT_RULES, [mine])
    assert len(merged) == len(DEFAULT_RULES)
    assert [w.rule.advice for w in check_terminology("被告", merged)] == []


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({}, "rules 列表"),
        ({"rules": [{"code": "x", "advice": "a"}]}, "word 或 pattern"),
        ({"rules": [{"code": "x", "word": "甲"}]}, "advice"),
        ({"rules": [{"code": "x", "pattern": "(", "advice": "a"}]}, "匹配式有误"),
        ({"rules": ["x"]}, "应为对象"),
    ],
)
def test_broken_rule_files_are_refused(data: dict, fragment: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as info:
        rules_from_mapping(data)
    assert fragment in info.value.message
