"""Fixtures of the workflow GUI tests: a real workspace, the inline task runner, Chinese UI.

The Chinese comes from the table the lead applies to the .ts file
(mediator/ui/workflow/TRANSLATIONS_zh_CN.md), read through a QTranslator, and
the bundled fonts are installed, so screenshots show what a mediator sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediator.paths import resources_dir
from mediator.ui.tasks import ImmediateTaskRunner

TABLE = Path(__file__).resolve().parents[3] / "mediator/ui/workflow/TRANSLATIONS_zh_CN.md"
_ROW = re.compile(r"^\| (\w+) \| (.+?) \| (.+?) \|$")


def translation_table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    if TABLE.exists():
        for line in TABLE.read_text(encoding="utf-8").splitlines():
            m = _ROW.match(line)
            if m and m.group(1) != "context":
                table[(m.group(1), m.group(2).replace("\\|", "|"))] = m.group(3)
    return table


class TableTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._table.get((context, source))

    def isEmpty(self) -> bool:
        return False


_FAMILIES: list[str] = []


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    if not _FAMILIES:
        for path in sorted((resources_dir() / "fonts").glob("*.tt*")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            _FAMILIES.extend(QFontDatabase.applicationFontFamilies(font_id))
    old = qapp.font()
    font = QFont()
    font.setFamilies([f for f in ("AR PL UMing CN", "HanaMinA", "HanaMinB") if f in _FAMILIES])
    font.setPointSize(12)
    qapp.setFont(font)
    translator = TableTranslator(translation_table())
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    qapp.setFont(old)


@pytest.fixture
def runner() -> ImmediateTaskRunner:
    return ImmediateTaskRunner()
