"""The bundled CJK fonts, registered with reportlab, with per-character fallback.

Why this module exists: reportlab draws a character its font lacks as a blank,
silently.  A 人民调解协议书 with a party's name missing a character is a legal
defect, so every piece of text goes through here:

* :func:`runs` splits text into runs of one font each, trying the fonts in the
  order UMing CN (Song/Ming body face) -> HanaMinA-supplement (BMP characters
  UMing lacks, CJK Ext. A) -> HanaMinB (plane 2, e.g. 𠮷);
* :func:`markup` turns text into reportlab Paragraph markup with those runs;
  :func:`draw_string` does the same for the canvas;
* :func:`undrawable_chars` / :func:`ensure_drawable` let a document be refused,
  naming the characters, before anything is written.

The fonts are embedded as subsets (reportlab's TTFont always subsets).  One
repair is applied to reportlab: its ToUnicode CMap writes a plane-2 code point as
``<20BB7>``, which is not UTF-16BE, so pdftotext and screen readers lose 𠮷.  We
replace the CMap builder with one that writes surrogate pairs (``<D842DFB7>``).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts

from mediator.errors import DocumentError
from mediator.paths import resources_dir

FONT_SONG = "MediatorSong"  # AR PL UMing CN, face 0 of uming.ttc
FONT_EXT_A = "MediatorHanaMinA"  # HanaMinA-supplement.ttf
FONT_EXT_B = "MediatorHanaMinB"  # HanaMinB.ttf
FALLBACK_ORDER: tuple[str, ...] = (FONT_SONG, FONT_EXT_A, FONT_EXT_B)

_FONT_FILES: dict[str, tuple[str, int]] = {
    FONT_SONG: ("uming.ttc", 0),
    FONT_EXT_A: ("HanaMinA-supplement.ttf", 0),
    FONT_EXT_B: ("HanaMinB.ttf", 0),
}

# Characters that are layout, not glyphs: a line break is honoured by the
# renderers, so it is never "undrawable".
_LAYOUT_CHARS = frozenset("\n\r")

_lock = threading.Lock()
_fonts: dict[str, Any] = {}


@dataclass(frozen=True)
class FontRun:
    """A stretch of text drawn in one font."""

    font: str
    text: str


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, but with code points as UTF-16BE (surrogate pairs).

    Same structure as ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``; only the
    destination strings differ for characters beyond the BMP.
    """
    def utf16(cp: int) -> str:
        return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper() if cp else "0000"

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


class _TableView:
    """Slices of a table read straight from the font data, without copying the table.

    reportlab's subsetter fetches the whole 'glyf' table (15 MB for UMing) for
    every subset it writes, only to slice a few glyphs out of it; that copy was
    most of the time of a one-page document.
    """

    def __init__(self, data: bytes, pos: int, length: int) -> None:
        self._data, self._pos, self._len = data, pos, length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, key: slice) -> bytes:
        start, stop, _ = key.indices(self._len)
        return self._data[self._pos + start:self._pos + stop]


def _share_glyf_table(face: Any) -> None:
    original = face.get_table

    def get_table(tag: str) -> Any:
        if tag == "glyf":
            pos, length = face.get_table_pos(tag)
            return _TableView(face._ttf_data, pos, length)
        return original(tag)

    face.get_table = get_table


def register_fonts() -> None:
    """Register the three bundled fonts with reportlab (idempotent, thread-safe).

    Parsing the three files takes ~0.4 s, paid once per process.
    """
    if len(_fonts) == len(_FONT_FILES):
        return
    with _lock:
        if len(_fonts) == len(_FONT_FILES):
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        font_dir = resources_dir() / "fonts"
        for name, (filename, index) in _FONT_FILES.items():
            path = font_dir / filename
            if not path.is_file():
                raise DocumentError(f"缺少内置字体文件：{filename}，请重新安装本程序")
            font = ttfonts.TTFont(name, str(path), subfontIndex=index)
            _share_glyf_table(font.face)
            pdfmetrics.registerFont(font)
            _fonts[name] = font


