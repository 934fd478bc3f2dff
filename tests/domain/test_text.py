"""Names and free text: rare characters welcome, emoji and control characters refused."""

from __future__ import annotations

import pytest

from mediator.domain.text import (
    SUMMARY_MAX,
    clean_org_name,
    clean_person_name,
    clean_text,
    is_emoji,
)
from mediator.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("陈珺", "陈珺"),
        ("林㙟", "林㙟"),  # CJK Extension A
        ("𠮷野", "𠮷野"),  # plane 2: one character, not two
        ("  黄  小明 ", "黄 小明"),
        ("买买提・艾力", "买买提·艾力"),  # katakana middle dot from an IME
        ("买买提 • 艾力", "买买提·艾力"),
        ("Anna-Maria O'Neil", "Anna-Maria O'Neil"),
        ("e\u0301lodie", "élodie"),  # NFC
    ],
)
def test_person_names_kept_and_normalised(typed: str, stored: str) -> None:
    assert clean_person_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("张三😀", "第3个字符是表情符号"),
        ("张👍🏽", "表情符号"),
        ("李\u0007四", "第2个字符是控制字符"),
        ("王\u200b五", "不可见的格式字符"),
        ("赵\ue000", "私用区字符"),
        ("张三2", "数字"),
        ("张三！", "标点或符号"),
        ("·艾力", "间隔号"),
        ("", "请填写姓名"),
        ("  ", "请填写姓名"),
        ("张" * 51, "不能超过50个字"),
    ],
)
def test_bad_names_refused_naming_the_position(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_person_name(typed, field="parties[0].name")
    assert fragment in info.value.message
    assert info.value.field == "parties[0].name"


def test_rare_character_counts_as_one() -> None:
    assert clean_person_name("𠮷" * 50) == "𠮷" * 50


def test_organisation_names_allow_digits_and_brackets() -> None:
    assert clean_org_name("佛山市南海区第1物业管理有限公司（桂城分公司）").endswith("）")
    with pytest.raises(ValidationError):
        clean_org_name("好物业🏠公司")


def test_summary_over_the_limit_is_refused_with_counts() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("漏" * 20_000, field="summary", label="纠纷简要情况", max_len=SUMMARY_MAX)
    assert info.value.message == "纠纷简要情况不能超过5000个字（现有20000个字）"
    assert info.value.field == "summary"


def test_multiline_keeps_lines_and_unifies_breaks() -> None:
    text = clean_text(
        "  楼上漏水\r\n\r\n 已三个月\r",
        field="summary",
        label="纠纷简要情况",
        multiline=True,
        max_len=SUMMARY_MAX,
    )
    assert text == "楼上漏水\n\n已三个月"


def test_one_line_field_turns_pasted_breaks_into_spaces() -> None:
    assert (
        clean_text("桂城街道\n南海大道1号", field="address", label="住址") == "桂城街道 南海大道1号"
    )


def test_control_character_in_free_text_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text("漏水\x1b[31m", field="summary", label="纠纷简要情况", multiline=True)
    assert "第3个字符是控制字符" in info.value.message


def test_required_empty_text() -> None:
    with pytest.raises(ValidationError, match="请填写住址"):
        clean_text(" ", field="address", label="住址", required=True)


@pytest.mark.parametrize("ch", ["①", "℃", "☆", "㎡", "※", "¥"])
def test_chinese_text_symbols_are_not_emoji(ch: str) -> None:
    assert not is_emoji(ch)
    assert clean_text(f"面积20{ch}", field="f", label="x") == f"面积20{ch}"
