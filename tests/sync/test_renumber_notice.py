"""The status bar's sync round tells the mediator, in plain Chinese, which case
numbers it corrected (old → new), against a real server with two PCs whose cases
were numbered before enrolment."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mediator.ui.i18n import install_translators
from mediator.ui.sync import SyncStatusWidget
from mediator.ui.tasks import TaskRunner
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

WAIT_MS = 20_000
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def test_sync_now_shows_the_corrected_case_numbers(
        qtbot: QtBot, chinese: None, sqlite_server: ServerProcess,
        make_pc: Callable[..., Pc], runner: TaskRunner) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.register("甲电脑联网前登记")
    mine = a2.register("乙电脑联网前登记")
    assert mine.case_no.endswith("第1号")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    a1.run_sync()

    widget = SyncStatusWidget(a2.ws, runner, interval_s=3600)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._status.enrolled, timeout=WAIT_MS)
    with qtbot.waitSignal(widget.synced, timeout=WAIT_MS) as sig:
        widget.sync_now()
    ((old, new),) = sig.args[0].renumbered
    assert old == mine.case_no and new == a2.cases()[mine.id].case_no != old
    notice = widget.notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    serial = new.rpartition("第")[2]
    assert notice.text() == (
        f"以下案件在联网前编号与本工作室其他电脑重复，已自动更正案号：{old} → 第{serial}。"
        "已打印的文书请按新案号更正。")
    assert notice.windowTitle() == "案号已更正"

    # A quiet round says nothing more; the notice stays until it is closed.
    with qtbot.waitSignal(widget.synced, timeout=WAIT_MS) as sig:
        widget.sync_now()
    assert sig.args[0].renumbered == []
    notice.close()
    widget.shutdown()
