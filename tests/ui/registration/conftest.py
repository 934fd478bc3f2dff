"""Fixtures of the registration page tests: a real workspace, the page in Chinese.

The page is shown in Chinese, as a mediator sees it, through a translator built
from ``mediator/ui/registration/TRANSLATIONS_zh_CN.md`` (the table the shell
engineer copies into the .ts file), and with the bundled CJK fonts registered
so screenshots show 㙟 and 𠮷 rather than boxes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediator.domain.idcard import make_citizen_id
from mediator.paths import DataDir, resources_dir
from mediator.services.dto import CaseDetail, CaseFilter
from mediator.services.workspace import Workspace, open_workspace
from mediator.ui.registration import RegistrationPage
from mediator.ui.tasks import ImmediateTaskRunner

#: The offscreen platform plugin says this whenever a top-level window's size
#: hints change (a field's message appears); it is noise, not a problem of ours.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TABLE = Path(__file__).resolve().parents[3] / "mediator/ui/registration/TRANSLATIONS_zh_CN.md"
_ROW = re.compile(r"^\|\s*(\w+)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|$")


def translation_table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match and match.group(1) != "context":
            table[(match.group(1), match.group(2))] = match.group(3)
    return table


class TableTranslator(QTranslator):
    """A QTranslator over the Markdown table (no .qm needed for the tests)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._table.get((context, source))  # None: Qt falls back to the source

    def isEmpty(self) -> bool:
        return False


_FONT_FAMILIES: list[str] = []


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    if not _FONT_FAMILIES:
        for path in sorted((resources_dir() / "fonts").glob("*.tt*")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            _FONT_FAMILIES.extend(QFontDatabase.applicationFontFamilies(font_id))
    old_font = qapp.font()
    font = QFont()
    font.setFamilies([f for f in ("AR PL UMing CN", "HanaMinA", "HanaMinB")
                      if f in _FONT_FAMILIES])
    qapp.setFont(font)
    translator = TableTranslator(translation_table())
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    qapp.setFont(old_font)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(DataDir.resolve(tmp_path / "data").ensure())
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "何㙟")
    yield ws
    ws.close()


@pytest.fixture
def runner() -> ImmediateTaskRunner:
    return ImmediateTaskRunner()


@pytest.fixture
def page(qtbot, workspace: Workspace, runner: ImmediateTaskRunner) -> RegistrationPage:
    page = RegistrationPage(workspace, runner)
    qtbot.addWidget(page)
    page.resize(1100, 1300)
    page.show()
    qtbot.waitExposed(page)
    return page


def valid_id(birth: dt.date, sequence: int) -> str:
    """A valid 18-digit number from Foshan (440604) for ``birth``; odd sequence: male."""
    return make_citizen_id("440604", birth, sequence)


def all_cases(ws: Workspace) -> list[CaseDetail]:
    rows = ws.cases.rows(ws.cases.ids(CaseFilter()))
    return [ws.cases.get(row.id) for row in rows]
