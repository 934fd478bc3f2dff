"""The attachments panel under a step's form is folded to one line ("附件 (n) ▸") until
needed, so the form gets the height; a click opens it, a refused file opens it too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import register

TODAY = dt.date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def gui(qtbot, workspace, runner) -> CaseWorkspace:
    w = CaseWorkspace(workspace, runner, register(workspace), today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    qtbot.waitUntil(lambda: w.overview is not None, timeout=10_000)
    QApplication.processEvents()
    return w


def test_folded_to_one_line_until_opened(qtbot, gui: CaseWorkspace) -> None:
    panel = gui.attachments
    assert panel.toggle.isVisible()
    assert panel.toggle.text() == "附件 (0) ▸"
    assert not panel.list.isVisible() and not panel.kind.isVisible()
    # One line: no taller than its toggle (and a little air).
    assert panel.height() <= panel.toggle.sizeHint().height() + 8
    folded_form = gui.stack.height()

    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert panel.is_open() and panel.list.isVisible() and panel.kind.isVisible()
    assert panel.toggle.text() == "附件 (0) ▾"
    assert panel.height() >= panel.list.minimumHeight()
    # Open, the panel takes its room from the form; folded the form had it.
    assert gui.stack.height() <= folded_form - panel.list.minimumHeight()

    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not panel.is_open() and not panel.list.isVisible()
    assert gui.stack.height() == folded_form


def test_the_line_counts_the_attachments(qtbot, gui: CaseWorkspace, tmp_path: Path) -> None:
    proof = tmp_path / "收条.png"
    proof.write_bytes(PNG)
    gui.attachments.add_files([proof])
    qtbot.waitUntil(lambda: gui.attachments.count == 1, timeout=10_000)
    assert gui.attachments.toggle.text() == "附件 (1) ▸"
    assert not gui.attachments.is_open()  # adding does not unfold it


def test_a_refused_file_opens_the_panel_with_the_reason(
        qtbot, gui: CaseWorkspace, tmp_path: Path) -> None:
    doc = tmp_path / "notes.docx"
    doc.write_bytes(b"PK\x03\x04 not an image")
    gui.attachments.add_files([doc])
    QApplication.processEvents()
    assert gui.attachments.is_open()
    assert gui.attachments.error.isVisible()
    assert "只能添加照片" in gui.attachments.error.text()
