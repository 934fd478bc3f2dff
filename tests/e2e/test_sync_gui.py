"""The sync widgets on real threads against a real server: enrol, status bar with
"sync now", back-off while the server is down, revocation told in Chinese, and a
conflict resolved side by side."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from mediator.ui.i18n import install_translators
from mediator.ui.sync import ConflictsPage, EnrolDialog, SyncStatusWidget
from mediator.ui.tasks import TaskRunner
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

WAIT_MS = 20_000
# The offscreen platform's noise when a top-level window's size hints change.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")




def _widget(qtbot: QtBot, pc: Pc, runner: TaskRunner) -> SyncStatusWidget:
    w = SyncStatusWidget(pc.ws, runner, interval_s=3600)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.label.text() != "", timeout=WAIT_MS)
    return w


def test_enrol_dialog_then_sync_now_from_the_status_bar(
        qtbot: QtBot, sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        runner: TaskRunner) -> None:
    pc = make_pc("a1")
    dialog = EnrolDialog(pc.ws, runner)
    qtbot.addWidget(dialog)
    dialog.url.setText("http://example.com")
    dialog.code.setText("ABCD-EFGH-IJKL")
    dialog.submit()
    qtbot.waitUntil((dialog.error.isVisibleTo(dialog) and (lambda: True)) or
                    (lambda: dialog.error.text() != ""), timeout=WAIT_MS)
    assert "https" in dialog.error.text()  # plain HTTP to another host is refused
    dialog.url.setText(sqlite_server.url)
    dialog.code.setText(sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    with qtbot.waitSignal(dialog.enrolled, timeout=WAIT_MS):
        dialog.submit()

    widget = _widget(qtbot, pc, runner)
    pc.run_sync()  # leases
    pc.register("状态栏同步的案件")
    widget.refresh()
    qtbot.waitUntil(lambda: "1" in widget.label.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(widget.synced, timeout=WAIT_MS) as sig:
        qtbot.mouseClick(widget.button, Qt.MouseButton.LeftButton)
    assert sig.args[0].pushed >= 5
    # The status line shows the new counts (whatever the interface language).
    qtbot.waitUntil(lambda: widget._status.pending == 0 and widget._status.last_sync_at
                    is not None and "1" not in widget.label.text().split("·")[1],
                    timeout=WAIT_MS)
    widget.shutdown()


def test_server_down_backs_off_and_the_app_keeps_working(
        qtbot: QtBot, sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        runner: TaskRunner) -> None:
    pc = make_pc("a1")
    pc.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    pc.run_sync()
    widget = _widget(qtbot, pc, runner)
    sqlite_server.stop()
    widget.sync_now()
    qtbot.waitUntil(lambda: widget.backoff_s == 30, timeout=WAIT_MS)
    widget.sync_now()
    qtbot.waitUntil(lambda: widget.backoff_s == 60, timeout=WAIT_MS)
    assert widget.timer.isActive() and widget.timer.remainingTime() > 50_000
    ref = pc.register("离线时登记的案件")  # offline is the normal state
    sqlite_server.start()
    with qtbot.waitSignal(widget.synced, timeout=WAIT_MS):
        widget.sync_now()
    assert widget.backoff_s == 0
    assert ref.id in pc.cases()
    widget.shutdown()


def test_revoked_pc_is_told_in_chinese_and_stops_retrying(
        qtbot: QtBot, sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        runner: TaskRunner) -> None:
    pc = make_pc("a1")
    pc.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    pc.run_sync()
    widget = _widget(qtbot, pc, runner)
    sqlite_server.admin("device", "revoke", pc.sync.engine().state().device_id)
    pc.register("撤销后登记")
    widget.sync_now()
    qtbot.waitUntil(lambda: "撤销" in widget.label.text(), timeout=WAIT_MS)
    assert not widget.timer.isActive()
    assert pc.sync.status().pending >= 5
    widget.shutdown()


def test_conflict_page_shows_both_versions_and_keeps_the_chosen_one(
        qapp, qtbot: QtBot, sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        runner: TaskRunner) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    a1.run_sync()
    ref = a1.register("原来的案情")
    a1.run_sync()
    a2.run_sync()
    a1.edit_case(ref.id, "甲电脑上的案情")
    a2.edit_case(ref.id, "乙电脑上的案情")
    a1.run_sync()
    assert a2.run_sync().conflicts == 1

    translators = install_translators(qapp, "zh_CN")  # the field names as a mediator reads them
    try:
        page = ConflictsPage(a2.ws, runner)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.list.count() == 1, timeout=WAIT_MS)
        assert ref.case_no in page.list.item(0).text()
        rows = {page.table.item(r, 0).text(): (page.table.item(r, 1).text(),
                                               page.table.item(r, 2).text())
                for r in range(page.table.rowCount())}
        assert rows["纠纷简要情况"] == ("乙电脑上的案情", "甲电脑上的案情")
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    with qtbot.waitSignal(page.resolved, timeout=WAIT_MS):
        qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.list.count() == 0, timeout=WAIT_MS)
    assert page.empty.isVisibleTo(page)
    a2.run_sync()
    a1.run_sync()
    assert a1.cases()[ref.id].summary == "乙电脑上的案情"
