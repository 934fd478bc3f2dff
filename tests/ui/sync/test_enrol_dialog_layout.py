"""An error in the enrolment dialog (a message of several lines, a long address)
shows in full below the fields without squeezing or moving them: the dialog grows,
never past the screen, and past that the form scrolls with the buttons in view."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from mediator.services.workspace import Workspace
from mediator.ui.screen_fit import available_size
from mediator.ui.sync.enrol import EnrolDialog, breakable
from mediator.ui.tasks import TaskRunner
from tests.ui.screen_fit import assert_fits_screen

SEVERAL_LINES = (
    "无法连接区级服务器 https://tiaojie.nanhai.foshan.example.gov.cn/api/v1/enrol/"
    "a-very-long-path-that-does-not-break：连接超时。\n"
    "请检查：1. 本机是否已联网；2. 服务器地址是否与区级管理员给出的一致；\n"
    "3. 如使用单位内网，请联系信息科确认防火墙已放行该地址；\n"
    "4. 注册码只能使用一次，如已使用过，请向区级管理员重新申请。")


FIELDS = ("url", "code", "ca_file", "device_name")


def _geometry(dialog: EnrolDialog) -> list[tuple[int, int]]:
    """Where each field sits in the dialog and how tall it is."""
    out = []
    for name in FIELDS:
        field = getattr(dialog, name)
        out.append((field.mapTo(dialog, field.rect().topLeft()).y(), field.height()))
    return out


def _widths(dialog: EnrolDialog) -> list[int]:
    return [getattr(dialog, name).width() for name in FIELDS]


def _shown(qtbot: QtBot, ws: Workspace, runner: TaskRunner) -> EnrolDialog:
    dialog = EnrolDialog(ws, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


def _buttons(dialog: EnrolDialog) -> list:
    return [dialog.ok, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)]


def test_a_long_error_grows_the_dialog_and_leaves_the_fields_alone(
        qtbot: QtBot, studio_ws: Workspace, runner: TaskRunner) -> None:
    dialog = _shown(qtbot, studio_ws, runner)
    before, height, width = _geometry(dialog), dialog.height(), dialog.width()
    widths = _widths(dialog)
    assert_fits_screen(dialog, _buttons(dialog))

    dialog.show_error(SEVERAL_LINES)
    QApplication.processEvents()
    assert _geometry(dialog) == before  # not squeezed, not shifted
    assert dialog.width() == width  # a long address wraps instead of widening the dialog
    assert _widths(dialog) == widths
    assert dialog.height() > height
    error = dialog.error
    assert error.isVisible() and error.height() >= error.heightForWidth(error.width())
    top = error.mapTo(dialog, error.rect().topLeft()).y()
    assert top > before[-1][0] + before[-1][1]  # below the last field
    assert dialog.form_area.verticalScrollBar().maximum() == 0  # all of it in view
    assert_fits_screen(dialog, _buttons(dialog))


def test_a_two_line_error_is_shown_whole_without_scrolling(
        qtbot: QtBot, studio_ws: Workspace, runner: TaskRunner) -> None:
    dialog = _shown(qtbot, studio_ws, runner)
    before = _geometry(dialog)
    dialog.show_error("无法连接区级服务器 https://tiaojie.nanhai.foshan.example.gov.cn/api/v1/"
                      "enrol：连接超时。\n请检查本机是否已联网，服务器地址是否与区级管理员"
                      "给出的一致。")
    QApplication.processEvents()
    assert dialog.form_area.verticalScrollBar().maximum() == 0
    assert _geometry(dialog) == before
    assert_fits_screen(dialog, _buttons(dialog))


def test_an_error_taller_than_the_screen_scrolls_with_the_buttons_in_view(
        qtbot: QtBot, studio_ws: Workspace, runner: TaskRunner) -> None:
    dialog = _shown(qtbot, studio_ws, runner)
    before, widths = _geometry(dialog), _widths(dialog)
    dialog.show_error("\n".join([SEVERAL_LINES] * 12))
    QApplication.processEvents()
    assert dialog.height() <= available_size(dialog).height()
    bar = dialog.form_area.verticalScrollBar()
    assert bar.maximum() > 0  # the rest scrolls
    assert _geometry(dialog) == before
    # Only the scroll bar's width is taken from the fields.
    assert all(w - bar.width() <= now <= w for w, now in zip(widths, _widths(dialog),
                                                             strict=True))
    assert_fits_screen(dialog, _buttons(dialog))
    # A shorter error later: the dialog keeps its size (it does not jump about).
    height = dialog.height()
    dialog.show_error("注册码不正确。")
    QApplication.processEvents()
    assert dialog.height() == height and _geometry(dialog) == before


def test_long_addresses_get_break_opportunities_and_keep_their_text() -> None:
    text = breakable(SEVERAL_LINES)
    assert text.replace("\u200b", "") == SEVERAL_LINES
    assert "https:\u200b/\u200b/\u200btiaojie.\u200b" in text
    assert breakable("注册码不正确。") == "注册码不正确。"
