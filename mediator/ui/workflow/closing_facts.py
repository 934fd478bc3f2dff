"""本案统计情况 on the outcome step: what the monthly report and a subsidy claim need.

When a mediator records how a case ended he also knows what it prevented.  So the
outcome step asks one question — "调解是否防止了纠纷激化？" — and only on 是 the
four outcomes appear, each ticked with its number of people (a people field shows
for the ticked ones only): never a wall of check boxes.  涉及人数 and 标的额 come
from the registration and can be corrected here.

The difficulty grade (以案定补) is *shown*, derived by the rule with its basis
("本案难易程度：一般（依据：涉及3人）"); "更改…" opens :class:`GradeDialog`, where
another grade needs a written reason (the domain's own message when it is
missing, and nothing is saved).  The facts are saved with their own button, and
with any save of the outcome page (:meth:`ClosingFacts.pending`).

An archived case is read-only: the page locks the widgets, and the service
refuses a write (CaseArchivedError) all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.case_facts import (
    GROUP_THRESHOLD,
    MAX_PEOPLE,
    CaseFacts,
    Grade,
    Prevention,
    derived_grade,
    grade,
    problems,
)
from mediator.domain.money import parse_amount
from mediator.errors import MediatorError, ValidationError
from mediator.ui.errors import show_error
from mediator.ui.facts_labels import grade_label, grade_line, prevention_label
from mediator.ui.registration.facts import filler
from mediator.ui.screen_fit import fit_to_screen
from mediator.ui.theme import Role, mark

from .common import ERROR_COLOUR, FieldBox, WrapCheckBox, heading, set_text_colour, tr, yuan

if TYPE_CHECKING:
    from mediator.services.case_facts import StatedFacts

PEOPLE, AMOUNT, REASON = "people_involved", "amount_in_dispute_fen", "grade_reason"


def prevented_path(p: Prevention) -> str:
    return f"prevented.{p.value}"


class _Outcome(QWidget):
    """One prevention outcome: its tick and, when ticked, its number of people."""

    def __init__(self, outcome: Prevention, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.tick = WrapCheckBox(prevention_label(outcome), self)
        self.people = QSpinBox(self)
        self.people.setRange(1, MAX_PEOPLE)
        self.people.setAccessibleName(tr("People"))
        self.people_label = QLabel(tr("People"), self)
        self.people_label.setBuddy(self.people)
        self.box = FieldBox(self.people, self)
        # One line: the outcome, then (when ticked) its people; the tick's text wraps
        # when the page is narrow rather than pushing the number off the page.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.tick, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.people_label, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.box, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(3, 1)  # the people right after the outcome, not far right
        self.tick.toggled.connect(self._show_people)
        self._show_people(False)

    def _show_people(self, on: bool) -> None:
        self.people_label.setVisible(on)
        self.box.setVisible(on)


class ClosingFacts(QGroupBox):
    """The case's statistics facts as the outcome step asks them."""

    saved = Signal()  # the facts were stored
    edited = Signal()

    def __init__(self, workflow: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(tr("For the statistics"), parent)
        self._workflow = workflow
        self._runner = runner
        self.case_id: str | None = None
        self.stated: StatedFacts | None = None
        self._override: Grade | None = None
        self._reason = ""
        self._setting = False
        self.dirty = False
        self.grade_dialog: GradeDialog | None = None

        self.people = QSpinBox()
        self.people.setRange(0, MAX_PEOPLE)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("If any, e.g. 3000"))
        self.group = WrapCheckBox(tr("This is a group dispute"))
        self.prevented_yes = QRadioButton(tr("Yes"))
        self.prevented_no = QRadioButton(tr("No"))
        self._answer = QButtonGroup(self)
        self._answer.addButton(self.prevented_yes)
        self._answer.addButton(self.prevented_no)
        answer = QWidget()
        answer_row = QHBoxLayout(answer)
        answer_row.setContentsMargins(0, 0, 0, 0)
        answer_row.addWidget(self.prevented_yes)
        answer_row.addWidget(self.prevented_no)
        answer_row.addStretch(1)
        self.outcomes = {p: _Outcome(p) for p in Prevention}
        self.outcomes_box = QWidget()
        outcomes_layout = QVBoxLayout(self.outcomes_box)
        outcomes_layout.setContentsMargins(0, 0, 0, 0)
        for row in self.outcomes.values():
            outcomes_layout.addWidget(row)
        self.boxes: dict[str, FieldBox] = {PEOPLE: FieldBox(self.people, beside=[filler()]),
                                           AMOUNT: FieldBox(self.amount, beside=[filler()])}
        self.boxes |= {prevented_path(p): row.box for p, row in self.outcomes.items()}

        self.grade_text = QLabel()
        self.grade_text.setObjectName("grade_line")
        self.grade_text.setWordWrap(True)
        mark(self.grade_text, Role.EMPHASIS)
        self.change_grade_button = QPushButton(tr("Change…"))
        self.change_grade_button.setObjectName("change_grade")
        self.change_grade_button.setAccessibleName(tr("Change the difficulty grade"))
        self.change_grade_button.clicked.connect(self.change_grade)
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade_text, 1)
        grade_row.addWidget(self.change_grade_button, 0, Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(tr("Save the statistics facts"))
        self.save_button.setObjectName("save_case_facts")
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        form = QFormLayout()
        form.addRow(tr("People involved"), self.boxes[PEOPLE])
        form.addRow(tr("Amount in dispute (yuan)"), self.boxes[AMOUNT])
        form.addRow("", self.group)
        question = QLabel(tr("Did the mediation keep the dispute from escalating?"))
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(question)
        layout.addWidget(answer)
        layout.addWidget(self.outcomes_box)
        layout.addLayout(grade_row)
        layout.addLayout(save_row)
        self.outcomes_box.hide()

        self.people.valueChanged.connect(self._changed)
        self.amount.textChanged.connect(self._changed)
        self.group.toggled.connect(self._changed)
        self.prevented_yes.toggled.connect(self._answered)
        for row in self.outcomes.values():
            row.tick.toggled.connect(self._changed)
            row.people.valueChanged.connect(self._changed)
        self.read_only = False
        self._fit_widths()

    def _fit_widths(self) -> None:
        """Numbers as wide as a number needs (not the form's width), growing with the
        type size; the amount as wide as its hint."""
        metrics = self.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        number = digit * 8 + metrics.height() * 2  # and the spin buttons
        self.people.setMaximumWidth(number)
        for row in self.outcomes.values():
            row.people.setMinimumWidth(number)
            row.people.setMaximumWidth(number)
        hint = metrics.horizontalAdvance(self.amount.placeholderText())
        self.amount.setMaximumWidth(max(digit * 18, hint) + metrics.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            self._fit_widths()

    # ------------------------------------------------------------------- load
    def load(self, case_id: str) -> None:
        """Read the stated facts on the worker and show them."""
        self.case_id = case_id
        wf = self._workflow
        self._runner.run(lambda: wf.facts.read(case_id), on_done=self._guard(self.show_stated),
                         on_error=self._guard(self._failed))

    def show_stated(self, stated: StatedFacts) -> None:
        """Show what is stored (nothing stated: the parties as people, no amount)."""
        self.stated = stated
        f = stated.facts
        self._setting = True
        try:
            self.people.setValue(f.people_involved or stated.parties)
            self.amount.setText(yuan(f.amount_in_dispute_fen).replace(",", "")
                                if f.amount_in_dispute_fen else "")
            self.group.setChecked(f.group_marked)
            any_prevented = any(n > 0 for n in f.prevented.values())
            if any_prevented:
                self.prevented_yes.setChecked(True)
            elif stated.stated:
                self.prevented_no.setChecked(True)
            for p, row in self.outcomes.items():
                n = f.prevented.get(p, 0)
                row.tick.setChecked(n > 0)
                row.people.setValue(n if n > 0 else 1)
            self.outcomes_box.setVisible(any_prevented)
            self._override, self._reason = f.grade_override, f.grade_reason
        finally:
            self._setting = False
        self.dirty = False
        self._refresh()

    # ------------------------------------------------------------------ edits
    def _answered(self, yes: bool) -> None:
        self.outcomes_box.setVisible(yes)
        self._changed()

    def _changed(self, *_a: object) -> None:
        if self._setting:
            return
        self.dirty = True
        self.message.hide()
        self._refresh()
        self.edited.emit()

    def _refresh(self) -> None:
        """The group tick (fixed at 10 people or more) and the grade line follow the form."""
        auto = self.people.value() >= GROUP_THRESHOLD
        if auto and not self.group.isChecked():
            self._setting = True
            self.group.setChecked(True)
            self._setting = False
        if not self.read_only:
            self.group.setEnabled(not auto)
        facts = self.facts()
        self.grade_text.setText(grade_line(facts, self.stated.parties if self.stated else 0))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    # ----------------------------------------------------------------- values
    def _amount_fen(self) -> int | None:
        """The amount typed, in fen (0 if none; None if it cannot be read)."""
        if not self.amount.text().strip():
            return 0
        try:
            return parse_amount(self.amount.text(), field=AMOUNT, label="标的额")
        except ValidationError:
            return None

    def facts(self) -> CaseFacts:
        """The facts as the form states them, with the grade set in the dialog."""
        people = self.people.value()
        yes = self.prevented_yes.isChecked()
        prevented = {p: row.people.value() for p, row in self.outcomes.items()
                     if yes and row.tick.isChecked()}
        body = self.stated.facts.body_type if self.stated else None
        return CaseFacts(people_involved=people,
                         group_marked=self.group.isChecked() and people < GROUP_THRESHOLD,
                         prevented=prevented, amount_in_dispute_fen=self._amount_fen() or 0,
                         body_type=body, grade_override=self._override,
                         grade_reason=self._reason)

    def check(self) -> list[tuple[str, str]]:
        """What can be told without the database: the amount, an answer without outcomes."""
        found: list[tuple[str, str]] = []
        if self._amount_fen() is None:
            try:
                parse_amount(self.amount.text(), field=AMOUNT, label="标的额")
            except ValidationError as exc:
                found.append((AMOUNT, exc.message))
        if self.prevented_yes.isChecked() and not any(
                row.tick.isChecked() for row in self.outcomes.values()):
            found.append((prevented_path(Prevention.CRIMINAL),
                          tr("Tick what the mediation prevented, or answer No.")))
        return found

    def pending(self) -> Callable[[], Any] | None:
        """The save of changed facts, for the page to run before its own (None: none).
        Taken as saved: the page's reload then shows them as stored."""
        if not self.dirty or self.case_id is None:
            return None
        cid, facts, wf = self.case_id, self.facts(), self._workflow
        self.dirty = False
        return lambda: wf.facts.save(cid, facts)

    # ----------------------------------------------------------------- saving
    def clear_problems(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.message.hide()

    def show_problems(self, found: list[tuple[str, str]]) -> None:
        rest = []
        for path, text in found:
            box = self.boxes.get(path)
            if box is not None:
                box.set_error(text)
            else:
                rest.append(text)
        self._say("\n".join(rest) or tr("Not saved. Please correct the marked fields."),
                  error=True)

    def save(self) -> None:
        self.clear_problems()
        found = self.check()
        if found:
            self.show_problems(found)
            return
        if self.case_id is None:
            return
        cid, facts, wf = self.case_id, self.facts(), self._workflow
        self._runner.run(lambda: wf.facts.save(cid, facts), on_done=self._guard(self._saved),
                         on_error=self._guard(self._failed))

    def _saved(self, stated: StatedFacts) -> None:
        self.show_stated(stated)
        self._say(tr("Saved."))
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        elif isinstance(exc, MediatorError):
            self._say(exc.message, error=True)
        else:
            show_error(self, exc)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_text_colour(self.message, ERROR_COLOUR if error else Role.SUCCESS)
        self.message.show()

    # ------------------------------------------------------------------ grade
    def change_grade(self) -> GradeDialog:
        """更改: choose another grade and say why; saved at once when accepted."""
        dialog = GradeDialog(self.facts(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._grade_chosen(dialog.chosen()))
        dialog.finished.connect(self._dialog_closed)
        self.grade_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _result: int) -> None:
        self.grade_dialog = None

    def _grade_chosen(self, chosen: tuple[Grade | None, str]) -> None:
        self._override, self._reason = chosen
        self.dirty = True
        self._refresh()
        self.save()

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call


class GradeDialog(QDialog):
    """改定难易程度: the grade and the reason for it (required when it is not the rule's)."""

    def __init__(self, facts: CaseFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts = facts
        self.setWindowTitle(tr("Difficulty of this case"))
        rule = derived_grade(facts)
        intro = QLabel(tr("The rule gives %1. Another grade needs a reason: the subsidy "
                          "auditor reads it.").replace("%1", grade_label(rule)))
        intro.setWordWrap(True)
        self.grade = QComboBox()
        for g in Grade:
            self.grade.addItem(grade_label(g), g.value)
        self.grade.setCurrentIndex(self.grade.findData(grade(facts).value))
        self.reason = QPlainTextEdit()
        self.reason.setPlainText(facts.grade_reason)
        self.reason.setTabChangesFocus(True)
        self.reason_box = FieldBox(self.reason)
        form = QFormLayout()
        form.addRow(tr("Grade"), self.grade)
        form.addRow(tr("Reason"), self.reason_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Difficulty of this case"), self))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 420)

    def chosen(self) -> tuple[Grade | None, str]:
        picked = Grade(self.grade.currentData())
        if picked is derived_grade(self._facts):
            return None, ""  # the rule's own grade: no override
        return picked, self.reason.toPlainText().strip()

    def accept(self) -> None:
        """Refused (the domain's message under the reason) while a changed grade has none."""
        override, reason = self.chosen()
        trial = CaseFacts(self._facts.people_involved, self._facts.group_marked,
                          self._facts.prevented, self._facts.amount_in_dispute_fen,
                          self._facts.body_type, override, reason)
        found = [text for path, text in problems(trial) if path == REASON]
        self.reason_box.set_error(found[0] if found else None)
        if found:
            self.reason.setFocus()
            return
        super().accept()
