"""The bundled CJK fonts, registered with Qt so Chinese never renders as boxes.

A studio PC may have no Chinese font at all (a fresh Windows in English, a thin
Linux install), and party names use rare characters (㙟 in CJK Ext. A, 𠮷 in
plane 2).  resources/fonts/README.md lists the three files; Qt falls back per
character along the family list set here, in the same order the PDFs use.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FILES = ("uming.ttc", "HanaMinA-supplement.ttf", "HanaMinB.ttf")
FAMILIES = ["AR PL UMing CN", "HanaMinA", "HanaMinB"]
# Readable for older mediators; Qt's default (9 pt) is too small for Ming type.
POINT_SIZE = 12


def register_fonts() -> list[str]:
    """Add the bundled font files to Qt; return the families actually available."""
    loaded: list[str] = []
    for name in FONT_FILES:
        path = resources_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            # Not fatal: a system CJK font may still cover the text.  Logged for support.
            log.warning("bundled font could not be loaded: %s", name)
            continue
        loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return [f for f in FAMILIES if f in loaded]


def app_font(families: list[str] | None = None) -> QFont:
    font = QFont()
    font.setFamilies(families or FAMILIES)
    font.setPointSize(POINT_SIZE)
    return font


def install_fonts(app: QApplication) -> QFont:
    """Register the fonts and make them the application font."""
    font = app_font(register_fonts())
    app.setFont(font)
    return font
