"""The case page (一个案件): the case workspace, its 基本信息 and its 文书, with
a clear way back to where the case was opened from.

Tabs: 办案步骤 (:class:`~mediator.ui.workflow.workspace.CaseWorkspace`, the step
rail and forms), 基本信息 (:class:`~mediator.ui.cases.detail.CaseDetailView`,
the parties with masked ID numbers) and 文书
(:class:`~mediator.ui.documents.DocumentsPanel`: preview, print, export).  The
agreement step's 在屏幕上签名并定稿 opens
:class:`~mediator.ui.documents.FinaliseAgreementDialog`; once the agreement is
final the case is concluded (调解成功) if the services have not done so already.

The other tabs are built the first time they are shown and re-read whenever they
are shown again, so nothing heavy happens before it is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.dto import CaseDetail, PartyView
from mediator.ui.cases.corrections import PartyCorrectionDialog, history_lines
from mediator.ui.cases.detail import CaseDetailView
from mediator.ui.documents import DocumentsPanel, FinaliseAgreementDialog
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark
from mediator.ui.workflow.workspace import CaseWorkspace

#: Statuses in which a final agreement still has to conclude the case (调解成功).
_BEFORE_AGREED = (CaseStatus.REGISTERED, CaseStatus.NOTIFIED, CaseStatus.INVESTIGATING,
                  CaseStatus.MEDIATING)


class CasePage(QWidget):
    """One open case.  ``back`` asks the window to return to the page it came from."""

    back = Signal()

    def __init__(self, ws: Any, runner: TaskRunner, labels: Labels, case_id: str,
                 back_text: str, *, parent: QWidget | None = None,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._labels = labels
        self.case_id = case_id
        self._today = today or dt.date.today
        self.finalise_dialog: FinaliseAgreementDialog | None = None
        self.correction_dialog: PartyCorrectionDialog | None = None
        self._ethnicities: list[str] = []

        self.back_button = QPushButton("← " + back_text)
        self.back_button.setObjectName("back")
        self.back_button.setShortcut(Qt.Key.Key_Escape)  # Esc: back to the list
        self.back_button.setToolTip(self.tr("Back (Esc). Nothing is lost: unsaved input "
                                            "is kept as a draft."))
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.back_button)
        top.addStretch(1)

        self.workspace = CaseWorkspace(ws, runner, case_id, today=self._today)
        outcome = self.workspace.pages[Step.OUTCOME]
        outcome.finalise_requested.connect(self.open_finalise)  # type: ignore[attr-defined]

        self.details_holder = QWidget()
        self._details_layout = QVBoxLayout(self.details_holder)
        self._details_layout.setContentsMargins(0, 0, 0, 0)
        self.details: CaseDetailView | None = None
        self.documents_holder = QWidget()
        self._documents_layout = QVBoxLayout(self.documents_holder)
        self._documents_layout.setContentsMargins(0, 0, 0, 0)
        self.documents: DocumentsPanel | None = None

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The tabs and the way back are the page's navigation: a little larger.
        mark(self.tabs.tabBar(), Role.NAVIGATION)
        mark(self.back_button, Role.NAVIGATION)
        self.tabs.addTab(self.workspace, self.tr("Steps"))
        self.tabs.addTab(self.details_holder, self.tr("Parties and registration"))
        self.tabs.addTab(self.documents_holder, self.tr("Documents"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ tabs
    def show_details(self) -> None:
        self.tabs.setCurrentWidget(self.details_holder)

    def show_documents(self) -> None:
        self.tabs.setCurrentWidget(self.documents_holder)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.details_holder:
            self._load_details()
        elif widget is self.documents_holder:
            if self.documents is None:
                self.documents = DocumentsPanel(self._ws, self._runner, self.case_id)
                self._documents_layout.addWidget(self.documents)
            else:
                self.documents.reload()
        elif widget is self.workspace:
            self.workspace.reload()

    def _load_details(self) -> None:
        cases, catalogue, cid = self._ws.cases, self._ws.catalogue, self.case_id
        self._runner.run(lambda: (cases.get(cid), cases.corrections(cid),
                                  catalogue.ethnicities()),
                         on_done=self._guard(self._show_details))

    def _show_details(self, fetched: tuple[CaseDetail, list[Any], list[str]]) -> None:
        case, history, self._ethnicities = fetched
        lines = history_lines(history, self._labels, case.time_zone)
        old, self.details = self.details, CaseDetailView(
            case, self._labels, on_correct=self.correct_party, history=lines)
        layout = self._details_layout
        if old is not None:
            layout.removeWidget(old)
            old.deleteLater()
        layout.addWidget(self.details)

    def correct_party(self, party: PartyView) -> PartyCorrectionDialog:
        """更正: the party's details in the registration card; on save the details,
        the steps and the documents are read again (new papers print the new details)."""
        dialog = PartyCorrectionDialog(self._ws, self._runner, self.case_id, party,
                                       self._ethnicities, parent=self,
                                       today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.corrected.connect(self._corrected)
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def _corrected(self, _fields: list[str]) -> None:
        self._load_details()
        self.workspace.reload()
        if self.documents is not None:
            self.documents.reload()

    # ------------------------------------------------------------ finalising
    def open_finalise(self, agreement_id: str) -> FinaliseAgreementDialog:
        """定稿: the documents' finalisation dialog for this case's agreement."""
        self.workspace.flush_drafts()
        dialog = FinaliseAgreementDialog(self._ws, self._runner, agreement_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finalised.connect(self._finalised)
        dialog.finished.connect(lambda _r: self._dialog_closed())
        self.finalise_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.finalise_dialog = None
        if shiboken6.isValid(self):
            self.workspace.reload()
            if self.documents is not None:
                self.documents.reload()

    def _finalised(self, _agreement_id: str) -> None:
        """The agreement is final: the case moves to 调解成功 unless it already has."""
        wf, cid, today = self.workspace.workflow, self.case_id, self._today()

        def work() -> None:
            if wf.overview(cid, today).status in _BEFORE_AGREED:
                wf.agreement.conclude(cid, today=today)

        self._runner.run(work, on_done=self._guard(lambda _r: self.workspace.reload()))

    # ------------------------------------------------------------------ misc
    def flush(self) -> None:
        """Write every unsaved input as a draft now (closing, switching cases)."""
        self.workspace.flush_drafts()

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call
