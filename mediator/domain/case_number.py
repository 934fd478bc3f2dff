"""案件编号 — case numbers in the committee's scheme, e.g. ``（2026）桂城人调字第12号``.

The year in full-width brackets, the committee's prefix (set at first run, e.g.
``桂城``), the designator ``人调字`` and a serial that restarts at 1 every year
for each committee.  The same string goes on the registration form, the
agreement (编号) and the dossier cover (卷号), so it is built in one place.

Numbers must never collide between two PCs of one studio, even offline: the
district server leases each device a block of serials (:class:`NumberBlock`); a
single-PC studio simply counts.  :func:`next_serial` implements both.

Parsing is lenient about the brackets people type (``(2026)``, ``〔2026〕``) and
spaces, and always gives back the one canonical form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mediator.errors import ValidationError

DESIGNATOR = "人调字"
# Designators met in imported ledgers (台账) of other committees; new numbers use 人调字.
KNOWN_DESIGNATORS = ("人调字", "民调字", "调字")
PREFIX_MAX = 20
_PREFIX_FORBIDDEN = set("()（）〔〕[]【】第号") | set("0123456789")

_PATTERN = re.compile(
    r"^[(（〔\[【]\s*(?P<year>\d{4})\s*[)）〕\]】]\s*"
    r"(?P<prefix>.+?)\s*(?P<designator>" + "|".join(KNOWN_DESIGNATORS) + r")\s*"
    r"第\s*(?P<serial>\d{1,7})\s*号$"
)


def check_prefix(prefix: str, *, field: str = "case_prefix") -> str:
    """Check the committee's case-number prefix (e.g. ``桂城``); return it trimmed.

    Brackets, digits, 第 and 号 would make numbers ambiguous to read back, and a
    prefix ending in 人调字 would print the designator twice.
    """
    text = unicodedata.normalize("NFC", prefix).strip()
    if not text:
        raise ValidationError("请填写案件编号前缀（如“桂城”）", field=field)
    if len(text) > PREFIX_MAX:
        raise ValidationError(f"案件编号前缀不能超过{PREFIX_MAX}个字", field=field)
    if any(ch in _PREFIX_FORBIDDEN or ch.isspace() for ch in text):
        raise ValidationError("案件编号前缀不能含括号、数字、空格或“第”“号”", field=field)
    if text.endswith(DESIGNATOR) or text.endswith("人调"):
        raise ValidationError(f"案件编号前缀不必写“{DESIGNATOR}”，系统会自动加上", field=field)
    return text


@dataclass(frozen=True, order=True)
class CaseNumber:
    """One case number.  Orders by (year, prefix, serial): 第9号 before 第10号."""

    year: int
    prefix: str
    serial: int
    designator: str = DESIGNATOR

    def __post_init__(self) -> None:
        if not (1949 <= self.year <= 9999) or self.serial < 1:
            raise ValueError("a case number needs a four-digit year and a serial from 1")

    def __str__(self) -> str:
        return f"（{self.year}）{self.prefix}{self.designator}第{self.serial}号"


def format_case_number(year: int, prefix: str, serial: int) -> str:
    """``format_case_number(2026, "桂城", 12)`` -> ``（2026）桂城人调字第12号``."""
    return str(CaseNumber(year, check_prefix(prefix), serial))


def parse_case_number(text: str, *, field: str = "case_no") -> CaseNumber:
    """Read a case number typed or imported in any common bracket style."""
    folded = unicodedata.normalize("NFC", text).strip()
    m = _PATTERN.match(folded)
    if not m:
        raise ValidationError(
            "案件编号格式应为“（年份）前缀人调字第N号”，如（2026）桂城人调字第12号", field=field
        )
    serial = int(m["serial"])
    if serial < 1:
        raise ValidationError("案件编号的序号从1开始", field=field)
    return CaseNumber(int(m["year"]), m["prefix"], serial, m["designator"])


@dataclass(frozen=True)
class NumberBlock:
    """A block of serials ``first..last`` (inclusive) leased to one device for a year."""

    year: int
    first: int
    last: int

    def __post_init__(self) -> None:
        if not (1 <= self.first <= self.last):
            raise ValueError("a number block needs 1 <= first <= last")

    def __contains__(self, serial: object) -> bool:
        return isinstance(serial, int) and self.first <= serial <= self.last


class NumbersExhaustedError(ValidationError):
    """This device has used every serial leased to it for the year."""


def next_serial(
    year: int, last_issued: int | None, blocks: Sequence[NumberBlock] | None = None
) -> int:
    """The serial for the next case of ``year`` on this device.

    ``last_issued`` is the highest serial this device (or, for a single-PC studio,
    the committee) has issued in ``year``; ``None`` if none yet.  Without blocks
    the studio simply counts.  With leased blocks the next free serial above
    ``last_issued`` inside one of the year's blocks is used; when they are all
    used up the mediator is told to sync for a new block (numbers are never
    guessed, because a guess could collide with the other PC's).
    """
    after = last_issued or 0
    if blocks is None:
        return after + 1
    for block in sorted((b for b in blocks if b.year == year), key=lambda b: b.first):
        if block.last > after:
            return max(block.first, after + 1)
    raise NumbersExhaustedError(
        f"本机{year}年的案件编号已用完，请联网同步以领取新的编号段", field="case_no"
    )
