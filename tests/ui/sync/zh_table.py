"""The sync screens in Chinese for the tests, from mediator/ui/sync/TRANSLATIONS_zh_CN.md
(the table the lead merges into the .ts/.qm catalogues)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

TABLE = Path(__file__).resolve().parents[3] / "mediator/ui/sync/TRANSLATIONS_zh_CN.md"
_ROW = re.compile(r"^\|\s*(\w+)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|$")


class TableTranslator(QTranslator):
    """A QTranslator over the Markdown table (no .qm needed)."""

    def __init__(self) -> None:
        super().__init__()
        self.table = {(m.group(1), m.group(2)): m.group(3)
                      for line in TABLE.read_text(encoding="utf-8").splitlines()
                      if (m := _ROW.match(line)) and m.group(1) != "context"}

    def translate(  # type: ignore[override]
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.table.get((context, source))  # None: Qt falls back to the source

    def isEmpty(self) -> bool:
        return False


@contextmanager
def chinese_sync_screens() -> Iterator[TableTranslator]:
    translator = TableTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
