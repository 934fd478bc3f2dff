"""The first-run dialog: inline Chinese messages, live case-number preview, set-up saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mediator.services.workspace import Workspace
from mediator.ui.firstrun import FirstRunDialog
from mediator.ui.tasks import TaskRunner


def make_dialog(qtbot, ws: Workspace, runner: TaskRunner) -> FirstRunDialog:
    dialog = FirstRunDialog(runner, ws.studio)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_empty_form_shows_a_message_beside_each_field(qtbot, ws, runner) -> None:
    dialog = make_dialog(qtbot, ws, runner)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.fields["mediator_name"].error.isVisible, timeout=5000)
    for key in ("committee_name", "case_prefix", "mediator_name"):
        error = dialog.fields[key].error
        assert error.isVisible(), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.text()), error.text()  # Chinese
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert ws.studio.current() is None  # nothing half-saved
    # The message goes away as soon as the mediator corrects that field.
    qtbot.keyClicks(dialog.mediator, "x")
    assert not dialog.fields["mediator_name"].error.isVisible()
    assert dialog.fields["committee_name"].error.isVisible()


def test_case_number_preview_follows_the_prefix(qtbot, ws, runner) -> None:
    dialog = make_dialog(qtbot, ws, runner)
    year = dt.date.today().year
    dialog.prefix.setText("桂城")
    qtbot.waitUntil(lambda: "桂城" in dialog.preview.text(), timeout=5000)
    assert dialog.preview.text() == f"（{year}）桂城人调字第1号"
    dialog.prefix.setText("南海")
    qtbot.waitUntil(lambda: "南海" in dialog.preview.text(), timeout=5000)
    assert dialog.preview.text() == f"（{year}）南海人调字第1号"


def test_valid_setup_is_saved(qtbot, ws, runner) -> None:
    dialog = make_dialog(qtbot, ws, runner)
    dialog.committee.setText("桂城街道人民调解委员会")
    dialog.prefix.setText("桂城")
    dialog.mediator.setText("李调解")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_setup is not None
    saved = ws.studio.current()
    assert saved is not None
    assert (saved.committee_name, saved.case_prefix, saved.mediator_name) == (
        "桂城街道人民调解委员会",
        "桂城",
        "李调解",
    )
