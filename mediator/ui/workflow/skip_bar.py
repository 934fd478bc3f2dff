"""The 跳过此步 strip of an optional step's page (调查, 司法确认).

A required step has no such strip.  Skipping asks first (a mistaken click would
send the guide past the step), then records the choice through the workflow
service; the workspace re-reads the case, so the rail and the page say
"skipped" together.  A skipped step can be taken up again with one click.

What the strip needs of its page is the :class:`SkippablePage` protocol, so this
module imports nothing of :mod:`.pages` (which imports this one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.domain.steps import OPTIONAL_STEPS, can_skip, is_skipped
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import CaseOverview

from .common import tr


class _PageContext(Protocol):
    @property
    def workflow(self) -> Workflow: ...

    @property
    def runner(self) -> Any: ...


class SkippablePage(Protocol):
    """An optional step's page (:class:`mediator.ui.workflow.pages.StepPage`)."""

    @property
    def step(self) -> Step: ...

    @property
    def title(self) -> str: ...

    @property
    def overview(self) -> CaseOverview | None: ...

    @property
    def ctx(self) -> _PageContext: ...

    @property
    def saved(self) -> SignalInstance:
        """Emitted with the step's value once the choice is recorded."""

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """``fn`` called only while the page still exists."""

    def _failed(self, exc: BaseException) -> None:
        """Show why the write was refused, on the page."""


class SkipBar(QWidget):
    """Skip / take up again, for the optional step of ``page``."""

    def __init__(self, page: SkippablePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert page.step in OPTIONAL_STEPS
        self.page = page
        self.question: QMessageBox | None = None  # the confirmation, while it is open
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.skip_button = QPushButton(tr("Skip this step"), self)
        self.skip_button.setObjectName(f"skip_{page.step.value}")
        self.skip_button.clicked.connect(self.ask_skip)
        self.resume_button = QPushButton(tr("Take up this step again"), self)
        self.resume_button.setObjectName(f"resume_{page.step.value}")
        self.resume_button.clicked.connect(self.resume)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.skip_button)
        layout.addWidget(self.resume_button)
        self.hide()

    def show_case(self, ov: CaseOverview) -> None:
        """Show what applies to the case as it now stands."""
        step = self.page.step
        skipped = is_skipped(ov.casefile, step)
        open_case = ov.status is not CaseStatus.ARCHIVED
        self.state.setText(tr("This step was skipped.") if skipped else
                           tr("This step is optional."))
        self.skip_button.setVisible(can_skip(ov.casefile, step))
        self.resume_button.setVisible(skipped and open_case)
        self.setVisible(skipped or can_skip(ov.casefile, step))

    def ask_skip(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Skip this step"),
                          tr("Skip “%1”? The step is marked skipped; you can take it up "
                             "again later.").replace("%1", tr(self.page.title)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.question = box
        try:
            answer = box.exec()
        finally:
            self.question = None
            box.deleteLater()
        if answer == QMessageBox.StandardButton.Yes:
            self._run(skip=True)

    def resume(self) -> None:
        self._run(skip=False)

    def _run(self, *, skip: bool) -> None:
        page, ov = self.page, self.page.overview
        if ov is None:
            return
        steps, case_id, step = page.ctx.workflow.steps, ov.id, page.step
        work = (lambda: steps.skip(case_id, step)) if skip else (
            lambda: steps.resume(case_id, step))
        page.ctx.runner.run(work, on_done=page._guard(lambda _r: page.saved.emit(step.value)),
                            on_error=page._guard(page._failed))
