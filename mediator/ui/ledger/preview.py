"""The last two steps of the ledger import: the preview (a dry run) and the import.

The preview runs the whole import and rolls it back (the core's ``dry_run``): so
its counts are the import's own, rows already imported before included, not an
estimate from the first rows.  It shows the first rows as they would come in
(parties split, dates read), every row that would not, with its row number and
reason, and the notes on rows that would.  When some rows would not come in the
person chooses, with a tick, to import the others; otherwise the import would
be refused whole (as ``mediator import`` without ``--partial``).

The import is one transaction in the core; its report (row numbers and reasons,
what the imported cases lack) stays on screen and can be saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from mediator.domain.status import PartyRole
from mediator.services.ledger_import import LedgerReport, RowOutcome
from mediator.ui import errors
from mediator.ui.ledger.host import ImportHost, known_message
from mediator.ui.ledger.report import save_report
from mediator.ui.ledger.state import Progress, run_import
from mediator.ui.tasks import while_alive
from mediator.ui.theme import Role, mark

PREVIEW_ROWS = 200  # rows of the preview table; the counts cover every row
SUMMARY_CHARS = 40
TEXT_COLUMN_PX = 420  # the summary and notes columns, before their text wraps


def _label(role: Role | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        mark(label, role)
    return label


class _Working(QWizardPage):
    """A page that runs an import on the worker with a bar and the row reached."""

    def __init__(self, wizard: ImportHost) -> None:
        super().__init__()
        self._wizard = wizard
        self.state = wizard.state
        self.working = False
        self.progress = Progress(self)
        self.progress.row.connect(self._row_reached)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.reached = _label(Role.MUTED)
        self.reached.hide()
        self.message = _label(Role.ERROR)
        self.message.setObjectName("import_error")
        self.message.hide()

    def _start(self, text: str, *, dry_run: bool) -> None:
        self.working = True
        self.message.hide()
        self.busy.show()
        self.reached.setText(text)
        self.reached.show()
        self.completeChanged.emit()
        ws, state, progress = self._wizard.ws, self.state, self.progress
        alive = while_alive(self)
        self._wizard.runner.run(lambda: run_import(ws, state, dry_run=dry_run, progress=progress),
                                on_done=alive(self._finished), on_error=alive(self._failed))

    @Slot(int)
    def _row_reached(self, row: int) -> None:
        # translate() with one context: tr() here would take the subclass's name.
        self.reached.setText(QCoreApplication.translate(
            "LedgerImportProgress", "Reading the ledger: row %1…").replace("%1", str(row)))

    def _stop(self) -> None:
        self.working = False
        self.busy.hide()
        self.reached.hide()

    def _finished(self, report: LedgerReport) -> None:
        self._stop()
        self.show_report(report)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        message = known_message(exc)
        if message is None:
            errors.show_error(self, exc)
            message = QCoreApplication.translate(
                "LedgerImportProgress", "The ledger could not be imported. Nothing was imported.")
        self.message.setText(message)
        self.message.show()
        self.completeChanged.emit()

    def show_report(self, report: LedgerReport) -> None:
        raise NotImplementedError


def _lines_list(name: str) -> QListWidget:
    view = QListWidget()
    view.setObjectName(name)
    view.setWordWrap(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    return view


class LedgerPreviewPage(_Working):
    """What the import would do: the first rows, every row refused and why, the counts."""

    def __init__(self, wizard: ImportHost) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Preview: what would be imported"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.counts = _label(Role.EMPHASIS)
        self.counts.setObjectName("preview_counts")
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("preview_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Result"), self.tr("Date accepted"), self.tr("Applicants"),
            self.tr("Respondents"), self.tr("Dispute type"), self.tr("Summary"),
            self.tr("Notes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)  # a long summary or note wraps in its column
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(True)
        self.rejected_list = _lines_list("rejected_list")
        self.warning_list = _lines_list("warning_list")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("First rows"))
        self.tabs.addTab(self.rejected_list, self.tr("Rows not imported"))
        self.tabs.addTab(self.warning_list, self.tr("Notes"))
        self.skip = QCheckBox()
        self.skip.setObjectName("skip_rejected")
        self.skip.toggled.connect(self._skip_toggled)
        self.skip.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.busy)
        layout.addWidget(self.reached)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.skip)

    def initializePage(self) -> None:
        if self.state.preview is not None:
            self.show_report(self.state.preview)
            return
        self.counts.clear()
        self.table.setRowCount(0)
        self.rejected_list.clear()
        self.warning_list.clear()
        self.skip.hide()
        self._start(self.tr("Checking every row of the ledger…"), dry_run=True)

    def show_report(self, report: LedgerReport) -> None:
        self.state.preview = report
        ok, bad, skipped = len(report.imported), len(report.rejected), len(report.skipped)
        self.counts.setText(self.tr(
            "%1 row(s) can be imported, %2 row(s) cannot, %3 row(s) skipped "
            "(totals, notes under the table, repeated headers).")
            .replace("%1", str(ok)).replace("%2", str(bad)).replace("%3", str(skipped)))
        self._fill_table(report.rows[:PREVIEW_ROWS])
        self.rejected_list.clear()
        self.rejected_list.addItems(report.problem_lines())
        self.warning_list.clear()
        self.warning_list.addItems([*report.notes, *report.warning_lines()])
        self.tabs.setTabText(1, self.tr("Rows not imported (%1)").replace("%1", str(bad)))
        self.tabs.setTabText(2, self.tr("Notes (%1)").replace(
            "%1", str(self.warning_list.count())))
        self.skip.blockSignals(True)
        self.skip.setChecked(self.state.skip_rejected)
        self.skip.blockSignals(False)
        self.skip.setText(self.tr(
            "Import the %1 good row(s) and leave out the %2 row(s) that cannot be imported")
            .replace("%1", str(ok)).replace("%2", str(bad)))
        self.skip.setVisible(bool(ok and bad))
        if not ok:
            self.message.setText(self.tr(
                "No row of this ledger can be imported. Check the column choices (Back) "
                "or the rows listed under “Rows not imported”."))
            self.message.show()

    def _fill_table(self, rows: list[RowOutcome]) -> None:
        labels = self._wizard.labels
        state_names = {"ok": self.tr("Will be imported"), "rejected": self.tr("Not imported"),
                       "skipped": self.tr("Skipped")}
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            reg = r.reg if r.state != "skipped" else None
            apps = resps = date = kind = summary = ""
            if reg is not None:
                apps = "、".join(p.name for p in reg.parties if p.role is PartyRole.APPLICANT)
                resps = "、".join(p.name for p in reg.parties if p.role is PartyRole.RESPONDENT)
                date = reg.registered_on.isoformat() if reg.registered_on else ""
                kind = labels.dispute_type(reg.dispute_type)
                summary = reg.summary[:SUMMARY_CHARS] + (
                    "…" if len(reg.summary) > SUMMARY_CHARS else "")
            notes = "；".join(r.reasons if r.state != "ok" else r.warnings)
            cells = [str(r.row), state_names.get(r.state, r.state), date, apps, resps, kind,
                     summary, notes]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in (6, 7) and text:
                    item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        for j in (6, 7):  # long texts wrap in a column of a readable width
            self.table.setColumnWidth(j, min(self.table.columnWidth(j), TEXT_COLUMN_PX))
        self.table.resizeRowsToContents()

    def _skip_toggled(self, on: bool) -> None:
        self.state.skip_rejected = on
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.state.preview
        if self.working or report is None or not report.imported:
            return False
        return not report.rejected or self.state.skip_rejected


class LedgerDonePage(_Working):
    """The import (one transaction) and its report, which can be saved."""

    def __init__(self, wizard: ImportHost) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Import"))
        self.summary = _label(Role.EMPHASIS)
        self.summary.setObjectName("import_summary")
        self.lacks = _label()
        self.lacks.setObjectName("import_lacks")
        self.lines = _lines_list("report_lines")
        self.save_button = QPushButton(self.tr("Save the report…"))
        self.save_button.setObjectName("save_report")
        self.save_button.clicked.connect(lambda: self.choose_and_save())  # noqa: PLW0108 - not the bool
        self.save_button.setEnabled(False)
        self.saved = _label(Role.SUCCESS)
        self.saved.hide()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.reached)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.lacks)
        layout.addWidget(self.lines, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        self.state.result = None
        self._start(self.tr("Importing… (one step: all the cases or none)"), dry_run=False)

    def show_report(self, report: LedgerReport) -> None:
        self.state.result = report
        ok, bad = len(report.imported), len(report.rejected)
        if report.written:
            text = self.tr("%n case(s) imported, all at the accepted (受理) stage and marked "
                           "as coming from the ledger.", "", ok)
            if bad:
                text += " " + self.tr("%n row(s) were left out (listed below).", "", bad)
            mark(self.summary, Role.SUCCESS)
        else:
            text = self.tr("Nothing was imported: %n row(s) cannot be imported (listed "
                           "below).", "", bad)
            mark(self.summary, Role.ERROR)
        self.summary.setText(text)
        if report.lacks and report.written:
            top = [f"{lack}：{n}" for lack, n in report.lacks.most_common(6)]
            self.lacks.setText(self.tr(
                "What the imported cases still lack (file completeness), cases each:")
                + "\n" + "\n".join(top))
            self.lacks.show()
        else:
            self.lacks.hide()
        self.lines.clear()
        self.lines.addItems([*report.problem_lines(), *report.warning_lines()])
        self.save_button.setEnabled(True)
        if report.written:
            self._wizard.imported.emit(ok)

    def choose_and_save(self) -> Path | None:
        if not errors.dialogs_enabled or self.state.result is None:
            return None
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the import report"),
            str(folder / self.tr("Ledger import report.txt")),
            self.tr("Text files (*.txt);;Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        result = self.state.result
        if result is None:
            return None
        try:
            save_report(path, self.state, result)
        except OSError as exc:
            errors.show_error(self, exc)
            return None
        self.saved.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.saved.show()
        return path

    def isComplete(self) -> bool:
        return not self.working and (self.state.result is not None or self.message.isVisible())

    def validatePage(self) -> bool:
        return not self.working

    def cleanupPage(self) -> None:
        return  # no way back from an import
