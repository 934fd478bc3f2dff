"""What a user pastes into the enrolment dialog, or picks as its CA file, is
answered in one Chinese line under the form — never a crash, nothing stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mediator.services.sync import SyncService
from mediator.services.workspace import Workspace
from mediator.ui.sync.enrol import EnrolDialog
from mediator.ui.tasks import TaskRunner


@pytest.mark.parametrize("case", [
    ("https://tiaojie\x01.example.cn", "", "控制字符"),
    ("https://tiaojie.example.cn/\napi", "", "控制字符"),
    ("https://tiaojie.example.cn:99999999", "", "格式不正确"),
    ("https://tiaojie.example.cn", "pipe.pem", "不是普通文件"),
    ("https://tiaojie.example.cn", "zero.pem", "不是普通文件"),
    ("https://tiaojie.example.cn", "notes.pem", "PEM"),
])
def test_pasted_address_or_picked_ca_file_gets_one_line(
        qtbot: QtBot, studio_ws: Workspace, runner: TaskRunner, tmp_path: Path,
        case: tuple[str, str, str]) -> None:
    url, ca, words = case
    os.mkfifo(tmp_path / "pipe.pem")
    (tmp_path / "zero.pem").symlink_to("/dev/zero")
    (tmp_path / "notes.pem").write_text("不是证书")
    dialog = EnrolDialog(studio_ws, runner)
    qtbot.addWidget(dialog)
    dialog.url.setText(url)
    dialog.code.setText("ABCD-EFGH-IJKL-MNOP")
    dialog.ca_file.setText(str(tmp_path / ca) if ca else "")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert words in dialog.error.text() and dialog.ok.isEnabled()
    assert not SyncService(studio_ws).status().enrolled
