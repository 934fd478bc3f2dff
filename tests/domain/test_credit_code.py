"""Unified social credit codes of organisation parties (GB 32100)."""

from __future__ import annotations

import pytest

from mediator.domain.credit_code import is_valid_credit_code, parse_credit_code
from mediator.errors import ValidationError


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000802100433B"])
def test_real_codes_are_valid(code: str) -> None:
    assert is_valid_credit_code(code)


def test_lower_case_and_spaces_are_normalised() -> None:
    assert parse_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91350100M000100Y44", "校验位"),
        ("91350100M000100Y4", "18位"),
        ("91350100M0001O0Y43", "不含I、O"),  # letter O for zero
        ("", "请填写"),
    ],
)
def test_bad_codes(code: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_credit_code(code)
    assert fragment in info.value.message
