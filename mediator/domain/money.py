"""金额 — amounts of money in agreements, kept as whole 分 (fen).

The amount involved (协议涉及金额) feeds the statistics and the difficulty grade
(over 100,000 元 is a major case), and every sum in an agreement is written both
in figures and in capital numerals (人民币叁仟元整) so it cannot be altered.
Money is counted in integer fen: no binary fractions anywhere.

:func:`parse_amount` accepts what people type: ``3000``, ``3,000.50``,
``￥3000``, ``3000元``, ``1.2万``, full-width digits.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from mediator.errors import ValidationError

MAX_FEN = 10**14  # one trillion 元: far beyond any mediated dispute, well inside int64

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")
_AMOUNT = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<wan>万)?(?:元|圆)?(?:整)?$")


def parse_amount(text: str, *, field: str = "amount", label: str = "金额") -> int:
    """An amount in 元 as typed -> whole fen.  Refuses negatives and more than 2 decimals."""
    folded = unicodedata.normalize("NFKC", text).strip()
    folded = re.sub(r"[\s,，]", "", folded).removeprefix("人民币").lstrip("¥￥")
    if not folded:
        raise ValidationError(f"请填写{label}", field=field)
    if folded.startswith("-"):
        raise ValidationError(f"{label}不能为负数", field=field)
    m = _AMOUNT.match(folded)
    if not m:
        raise ValidationError(f"{label}应为数字，如3000或3000.50（单位：元）", field=field)
    try:
        yuan = Decimal(m["num"]) * (10_000 if m["wan"] else 1)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        raise ValidationError(f"{label}应为数字", field=field) from None
    fen = yuan * 100
    if fen != fen.to_integral_value():
        raise ValidationError(f"{label}最多精确到分（两位小数）", field=field)
    if fen > MAX_FEN:
        raise ValidationError(f"{label}过大，请核对", field=field)
    return int(fen)


def format_yuan(fen: int) -> str:
    """``300050`` -> ``3,000.50元``."""
    yuan = (Decimal(fen) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{yuan:,.2f}元"


def _section(n: int) -> str:
    """Capital numerals of 0 < n < 10000 with 拾/佰/仟, zeros collapsed inside."""
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[digit] + _SMALL_UNITS[power])
    return "".join(out)


def _integer_words(n: int) -> str:
    if n == 0:
        return "零"
    sections: list[int] = []
    while n:
        sections.append(n % 10_000)
        n //= 10_000
    out = ""
    need_zero = False
    for idx in range(len(sections) - 1, -1, -1):
        sec = sections[idx]
        if sec == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or sec < 1000):
            out += "零"
        out += _section(sec) + _BIG_UNITS[idx]
        need_zero = False
    return out


def rmb_uppercase(fen: int) -> str:
    """人民币大写: ``300000`` -> ``人民币叁仟元整``; ``100005`` -> ``人民币壹仟元零伍分``."""
    if fen < 0:
        raise ValueError("amounts are never negative")
    if fen > MAX_FEN:
        raise ValueError("amount too large")
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    text = "人民币"
    if yuan:
        text += _integer_words(yuan) + "元"
    if not jiao and not cents:
        return text + ("整" if yuan else "零元整")
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if cents:
        text += _DIGITS[cents] + "分"
    else:
        text += "整"
    return text
