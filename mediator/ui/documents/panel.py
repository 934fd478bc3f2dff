"""文书 — the documents of one case: list, preview, print, export, finalise.

The case workspace places this panel; it lists what
:class:`~mediator.services.documents.DocumentService` says the case holds, shows
the selected one on white pages, prints it with copies = parties + 1, exports
every document with the dossier, and opens the finalisation of a draft
agreement.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.services.documents import DocumentInfo, DocumentService, ExportReport
from mediator.services.workspace import Workspace
from mediator.ui import labels
from mediator.ui.documents.finalise_dialog import FinaliseAgreementDialog
from mediator.ui.documents.preview import PdfPreview, ask_and_print
from mediator.ui.errors import show_error
from mediator.ui.tasks import TaskRunner

T = TypeVar("T")


class DocumentsPanel(QWidget):
    def __init__(self, workspace: Workspace, runner: TaskRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._runner = runner
        self._case_id = case_id
        self._service = DocumentService(workspace)
        self.infos: list[DocumentInfo] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Documents of the case"))
        # The list has a quarter of the page: at 特大 a name ("Notice of rights and
        # duties", "调解协议书（草稿）") wraps onto a second line rather than being cut.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentRowChanged.connect(self._on_selected)
        self.preview = PdfPreview()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._on_print)
        self.export_button = QPushButton(self.tr("Export all…"))
        self.export_button.setToolTip(self.tr("Every document as its own PDF, plus the dossier"))
        self.export_button.clicked.connect(self._on_export)
        self.finalise_button = QPushButton(self.tr("Finalise agreement…"))
        self.finalise_button.clicked.connect(self._on_finalise)
        self.finalise_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.finalise_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def _alive(self, fn: Callable[[T], None]) -> Callable[[T], None]:
        """``fn`` only while this panel exists: the case may be closed before a
        document has been read or rendered on the worker."""
        def call(value: T) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, MediatorError):
            self.status.setText(exc.message)
        else:
            show_error(self, exc)

    def reload(self) -> None:
        self._runner.run(lambda: self._service.documents(self._case_id),
                         self._alive(self._listed), self._alive(self._fail))

    def _listed(self, infos: list[DocumentInfo]) -> None:
        self.infos = infos
        self.list.clear()
        for info in infos:
            suffix = ""
            if info.signed:
                suffix = self.tr(" (signed)")
            elif info.draft:
                suffix = self.tr(" (draft)")
            item = QListWidgetItem(f"{labels.document(info.key, info.title)}{suffix}")
            item.setToolTip(info.filename)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.list.addItem(item)
        if infos:
            self.list.setCurrentRow(0)
        else:
            self.preview.clear()

    def current(self) -> DocumentInfo | None:
        row = self.list.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def _on_selected(self, row: int) -> None:
        info = self.current()
        self.finalise_button.setVisible(bool(info and info.draft and info.agreement_id))
        if info is None:
            return
        key = info.key
        self.status.clear()
        self._runner.run(lambda: self._service.render(self._case_id, key),
                         self._alive(self._show), self._alive(self._fail))

    def _show(self, pdf: bytes) -> None:
        self.preview.set_pdf(pdf)

    def _on_print(self) -> None:
        info = self.current()
        if info is None or not self.preview.data:
            return
        ask_and_print(self.preview.data, info.parties + 1, self)

    def _on_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the documents to"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        case_no = self._case_no()

        def work() -> ExportReport:
            return self._service.export(case_no, folder)

        def done(report: ExportReport) -> None:
            self.status.setText(self.tr("%n file(s) exported to %1", "", len(report.files))
                                .replace("%1", str(report.out_dir)))

        self._runner.run(work, self._alive(done), self._alive(self._fail))

    def _case_no(self) -> str:
        return self._ws.cases.get(self._case_id).case_no

    def _on_finalise(self) -> None:
        info = self.current()
        if info is None or info.agreement_id is None:
            return
        dialog = FinaliseAgreementDialog(self._ws, self._runner, info.agreement_id, self)
        dialog.finalised.connect(lambda _id: self.reload())
        dialog.exec()
        self.reload()

    def open_finalise(self, agreement_id: str) -> FinaliseAgreementDialog:
        """The finalisation dialog for ``agreement_id`` (not yet shown)."""
        dialog = FinaliseAgreementDialog(self._ws, self._runner, agreement_id, self)
        dialog.finalised.connect(lambda _id: self.reload())
        return dialog


__all__ = ["DocumentsPanel"]
