"""统计情况 — the few statistics facts asked at registration, below the parties.

A mediator registering a case knows how many people it involves and how much is
in dispute; the monthly report needs both (DOMAIN.md, "Statistics").  So the
form asks them here, in two fields rather than a wall of check boxes:

* 涉及人数 starts as the number of parties entered (agents not counted) and
  follows the party cards while the mediator leaves it alone; once he types his
  own number it stays his.
* 标的额, typed like every amount in the app (``3000``, ``1.2万``).
* "这是群体性纠纷" is ticked by itself at 10 people or more (the rule counts such a
  case as a group dispute anyway); for fewer people he may tick it himself.
* The kind of mediating body is the studio's (设置) unless a case says otherwise,
  which is rare: its choice hides behind a small "调解组织不是本工作室类型".

The facts go with the registration (``RegistrationInput.facts``) and are
written in the same transaction as the case; the draft keeps them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.case_facts import GROUP_THRESHOLD, MAX_PEOPLE, BodyType, CaseFacts
from mediator.domain.money import parse_amount
from mediator.domain.status import PartyRole
from mediator.errors import ValidationError
from mediator.ui import theme
from mediator.ui.facts_labels import body_label
from mediator.ui.registration.fields import FieldBox, field_label
from mediator.ui.registration.parties import PartiesEditor

PEOPLE = "facts.people_involved"
AMOUNT = "facts.amount_in_dispute_fen"
BODY = "facts.body_type"


def filler(parent: QWidget | None = None) -> QWidget:
    """A blank beside an editor kept at its own width: it takes the rest of the row."""
    blank = QWidget(parent)
    blank.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    blank.setMinimumWidth(0)
    return blank


class FactsGroup(QWidget):
    """涉及人数, 标的额, 群体性纠纷 and (on request) the kind of mediating body."""

    changed = Signal()  # a person changed something: the page autosaves

    def __init__(self, parties: PartiesEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parties = parties
        self._following = True  # 涉及人数 follows the party cards until edited
        self._marked = False  # the mediator's own tick of 群体性纠纷
        self._setting = False  # True while code, not a person, sets a value

        self.people = QSpinBox(self)
        self.people.setRange(0, MAX_PEOPLE)
        self.people.setAccessibleName(self.tr("People involved"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("If any, e.g. 3000"))
        self.group = QCheckBox(self.tr("This is a group dispute"), self)
        self.other_body = QToolButton(self)
        self.other_body.setText(self.tr("The mediating body is not of this studio's kind"))
        self.other_body.setCheckable(True)
        self.other_body.setArrowType(Qt.ArrowType.RightArrow)
        self.other_body.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.other_body.setAutoRaise(True)
        self.body = QComboBox(self)
        self.body.addItem(self.tr("(choose the kind)"), "")
        for kind in BodyType:
            self.body.addItem(body_label(kind), kind.value)
        # Each editor at its own width on the left; a blank beside it takes the rest.
        self.boxes: dict[str, FieldBox] = {
            key: FieldBox(editor, self, beside=[filler(self)])
            for key, editor in ((PEOPLE, self.people), (AMOUNT, self.amount), (BODY, self.body))
        }

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = self._grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # One field a row, each as wide as what it holds: its hint (the people's) and
        # error lines wrap across the form's width, not under a narrow column.
        grid.addWidget(field_label(self.tr("People involved"), self.people), 0, 0)
        grid.addWidget(self.boxes[PEOPLE], 0, 1, 1, 3)
        grid.addWidget(field_label(self.tr("Amount in dispute (yuan)"), self.amount), 1, 0)
        grid.addWidget(self.boxes[AMOUNT], 1, 1, 1, 3)
        grid.addWidget(self.group, 2, 1, 1, 3)
        grid.addWidget(self.other_body, 3, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        self.body_label = field_label(self.tr("Mediating body"), self.body)
        grid.addWidget(self.body_label, 4, 0)
        grid.addWidget(self.boxes[BODY], 4, 1, 1, 3)
        outer.addLayout(grid)
        self._apply_spacing()
        self._show_body(False)

        self.people.valueChanged.connect(self._people_edited)
        self.amount.textChanged.connect(self._amount_edited)
        self.group.toggled.connect(self._group_toggled)
        self.other_body.toggled.connect(self._body_toggled)
        self.body.currentIndexChanged.connect(self._body_picked)
        parties.changed.connect(self.follow_parties)
        parties.cards_changed.connect(self.follow_parties)
        self.follow_parties()

    def _apply_spacing(self) -> None:
        """Gaps from the theme; the number and the amount as wide as they need (a
        whole-row spin box for "12" looks like a text field), growing with the type."""
        space = theme.current().space
        self._grid.setHorizontalSpacing(space("group"))
        self._grid.setVerticalSpacing(space("normal"))
        metrics = self.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        self.people.setMaximumWidth(digit * 8 + 4 * space("group"))
        placeholder = metrics.horizontalAdvance(self.amount.placeholderText())
        self.amount.setMaximumWidth(max(digit * 18, placeholder) + 2 * space("group"))
        self.body.setMaximumWidth(max(self.body.sizeHint().width(), digit * 24))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another type size
            self._apply_spacing()

    # ------------------------------------------------------------------ state
    def principals(self) -> int:
        """The parties entered, agents not counted (as the reports count them)."""
        return sum(1 for card in self._parties.cards()
                   if card.current_role() is not PartyRole.AGENT)

    def follow_parties(self) -> None:
        """涉及人数 = the parties entered, unless the mediator typed his own number."""
        if self._following:
            self._set_people(self.principals())
        self.boxes[PEOPLE].set_hint(
            self.tr("The number of parties entered; change it if more people are involved.")
            if self._following else None)

    def _set_people(self, n: int) -> None:
        self._setting = True
        try:
            self.people.setValue(n)
        finally:
            self._setting = False
        self._update_group()

    def _update_group(self) -> None:
        """Ticked (and fixed) at 10 people or more; the mediator's own tick below."""
        auto = self.people.value() >= GROUP_THRESHOLD
        self._setting = True
        try:
            self.group.setChecked(auto or self._marked)
        finally:
            self._setting = False
        self.group.setEnabled(not auto)

    def _people_edited(self, _value: int) -> None:
        if not self._setting:
            self._following = False
            self.boxes[PEOPLE].set_hint(None)
            self.boxes[PEOPLE].set_error(None)
            self._update_group()
            self.changed.emit()

    def _amount_edited(self, _text: str) -> None:
        if self.boxes[AMOUNT].error():
            self.boxes[AMOUNT].set_error(self._amount_problem())
        if not self._setting:
            self.changed.emit()

    def _group_toggled(self, on: bool) -> None:
        if not self._setting and self.group.isEnabled():
            self._marked = on
            self.changed.emit()

    def _body_toggled(self, on: bool) -> None:
        self._show_body(on)
        if not on:
            self.body.setCurrentIndex(0)
        if not self._setting:
            self.changed.emit()

    def _show_body(self, on: bool) -> None:
        self.other_body.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body_label.setVisible(on)
        self.boxes[BODY].setVisible(on)

    def _body_picked(self, _index: int) -> None:
        self.boxes[BODY].set_error(None)
        if not self._setting:
            self.changed.emit()

    # ------------------------------------------------------------------ values
    def _amount_problem(self) -> str | None:
        if not self.amount.text().strip():
            return None
        try:
            parse_amount(self.amount.text(), field=AMOUNT, label="标的额")
        except ValidationError as exc:
            return exc.message
        return None

    def problems(self) -> list[tuple[str, str]]:
        """What the form can tell without the database (the amount as typed)."""
        message = self._amount_problem()
        return [(AMOUNT, message)] if message else []

    def facts(self) -> CaseFacts:
        """The facts as the form states them (an unreadable amount counts as none: the
        page's own check refuses it before anything is saved)."""
        amount = 0 if self._amount_problem() or not self.amount.text().strip() \
            else parse_amount(self.amount.text())
        body = str(self.body.currentData() or "")
        return CaseFacts(people_involved=self.people.value(),
                         group_marked=self._marked and self.people.value() < GROUP_THRESHOLD,
                         amount_in_dispute_fen=amount,
                         body_type=BodyType(body) if body else None)

    def focus_order(self) -> list[QWidget]:
        return [self.people, self.amount, self.group, self.other_body, self.body]

    def payload(self) -> dict[str, Any]:
        return {"people": self.people.value(), "people_edited": not self._following,
                "amount": self.amount.text(), "group": self._marked,
                "body_type": str(self.body.currentData() or "")}

    def apply_payload(self, data: object) -> None:
        """Fill from a draft (anything missing: the defaults, following the parties)."""
        d: dict[str, Any] = data if isinstance(data, dict) else {}
        self._setting = True
        try:
            self._following = not d.get("people_edited")
            self._marked = bool(d.get("group"))
            self.amount.setText(str(d.get("amount", "")))
            body = str(d.get("body_type", ""))
            self.other_body.setChecked(bool(body))
            self._show_body(bool(body))
            self.body.setCurrentIndex(max(self.body.findData(body), 0))
            people = d.get("people")
            if not self._following and isinstance(people, int):
                self.people.setValue(people)
        finally:
            self._setting = False
        self.follow_parties()
        self._update_group()
