"""The main window: navigation on the left, the chosen page on the right.

The window is only a frame.  It receives the workspace, the task runner and the
labels, builds the pages and wires their signals; each page does its own work.
Pages appear only when they exist and work: the registration page
(受理登记, :mod:`mediator.ui.registration`) is added when that package provides
``RegistrationPage``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from mediator.services.dto import CaseDetail, StudioSetup
from mediator.ui.cases.detail import CaseDetailDialog
from mediator.ui.cases.listpage import CaseListPage
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _registration_page_class() -> Callable[..., QWidget] | None:
    """The registration engineer's page, if that package provides it yet."""
    try:
        module = importlib.import_module("mediator.ui.registration")
    except ImportError:
        return None
    cls = getattr(module, "RegistrationPage", None)
    return cls if isinstance(cls, type) else None


class MainWindow(QMainWindow):
    """调解工作台 — the frame around the pages."""

    # Emitted when the window is about to close: pages save drafts here.
    closing = Signal()

    def __init__(
        self,
        ws: Any,
        runner: TaskRunner,
        labels: Labels,
        studio: StudioSetup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._labels = labels
        self.studio = studio
        self.detail_dialogs: list[CaseDetailDialog] = []
        self.setWindowTitle(self.tr("Mediator — %1").replace("%1", studio.committee_name))

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()

        self.case_list = CaseListPage(runner, ws.cases, labels)
        self.case_list.open_case.connect(self.open_case)
        self.case_list.counts_changed.connect(self._counts_changed)
        self._add_page(self.tr("Cases"), self.case_list)

        self.registration: QWidget | None = None
        reg_cls = _registration_page_class()
        if reg_cls is not None:
            self.registration = self._make_registration(reg_cls)
            if self.registration is not None:
                self._add_page(self.tr("Register a case"), self.registration)

        fm = self.nav.fontMetrics()
        titles = [self.nav.item(i).text() for i in range(self.nav.count())]
        self.nav.setFixedWidth(max(fm.horizontalAdvance(t) for t in titles) + 40)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.studio_label = QLabel(
            self.tr("%1 · Mediator: %2")
            .replace("%1", studio.committee_name)
            .replace("%2", studio.mediator_name)
        )
        self.count_label = QLabel()
        self.statusBar().addWidget(self.studio_label)
        self.statusBar().addPermanentWidget(self.count_label)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        self.resize(1280, 800)
        self.case_list.refresh()

    def _add_page(self, title: str, page: QWidget) -> None:
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 8))
        self.nav.addItem(item)

    def _make_registration(self, cls: Callable[..., QWidget]) -> QWidget | None:
        page = cls(self._ws, self._runner)
        registered = getattr(page, "registered", None)
        if registered is not None:
            registered.connect(self._case_registered)
        flush = getattr(page, "flush_draft", None)
        if flush is not None:
            self.closing.connect(flush)  # nothing typed is lost when the window closes
        return page

    # ----------------------------------------------------------------- pages
    def show_cases(self) -> None:
        self.nav.setCurrentRow(0)

    def focus_search(self) -> None:
        self.show_cases()
        self.case_list.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.filters.search.selectAll()

    def _case_registered(self, *_args: object) -> None:
        self.case_list.reload()
        self.show_cases()

    def _counts_changed(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("%n case(s) in the studio", "", total))

    def open_case(self, case_id: str) -> None:
        """Load the case on the worker, then show its details."""
        cases = self._ws.cases
        self._runner.run(lambda: cases.get(case_id), on_done=self._show_case)

    def _show_case(self, case: CaseDetail) -> None:
        dialog = CaseDetailDialog(case, self._labels, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.detail_dialogs.remove(d))
        dialog.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pages queue their last autosave on the worker now; run_gui waits for it.
        self.closing.emit()
        super().closeEvent(event)
