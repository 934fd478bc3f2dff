"""公民身份号码 — the citizen identity number of GB 11643-1999.

An 18-character number: a 6-digit administrative-division code (GB/T 2260) of
the place of first registration, the birth date ``YYYYMMDD``, a 3-digit
sequence whose last digit is odd for men and even for women, and a check
character (ISO 7064 MOD 11-2; ``X`` stands for 10).  Cards issued before 1999
carry the legacy 15-digit form (``YYMMDD`` in the 1900s, no check character);
such people still turn up at a studio with an old household register, so the
form is recognised and upgraded to 18 digits.

The region check stops at the province (the first two digits) plus the rule that
a real person is registered below province level.  A full county table would
need the historical GB/T 2260 editions (codes of abolished counties live on in
old numbers) and would wrongly refuse valid people; the checksum already catches
almost every typing mistake.  The 港澳台居民居住证 numbers 810000/820000/830000
follow the same standard and are accepted.

Errors never repeat the number: it is personal data.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from mediator.domain.status import Sex
from mediator.errors import ValidationError

# Province-level divisions of GB/T 2260 (and 71 台湾, 81 香港, 82 澳门, 83 for the
# Taiwan residents' residence permit).
PROVINCES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省",
    "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区", "83": "台湾地区（居住证）",
}  # fmt: skip
_RESIDENCE_PERMIT_REGIONS = {"810000", "820000", "830000"}

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1890

FIELD = "id_number"
LABEL = "公民身份号码"


def check_character(first17: str) -> str:
    """The 18th character for the first 17 digits (ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_character needs exactly 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalise_id_number(text: str) -> str:
    """Strip spaces and separators; full-width digits and a lower-case x are fixed.

    IMEs in full-width mode produce ``４４０６…ｘ``; people copy numbers with spaces
    (``440602 19900307 1234``).  None of that is a different number.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_").upper()


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in full years (周岁) on ``day``.

    A birthday of 29 February counts on 28 February in common years, following
    the month-end rule for periods of the Civil Code (民法典 art. 202).
    """
    years = day.year - birth_date.year
    try:
        birthday = birth_date.replace(year=day.year)
    except ValueError:  # 29 Feb in a common year
        birthday = dt.date(day.year, 2, 28)
    return years - (1 if day < birthday else 0)


@dataclass(frozen=True)
class CitizenId:
    """A checked citizen identity number and what it tells about its holder."""

    number: str  # always the 18-character form (a legacy number upgraded)
    legacy: bool  # True when it was given in the 15-digit form
    region_code: str  # 6 digits
    birth_date: dt.date
    sex: Sex

    @property
    def province(self) -> str:
        return PROVINCES[self.region_code[:2]]

    @property
    def masked(self) -> str:
        return mask_id_number(self.number)

    def age_on(self, day: dt.date) -> int:
        return age_on(self.birth_date, day)

    def __repr__(self) -> str:  # keep the full number out of logs and tracebacks
        return f"CitizenId({self.masked!r})"

    __str__ = __repr__


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, field=field)


def _birth_date(digits: str, *, field: str, today: dt.date) -> dt.date:
    try:
        born = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _fail(f"{LABEL}中的出生日期不存在，请核对", field) from None
    if born > today:
        raise _fail(f"{LABEL}中的出生日期晚于今天，请核对", field)
    if born.year < EARLIEST_BIRTH_YEAR:
        raise _fail(f"{LABEL}中的出生年份早于{EARLIEST_BIRTH_YEAR}年，请核对", field)
    return born


def _check_region(region: str, *, field: str) -> None:
    if region[:2] not in PROVINCES:
        raise _fail(f"{LABEL}前两位不是有效的省级行政区划代码，请核对", field)
    if region[2:] == "0000" and region not in _RESIDENCE_PERMIT_REGIONS:
        raise _fail(f"{LABEL}前六位不是县级行政区划代码，请核对", field)


def parse_citizen_id(text: str, *, field: str = FIELD, today: dt.date | None = None) -> CitizenId:
    """Check a citizen identity number and return what it encodes.

    Accepts the 18-character form and the legacy 15-digit form.  Raises
    :class:`ValidationError` for ``field`` with a Chinese message saying what is
    wrong (length, characters, region, birth date or check character).
    """
    today = today or dt.date.today()
    number = normalise_id_number(text)
    if not number:
        raise _fail(f"请填写{LABEL}", field)
    if len(number) not in (15, 18):
        raise _fail(f"{LABEL}应为18位（旧版为15位），现为{len(number)}位", field)
    legacy = len(number) == 15
    body = number if legacy else number[:17]
    if not (body.isascii() and body.isdigit()):
        raise _fail(f"{LABEL}除最后一位可为X外只能是数字", field)
    if not legacy and number[17] not in "0123456789X":
        raise _fail(f"{LABEL}最后一位只能是数字或X", field)
    _check_region(number[:6], field=field)
    if legacy:
        full17 = number[:6] + "19" + number[6:]
        born = _birth_date(full17[6:14], field=field, today=today)
        full = full17 + check_character(full17)
    else:
        born = _birth_date(number[6:14], field=field, today=today)
        if check_character(number[:17]) != number[17]:
            raise _fail(f"{LABEL}校验位不正确，可能有输错的数字，请核对", field)
        full = number
    sex = Sex.MALE if int(full[16]) % 2 == 1 else Sex.FEMALE
    return CitizenId(number=full, legacy=legacy, region_code=full[:6], birth_date=born, sex=sex)


def is_valid_citizen_id(text: str, *, today: dt.date | None = None) -> bool:
    try:
        parse_citizen_id(text, today=today)
    except ValidationError:
        return False
    return True


def upgrade_legacy(number15: str) -> str:
    """The 18-character number of a legacy 15-digit one (inserts 19, adds the check)."""
    return parse_citizen_id(number15).number


def make_citizen_id(region_code: str, birth_date: dt.date, sequence: int) -> str:
    """Build a valid 18-character number (demo data, tests).

    ``sequence`` is 0..999; its parity decides the sex (odd: male).
    """
    if not (0 <= sequence <= 999) or len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("region_code must be 6 digits and sequence 0..999")
    first17 = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


def mask_id_number(text: str) -> str:
    """The form shown in lists: region code and last four kept, the rest starred.

    ``440602199003071234`` -> ``440602********1234``.  Anything too short to
    mask meaningfully is starred whole, so a mistyped number never leaks either.
    """
    number = normalise_id_number(text)
    if len(number) < 11:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
