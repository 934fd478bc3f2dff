"""Translations: ours (resources/translations/mediator_<lang>.qm) and Qt's own.

Qt's ``qtbase_zh_CN.qm`` is installed next to ours (as Picard's ``i18n/qt.py``
does) so the stock dialogs -- message-box buttons (取消, 是, 否), the calendar
popup, the file dialog, a line edit's context menu (撤销/剪切/复制/粘贴) -- are
Chinese too.  It is looked for where Qt says its translations are (PySide6's
``Qt/translations``; in the PyInstaller bundle the same directory under
``sys._MEIPASS``, which mediator.spec keeps), then in those two places by path,
in case a packaging step moved Qt's prefix.  Source strings in the code are
English; zh_CN is the default language of the app.

The file dialogs are the platform's own where it has one (Qt's default): nothing
here or elsewhere sets ``DontUseNativeDialog`` (tests/ui/test_qt_dialogs.py).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own catalogues may be, the first that has them wins."""
    import PySide6  # noqa: PLC0415 - only for its location

    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    found.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return list(dict.fromkeys(found))


def load_qtbase(app: QApplication, lang: str) -> QTranslator | None:
    """Qt's own catalogue for ``lang`` (qtbase_zh_CN), loaded; None when missing."""
    qtbase = QTranslator(app)
    for folder in qt_translations_dirs():
        if qtbase.load(f"qtbase_{lang}", str(folder)):
            return qtbase
    log.warning("Qt's own translation missing for %s", lang)
    return None


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
        qtbase = load_qtbase(app, lang)
        if qtbase is not None:
            app.installTranslator(qtbase)
            installed.append(qtbase)
    return installed
