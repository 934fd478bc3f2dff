"""The bundled fonts, registered with Qt so Chinese never renders as boxes.

A studio PC may have no Chinese font at all (a fresh Windows in English, a thin
Linux install), and party names use rare characters (㙟 in CJK Ext. A, 𠮷 in
plane 2).  resources/fonts/README.md lists the files; Qt falls back per
character along the family list set here, in the same order the PDFs use.

Screen text is sans-serif: thin Ming strokes blur on a screen for older eyes.
Both UIs put Noto Sans CJK SC (思源黑体, a GB 2312 subset) before the Ming faces;
a rarer character in a name falls back to them per character.  The English UI
puts a Latin face (Noto Sans) first: in a CJK face's Latin, and worse in Ming,
"l" and "1" look alike, which matters in case numbers and phone numbers.  The
PDFs keep the Ming faces alone (documents/fonts.py): that is the official look.
The type size and the rest of the look are ui/theme.py's.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir
from mediator.ui.theme import TypeSize, install

log = logging.getLogger(__name__)

FONT_FILES = ("uming.ttc", "HanaMinA-supplement.ttf", "HanaMinB.ttf")
#: The Ming faces: the fallback for characters the sans-serif subset lacks.
FAMILIES = ["AR PL UMing CN", "HanaMinA", "HanaMinB"]
#: The screen's CJK sans-serif (both UIs), regular and a real bold.
SANS_FONT_FILES = ("NotoSansCJKsc-Regular-GB2312.otf", "NotoSansCJKsc-Bold-GB2312.otf")
SANS_FAMILY = "Noto Sans CJK SC"
#: The Latin face of the English UI (regular and a real bold, not a smeared one).
LATIN_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
LATIN_FAMILY = "Noto Sans"
#: 标准's body size (16 px at 96 dpi); ui/theme.py holds the larger ones.
POINT_SIZE = 12


def uses_latin_face(lang: str) -> bool:
    return lang.startswith("en")


def families_for(lang: str) -> list[str]:
    """The application font's families for ``lang``, first choice first."""
    sans = [LATIN_FAMILY, SANS_FAMILY] if uses_latin_face(lang) else [SANS_FAMILY]
    return [*sans, *FAMILIES]


def needed_files(lang: str) -> tuple[str, ...]:
    """The bundled font files the UI in ``lang`` uses."""
    return SANS_FONT_FILES + FONT_FILES + (LATIN_FONT_FILES if uses_latin_face(lang) else ())


def register_fonts(lang: str = "zh_CN") -> list[str]:
    """Add the bundled font files ``lang`` needs to Qt (once, at start-up: only our
    own files, no scan of the system's fonts); return the families actually available."""
    files = needed_files(lang)
    loaded: list[str] = []
    for name in files:
        path = resources_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            # Not fatal: a system CJK font may still cover the text.  Logged for support.
            log.warning("bundled font could not be loaded: %s", name)
            continue
        loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return [f for f in families_for(lang) if f in loaded]


def install_fonts(app: QApplication, lang: str = "zh_CN", size: TypeSize | None = None) -> QFont:
    """Register the fonts and install the theme with them at ``size`` (标准 by default)."""
    theme = install(app, register_fonts(lang), size or TypeSize.STANDARD)
    return theme.body_font()
