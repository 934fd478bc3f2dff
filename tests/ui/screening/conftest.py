"""Fixtures of the screening page tests: a real data dir, the real task runner and
the page in Chinese (a translator over the packages' TRANSLATIONS_zh_CN.md tables,
the screening page's and the registration form's it opens)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from mediator.services.workspace import Workspace
from mediator.ui.screening import ScreeningPage
from mediator.ui.tasks import TaskRunner
from tests.ui.registration import conftest as registration

UI = Path(__file__).resolve().parents[3] / "mediator/ui"


def _table(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = registration._ROW.match(line)
        if match and match.group(1) != "context":
            table[(match.group(1), match.group(2))] = match.group(3)
    return table


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    table = {**_table(UI / "registration/TRANSLATIONS_zh_CN.md"),
             **_table(UI / "screening/TRANSLATIONS_zh_CN.md")}
    translator = registration.TableTranslator(table)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def on_worker(qtbot: Any, runner: TaskRunner, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` where the app runs its database work, and wait for its answer."""
    answer: list[Any] = []
    runner.run(fn, on_done=answer.append)
    qtbot.waitUntil(lambda: bool(answer), timeout=10_000)
    return answer[0]


def idle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


@pytest.fixture
def page(qtbot: Any, studio_ws: Workspace, runner: TaskRunner) -> ScreeningPage:
    """The page as the main window builds it, for the signed-in 李调解."""
    page = ScreeningPage(studio_ws, runner, "李调解")
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    idle(qtbot, runner)
    return page
