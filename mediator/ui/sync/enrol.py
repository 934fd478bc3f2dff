"""注册到区级服务器 — enrol this PC with the district server using a one-time code.

The fields sit in a fixed form; a refusal (wrong code, server unreachable, a
message of several lines) appears in a word-wrapping label *below* them.  Showing
it never squeezes or moves the fields: the dialog grows to fit the message, at
most to the screen's available height (:mod:`mediator.ui.screen_fit`), and past
that the form scrolls while the buttons stay in view.  On success the dialog
closes by itself; the caller starts the first sync (``enrolled``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.services.sync import SyncService
from mediator.services.workspace import Workspace
from mediator.sync.protocol import EnrolResult
from mediator.ui.screen_fit import available_size, scrolling
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark

WIDTH_EM = 34  # wide enough for an https address and the fields' hints, in "中" widths

# A long run without spaces (an address, a file path) cannot wrap and would widen
# the dialog: a zero-width space after its separators lets it break there.
_LONG_RUN = re.compile(r"[!-~]{30,}")


def breakable(text: str) -> str:
    """``text`` with break opportunities after / . : - _ in long ASCII runs."""
    return _LONG_RUN.sub(lambda m: re.sub(r"([/.:\-_?&=])", "\\1\u200b", m.group(0)),
                         text)


class EnrolDialog(QDialog):
    """Server address, one-time code and (optionally) the district CA file.

    ``runner`` does the enrolment (one network exchange and one transaction) off
    the GUI thread; the dialog stays responsive and shows a refusal in place."""

    enrolled = Signal(object)  # EnrolResult

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = SyncService(ws)
        self._runner = runner
        self.setWindowTitle(self.tr("Connect to the district server"))
        intro = QLabel(self.tr(
            "Enter the server address and the one-time enrolment code from the district "
            "administrator. Cases stay on this PC; they are sent to the district server "
            "whenever it can be reached."))
        intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("e.g. https://tiaojie.example.gov.cn"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. ABCD-EFGH-…"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("optional: a PEM file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file)
        ca_row.addWidget(browse)
        self.device_name = QLineEdit()
        self.device_name.setPlaceholderText(self.tr("e.g. front desk PC"))
        form = QFormLayout()
        # Fixed: one row per field, labels beside them, fields never wrapped under.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Enrolment code:"), self.code)
        form.addRow(self.tr("CA certificate:"), ca_row)
        form.addRow(self.tr("Name of this PC:"), self.device_name)
        self.error = QLabel()
        self.error.setObjectName("enrol_error")
        mark(self.error, Role.ERROR)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.content = QWidget()
        body = self._body = QVBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(intro)
        body.addLayout(form)
        body.addWidget(self.error)
        body.addStretch(1)  # extra height goes below the error, never between fields
        self.form_area = scrolling(self.content)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.buttons)
        width = max(560, WIDTH_EM * self.fontMetrics().horizontalAdvance("中"))
        self.resize(min(width, available_size(self).width()), 10)
        self._fit_height()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("District CA certificate"), "",
                                              self.tr("PEM certificates (*.pem *.crt *.cer)"))
        if path:
            self.ca_file.setText(path)

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        ca, name = self.ca_file.text().strip(), self.device_name.text().strip()
        self.ok.setEnabled(False)
        self.error.hide()
        self._runner.run(lambda: self._service.enrol(url, code, ca_file=ca, device_name=name),
                         self._done, self._failed)

    def _done(self, answer: EnrolResult) -> None:
        self.ok.setEnabled(True)
        self.enrolled.emit(answer)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if not isinstance(exc, MediatorError):
            raise exc
        self.show_error(exc.message)

    def show_error(self, message: str) -> None:
        """The refusal under the fields; the dialog grows to show it (up to the screen)."""
        self.error.setText(breakable(message))
        self.error.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the form needs at the current width, at most the screen's
        available height (the form scrolls beyond it); never shorter than now."""
        margins = self._layout.contentsMargins()
        inner = max(1, self.width() - margins.left() - margins.right())
        body = self._body
        needed = (body.totalHeightForWidth(inner) if body.hasHeightForWidth()
                  else body.totalSizeHint().height())
        # The scroll area never makes the form shorter than its minimum (a wrapped
        # label's minimum is measured at a narrower width than it gets): room for it.
        needed = max(needed, body.totalMinimumSize().height())
        wanted = (needed + self.buttons.sizeHint().height() + self._layout.spacing()
                  + margins.top() + margins.bottom() + 2 * self.form_area.frameWidth())
        height = min(max(wanted, self.height()), available_size(self).height())
        if height != self.height():
            self.resize(self.width(), height)
        if self.isVisible():  # grown downwards past the screen's edge: moved up
            avail = self.screen().availableGeometry()
            frame = self.frameGeometry()
            if frame.bottom() > avail.bottom():
                self.move(self.x(), max(avail.top(), self.y() - (frame.bottom()
                                                                  - avail.bottom())))
