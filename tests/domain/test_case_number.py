"""Case numbers: （2026）桂城人调字第12号, per committee per year, never colliding."""

from __future__ import annotations

import pytest

from mediator.domain.case_number import (
    CaseNumber,
    NumberBlock,
    NumbersExhaustedError,
    check_prefix,
    format_case_number,
    next_serial,
    parse_case_number,
)
from mediator.errors import ValidationError


def test_format_in_the_committee_scheme() -> None:
    assert format_case_number(2026, "桂城", 12) == "（2026）桂城人调字第12号"


@pytest.mark.parametrize(
    "typed",
    [
        "（2026）桂城人调字第12号",
        "(2026)桂城人调字第12号",
        "〔2026〕桂城人调字第 12 号",
        " 【2026】 桂城 人调字第12号 ",
    ],
)
def test_parse_accepts_common_bracket_styles(typed: str) -> None:
    number = parse_case_number(typed)
    assert (number.year, number.prefix, number.serial) == (2026, "桂城", 12)
    assert str(number) == "（2026）桂城人调字第12号"


def test_parse_keeps_another_committees_designator() -> None:
    number = parse_case_number("（2019）南海民调字第3号")
    assert (number.prefix, number.designator) == ("南海", "民调字")
    assert str(number) == "（2019）南海民调字第3号"


@pytest.mark.parametrize(
    "typed", ["2026桂城人调字第12号", "（2026）桂城人调字12号", "（26）桂城人调字第1号", ""]
)
def test_parse_refuses_malformed(typed: str) -> None:
    with pytest.raises(ValidationError, match="案件编号格式"):
        parse_case_number(typed)


def test_parse_refuses_serial_zero() -> None:
    with pytest.raises(ValidationError, match="从1开始"):
        parse_case_number("（2026）桂城人调字第0号")


def test_numbers_sort_by_serial_not_text() -> None:
    texts = ["（2026）桂城人调字第10号", "（2025）桂城人调字第99号", "（2026）桂城人调字第9号"]
    ordered = sorted(parse_case_number(t) for t in texts)
    assert [str(n) for n in ordered] == [texts[1], texts[2], texts[0]]


@pytest.mark.parametrize(
    ("prefix", "fragment"),
    [
        ("", "请填写"),
        ("桂城人调字", "不必写"),
        ("桂城（南海）", "括号"),
        ("第一", "括号、数字"),
        ("桂 城", "空格"),
        ("桂" * 21, "20个字"),
    ],
)
def test_bad_prefixes(prefix: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_prefix(prefix)
    assert fragment in info.value.message
    assert info.value.field == "case_prefix"


def test_single_pc_studio_counts_from_one() -> None:
    assert next_serial(2026, None) == 1
    assert next_serial(2026, 12) == 13


def test_leased_blocks_are_used_in_order_and_never_overlap() -> None:
    blocks = [NumberBlock(2026, 101, 103), NumberBlock(2026, 1, 3), NumberBlock(2025, 1, 500)]
    issued: list[int] = []
    last = None
    for _ in range(6):
        last = next_serial(2026, last, blocks)
        issued.append(last)
    assert issued == [1, 2, 3, 101, 102, 103]
    with pytest.raises(NumbersExhaustedError, match="联网同步"):
        next_serial(2026, last, blocks)


def test_no_block_for_the_year_means_sync_first() -> None:
    with pytest.raises(NumbersExhaustedError):
        next_serial(2027, None, [NumberBlock(2026, 1, 100)])


def test_case_number_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        CaseNumber(26, "桂城", 1)
    with pytest.raises(ValueError):
        NumberBlock(2026, 5, 4)
