"""Amounts: parsing what people type, and capital numerals for the agreement."""

from __future__ import annotations

import pytest

from mediator.domain.money import format_yuan, parse_amount, rmb_uppercase
from mediator.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("3000", 300_000),
        ("3,000.50", 300_050),
        ("￥3000", 300_000),
        ("¥ 3 000", 300_000),
        ("3000元", 300_000),
        ("人民币3000元整", 300_000),
        ("1.2万", 1_200_000),
        ("１２００", 120_000),  # full-width digits
        ("0.05", 5),
    ],
)
def test_parse_amount(typed: str, fen: int) -> None:
    assert parse_amount(typed) == fen


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("-100", "负数"),
        ("3000.555", "两位小数"),
        ("三千元", "应为数字"),
        ("30O0", "应为数字"),
        ("", "请填写"),
        ("99999999999999", "过大"),
    ],
)
def test_bad_amounts(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_amount(typed, field="agreement.amount", label="协议涉及金额")
    assert fragment in info.value.message
    assert info.value.field == "agreement.amount"


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (0, "人民币零元整"),
        (5, "人民币伍分"),
        (50, "人民币伍角整"),
        (1_000, "人民币壹拾元整"),
        (10_500, "人民币壹佰零伍元整"),
        (100_005, "人民币壹仟元零伍分"),
        (300_000, "人民币叁仟元整"),
        (1_000_500, "人民币壹万零伍元整"),
        (1_010_000, "人民币壹万零壹佰元整"),
        (1_100_000, "人民币壹万壹仟元整"),
        (10_000_000, "人民币壹拾万元整"),
        (1_234_567_89, "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        (10_000_010_000, "人民币壹亿零壹佰元整"),
        (110, "人民币壹元壹角整"),
    ],
)
def test_capital_numerals(fen: int, words: str) -> None:
    assert rmb_uppercase(fen) == words


def test_format_yuan() -> None:
    assert format_yuan(300_050) == "3,000.50元"
    with pytest.raises(ValueError):
        rmb_uppercase(-1)
