"""The 跳过此步 strip of an optional step's page (调查, 司法确认).

A required step has no such strip.  Skipping asks first (a mistaken click would
send the guide past the step), then records the choice through the workflow
service; the workspace re-reads the case, so the rail and the page say
"skipped" together.  A skipped step can be taken up again with one click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from mediator.domain.status import CaseStatus
from mediator.domain.steps import OPTIONAL_STEPS, can_skip, is_skipped
from mediator.services.workflow.dto import CaseOverview

from .common import tr

if TYPE_CHECKING:
    from .pages import StepPage


class SkipBar(QWidget):
    """Skip / take up again, for the optional step of ``page``."""

    def __init__(self, page: StepPage, parent: QWidget | None = None) -> None:
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
