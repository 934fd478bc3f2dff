"""从备份恢复 — the preview and confirmation before a restore.

The chosen file is checked on the worker (:meth:`BackupService.preview`); a file
that is not a good Mediator database is refused there with its Chinese reason
and the dialog only shows that.  Otherwise it shows what the backup holds
(studio, number of cases, newest case, backup date) and how many of today's
cases would disappear, and the Restore button stays off until every warning
is ticked.  The dialog restores nothing itself: on ``accept`` its caller
closes the workspace, restores and reopens (:class:`~mediator.ui.backup.slot.BackupSlot`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.ui.screen_fit import grow_to_content
from mediator.ui.tasks import TaskRunner, while_alive
from mediator.ui.theme import Role, mark


class RestoreDialog(QDialog):
    """Preview of one backup; ``accepted`` means the user confirmed the restore."""

    def __init__(self, service: Any, runner: TaskRunner, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(560)
        self.path = Path(path)
        self.preview: Any = None
        self.other_studio = ""
        self.state = QLabel(self.tr("Checking the backup…"))
        self.state.setObjectName("restore_state")
        self.state.setWordWrap(True)
        self.facts = QFormLayout()
        self.studio = self._value("preview_studio")
        self.cases = self._value("preview_cases")
        self.newest = self._value("preview_newest")
        self.taken = self._value("preview_date")
        self.loss = QLabel()
        self.loss.setObjectName("preview_loss")
        self.loss.setWordWrap(True)
        self.facts.addRow(self.tr("Studio:"), self.studio)
        self.facts.addRow(self.tr("Cases in the backup:"), self.cases)
        self.facts.addRow(self.tr("Newest case:"), self.newest)
        self.facts.addRow(self.tr("Backup made on:"), self.taken)
        self.confirm_loss = QCheckBox()
        self.confirm_loss.setObjectName("confirm_loss")
        self.confirm_studio = QCheckBox()
        self.confirm_studio.setObjectName("confirm_studio")
        for box in (self.confirm_loss, self.confirm_studio):
            box.hide()
            box.toggled.connect(self._update_button)
        self.kept_note = QLabel(self.tr(
            "The data you have now is kept first as a backup named \"pre-restore\"; "
            "its name is shown when the restore is done."))
        self.kept_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        mark(self.restore_button, Role.PRIMARY)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(self.facts)
        layout.addWidget(self.loss)
        layout.addWidget(self.confirm_studio)
        layout.addWidget(self.confirm_loss)
        layout.addWidget(self.kept_note)
        layout.addWidget(self.buttons)
        path_ = self.path
        runner.run(lambda: service.preview(path_), on_done=while_alive(self)(self._show),
                   on_error=while_alive(self)(self._refused))

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label


    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, MediatorError):
            raise exc
        self.state.setText(self.tr("This file cannot be restored: %1").replace("%1", exc.message))
        self.restore_button.setEnabled(False)

    def _show(self, preview: Any) -> None:
        self.preview = preview
        s = preview.summary
        self.state.setText(self.tr("The backup is sound. It holds:"))
        self.studio.setText(s.committee_name)
        self.cases.setText(str(s.cases))
        if s.newest_case_no:
            self.newest.setText(self.tr("%1 (registered %2)").replace("%1", s.newest_case_no)
                                .replace("%2", str(s.newest_case_on or "")))
        else:
            self.newest.setText(self.tr("none"))
        self.taken.setText(preview.taken_at.strftime("%Y-%m-%d %H:%M"))
        if preview.cases_lost is None:
            self.loss.setText(self.tr(
                "The data you have now cannot be read, so it is not known which cases "
                "would disappear."))
        elif preview.cases_lost:
            self.loss.setText(self.tr(
                "%n case(s) you have now are not in this backup and would disappear.", "",
                preview.cases_lost))
        else:
            self.loss.setText(self.tr("Every case you have now is in this backup."))
        if preview.cases_lost is None or preview.cases_lost:
            self.confirm_loss.setText(self.tr("I understand that these cases will disappear."))
            self.confirm_loss.show()
        if preview.other_studio:
            self.other_studio = s.committee_name
            self.confirm_studio.setText(self.tr(
                "This is the backup of another studio (%1). Restore it anyway.")
                .replace("%1", s.committee_name))
            self.confirm_studio.show()
        self._update_button()
        grow_to_content(self)  # the preview's lines arrived after the dialog was shown

    def _update_button(self) -> None:
        ok = self.preview is not None and all(
            box.isChecked() for box in (self.confirm_loss, self.confirm_studio)
            if not box.isHidden())
        self.restore_button.setEnabled(ok)
