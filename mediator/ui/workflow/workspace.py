"""CaseWorkspace — one case, walked step by step (办案工作台).

Left: the step rail (done / now / missing).  Right: the registered form page of
the chosen step (:data:`pages.PAGES`), the findings of that step, and the
case's attachments.  Every save re-reads the case and refreshes rail, header
and pages.  Unsaved input of each page is autosaved as a draft
(``ws.drafts``, kind ``workflow.<step>``, key = case id) and restored when the
case is opened again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.findings import STEP_ORDER, Severity, Step
from mediator.domain.status import STATUS_LABELS_ZH, CaseStatus
from mediator.services.workflow import Workflow
from mediator.services.workflow.completeness import report_html, report_text
from mediator.services.workflow.dto import CaseOverview
from mediator.ui import errors, finding_text, labels
from mediator.ui.theme import Role, mark

from . import forms_after, forms_intake, forms_outcome  # noqa: F401 - register the pages
from .attachments import AttachmentsWidget
from .common import ERROR_COLOUR, HINT_COLOUR, heading, set_text_colour, tr
from .pages import PAGES, PageContext, StepPage
from .rail import STATE_TEXT, StepRail, step_summary
from .read_only import set_read_only
from .report_dialog import CompletenessDialog
from .session_mode import SessionModeWindow

DRAFT_PREFIX = "workflow."
AUTOSAVE_MS = 1500


def open_deadlines(deadlines: Any) -> str:
    """The header's deadline line: one entry per kind, the first date and, when there are
    several (20 instalments of performance), the last and how many — 20 dates of one kind
    wrapped over six lines and left the step's form no height at 特大."""
    dates: dict[Any, list[Any]] = {}
    for d in deadlines:
        if d.done_on is None:
            dates.setdefault(d.kind, []).append(d.due)
    parts = []
    for kind, days in dates.items():
        days.sort()
        text = f"{labels.deadline(kind)} {days[0]:%Y-%m-%d}"
        if len(days) > 1:
            text += f" … {days[-1]:%Y-%m-%d} ({len(days)})"
        parts.append(text)
    return "；".join(parts) or "—"


