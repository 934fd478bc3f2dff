"""卷宗完整性 on screen: the completeness report opens as a readable list first.

What the file holds (records, agreement, attachments, each step's state) and what
is missing or worth a look, step by step, in the user's language; printing and
saving the PDF are buttons here.  The printed page stays the official Chinese
report (:func:`mediator.services.workflow.completeness.report_html`), which the
workspace renders (:meth:`CaseWorkspace.print_report`).  What the dialog needs of
the workspace is the :class:`ReportSource` protocol, so this module imports
nothing of :mod:`.workspace` (which imports this one).
"""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.findings import Severity
from mediator.services.workflow.dto import CaseOverview
from mediator.ui import errors, finding_text, labels, theme
from mediator.ui.screen_fit import fit_to_screen

from .common import heading, tr
from .rail import step_summary


class ReportSource(Protocol):
    """The case workspace (:class:`mediator.ui.workflow.workspace.CaseWorkspace`)."""

    @property
    def overview(self) -> CaseOverview | None: ...

    def print_report(self, *, pdf_path: str | None = None) -> None:
        """Print the official report, or write it as a PDF to ``pdf_path``."""


def present_lines(ov: CaseOverview) -> list[str]:
    """What the file already holds, counted (the report itself lists only gaps)."""
    out = []
    for count, text in (
        (len(ov.investigations), tr("Investigation records: %1")),
        (len(ov.sessions), tr("Mediation records: %1")),
        (len(ov.follow_ups), tr("Follow-up records: %1")),
        (len(ov.attachments), tr("Attachments: %1")),
    ):
        if count:
            out.append(text.replace("%1", str(count)))
    if ov.agreement is not None:
        out.append(tr("Agreement (final)") if ov.agreement.status == "final"
                   else tr("Agreement (draft)"))
    return out


def report_screen_html(ov: CaseOverview) -> str:
    """The on-screen list: the file's contents, then each step with its gaps."""
    e = html.escape
    parts = [f"<p>{e(tr('Case'))}: {e(ov.case_no)} · {e(labels.status(ov.status))}</p>"]
    errors_n, warnings_n = len(ov.report.errors), len(ov.report.warnings)
    if not ov.report.findings:
        parts.append(f"<p><b>{e(tr('Nothing is missing: the file is complete.'))}</b></p>")
    else:
        parts.append("<p><b>" + e(tr("%1 item(s) missing, %2 note(s).")
                                  .replace("%1", str(errors_n))
                                  .replace("%2", str(warnings_n))) + "</b></p>")
    present = present_lines(ov)
    parts.append(f"<h3>{e(tr('In the file'))}</h3>")
    parts.append("<ul>" + "".join(f"<li>✓ {e(line)}</li>" for line in present) + "</ul>"
                 if present else f"<p>{e(tr('No records yet.'))}</p>")
    parts.append(f"<h3>{e(tr('Step by step'))}</h3>")
    colours = theme.current().palette
    for view in ov.steps:
        parts.append(f"<p><b>{e(labels.step(view.step))}</b> — {e(step_summary(view))}</p>")
        if view.findings:
            items = []
            for f in sorted(view.findings, key=lambda f: f.severity is not Severity.ERROR):
                mark = tr("Missing") if f.severity is Severity.ERROR else tr("To check")
                colour = colours.error if f.severity is Severity.ERROR else colours.warning
                items.append(f"<li><b style='color:{colour}'>{e(mark)}:</b> "
                             f"{e(finding_text.finding(f))}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


class CompletenessDialog(QDialog):
    """The report of one case on screen, with Print… and Save as PDF… beside it."""

    def __init__(self, workspace: ReportSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ov = workspace.overview
        assert ov is not None
        self.workspace = workspace
        self.setWindowTitle(tr("File completeness — %1").replace("%1", ov.case_no))
        self.view = QTextBrowser(self)
        self.view.setObjectName("completeness_list")
        self.view.setOpenLinks(False)
        self.view.setHtml(report_screen_html(ov))
        self.print_button = QPushButton(tr("Print…"), self)
        # Lambdas: ``clicked`` passes a bool the slots must not take as a path.
        self.print_button.clicked.connect(lambda: workspace.print_report())  # noqa: PLW0108
        self.pdf_button = QPushButton(tr("Save as PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())  # noqa: PLW0108
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.saved_to = QLabel(self)
        self.saved_to.setWordWrap(True)
        self.saved_to.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("File completeness"), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.saved_to)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 680)

    def text(self) -> str:
        """The list as plain text (what a reader of the screen gets)."""
        return self.view.toPlainText()

    def save_pdf(self, path: str | None = None) -> str | None:
        """Write the printable report as a PDF (asks where unless ``path`` is given)."""
        if path is None:
            if not errors.dialogs_enabled:
                return None
            ov = self.workspace.overview
            name = f"{tr('Completeness')}-{ov.case_no if ov else ''}.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, tr("Save as PDF…"), name,
                                                        tr("PDF files (*.pdf)"))
            if not path:
                return None
        self.workspace.print_report(pdf_path=path)
        self.saved_to.setText(tr("Saved: %1").replace("%1", path))
        self.saved_to.show()
        return path
