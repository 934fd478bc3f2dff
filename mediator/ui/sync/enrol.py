"""注册到区级服务器 — enrol this PC with the district server using a one-time code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.services.sync import SyncService
from mediator.services.workspace import Workspace
from mediator.sync.protocol import EnrolResult
from mediator.ui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"


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
        self.ca_file.setPlaceholderText(self.tr("(optional) district CA certificate, PEM"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file)
        ca_row.addWidget(browse)
        self.device_name = QLineEdit()
        self.device_name.setPlaceholderText(self.tr("e.g. front desk PC"))
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Enrolment code:"), self.code)
        form.addRow(self.tr("CA certificate:"), ca_row)
        form.addRow(self.tr("Name of this PC:"), self.device_name)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

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
        self.error.setText(exc.message)
        self.error.show()
