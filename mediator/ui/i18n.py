"""Translations: ours (resources/translations/mediator_<lang>.qm) and Qt's own.

Qt's ``qtbase_zh_CN.qm`` is installed next to ours (as Picard's ``i18n/qt.py``
does) so the stock dialogs -- message-box buttons, the calendar popup, the file
dialog -- are Chinese too.  Source strings in the code are English; zh_CN is the
default language of the app.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QApplication, lang: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Load and install the translators for ``lang``; return them (keep them alive).

    English needs no catalogue of ours (the sources are English) but still
    sets the locale, so dates and numbers follow the chosen language.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
    QLocale.setDefault(QLocale(lang))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"mediator_{lang}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    elif lang != "en":
        log.warning("translation catalogue missing for %s", lang)
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qtbase)
            installed.append(qtbase)
        else:
            log.warning("Qt's own translation missing for %s", lang)
    return installed
