"""The bundled fonts, registered with Qt so Chinese never renders as boxes.

A studio PC may have no Chinese font at all (a fresh Windows in English, a thin
Linux install), and party names use rare characters (㙟 in CJK Ext. A, 𠮷 in
plane 2).  resources/fonts/README.md lists the files; Qt falls back per
character along the family list set here, in the same order the PDFs use.

The English UI puts a Latin sans-serif (Noto Sans) first: drawn in the Ming
face, "l" and "1" look alike, which matters in case numbers and phone numbers.
The CJK families follow it, so a Chinese party name still renders.  The Chinese
UI keeps the Ming faces alone (its own sans-serif is another decision).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FILES = ("uming.ttc", "HanaMinA-supplement.ttf", "HanaMinB.ttf")
FAMILIES = ["AR PL UMing CN", "HanaMinA", "HanaMinB"]
#: The Latin face of the English UI (regular and a real bold, not a smeared one).
LATIN_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
LATIN_FAMILY = "Noto Sans"
# Readable for older mediators; Qt's default (9 pt) is too small for Ming type.
POINT_SIZE = 12


def uses_latin_face(lang: str) -> bool:
    return lang.startswith("en")


def families_for(lang: str) -> list[str]:
    """The application font's families for ``lang``, first choice first."""
    return [LATIN_FAMILY, *FAMILIES] if uses_latin_face(lang) else list(FAMILIES)


def register_fonts(lang: str = "zh_CN") -> list[str]:
    """Add the bundled font files ``lang`` needs to Qt (once, at start-up: only our
    own files, no scan of the system's fonts); return the families actually available."""
    files = FONT_FILES + (LATIN_FONT_FILES if uses_latin_face(lang) else ())
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


def app_font(families: list[str] | None = None) -> QFont:
    font = QFont()
    font.setFamilies(families or FAMILIES)
    font.setPointSize(POINT_SIZE)
    return font


def install_fonts(app: QApplication, lang: str = "zh_CN") -> QFont:
    """Register the fonts and make them the application font."""
    font = app_font(register_fonts(lang))
    app.setFont(font)
    return font