def _font(name: str) -> Any:
    register_fonts()
    return _fonts[name]


def _has_glyph(font_name: str, cp: int) -> bool:
    face = _font(font_name).face
    gid = face.charToGlyph.get(cp)
    if not gid:
        return False
    if unicodedata.category(chr(cp)) == "Zs":
        return True  # spaces legitimately have no outline
    pos = face.glyphPos
    # An empty outline draws nothing: treat it as missing, as a reader would.
    return bool(gid + 1 < len(pos) and pos[gid + 1] > pos[gid])


@lru_cache(maxsize=65536)
def font_for_char(ch: str) -> str | None:
    """The first bundled font that can draw ``ch``, or None if none can."""
    if ch in _LAYOUT_CHARS:
        return FONT_SONG
    cp = ord(ch)
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch != "\t":
        return None
    if ch == "\t":
        return FONT_SONG
    for name in FALLBACK_ORDER:
        if _has_glyph(name, cp):
            return name
    return None


def undrawable_chars(text: str) -> list[str]:
    """Characters of ``text`` no bundled font can draw, unique, in order of first use."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and font_for_char(ch) is None:
            seen[ch] = None
    return list(seen)


def describe_chars(chars: Iterable[str]) -> str:
    """Name characters for a message: the character itself and its code point."""
    parts = []
    for ch in chars:
        cp = f"U+{ord(ch):04X}"
        visible = unicodedata.category(ch)[0] not in ("C", "Z")
        parts.append(f"“{ch}”({cp})" if visible else cp)
    return "、".join(parts)


def ensure_drawable(texts: Iterable[str]) -> None:
    """Refuse (DocumentError) if any text has a character no bundled font can draw.

    The message names the characters (not the text they came from, which may
    be personal data) so the mediator can replace them, e.g. with a 同音字 plus
    a note, or ask for a font update.
    """
    joined = "".join(texts)
    unique = set(joined)
    missing = {ch for ch in unique if font_for_char(ch) is None}
    bad = dict.fromkeys(ch for ch in joined if ch in missing) if missing else {}
    if bad:
        raise DocumentError(
            f"以下字符无法用内置字体打印：{describe_chars(bad)}。"
            "请修改相关内容后再生成文书。"
        )


def runs(text: str, base: str = FONT_SONG) -> list[FontRun]:
    """Split ``text`` into runs of one font each (``base`` where it can draw).

    An undrawable character stays in the base font's run (it would draw blank);
    callers refuse such text earlier with :func:`ensure_drawable`.
    """
    result: list[FontRun] = []
    cur_font = base
    buf: list[str] = []
    for ch in text:
        font = font_for_char(ch) or base
        if font != cur_font and buf:
            result.append(FontRun(cur_font, "".join(buf)))
            buf = []
        cur_font = font
        buf.append(ch)
    if buf:
        result.append(FontRun(cur_font, "".join(buf)))
    return result


def markup(text: str, base: str = FONT_SONG) -> str:
    """reportlab Paragraph markup for plain ``text``: escaped, fallback runs, line breaks."""
    out: list[str] = []
    for run in runs(text, base):
        lines = [escape(part) for part in run.text.replace("\r\n", "\n").split("\n")]
        body = "<br/>".join(lines)
        out.append(body if run.font == base else f'<font face="{run.font}">{body}</font>')
    return "".join(out)


def string_width(text: str, size: float, base: str = FONT_SONG) -> float:
    """Width of ``text`` at ``size`` points, honouring the fallback fonts."""
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, base))


def draw_string(canvas: Any, x: float, y: float, text: str, size: float, *,
                base: str = FONT_SONG, align: str = "left") -> float:
    """Draw one line on a reportlab canvas with font fallback; returns its width.

    ``align`` is "left", "centre" (x is the centre) or "right" (x is the right edge).
    """
    width = string_width(text, size, base)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    for run in runs(text, base):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    return width
