"""记录一次排查 — the short form of one screening visit.

Six fields a mediator fills in after coming back from a village or a market:
the date (today unless changed), the place, who went (the signed-in mediator
already written in), how many disputes were found and how many of those were
settled on the spot, and a few words of notes.  The core
(:meth:`mediator.services.screening.ScreeningService.record`) checks everything
at once; each Chinese message goes under its own field, and nothing is saved
until all are right.  The save runs on the task runner's worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import ValidationError
from mediator.services.screening import MAX_DISPUTES, ScreeningInput
from mediator.ui import theme
from mediator.ui.errors import show_error
from mediator.ui.registration.fields import DateEdit, FieldBox, field_label, to_date, to_qdate
from mediator.ui.screen_fit import fit_to_screen, grow_to_content
from mediator.ui.tasks import while_alive
from mediator.ui.theme import Role, mark


class VisitDialog(QDialog):
    """The form; emits :attr:`saved` (the new visit's id) and closes once stored."""

    saved = Signal(str)

    def __init__(
        self,
        runner: Any,
        record: Callable[[ScreeningInput], str],
        visitors: str = "",
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        """``record`` stores a visit and runs on the worker (ScreeningService.record)."""
        super().__init__(parent)
        self._runner = runner
        self._record = record
        self._saving = False
        self.setWindowTitle(self.tr("Record a screening visit"))
        self.setModal(True)
        space = theme.current().space
        outer = QVBoxLayout(self)
        outer.setContentsMargins(space("page"), space("group"), space("page"), space("normal"))
        outer.setSpacing(space("normal"))
        outer.addWidget(mark(QLabel(self.tr("Record a screening visit"), self), Role.TITLE))
        hint = QLabel(self.tr("Where you went looking for disputes, and what you found. "
                              "Fields marked * are required."), self)
        hint.setWordWrap(True)
        outer.addWidget(mark(hint, Role.MUTED))

        day = today or dt.date.today()
        self.visited_on = DateEdit(self)
        self.visited_on.setCalendarPopup(True)
        self.visited_on.setDisplayFormat("yyyy-MM-dd")
        self.visited_on.setMaximumDate(to_qdate(day))
        self.visited_on.setDate(to_qdate(day))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Village, community, market, building site…"))
        # Wide enough for its placeholder whole (the English one is the longer).
        self.place.setMinimumWidth(
            self.place.fontMetrics().horizontalAdvance(self.place.placeholderText()) + 24)
        self.visitors = QLineEdit(visitors, self)
        self.found = QSpinBox(self)
        self.prevented = QSpinBox(self)
        for spin in (self.found, self.prevented):
            # Not capped at "found": a wrong number gets the core's own message.
            spin.setRange(0, MAX_DISPUTES)
            spin.setMinimumWidth(120)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What kind of disputes, who was visited"))
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 3 + 16)
        self.boxes: dict[str, FieldBox] = {
            "visited_on": FieldBox(self.visited_on, self),
            "place": FieldBox(self.place, self),
            "visitors": FieldBox(self.visitors, self),
            "disputes_found": FieldBox(self.found, self),
            "disputes_prevented": FieldBox(self.prevented, self),
            "notes": FieldBox(self.notes, self),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(space("group"))
        grid.setVerticalSpacing(space("normal"))
        grid.setColumnStretch(1, 1)
        rows = (("visited_on", self.tr("Date *"), self.visited_on),
                ("place", self.tr("Place *"), self.place),
                ("visitors", self.tr("Who went"), self.visitors),
                ("disputes_found", self.tr("Disputes found"), self.found),
                ("disputes_prevented", self.tr("Settled on the spot"), self.prevented),
                ("notes", self.tr("Notes"), self.notes))
        for row, (key, text, editor) in enumerate(rows):
            grid.addWidget(field_label(text, editor, self), row, 0)
            grid.addWidget(self.boxes[key], row, 1, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(grid, 1)

        self.message = QLabel(self)  # a problem with no field of its own
        self.message.setWordWrap(True)
        mark(self.message, Role.ERROR)
        self.message.hide()
        outer.addWidget(self.message)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        mark(self.save_button, Role.PRIMARY)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.place.setFocus()
        # Wide enough that a field's message (the core's, ~20 characters) stays on
        # one line under the narrow number fields: a wrapped one was cut at 150 %.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 29)
        self.adjustSize()
        # Centred on the screen, not over the window: at 特大 on a 768-pixel screen
        # the window's centre would push Save below the task bar.
        fit_to_screen(self, self.width(), self.height())

    def visit_input(self) -> ScreeningInput:
        """What the form says, as the service's input."""
        return ScreeningInput(visited_on=to_date(self.visited_on.date()),
                              place=self.place.text(), visitors=self.visitors.text(),
                              disputes_found=self.found.value(),
                              disputes_prevented=self.prevented.value(),
                              notes=self.notes.toPlainText())

    def save(self) -> None:
        """Store the visit on the worker; close when stored, else show the problems."""
        if self._saving:
            return
        self.clear_errors()
        self._set_saving(True)
        inp, record = self.visit_input(), self._record
        alive = while_alive(self)
        self._runner.run(lambda: record(inp), on_done=alive(self._saved),
                         on_error=alive(self._failed))

    def _saved(self, visit_id: str) -> None:
        self._set_saving(False)
        self.saved.emit(visit_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        else:
            show_error(self, exc)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Each message under its field; the first field in error gets the focus."""
        first: QWidget | None = None
        others: list[str] = []
        for key, message in problems:
            box = self.boxes.get(key)
            if box is None:
                others.append(message)
                continue
            box.set_error(message)
            first = first or box.editor
        self.message.setText("\n".join(others))
        self.message.setVisible(bool(others))
        grow_to_content(self)  # the messages' lines, Save still on the screen
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.message.clear()
        self.message.hide()

    def errors(self) -> dict[str, str]:
        """The messages shown, by field (what a person reads on the form)."""
        return {k: b.error() for k, b in self.boxes.items() if b.error()}

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))
