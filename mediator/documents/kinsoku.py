"""Line-start prohibition (禁则) for reportlab's CJK line breaking.

A printed line must never start with ，。、；：？！）」』 and the like (GB/T 15834).
reportlab's two CJK wrappers (one for single-font paragraphs, one for mixed
fonts) hang one such character in the right margin, but a run of two (the
"）：" of "（请在□内打√）：", the "）；" after an amount in brackets) still puts the
second at the start of the next line, and their list lacks ，；：？！ altogether.

The fix wraps both functions rather than copying them: wrap as reportlab does;
when a line starts with a prohibited character, shorten the line before it by
one character's width and wrap again, so that line's last character moves down
with the punctuation (the usual 推出 rule).  The widened list is set on both
modules for the one-character hang.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import textsplit as rl_textsplit
from reportlab.platypus import paragraph as rl_paragraph

#: Characters that never start a line.
CANNOT_START = "，。、；：？！）」』】》〉〕］｝”’％‰℃·．,.;:?!)]}"
_ATTEMPTS = 8


def _widths(max_widths: Any) -> list[float]:
    return list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]


def _retry(split: Callable[[list[float]], Any], max_widths: Any,
           line_texts: Callable[[Any], Sequence[str]], shrink: float) -> Any:
    widths = _widths(max_widths)
    result = split(widths)
    for _ in range(_ATTEMPTS):
        texts = line_texts(result)
        bad = next((k for k in range(1, len(texts))
                    if texts[k][:1] and texts[k][0] in CANNOT_START
                    and len(texts[k - 1]) > 1), None)
        if bad is None:
            break
        widths = widths + [widths[-1]] * max(0, bad + 1 - len(widths))
        widths[bad - 1] = widths[bad - 1] - shrink
        result = split(widths)
    return result


def _frag_texts(result: Any) -> list[str]:
    return ["".join(str(getattr(w, "text", "")) for w in getattr(line, "words", []))
            for line in result.lines]


def _install() -> None:
    merged = "".join(dict.fromkeys(rl_paragraph.ALL_CANNOT_START + CANNOT_START))
    rl_paragraph.ALL_CANNOT_START = merged
    rl_textsplit.ALL_CANNOT_START = merged
    if getattr(rl_paragraph, "_mediator_kinsoku", False):
        return
    frag_split = rl_paragraph.cjkFragSplit
    word_split = rl_paragraph.wordSplit

    def cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any,
                       encoding: str = "utf8") -> Any:
        size = max((getattr(f, "fontSize", 0) or 0 for f in frags), default=12) or 12
        return _retry(lambda w: frag_split(frags, w, calc_bounds, encoding), max_widths,
                      _frag_texts, size)

    def word_split_(word: str, max_widths: Any, font_name: str, font_size: float,
                    encoding: str = "utf8") -> Any:
        return _retry(lambda w: word_split(word, w, font_name, font_size, encoding),
                      max_widths, lambda r: [str(line[1]) for line in r], font_size)

    rl_paragraph.cjkFragSplit = cjk_frag_split
    rl_paragraph.wordSplit = word_split_
    rl_paragraph._mediator_kinsoku = True


_install()
