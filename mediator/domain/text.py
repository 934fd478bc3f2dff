"""Clean-up and checks for the text a mediator types or pastes.

Everything typed here ends up in an official document printed with a CJK font
(see resources/fonts), in the search index and in the district archive.  So we
normalise (Unicode NFC, one kind of line break, the middle dot of minority names)
and refuse what would print as boxes or garble a record: control characters,
lone surrogates, private-use code points (old GBK-era rare-character hacks) and
emoji.  Rare but real characters such as 㙟 (Ext A) or 𠮷 (plane 2) are welcome:
they are letters (``Lo``) and the bundled fonts carry them.

Lengths are counted in characters (code points), as a person counts them: 𠮷 is
one character even though UTF-16 needs two units for it.

Error messages name the field and the position of a bad character, never the
text itself (it is personal data).
"""

from __future__ import annotations

import re
import unicodedata

from mediator.errors import ValidationError

# Limits, in characters.  纠纷简要情况 is a *brief* account: a 20,000-character
# paste is almost always a mistake (a whole chat log) and would not fit the form.
NAME_MAX = 50  # 姓名: long minority names such as 买买提·艾力·阿不都热合曼 fit
ORG_NAME_MAX = 100  # 单位名称
ADDRESS_MAX = 200  # 单位或住址
SHORT_TEXT_MAX = 100  # 职业、民族 and other one-line fields
SUMMARY_MAX = 5_000  # 纠纷简要情况, 申请事项 each
LONG_TEXT_MAX = 20_000  # a statement or question/answer block in a record

MIDDLE_DOT = "·"  # U+00B7, the separator in transliterated names (e.g. 买买提·艾力)
_DOT_VARIANTS = "・•‧･∙⋅●"  # what IMEs and Word produce instead of U+00B7

_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_SPACES = re.compile(r"[ \u3000\u00a0]+")

# Variation selectors: FE0E/FE0F pick text/emoji presentation (emoji only), while
# the ideographic variation selectors E0100..E01EF pick a glyph of a rare character.
# ZWJ (U+200D) and the keycap mark (U+20E3) only ever build emoji sequences.
_EMOJI_GLUE = {"\ufe0e", "\ufe0f", "\u200d", "\u20e3"}


def is_emoji(ch: str) -> bool:
    """True for emoji and their modifiers; BMP symbols such as ①, ℃, ☆ or ㎡ are not.

    Chinese text legitimately uses many ``So`` symbols of the BMP, so the test is
    by range: pictographs live in plane 1 from U+1F000, plus the joiners and
    presentation selectors that build emoji sequences.
    """
    cp = ord(ch)
    if ch in _EMOJI_GLUE:
        return True
    return 0x1F000 <= cp <= 0x1FAFF and unicodedata.category(ch) in {"So", "Sk"}


def _bad_char_reason(ch: str, *, multiline: bool) -> str | None:
    """Why ``ch`` may not appear in stored text, or None if it may."""
    if multiline and ch in "\n\t":
        return None
    if is_emoji(ch):
        return "表情符号"
    cat = unicodedata.category(ch)
    cp = ord(ch)
    if cat == "Cc":
        return "控制字符"
    if cat == "Cs":
        return "无效字符"
    if cat == "Co":
        return "私用区字符（字体无法显示）"
    if cat == "Cn" and (0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE):
        return "无效字符"
    if cat == "Cf" and ch not in "\u200c":  # ZWNJ is harmless; other format chars hide text
        return "不可见的格式字符"
    return None


def _normalise(value: str, *, multiline: bool) -> str:
    text = unicodedata.normalize("NFC", value)
    text = _NEWLINES.sub("\n", text)
    text = text.replace("\ufeff", "")  # a BOM pasted from a file is never meant
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(lines).strip("\n")
    # A line break or tab pasted into a one-line field (an address copied from a
    # chat) is meant as a space, not as an error.
    return _SPACES.sub(" ", text.replace("\n", " ").replace("\t", " ")).strip()


def _check_chars(text: str, *, field: str, label: str, multiline: bool) -> None:
    for pos, ch in enumerate(text, start=1):
        reason = _bad_char_reason(ch, multiline=multiline)
        if reason is not None:
            raise ValidationError(f"{label}第{pos}个字符是{reason}，不能使用", field=field)


def _check_length(text: str, *, field: str, label: str, max_len: int, required: bool) -> None:
    if required and not text:
        raise ValidationError(f"请填写{label}", field=field)
    if len(text) > max_len:
        raise ValidationError(f"{label}不能超过{max_len}个字（现有{len(text)}个字）", field=field)


def clean_text(
    value: str,
    *,
    field: str,
    label: str,
    max_len: int = SHORT_TEXT_MAX,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Normalise ``value`` and check it; return the text to store.

    One-line fields have runs of spaces (also the full-width 　) collapsed and no
    line breaks; multi-line fields keep their lines, trimmed, with ``\\n`` breaks.
    Raises :class:`ValidationError` naming ``field`` with a Chinese message.
    """
    text = _normalise(value, multiline=multiline)
    _check_chars(text, field=field, label=label, multiline=multiline)
    _check_length(text, field=field, label=label, max_len=max_len, required=required)
    return text


def _name_char_ok(ch: str, prev: str) -> bool:
    cat = unicodedata.category(ch)
    if cat.startswith("L") or ch == MIDDLE_DOT:
        return True
    if 0xE0100 <= ord(ch) <= 0xE01EF or 0xFE00 <= ord(ch) <= 0xFE0D:
        return bool(prev) and unicodedata.category(prev) == "Lo"  # glyph variant of a Han char
    if cat == "Mn":
        return bool(prev) and unicodedata.category(prev).startswith("L")
    return ch in " -'"  # Latin names: "Anna-Maria O'Neil"


def clean_person_name(value: str, *, field: str = "name", label: str = "姓名") -> str:
    """A natural person's name (自然人姓名): letters of any script, rare Han included.

    The many look-alike dots IMEs produce are unified to U+00B7 so that
    ``买买提·艾力`` is found whichever dot was typed.  Digits, emoji, punctuation
    and control characters are refused.
    """
    text = _normalise(value, multiline=False)
    for variant in _DOT_VARIANTS:
        text = text.replace(variant, MIDDLE_DOT)
    text = re.sub(r"\s*·\s*", MIDDLE_DOT, text)
    _check_length(text, field=field, label=label, max_len=NAME_MAX, required=True)
    prev = ""
    for pos, ch in enumerate(text, start=1):
        reason = _bad_char_reason(ch, multiline=False)
        if reason is None and not _name_char_ok(ch, prev):
            reason = "数字" if ch.isdigit() else "标点或符号"
        if reason is not None:
            raise ValidationError(f"{label}第{pos}个字符是{reason}，不能用于姓名", field=field)
        prev = ch
    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT) or "··" in text:
        raise ValidationError(f"{label}中的间隔号“·”位置不对", field=field)
    return text


def clean_org_name(value: str, *, field: str = "name", label: str = "单位名称") -> str:
    """An organisation's name (法人或其他组织名称): digits and brackets allowed, emoji not."""
    return clean_text(value, field=field, label=label, max_len=ORG_NAME_MAX, required=True)
