"""GB 11643 citizen ID numbers: what a registrar types, and what must be refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediator.domain.idcard import (
    age_on,
    check_character,
    is_valid_citizen_id,
    make_citizen_id,
    mask_id_number,
    parse_citizen_id,
    upgrade_legacy,
)
from mediator.domain.status import Sex
from mediator.errors import ValidationError

TODAY = dt.date(2026, 11, 30)
# The worked example of GB 11643-1999 (a woman born 31 Dec 1949 in Beijing).
STANDARD_EXAMPLE = "11010519491231002X"


def test_standard_example_is_valid_and_decoded() -> None:
    cid = parse_citizen_id(STANDARD_EXAMPLE, today=TODAY)
    assert cid.birth_date == dt.date(1949, 12, 31)
    assert cid.sex is Sex.FEMALE
    assert cid.province == "北京市"
    assert cid.age_on(TODAY) == 76
    assert not cid.legacy


def test_foshan_man_derived_fields() -> None:
    number = make_citizen_id("440605", dt.date(1990, 3, 7), 123)  # 南海区, odd: male
    cid = parse_citizen_id(number, today=TODAY)
    assert (cid.sex, cid.birth_date, cid.region_code, cid.province) == (
        Sex.MALE,
        dt.date(1990, 3, 7),
        "440605",
        "广东省",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",  # lower-case x
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width from an IME
        "110105 19491231 002X",  # copied with spaces
        " 110105-19491231-002X ",
    ],
)
def test_common_typing_variants_are_the_same_number(typed: str) -> None:
    assert parse_citizen_id(typed, today=TODAY).number == STANDARD_EXAMPLE


def test_legacy_15_digit_form_is_recognised_and_upgraded() -> None:
    legacy = "110105491231002"  # the 15-digit form of the standard example
    cid = parse_citizen_id(legacy, today=TODAY)
    assert cid.legacy
    assert cid.number == STANDARD_EXAMPLE
    assert cid.sex is Sex.FEMALE  # last digit 2: even
    assert upgrade_legacy(legacy) == STANDARD_EXAMPLE


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("110105194912310021", "校验位"),  # last character wrong
        ("11010519491231002", "18位"),  # one digit short
        ("1101051949123100211", "18位"),
        ("11010519A91231002X", "只能是数字"),
        ("11010519491231002Y", "最后一位"),
        ("991051194912310020", "省级行政区划"),  # no province 99
        ("440000199003071230", "县级"),  # a province, not a place of registration
        ("110105194902300020", "出生日期不存在"),  # 30 February
        ("110105203001010020", "晚于今天"),
        ("110105188001010020", "早于1890"),
        ("110105490230002", "出生日期不存在"),  # legacy form, 30 February
        ("", "请填写"),
    ],
)
def test_bad_numbers_are_refused_with_the_reason(number: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_citizen_id(number, field="parties[1].id_number", today=TODAY)
    assert fragment in info.value.message
    assert info.value.field == "parties[1].id_number"
    assert "公民身份号码" in info.value.message or "请填写" in info.value.message


def test_error_message_never_repeats_the_number() -> None:
    bad = "440605199003071230"
    with pytest.raises(ValidationError) as info:
        parse_citizen_id(bad, today=TODAY)
    assert "4406" not in info.value.message and "1230" not in info.value.message


def test_hong_kong_residence_permit_prefix_is_accepted() -> None:
    assert is_valid_citizen_id(make_citizen_id("810000", dt.date(1985, 6, 1), 11), today=TODAY)


def test_repr_masks_the_number() -> None:
    cid = parse_citizen_id(STANDARD_EXAMPLE, today=TODAY)
    assert STANDARD_EXAMPLE not in repr(cid)
    assert STANDARD_EXAMPLE not in str(cid)
    assert repr(cid) == "CitizenId('110105********002X')"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("440602199003071234", "440602********1234"),
        ("110105491231002", "110105*****1002"),
        ("12345", "*****"),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert mask_id_number(text) == masked


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (dt.date(1990, 3, 7), dt.date(2026, 3, 6), 35),
        (dt.date(1990, 3, 7), dt.date(2026, 3, 7), 36),
        (dt.date(2000, 2, 29), dt.date(2026, 2, 27), 25),
        (dt.date(2000, 2, 29), dt.date(2026, 2, 28), 26),  # month-end rule in a common year
        (dt.date(2000, 2, 29), dt.date(2028, 2, 28), 27),  # leap year: waits for the 29th
        (dt.date(2000, 2, 29), dt.date(2028, 2, 29), 28),
    ],
)
def test_age_in_full_years(birth: dt.date, day: dt.date, age: int) -> None:
    assert age_on(birth, day) == age


births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
regions = st.sampled_from(["110105", "440604", "440605", "440606", "450102", "469001", "650102"])


@given(region=regions, birth=births, seq=st.integers(0, 999))
def test_every_made_number_parses_back(region: str, birth: dt.date, seq: int) -> None:
    cid = parse_citizen_id(make_citizen_id(region, birth, seq), today=TODAY)
    assert cid.birth_date == birth
    assert cid.sex is (Sex.MALE if seq % 2 else Sex.FEMALE)


@given(
    birth=births,
    seq=st.integers(0, 999),
    pos=st.integers(0, 16),
    delta=st.integers(1, 9),
)
def test_any_single_digit_typo_is_caught(birth: dt.date, seq: int, pos: int, delta: int) -> None:
    number = make_citizen_id("440604", birth, seq)
    wrong = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert not is_valid_citizen_id(wrong, today=TODAY)


@given(birth=births, seq=st.integers(0, 999), pos=st.integers(0, 15))
def test_swapping_two_different_neighbours_is_caught(birth: dt.date, seq: int, pos: int) -> None:
    number = make_citizen_id("440606", birth, seq)
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    assert not is_valid_citizen_id(swapped, today=TODAY)


def test_check_character_needs_17_digits() -> None:
    with pytest.raises(ValueError):
        check_character("1234")
