"""期间 — which days a report covers, chosen without typing.

The common choices are one click (本月, 上月, 本季度, 本年); a particular month,
quarter or year is a choice of lists (year, then month or quarter); only a
custom span shows two date fields, and they open a calendar.  Every change
emits :attr:`PeriodPicker.changed` with the new :class:`Period`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from mediator.domain.periods import add_months
from mediator.domain.statistics import Period
from mediator.ui import theme

YEARS_BACK = 10  # a studio reports on this year and, now and then, the years before


class Choice(enum.Enum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


def period_for(choice: Choice, today: dt.date, *, year: int = 0, month: int = 1,
               quarter: int = 1, start: dt.date | None = None,
               end: dt.date | None = None) -> Period:
    """The period a choice means on ``today`` (the lists' values for the others)."""
    if choice is Choice.THIS_MONTH:
        return Period.month(today.year, today.month)
    if choice is Choice.LAST_MONTH:
        last = add_months(today.replace(day=1), -1)
        return Period.month(last.year, last.month)
    if choice is Choice.THIS_QUARTER:
        return Period.quarter(today.year, (today.month - 1) // 3 + 1)
    if choice is Choice.THIS_YEAR:
        return Period.year(today.year)
    if choice is Choice.MONTH:
        return Period.month(year, month)
    if choice is Choice.QUARTER:
        return Period.quarter(year, quarter)
    if choice is Choice.YEAR:
        return Period.year(year)
    start, end = start or today, end or today
    return Period.custom(min(start, end), max(start, end))  # swapped ends: meant the other way


def _date(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


class PeriodPicker(QWidget):
    """The period of the report: a choice, and the lists that choice needs."""

    changed = Signal(object)  # Period

    def __init__(self, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        now = today()
        self.choice = QComboBox()
        for choice, text in (
            (Choice.THIS_MONTH, self.tr("This month")), (Choice.LAST_MONTH, self.tr("Last month")),
            (Choice.THIS_QUARTER, self.tr("This quarter")),
            (Choice.THIS_YEAR, self.tr("This year")), (Choice.MONTH, self.tr("A month")),
            (Choice.QUARTER, self.tr("A quarter")), (Choice.YEAR, self.tr("A year")),
            (Choice.CUSTOM, self.tr("From … to …")),
        ):
            self.choice.addItem(text, choice.value)
        self.choice.setAccessibleName(self.tr("Period"))
        self.year = QComboBox()
        for y in range(now.year, now.year - YEARS_BACK - 1, -1):
            self.year.addItem(self.tr("Year %1").replace("%1", str(y)), y)
        self.month = QComboBox()
        months = (self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"),
                  self.tr("May"), self.tr("June"), self.tr("July"), self.tr("August"),
                  self.tr("September"), self.tr("October"), self.tr("November"),
                  self.tr("December"))
        for m, name in enumerate(months, start=1):
            self.month.addItem(name, m)
        self.month.setCurrentIndex(now.month - 1)
        self.quarter = QComboBox()
        for q, name in enumerate((self.tr("1st quarter"), self.tr("2nd quarter"),
                                  self.tr("3rd quarter"), self.tr("4th quarter")), start=1):
            self.quarter.addItem(name, q)
        self.quarter.setCurrentIndex((now.month - 1) // 3)
        self.start = self._date_edit(QDate(now.year, now.month, 1))
        self.end = self._date_edit(QDate(now.year, now.month, now.day))
        self.to_label = QLabel(self.tr("to"))
        self.span = theme.mark(QLabel(), theme.Role.MUTED)  # the days a preset covers

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.choice, self.year, self.month, self.quarter, self.start,
                  self.to_label, self.end, self.span):
            layout.addWidget(w)
        layout.addStretch(1)
        for combo in (self.choice, self.year, self.month, self.quarter):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._changed)
        self._show_fields()

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)  # a calendar to click, not digits to type
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def current_choice(self) -> Choice:
        return Choice(self.choice.currentData())

    def set_choice(self, choice: Choice) -> None:
        self.choice.setCurrentIndex(self.choice.findData(choice.value))

    def period(self) -> Period:
        return period_for(self.current_choice(), self._today(), year=int(self.year.currentData()),
                          month=int(self.month.currentData()),
                          quarter=int(self.quarter.currentData()),
                          start=_date(self.start.date()), end=_date(self.end.date()))

    def _show_fields(self) -> None:
        c = self.current_choice()
        self.year.setVisible(c in (Choice.MONTH, Choice.QUARTER, Choice.YEAR))
        self.month.setVisible(c is Choice.MONTH)
        self.quarter.setVisible(c is Choice.QUARTER)
        for w in (self.start, self.to_label, self.end):
            w.setVisible(c is Choice.CUSTOM)
        p = self.period()
        self.span.setText(f"{p.start:%Y-%m-%d} – {p.end:%Y-%m-%d}")
        self.span.setVisible(c is not Choice.CUSTOM)

    def _changed(self) -> None:
        self._show_fields()
        self.changed.emit(self.period())