class CaseWorkspace(QWidget):
    #: (case id, new status value) when a reload finds the case's status moved on
    #: (a step saved, the agreement finalised): the case list refreshes that row.
    status_changed = Signal(str, str)

    def __init__(self, workspace: Any, runner: Any, case_id: str,
                 parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.runner = runner
        self.case_id = case_id
        self.workflow = Workflow(workspace)
        self.today = today or dt.date.today
        self.overview: CaseOverview | None = None
        ctx = PageContext(self.workflow, runner, self.today, workspace.data_dir.root)

        outer = QVBoxLayout(self)
        self.header = heading("")
        self.header.setObjectName("case_header")
        outer.addWidget(self.header)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        outer.addWidget(self.deadline)
        # One line saying why nothing can be changed (已归档: the dossier is closed).
        self.archived_banner = QLabel(tr("This case is archived: it can be read and printed, "
                                         "but no longer changed."))
        self.archived_banner.setObjectName("archived_banner")
        self.archived_banner.setWordWrap(True)
        mark(self.archived_banner, Role.WARNING)
        self.archived_banner.hide()
        outer.addWidget(self.archived_banner)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(split, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.rail = StepRail()
        ll.addWidget(self.rail, 1)
        self.print_button = QPushButton(tr("Completeness report…"))
        self.print_button.setObjectName("completeness_report")
        # On screen first (a readable list); printing is a button there.
        self.print_button.clicked.connect(self.open_report)
        self.report_dialog: CompletenessDialog | None = None
        ll.addWidget(self.print_button)
        split.addWidget(left)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        rl.addWidget(self.stack, 3)
        self.findings = QLabel()
        self.findings.setObjectName("step_findings")
        self.findings.setWordWrap(True)
        rl.addWidget(self.findings)
        self.attachments = AttachmentsWidget(self.workflow.attachments, runner, case_id)
        self.attachments.changed.connect(self.reload)
        rl.addWidget(self.attachments)
        split.addWidget(right)
        split.setStretchFactor(1, 1)

        self.pages: dict[Step, StepPage] = {}
        for step in STEP_ORDER:
            page = PAGES[step](ctx)
            page.saved.connect(self._page_saved)
            page.edited.connect(lambda s=step: self._edited(s))
            self.pages[step] = page
            self.stack.addWidget(page)
        self.pages[Step.MEDIATE].session_mode.clicked.connect(  # type: ignore[attr-defined]
            self.open_session_mode)
        self.rail.step_chosen.connect(self.show_step)
        self._dirty: set[Step] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush_drafts)
        self.session_window: Any = None
        self.last_report = ""
        self.reload(first=True)

    # ------------------------------------------------------------------ loading
    def reload(self, *_a: object, first: bool = False) -> None:
        wf, ws, cid, today = self.workflow, self.ws, self.case_id, self.today()

        def fetch() -> tuple[CaseOverview, dict[Step, dict[str, Any] | None]]:
            drafts = {s: ws.drafts.load(DRAFT_PREFIX + s.value, cid) for s in STEP_ORDER} \
                if first else {}
            return wf.overview(cid, today), drafts

        self.runner.run(fetch, on_done=self._guard(self._fill))

    def _fill(self, fetched: tuple[CaseOverview, dict[Step, dict[str, Any] | None]]) -> None:
        ov, drafts = fetched
        before, self.overview = self.overview, ov
        if before is not None and before.status is not ov.status:
            self.status_changed.emit(self.case_id, ov.status.value)
        status = labels.status(ov.status)
        self.header.setText(f"{ov.case_no}　{status}")
        closed = ov.status in (CaseStatus.ARCHIVED, CaseStatus.REFUSED)
        self.deadline.setText(tr("Open deadlines: %1").replace(
            "%1", open_deadlines(ov.deadlines) if not closed else "—"))
        current = self.stack.currentWidget()
        for step, page in self.pages.items():
            if step in self._dirty and page is current:
                continue  # keep what is being typed
            page.load(ov, drafts.get(step))
        self.rail.show_steps(ov.steps)  # guided: the step to work on now
        self._show_findings()
        self.attachments.show(ov.attachments)
        archived = ov.status is CaseStatus.ARCHIVED
        self.archived_banner.setVisible(archived)
        set_read_only(self.attachments, archived)

    def show_step(self, value: str) -> None:
        page = self.pages[Step(value)]
        self.stack.setCurrentWidget(page)
        self._show_findings()

    def current_page(self) -> StepPage:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def _show_findings(self) -> None:
        if self.overview is None:
            return
        step = self.current_page().step
        view = next(v for v in self.overview.steps if v.step is step)
        lines = [("● " if f.severity is Severity.ERROR else "○ ") + finding_text.finding(f)
                 for f in view.findings]
        head = tr("This step: %1").replace("%1", step_summary(view))  # as on the rail
        self.findings.setText("\n".join([head, *lines]))
        set_text_colour(self.findings, ERROR_COLOUR if view.has_errors else HINT_COLOUR)

    # ------------------------------------------------------------------ saving
    def _page_saved(self, step_value: str) -> None:
        step = Step(step_value)
        self._dirty.discard(step)
        ws, cid = self.ws, self.case_id
        self.runner.run(lambda: ws.drafts.discard(DRAFT_PREFIX + step.value, cid))
        self.reload()

    def _edited(self, step: Step) -> None:
        self._dirty.add(step)
        self._timer.start()

    def flush_drafts(self) -> None:
        """Write the unsaved input of every edited page as a draft now."""
        self._timer.stop()
        ws, cid = self.ws, self.case_id
        for step in list(self._dirty):
            payload = self.pages[step].payload()
            kind = DRAFT_PREFIX + step.value
            try:
                self.runner.run(lambda k=kind, p=payload: ws.drafts.save(k, cid, p))
            except RuntimeError:
                return  # the runner already shut down (application exit)

    def hideEvent(self, event: Any) -> None:
        self.flush_drafts()
        super().hideEvent(event)

    # ------------------------------------------------------------------ report
    def open_report(self) -> CompletenessDialog | None:
        """The completeness report on screen, with Print… and Save as PDF… in it."""
        if self.overview is None:
            return None
        dialog = CompletenessDialog(self, self)
        dialog.finished.connect(lambda _r: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def report_html(self) -> str:
        ov = self.overview
        assert ov is not None
        states = {v.label_zh: tr(STATE_TEXT[v.state]) for v in ov.steps}
        return report_html(ov.case_no, STATUS_LABELS_ZH[ov.status], ov.report, ov.today,
                           committee=ov.committee_name, step_states=states)

    def report_text(self) -> str:
        ov = self.overview
        assert ov is not None
        return report_text(ov.case_no, STATUS_LABELS_ZH[ov.status], ov.report, ov.today)

    def print_report(self, *, pdf_path: str | None = None) -> None:
        """Print the completeness report (or write it as a PDF when a path is given)."""
        if self.overview is None:
            return
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setHtml(self.report_html())
        self.last_report = doc.toPlainText()
        if pdf_path is not None:
            writer = QPdfWriter(pdf_path)
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            doc.print_(writer)
            return
        if not errors.dialogs_enabled:
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            doc.print_(printer)

    # -------------------------------------------------------------- session mode
    def open_session_mode(self) -> None:
        ov = self.overview
        if ov is None:
            return
        self.session_window = SessionModeWindow(self.pages[Step.MEDIATE], ov)
        self.session_window.show()

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call
