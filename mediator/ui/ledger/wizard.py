"""导入台账 — the import wizard: file → (sheet) → columns → preview → import.

One question per page, for people who have never imported anything: which file;
which sheet, only when the workbook has several visible ones; which column holds
what; what would come in and what would not (the dry run: every row numbered,
checked against the cases already here and rolled back); then the import itself,
one transaction, and its report, which can be saved.  A file that cannot be read
(not a workbook, an .xls, a password, formulas without values, too many rows, no
header) stops at the first page with the core's Chinese sentence; nothing is
imported.  Every read of the file runs on the worker (:mod:`.state`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mediator.ui import errors
from mediator.ui.labels import Labels
from mediator.ui.ledger.host import known_message, plain_label
from mediator.ui.ledger.mapping import LedgerMappingPage
from mediator.ui.ledger.preview import LedgerDonePage, LedgerPreviewPage
from mediator.ui.ledger.state import BookInfo, ImportState, read_book
from mediator.ui.screen_fit import fit_to_screen
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role

PAGE_FILE, PAGE_SHEET, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(5)


class LedgerFilePage(QWizardPage):
    """Choose the .xlsx file; it is opened and its header found on the worker."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.state = wizard.state
        self.setTitle(self.tr("Choose the ledger file"))
        intro = plain_label(self.tr(
            "Choose the studio's ledger: an Excel workbook (.xlsx) saved by Excel or WPS. "
            "The next steps show what would be imported; nothing is saved before the last "
            "step."))
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("choose_ledger_file")
        self.choose_button.clicked.connect(lambda: self.choose_file())  # noqa: PLW0108 - not the bool
        self.file_label = plain_label()
        self.file_label.setObjectName("ledger_file")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = plain_label(role=Role.ERROR)
        self.message.setObjectName("file_message")
        self.message.hide()
        self.notes = plain_label(role=Role.MUTED)
        self.notes.hide()
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def choose_file(self) -> None:
        if not errors.dialogs_enabled:
            return  # tests call open_file()
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the ledger file"), start,
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Open ``path`` on the worker: its sheets, header and proposed mapping."""
        self.state.path = path
        self.state.info = None
        self.state.preview = None
        self.file_label.setText(path.name)
        self.message.hide()
        self.notes.hide()
        self.busy.show()
        self.choose_button.setEnabled(False)
        self.completeChanged.emit()
        alive = while_alive(self)
        self._wizard.runner.run(lambda: read_book(path), on_done=alive(self._opened),
                                on_error=alive(self._failed))

    def _opened(self, info: BookInfo) -> None:
        self.busy.hide()
        self.choose_button.setEnabled(True)
        self.state.info = info
        self.notes.setText("\n".join(info.notes))
        self.notes.setVisible(bool(info.notes))
        self.completeChanged.emit()
        self._wizard.book_opened.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.choose_button.setEnabled(True)
        message = known_message(exc)
        if message is None:
            errors.show_error(self, exc)
            message = self.tr("The file could not be read. Nothing was imported.")
        self.message.setText(message)
        self.message.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.info is not None

    def nextId(self) -> int:
        info = self.state.info
        return PAGE_SHEET if info is not None and len(info.sheets) > 1 else PAGE_MAPPING


class LedgerSheetPage(QWizardPage):
    """The workbook has several visible sheets: which one is the ledger."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.state = wizard.state
        self.setTitle(self.tr("Which sheet is the ledger"))
        intro = plain_label(self.tr(
            "The workbook has several sheets. The one whose header was recognised best is "
            "chosen; choose another if that is not the ledger. Hidden sheets are never "
            "imported."))
        self.list = QListWidget()
        self.list.setObjectName("sheet_list")
        self.list.currentTextChanged.connect(self._picked)
        self.message = plain_label(role=Role.ERROR)
        self.message.setObjectName("sheet_message")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        info = self.state.info
        assert info is not None
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(info.sheets)
        self.list.setCurrentRow(info.sheets.index(info.sheet) if info.sheet in info.sheets
                                else 0)
        self.list.blockSignals(False)

    def choose(self, sheet: str) -> None:
        items = self.list.findItems(sheet, Qt.MatchFlag.MatchExactly)
        if items:
            self.list.setCurrentItem(items[0])

    def _picked(self, sheet: str) -> None:
        info, path = self.state.info, self.state.path
        if not sheet or path is None or (info is not None and info.sheet == sheet):
            return
        self.message.hide()
        self.state.info = None
        self.state.preview = None
        self.completeChanged.emit()
        alive = while_alive(self)
        self._wizard.runner.run(lambda: read_book(path, sheet), on_done=alive(self._read),
                                on_error=alive(self._failed))

    def _read(self, info: BookInfo) -> None:
        self.state.info = info
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        message = known_message(exc)
        if message is None:
            errors.show_error(self, exc)
            return
        self.message.setText(message)
        self.message.show()

    def isComplete(self) -> bool:
        return self.state.info is not None


class ImportWizard(QWizard):
    """The ledger import, step by step; ``imported(n)`` once ``n`` cases were written."""

    imported = Signal(int)
    book_opened = Signal()

    def __init__(self, ws: Any, runner: TaskRunner, labels: Labels,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_import_wizard")
        self.setWindowTitle(self.tr("Import an Excel ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.ws = ws
        self.runner = runner
        self.labels = labels
        self.state = ImportState()
        self.file_page = LedgerFilePage(self)
        self.sheet_page = LedgerSheetPage(self)
        self.mapping_page = LedgerMappingPage(self.state)
        self.preview_page = LedgerPreviewPage(self)
        self.done_page = LedgerDonePage(self)
        for key, page in ((PAGE_FILE, self.file_page), (PAGE_SHEET, self.sheet_page),
                          (PAGE_MAPPING, self.mapping_page), (PAGE_PREVIEW, self.preview_page),
                          (PAGE_DONE, self.done_page)):
            self.setPage(key, page)
        self.setStartId(PAGE_FILE)
        fit_to_screen(self, 1000, 720)

    def working(self) -> bool:
        """An import (or its dry run) is running on the worker."""
        return self.preview_page.working or self.done_page.working

    def reject(self) -> None:
        # Not while the import runs: it finishes (one transaction) and says what it did.
        if not self.working():
            super().reject()
