"""The filter bar over the case list: search box, status, dispute type, dates.

It only turns what the mediator set into a :class:`CaseFilter` and says when
that changed (``changed``); it never queries.  Typing is debounced by the list
page, choices in the combo boxes apply at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.status import CaseStatus
from mediator.services.dto import CaseFilter
from mediator.ui.labels import Labels

# The date boxes show "Any" at their minimum: Qt's special-value idiom for "no bound".
NO_DATE = QDate(2000, 1, 1)


class _DateBound(QDateEdit):
    """A date box whose lowest value means "no bound" and reads as such."""

    def __init__(self, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(any_text)
        self.setDate(NO_DATE)

    def value(self) -> dt.date | None:
        d = self.date()
        if d == NO_DATE:
            return None
        return dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


class FilterBar(QWidget):
    """Search text plus filters; ``text_edited`` for typing, ``changed`` for the rest."""

    text_edited = Signal()
    changed = Signal()

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search case no., name, ID number, phone, address, facts…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))

        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status, label in labels.status_choices():
            # Qt keeps a str subclass as a plain str: store the code, rebuild the enum.
            self.status.addItem(label, status.value)

        self.dispute_type = QComboBox()
        self.dispute_type.addItem(self.tr("All dispute types"), None)
        for code, label in labels.dispute_type_choices():
            self.dispute_type.addItem(label, code)

        # The filters must fit a 1366-pixel screen in every language at every type
        # size, with nothing cut (a cut "All dispute ty" reads as a fault): the search
        # has a row of its own (its hint is long), the combos sized to their text share
        # the second, the dates and "clear" the third.
        for combo in (self.status, self.dispute_type):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_from = _DateBound(self.tr("Any"))
        self.date_to = _DateBound(self.tr("Any"))
        self.date_from.setAccessibleName(self.tr("Registered from"))
        self.date_to.setAccessibleName(self.tr("Registered until"))
        self.clear_button = QPushButton(self.tr("Clear filters"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        middle = QHBoxLayout()
        middle.addWidget(QLabel(self.tr("Status:")))
        middle.addWidget(self.status)
        middle.addSpacing(12)
        middle.addWidget(QLabel(self.tr("Dispute type:")))
        middle.addWidget(self.dispute_type)
        middle.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Registered from:")))
        bottom.addWidget(self.date_from)
        bottom.addWidget(QLabel(self.tr("to")))
        bottom.addWidget(self.date_to)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.text_edited)
        self.status.currentIndexChanged.connect(self.changed)
        self.dispute_type.currentIndexChanged.connect(self.changed)
        self.date_from.dateChanged.connect(self.changed)
        self.date_to.dateChanged.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def current(self) -> CaseFilter:
        status = self.status.currentData()
        return CaseFilter(
            text=self.search.text().strip(),
            statuses=frozenset({CaseStatus(status)}) if status is not None else None,
            dispute_type=self.dispute_type.currentData(),
            registered_from=self.date_from.value(),
            registered_to=self.date_to.value(),
        )

    def is_filtered(self) -> bool:
        return self.current() != CaseFilter()

    def clear(self) -> None:
        """Reset every filter (but keep the search text) and emit one ``changed``."""
        widgets = (self.status, self.dispute_type, self.date_from, self.date_to)
        for w in widgets:
            w.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.dispute_type.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        for w in widgets:
            w.blockSignals(False)
        self.changed.emit()
