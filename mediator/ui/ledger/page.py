"""台账 — the ledger page: export the year's (or a month's) ledger, or bring an
existing Excel ledger in.

Two tasks, one box each, so a studio finds both where it expects "the ledger".
The export writes the workbook the CLI writes (:class:`~mediator.services.ledger.
LedgerService`) on the worker thread; the page only asks where, shows that it is
working, and says where the file went with a button that opens its folder.  The
import is a wizard of its own (:class:`~mediator.ui.ledger.wizard.ImportWizard`);
when it wrote cases the page emits :attr:`LedgerPage.imported` and the main
window re-reads the case list.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError, storage_error_for
from mediator.ui import errors
from mediator.ui.labels import Labels
from mediator.ui.ledger.host import plain_label
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark, unmark

FIRST_YEAR, LAST_YEAR = 2000, 2100  # what ledger_period accepts


class LedgerPage(QWidget):
    """The 台账 page; ``imported(n)`` after an import wrote ``n`` cases."""

    imported = Signal(int)
    exported = Signal(object)  # LedgerExport

    def __init__(self, ws: Any, runner: TaskRunner, labels: Labels,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_page")
        self._ws = ws
        self._runner = runner
        self._labels = labels
        self.wizard: Any = None
        self.last_export: Any = None
        self._folder: Path | None = None

        title = plain_label(self.tr("Ledger"), Role.TITLE)
        # ------------------------------------------------------------ export
        export_box = QGroupBox(self.tr("Export the ledger"))
        export_note = plain_label(self.tr(
            "One row per case accepted in the period, in the columns studios hand up, "
            "with the statistics report of the same period as a second sheet (Excel)."))
        # The ledger handed up at the start of a month is last month's: chosen at first.
        last_month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
        self.year = QSpinBox()
        self.year.setObjectName("ledger_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(last_month.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.month = QComboBox()
        self.month.setObjectName("ledger_month")
        self.month.setAccessibleName(self.tr("Month"))
        self.month.addItem(self.tr("Whole year"), 0)
        for m in range(1, 13):
            self.month.addItem(self.tr("Month %1").replace("%1", str(m)), m)
        self.month.setCurrentIndex(self.month.findData(last_month.month))
        self.export_button = QPushButton(self.tr("Export the ledger…"))
        self.export_button.setObjectName("export_ledger")
        mark(self.export_button, Role.PRIMARY)
        self.export_button.clicked.connect(lambda: self.choose_and_export())  # noqa: PLW0108 - not the bool
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("Year:")))
        period_row.addWidget(self.year)
        period_row.addSpacing(12)
        period_row.addWidget(QLabel(self.tr("Month:")))
        period_row.addWidget(self.month)
        period_row.addStretch(1)
        self.export_busy = QProgressBar()
        self.export_busy.setRange(0, 0)  # the export gives no steps: a moving bar
        self.export_busy.setTextVisible(False)
        self.export_busy.hide()
        self.export_message = plain_label()
        self.export_message.setObjectName("export_message")
        self.export_message.hide()
        self.open_folder = QPushButton(self.tr("Open the folder"))
        self.open_folder.setObjectName("open_folder")
        self.open_folder.clicked.connect(self._open_folder)
        self.open_folder.hide()
        button_row = QHBoxLayout()
        button_row.addWidget(self.export_button)
        button_row.addWidget(self.open_folder)
        button_row.addStretch(1)
        export_layout = QVBoxLayout(export_box)
        export_layout.addWidget(export_note)
        export_layout.addLayout(period_row)
        export_layout.addLayout(button_row)
        export_layout.addWidget(self.export_busy)
        export_layout.addWidget(self.export_message)

        # ------------------------------------------------------------ import
        import_box = QGroupBox(self.tr("Bring in an existing ledger"))
        import_note = plain_label(self.tr(
            "Cases from the Excel ledger the studio kept before: choose the file, check "
            "which column holds what, look at the preview, then import. Nothing is saved "
            "before the last step. Imported cases start as accepted (受理) and are marked "
            "as coming from the ledger."))
        self.import_button = QPushButton(self.tr("Import an Excel ledger…"))
        self.import_button.setObjectName("import_ledger")
        self.import_button.clicked.connect(lambda: self.open_import())  # noqa: PLW0108 - not the bool
        self.import_message = plain_label(role=Role.SUCCESS)
        self.import_message.setObjectName("import_message")
        self.import_message.hide()
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        import_layout = QVBoxLayout(import_box)
        import_layout.addWidget(import_note)
        import_layout.addLayout(import_row)
        import_layout.addWidget(self.import_message)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addStretch(1)

    # ------------------------------------------------------------------ export
    def period(self) -> tuple[int, int | None]:
        month = int(self.month.currentData() or 0)
        return self.year.value(), month or None

    def default_name(self) -> str:
        """e.g. 2026年11月调解台账.xlsx (2026年调解台账.xlsx for a whole year)."""
        year, month = self.period()
        if month is None:
            return self.tr("Mediation ledger %1.xlsx").replace("%1", str(year))
        return (self.tr("Mediation ledger %1-%2.xlsx")
                .replace("%1", str(year)).replace("%2", str(month)))

    def period_text(self) -> str:
        year, month = self.period()
        if month is None:
            return self.tr("the year %1").replace("%1", str(year))
        return self.tr("%2/%1").replace("%1", str(year)).replace("%2", str(month))

    def choose_and_export(self) -> Path | None:
        """Ask where to save (a sensible name in the last folder used), then export."""
        if not errors.dialogs_enabled:
            return None  # tests call export_to() with a path
        folder = self._folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the ledger"), str(folder / self.default_name()),
            self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        self.export_to(target)
        return target

    def export_to(self, path: Path) -> None:
        """Write the ledger of the chosen period to ``path`` on the worker."""
        from mediator.services.ledger import LedgerService, ledger_period  # noqa: PLC0415

        year, month = self.period()
        ws = self._ws

        def work() -> Any:
            period = ledger_period(year, month)
            service = LedgerService(ws.db, ws.studio.context, ws.catalogue.label)
            return service.export(period, path)

        self.export_button.setEnabled(False)
        self.open_folder.hide()
        self.export_busy.show()
        self._say(self.tr("Writing the ledger of %1…").replace("%1", self.period_text()), None)
        alive = while_alive(self)
        self._runner.run(work, on_done=alive(self._exported), on_error=alive(self._export_failed))

    def _exported(self, done: Any) -> None:
        self.export_button.setEnabled(True)
        self.export_busy.hide()
        self.last_export = done
        self._folder = Path(done.path).parent
        self._say(self.tr("Ledger of %1 saved: %n case(s).", "", done.cases)
                  .replace("%1", self.period_text()) + "\n"
                  + self.tr("File: %1").replace("%1", str(done.path)), Role.SUCCESS)
        self.open_folder.show()
        self.exported.emit(done)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_busy.hide()
        known = storage_error_for(exc) or exc
        if not isinstance(known, MediatorError):
            errors.show_error(self, exc)  # a bug: the crash dialog and its report
            self._say(self.tr("The ledger was not saved."), Role.ERROR)
            return
        self._say(self.tr("The ledger was not saved: %1").replace("%1", known.message),
                  Role.ERROR)

    def _say(self, text: str, role: Role | None) -> None:
        unmark(self.export_message)
        if role is not None:
            mark(self.export_message, role)
        self.export_message.setText(text)
        self.export_message.show()

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    # ------------------------------------------------------------------ import
    def open_import(self, path: Path | None = None) -> Any:
        """The import wizard (over this page); ``path`` skips choosing the file."""
        from mediator.ui.ledger.wizard import ImportWizard  # noqa: PLC0415 - on use

        if self.wizard is not None:
            self.wizard.raise_()
            return self.wizard
        wizard = ImportWizard(self._ws, self._runner, self._labels, self)
        wizard.imported.connect(self._imported)
        wizard.finished.connect(lambda _r: self._wizard_closed())
        self.wizard = wizard
        wizard.show()
        if path is not None:
            wizard.file_page.open_file(path)
        return wizard

    def _wizard_closed(self) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()

    def _imported(self, count: int) -> None:
        self.import_message.setText(
            self.tr("%n case(s) imported from the ledger. They are in the case list.", "",
                    count))
        self.import_message.show()
        self.imported.emit(count)
