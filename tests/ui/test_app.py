"""Start-up as a user meets it: first run, a set-up studio, a database too new; fonts, language."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mediator.errors import SchemaTooNewError
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.ui.app import EXIT_STORAGE, Startup
from mediator.ui.fonts import FAMILIES, POINT_SIZE, SANS_FAMILY, install_fonts
from mediator.ui.i18n import install_translators
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner


def set_up(data_dir: DataDir, cases: int = 0) -> None:
    ws = open_workspace(data_dir)
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
    if cases:
        demo.generate(ws, cases=cases, seed=3)
    ws.close()


@pytest.fixture
def startup(qapp, data_dir: DataDir, runner: TaskRunner):
    s = Startup(runner, data_dir, "zh_CN")
    yield s
    for widget in (s.window, s.first_run):
        if widget is not None:
            widget.close()
            widget.deleteLater()  # no timer of theirs may outlive the runner
    s.close()


def test_first_run_then_main_window(qtbot, startup: Startup) -> None:
    startup.begin()
    qtbot.waitUntil(lambda: startup.first_run is not None and startup.first_run.isVisible(),
                    timeout=10_000)
    dialog = startup.first_run
    dialog.committee.setText("桂城街道人民调解委员会")
    dialog.prefix.setText("桂城")
    dialog.mediator.setText("李调解")
    with qtbot.waitSignal(startup.ready, timeout=10_000) as ready:
        dialog.save()
    window = ready.args[0]
    assert isinstance(window, MainWindow) and window.isVisible()
    qtbot.waitUntil(window.case_list.is_current, timeout=10_000)
    assert window.case_list.model.rowCount() == 0
    assert window.case_list.empty_label.isVisible()


def test_set_up_studio_opens_straight_to_the_list(qtbot, data_dir, startup: Startup) -> None:
    set_up(data_dir, cases=50)
    with qtbot.waitSignal(startup.ready, timeout=10_000) as ready:
        startup.begin()
    assert startup.first_run is None
    window = ready.args[0]
    qtbot.waitUntil(window.case_list.is_current, timeout=10_000)
    assert window.case_list.model.rowCount() == 50


def test_cancelled_first_run_ends_quietly(qtbot, startup: Startup) -> None:
    startup.begin()
    qtbot.waitUntil(lambda: startup.first_run is not None, timeout=10_000)
    with qtbot.waitSignal(startup.failed, timeout=5000) as failed:
        startup.first_run.reject()
    assert failed.args == [0]
    assert startup.window is None


def make_too_new(data_dir: DataDir) -> None:
    set_up(data_dir)
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_major'")


def test_database_from_a_newer_version_is_refused_plainly(
    qtbot, data_dir, startup: Startup, shown_errors
) -> None:
    make_too_new(data_dir)
    with qtbot.waitSignal(startup.failed, timeout=10_000) as failed:
        startup.begin()
    assert failed.args == [EXIT_STORAGE]
    shown = shown_errors.pop()
    assert isinstance(shown.exc, SchemaTooNewError) and not shown.is_bug
    assert "升级" in shown.text and "Traceback" not in shown.text
    assert startup.window is None


def test_bundled_fonts_cover_rare_characters(qapp) -> None:
    font = install_fonts(qapp)
    try:
        assert font.families() == [SANS_FAMILY, *FAMILIES]
        assert font.pointSize() >= POINT_SIZE >= 12
        for family in FAMILIES:
            assert family in QFontDatabase.families()
        # Every character of the demo names, 𠮷 (plane 2) and 㙟 (Ext. A) included,
        # has a glyph in one of the bundled fonts: no boxes on a bare PC.
        raws = [QRawFont.fromFont(QFontDatabase.font(f, "", 12)) for f in FAMILIES]
        for ch in "调解欧阳珺麦㙟𠮷，（）":
            assert any(raw.supportsCharacter(ord(ch)) for raw in raws), ch
        assert raws[2].supportsCharacter(ord("𠮷"))  # only HanaMinB reaches plane 2
        assert QFontMetrics(font).horizontalAdvance("调解") > 0
    finally:
        qapp.setFont(QApplication.font(None))


def test_chinese_translation_covers_our_strings_and_qts(qapp, qtbot, demo_ws, runner, labels):
    translators = install_translators(qapp, "zh_CN")
    try:
        window = MainWindow(demo_ws, runner, labels, demo_ws.studio.current())
        qtbot.addWidget(window)
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "今日待办", "案件", "登记新案件", "矛盾排查", "台账", "统计", "设置"]
        assert window.case_list.model.headerData(0, Qt.Orientation.Horizontal) == "案号"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
        window.close()
        qtbot.waitUntil(runner.is_idle, timeout=10_000)
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "Cases") == "Cases"


CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from mediator.paths import DataDir
    from mediator.ui.app import run_gui

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(int(sys.argv[3]), app.quit)  # the user closes the app
    sys.exit(run_gui(DataDir.resolve(sys.argv[1]).ensure(), sys.argv[2]))
    """
)


def run_child(data_dir: DataDir, lang: str = "zh_CN", quit_ms: int = 2500):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir.root), lang, str(quit_ms)],
        check=False, capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.mark.slow
def test_run_gui_starts_and_exits_cleanly(data_dir: DataDir) -> None:
    set_up(data_dir, cases=20)
    proc = run_child(data_dir)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert not list(data_dir.logs.glob("crash-*.log"))
    assert (data_dir.logs / "faulthandler.log").exists()


@pytest.mark.slow
def test_run_gui_refuses_a_newer_database_with_a_message(data_dir: DataDir) -> None:
    make_too_new(data_dir)
    proc = run_child(data_dir, quit_ms=30_000)
    assert proc.returncode == EXIT_STORAGE
    assert "Traceback" not in proc.stderr
    assert not list(data_dir.logs.glob("crash-*.log"))
