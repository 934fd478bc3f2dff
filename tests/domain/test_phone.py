"""Phone numbers as people write them on an application form."""

from __future__ import annotations

import pytest

from mediator.domain.phone import PhoneKind, is_valid_phone, mask_phone, parse_phone
from mediator.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "kind", "canonical"),
    [
        ("13812345678", PhoneKind.MOBILE, "13812345678"),
        ("138 1234 5678", PhoneKind.MOBILE, "13812345678"),
        ("+86 138-1234-5678", PhoneKind.MOBILE, "13812345678"),
        ("008613812345678", PhoneKind.MOBILE, "13812345678"),
        ("8613812345678", PhoneKind.MOBILE, "13812345678"),
        ("１９９１２３４５６７８", PhoneKind.MOBILE, "19912345678"),  # full-width IME digits
        ("(0757)83331234", PhoneKind.LANDLINE, "0757-83331234"),
        ("（0757）8333 1234", PhoneKind.LANDLINE, "0757-83331234"),
        ("075783331234", PhoneKind.LANDLINE, "0757-83331234"),
        ("0763-3234567", PhoneKind.LANDLINE, "0763-3234567"),  # 7-digit local number
        ("020-87654321", PhoneKind.LANDLINE, "020-87654321"),
        ("+86 10 8765 4321", PhoneKind.LANDLINE, "010-87654321"),  # trunk 0 restored
        ("+86 757 83331234", PhoneKind.LANDLINE, "0757-83331234"),
        ("0757-8333 1234转802", PhoneKind.LANDLINE, "0757-83331234-802"),
        ("0757-83331234-802", PhoneKind.LANDLINE, "0757-83331234-802"),
        ("400-888-1234", PhoneKind.SERVICE, "400-888-1234"),
    ],
)
def test_accepted_forms(typed: str, kind: PhoneKind, canonical: str) -> None:
    phone = parse_phone(typed)
    assert phone.kind is kind
    assert phone.canonical == canonical


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("1381234567", "11位"),  # a digit short
        ("12812345678", "第二位3-9"),
        ("138123456789", "11位"),
        ("010-02345678", "不能以0或1开头"),
        ("020-1234567", "8位号码"),  # 02x codes have 8-digit numbers
        ("0757-123456", "7或8位"),
        ("0123-4567890", "北京010"),
        ("83331234", "区号"),  # no area code and no studio default
        ("138-abcd-5678", "只能包含数字"),
        ("13812345678 / 13912345678", "只能填写一个号码"),
        ("", "请填写"),
        ("   ", "请填写"),
    ],
)
def test_refused_forms_say_why(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_phone(typed, field="parties[0].phone")
    assert fragment in info.value.message
    assert info.value.field == "parties[0].phone"


def test_local_number_takes_the_studio_area_code() -> None:
    assert parse_phone("83331234", default_area_code="0757").canonical == "0757-83331234"
    assert is_valid_phone("8333123", default_area_code="0763")


def test_digits_are_what_search_keys_on() -> None:
    assert parse_phone("(0757) 8333-1234").digits == "075783331234"


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("13812345678", "138****5678"),
        ("0757-83331234", "0757-****1234"),
        ("400-888-1234", "400-888-1234"),
        ("garbage", "*******"),
    ],
)
def test_mask(typed: str, masked: str) -> None:
    assert mask_phone(typed) == masked
