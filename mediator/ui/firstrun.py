"""首次使用 — the first-run dialog: committee name, case-number prefix, mediator.

Without these the app cannot number a case, so the dialog comes before the
main window on a fresh data directory.  The case-number preview updates as the
prefix is typed, so the mediator sees "（2026）桂城人调字第1号" before committing
to it.  The service is the judge of what is valid: its ValidationError problems
are shown in red beneath the field they name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError, ValidationError
from mediator.services.dto import StudioSetup
from mediator.ui.errors import show_error
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark

PREVIEW_DEBOUNCE_MS = 150
FIELDS = ("committee_name", "case_prefix", "mediator_name")


class _Field(QWidget):
    """An editor with its own red error line beneath (hidden while valid)."""

    def __init__(self, editor: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        mark(self.error, Role.ERROR)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")


class FirstRunDialog(QDialog):
    """Asks for the studio set-up and saves it through ``studio.setup`` on the worker."""

    def __init__(self, runner: TaskRunner, studio: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._studio = studio  # ws.studio: called on the worker only
        self._preview_seq = 0
        self.result_setup: StudioSetup | None = None
        self.setWindowTitle(self.tr("Welcome to Mediator"))

        intro = QLabel(
            self.tr(
                "Before the first case, tell Mediator who you are. "
                "These details appear on every case number and document."
            )
        )
        intro.setWordWrap(True)

        self.committee = QLineEdit()
        self.committee.setPlaceholderText(self.tr("e.g. “桂城街道人民调解委员会”"))
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("e.g. “桂城”"))
        self.mediator = QLineEdit()
        self.fields = {
            "committee_name": _Field(self.committee),
            "case_prefix": _Field(self.prefix),
            "mediator_name": _Field(self.mediator),
        }
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setObjectName("casePreview")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Committee or studio name:"), self.fields["committee_name"])
        form.addRow(self.tr("Case number prefix:"), self.fields["case_prefix"])
        form.addRow(self.tr("First case number:"), self.preview)
        form.addRow(self.tr("Your name (mediator):"), self.fields["mediator_name"])

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Start using Mediator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        mark(self.save_button, Role.PRIMARY)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(680)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.prefix.textChanged.connect(self._preview_timer.start)
        for key, fld in self.fields.items():
            fld.editor.textEdited.connect(lambda _t, k=key: self.fields[k].set_error(None))
        self._show_preview(None)

    # -------------------------------------------------------------- preview
    def update_preview(self) -> None:
        self._preview_timer.stop()
        self._preview_seq += 1
        seq = self._preview_seq
        prefix = self.prefix.text().strip()
        if not prefix:
            self._show_preview(None)
            return
        studio = self._studio
        self._runner.run(
            lambda: studio.preview_case_no(prefix),
            on_done=while_alive(self)(lambda text: self._preview_done(seq, text)),
            on_error=while_alive(self)(lambda exc: self._preview_failed(seq, exc)),
        )

    def _show_preview(self, text: str | None) -> None:
        self.preview.setText(text or self.tr("(type a prefix to see it)"))
        mark(self.preview, Role.EMPHASIS if text else Role.MUTED)

    def _preview_done(self, seq: int, text: str) -> None:
        if seq == self._preview_seq:
            self._show_preview(text)
            self.fields["case_prefix"].set_error(None)

    def _preview_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._preview_seq:
            return
        if isinstance(exc, MediatorError):
            self._show_preview(None)
            self.fields["case_prefix"].set_error(exc.message)
        else:
            show_error(self, exc)

    # ----------------------------------------------------------------- save
    def save(self) -> None:
        values = (self.committee.text(), self.prefix.text(), self.mediator.text())
        for fld in self.fields.values():
            fld.set_error(None)
        self.save_button.setEnabled(False)
        studio = self._studio
        self._runner.run(
            lambda: studio.setup(*values), on_done=self._saved, on_error=self._failed
        )

    def _saved(self, setup: StudioSetup) -> None:
        self.save_button.setEnabled(True)
        self.result_setup = setup
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        unplaced: list[str] = []
        for field, message in exc.problems:
            if field in self.fields:
                self.fields[field].set_error(message)
            else:
                unplaced.append(message)
        if unplaced:
            show_error(self, ValidationError("\n".join(unplaced)))
        for key in FIELDS:  # put the cursor where the first problem is
            if self.fields[key].error.isVisible():
                self.fields[key].editor.setFocus()
                break
