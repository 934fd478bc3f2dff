"""联系方式 — mainland China mobile and landline numbers.

People give numbers in every shape: ``138 1234 5678``, ``+86-138…``,
``(0757)83331234``, ``0757-8333 1234转802``, full-width digits from an IME.  We
accept those, refuse what cannot be dialled, and store one canonical form so
that search finds a number however it was typed:

* mobile: 11 digits ``1[3-9]xxxxxxxxx`` -> ``13812345678``;
* landline: area code (``010``, ``02x`` with 8-digit local numbers, otherwise a
  4-digit code with 7- or 8-digit numbers) -> ``0757-83331234`` (``-802`` extension);
* service numbers 400/800 + 7 digits -> ``400-123-4567``.

The area code decides its own length: only Beijing (010) and 020-029 have three
digits, so ``075783331234`` is unambiguously 0757 + 83331234.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from mediator.errors import ValidationError

LABEL = "联系电话"


class PhoneKind(enum.StrEnum):
    MOBILE = "mobile"  # 手机
    LANDLINE = "landline"  # 固定电话
    SERVICE = "service"  # 400/800 企业服务号


@dataclass(frozen=True)
class PhoneNumber:
    kind: PhoneKind
    number: str  # canonical: 13812345678 | 0757-83331234 | 400-123-4567
    extension: str = ""  # 分机号, digits

    @property
    def canonical(self) -> str:
        """The stored and printed form, with ``-`` before an extension."""
        return f"{self.number}-{self.extension}" if self.extension else self.number

    @property
    def digits(self) -> str:
        """Digits only (no extension): what the search index keys on."""
        return self.number.replace("-", "")

    def __str__(self) -> str:
        return self.canonical


_SEPARATORS = re.compile(r"[\s\-‐‑–—()（）.·/]+")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_MOBILE = re.compile(r"1[3-9]\d{9}")


def _fail(message: str, field: str) -> ValidationError:
    return ValidationError(message, field=field)


def _split_extension(text: str) -> tuple[str, str]:
    m = _EXTENSION.search(text)
    if m:
        return text[: m.start()], m.group(1)
    return text, ""


def _strip_country_code(digits: str, had_plus: bool) -> str:
    if digits.startswith("0086"):
        digits, had_plus = digits[4:], True
    elif digits.startswith("86") and (had_plus or _MOBILE.fullmatch(digits[2:])):
        digits, had_plus = digits[2:], True
    else:
        return digits
    # After a country code the trunk 0 of an area code is dropped: +86 757 83331234.
    if _MOBILE.fullmatch(digits) or digits.startswith("0"):
        return digits
    return "0" + digits


def _landline(digits: str, field: str) -> PhoneNumber:
    lengths: tuple[int, ...]
    if digits.startswith("010") or digits.startswith("02"):
        area, local, lengths = digits[:3], digits[3:], (8,)
    elif digits.startswith("01"):
        raise _fail(f"{LABEL}的区号不正确（以01开头的区号只有北京010）", field)
    else:
        area, local, lengths = digits[:4], digits[4:], (7, 8)
    if len(local) not in lengths:
        want = "8" if lengths == (8,) else "7或8"
        raise _fail(f"{LABEL}区号{area}后应有{want}位号码，现为{len(local)}位", field)
    if local[0] in "01":
        raise _fail(f"{LABEL}的本地号码不能以0或1开头", field)
    return PhoneNumber(PhoneKind.LANDLINE, f"{area}-{local}")


def parse_phone(text: str, *, field: str = "phone", default_area_code: str = "") -> PhoneNumber:
    """Check a phone number and return its canonical form.

    ``default_area_code`` (e.g. the studio's ``0757``) lets a local landline be
    typed without its area code; without it such a number is refused, because a
    number in the archive must be diallable from anywhere.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded:
        raise _fail(f"请填写{LABEL}", field)
    body, extension = _split_extension(folded)
    had_plus = body.lstrip().startswith("+")
    groups = [g for g in _SEPARATORS.split(body.strip().lstrip("+")) if g]
    body = "".join(groups)
    if not body.isascii() or not body.isdigit():
        raise _fail(f"{LABEL}只能包含数字、空格、短横线和括号", field)
    digits = _strip_country_code(body, had_plus)
    if digits.startswith("0") and not extension and len(groups) >= 3 and len(groups[-1]) <= 6:
        # 0757-83331234-802: a trailing group after a complete landline is its extension.
        try:
            head = _landline(digits[: -len(groups[-1])], field)
        except ValidationError:
            pass
        else:
            return PhoneNumber(PhoneKind.LANDLINE, head.number, groups[-1])

    if len(digits) > 18:
        raise _fail(f"{LABEL}一栏只能填写一个号码", field)
    if digits.startswith("1"):
        if extension or not _MOBILE.fullmatch(digits):
            raise _fail(f"手机号码应为1开头的11位数字（第二位3-9），现为{len(digits)}位", field)
        return PhoneNumber(PhoneKind.MOBILE, digits)
    if digits[:3] in ("400", "800"):
        if len(digits) != 10:
            raise _fail(f"{digits[:3]}服务号码应为10位数字", field)
        return PhoneNumber(PhoneKind.SERVICE, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", extension)
    if digits.startswith("0"):
        return PhoneNumber(PhoneKind.LANDLINE, _landline(digits, field).number, extension)
    if len(digits) in (7, 8):
        if not default_area_code:
            raise _fail("固定电话请加上区号，例如0757-83331234", field)
        area = re.sub(r"\D", "", default_area_code)
        local = _landline(area + digits, field).number
        return PhoneNumber(PhoneKind.LANDLINE, local, extension)
    raise _fail(f"{LABEL}格式不正确：手机为11位，固定电话为区号加7-8位号码", field)


def is_valid_phone(text: str, *, default_area_code: str = "") -> bool:
    try:
        parse_phone(text, default_area_code=default_area_code)
    except ValidationError:
        return False
    return True


def mask_phone(text: str) -> str:
    """``13812345678`` -> ``138****5678``; a landline keeps its area code and last four.

    400/800 numbers belong to businesses and are shown whole.
    """
    try:
        phone = parse_phone(text)
    except ValidationError:
        return "*" * len(text.strip())
    if phone.kind is PhoneKind.SERVICE:
        return phone.canonical
    if phone.kind is PhoneKind.MOBILE:
        return phone.number[:3] + "****" + phone.number[-4:]
    area, local = phone.number.split("-", 1)
    return f"{area}-" + "*" * (len(local) - 4) + local[-4:]
