"""统一社会信用代码 — the unified social credit code of organisations (GB 32100-2015).

A company or other organisation that is a party (法人或其他组织) is identified in
the agreement by this 18-character code, as a person is by the citizen ID.  The
last character is a check character over an alphabet of 31 symbols (digits and
capital letters without I, O, S, V, Z), so most typing mistakes are caught.
"""

from __future__ import annotations

import unicodedata

from mediator.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LABEL = "统一社会信用代码"


def credit_code_check_character(first17: str) -> str:
    """The 18th character for the first 17 characters of a credit code."""
    if len(first17) != 17 or any(ch not in ALPHABET for ch in first17):
        raise ValueError("credit_code_check_character needs 17 characters of the alphabet")
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(text: str, *, field: str = "id_number") -> str:
    """Check a unified social credit code; return it normalised (upper case, no spaces)."""
    code = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace()).upper()
    if not code:
        raise ValidationError(f"请填写{LABEL}", field=field)
    if len(code) != 18:
        raise ValidationError(f"{LABEL}应为18位，现为{len(code)}位", field=field)
    if any(ch not in ALPHABET for ch in code):
        raise ValidationError(f"{LABEL}只能由数字和大写字母组成（不含I、O、S、V、Z）", field=field)
    if credit_code_check_character(code[:17]) != code[17]:
        raise ValidationError(f"{LABEL}校验位不正确，请核对", field=field)
    return code


def is_valid_credit_code(text: str) -> bool:
    try:
        parse_credit_code(text)
    except ValidationError:
        return False
    return True
