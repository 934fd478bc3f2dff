"""矛盾排查 — the screening register page.

A studio goes out looking for disputes before they come in; this page keeps the
record of those visits one month at a time (this month first, ◀ ▶ to move),
with the month's totals as the monthly report counts them (visits dated in the
month, the disputes found and settled on the spot: the same rows
:mod:`mediator.services.statistics` adds up under 排查日期).  One button records
a visit (:class:`~mediator.ui.screening.visit_form.VisitDialog`); another turns
a dispute found on the chosen visit into a registered case
(:class:`~mediator.ui.screening.register.ScreenedRegistration`), after which
the visit's row names the case number.

All database work runs on the task runner's worker; the service is made there
too (opening the SQLAlchemy side belongs on the worker).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.screening import ScreeningInput, ScreeningService, ScreeningView
from mediator.ui import theme
from mediator.ui.registration.banner import Banner
from mediator.ui.screening.register import ScreenedRegistration
from mediator.ui.screening.visit_form import VisitDialog
from mediator.ui.theme import Role, mark

NOTES_SHOWN = 12  # characters of the notes in the list; the whole text in the tooltip
COLUMNS = ("date", "place", "visitors", "found", "prevented", "notes", "cases")


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def totals(visits: list[ScreeningView]) -> tuple[int, int, int]:
    """Visits, disputes found, disputes prevented: the report's three screening figures."""
    return (len(visits), sum(v.disputes_found for v in visits),
            sum(v.disputes_prevented for v in visits))


class ScreeningPage(QWidget):
    """The register of one month; emits :attr:`registered` (case id, 案号) when a
    dispute found on a visit has been registered as a case."""

    registered = Signal(str, str)
    changed = Signal()  # a visit recorded or a case registered: the figures moved

    def __init__(
        self,
        workspace: Any,
        runner: Any,
        mediator_name: str = "",
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._runner = runner
        self._mediator_name = mediator_name
        self._today = today
        self._service: ScreeningService | None = None  # made on the worker
        day = today()
        self.year, self.month = day.year, day.month
        self.visits: list[ScreeningView] = []
        self.dialog: VisitDialog | None = None
        self.registration: ScreenedRegistration | None = None
        self._loaded = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.register_view = QWidget(self.stack)
        self.stack.addWidget(self.register_view)
        self._build(self.register_view)

    # ============================================================== building
    def _build(self, view: QWidget) -> None:
        space = theme.current().space
        layout = QVBoxLayout(view)
        layout.setContentsMargins(space("page"), space("group"), space("page"), space("normal"))
        layout.setSpacing(space("normal"))
        layout.addWidget(mark(QLabel(self.tr("Screening register"), view), Role.TITLE))
        hint = QLabel(self.tr("Visits to find disputes before they come to the studio. "
                              "The monthly report counts them."), view)
        hint.setWordWrap(True)
        layout.addWidget(mark(hint, Role.MUTED))

        months = QHBoxLayout()
        months.setSpacing(space("normal"))
        self.previous_button = QPushButton(self.tr("◀ Previous month"), view)
        self.month_label = mark(QLabel(view), Role.SECTION)
        self.next_button = QPushButton(self.tr("Next month ▶"), view)
        self.this_month_button = QPushButton(self.tr("This month"), view)
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.this_month_button.clicked.connect(self.show_this_month)
        for widget in (self.previous_button, self.month_label, self.next_button,
                       self.this_month_button):
            months.addWidget(widget)
        months.addStretch(1)
        layout.addLayout(months)

        self.totals_label = mark(QLabel(view), Role.EMPHASIS)
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.totals_label)
        self.banner = Banner(view)
        layout.addWidget(self.banner)

        self.table = QTableWidget(0, len(COLUMNS), view)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Place"), self.tr("Who went"), self.tr("Found"),
            self.tr("Settled"), self.tr("Notes"), self.tr("Case")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # The figures and the date as wide as they are; the texts share the rest and
        # wrap (no sideways scrolling at 特大 on a small screen); rows as tall as needed.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in ("date", "found", "prevented"):
            header.setSectionResizeMode(COLUMNS.index(column),
                                        QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.register_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = mark(QLabel(self.tr("No screening visits recorded in this month."),
                                       view), Role.MUTED)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        bar = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register as a case"), view)
        self.register_button.setToolTip(
            self.tr("Register a dispute found on the chosen visit as a case"))
        self.register_button.setEnabled(False)
        self.record_button = QPushButton(self.tr("Record a screening visit"), view)
        self.record_button.setMinimumHeight(44)
        mark(self.record_button, Role.PRIMARY)
        self.register_button.clicked.connect(self.register_selected)
        self.record_button.clicked.connect(self.open_form)
        bar.addWidget(self.register_button)
        bar.addStretch(1)
        bar.addWidget(self.record_button)
        layout.addLayout(bar)
        self._show_month_label()

    # ================================================================ months
    def _show_month_label(self) -> None:
        self.month_label.setText(self.tr("%1-%2").replace("%1", str(self.year))
                                 .replace("%2", f"{self.month:02d}"))
        day = self._today()
        current = (self.year, self.month) == (day.year, day.month)
        self.next_button.setEnabled(not current)  # no visits in the future
        self.this_month_button.setVisible(not current)

    def step_month(self, steps: int) -> None:
        index = self.year * 12 + self.month - 1 + steps
        self.show_month(index // 12, index % 12 + 1)

    def show_this_month(self) -> None:
        day = self._today()
        self.show_month(day.year, day.month)

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._show_month_label()
        self.banner.clear()
        self.load()

    # ================================================================ data
    def service(self) -> ScreeningService:
        """The core's register (worker thread only: it opens the SQLAlchemy side)."""
        if self._service is None:
            ws = self._ws
            self._service = ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)
        return self._service

    def load(self, *, then: Callable[[], None] | None = None) -> None:
        """Read the month's visits on the worker, then show them."""
        self._loaded = True
        start, end = month_bounds(self.year, self.month)
        asked = (self.year, self.month)

        def done(visits: list[ScreeningView]) -> None:
            if (self.year, self.month) != asked:
                return  # another month was chosen meanwhile: its own answer follows
            self._show_visits(visits)
            if then is not None:
                then()

        self._runner.run(lambda: self.service().visits(start, end),
                         on_done=self._guard(done))

    def _show_visits(self, visits: list[ScreeningView]) -> None:
        chosen = self.selected_visit()
        self.visits = visits
        count, found, prevented = totals(visits)
        self.totals_label.setText(
            self.tr("Visits: %1    Disputes found: %2    Settled on the spot: %3")
            .replace("%1", str(count)).replace("%2", str(found)).replace("%3", str(prevented)))
        self.table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            notes = visit.notes if len(visit.notes) <= NOTES_SHOWN \
                else visit.notes[:NOTES_SHOWN].rstrip() + "…"
            cases = self.tr("Registered as case %1").replace("%1", "、".join(visit.case_nos)) \
                if visit.case_nos else ""
            texts = (visit.visited_on.isoformat(), visit.place, visit.visitors,
                     str(visit.disputes_found), str(visit.disputes_prevented),
                     " ".join(notes.split()), cases)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == COLUMNS.index("notes") and notes != visit.notes:
                    item.setToolTip(visit.notes)
                if COLUMNS[column] in ("found", "prevented"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(visits))
        self.empty_label.setVisible(not visits)
        ids = [v.id for v in visits]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        self._selection_changed()

    def selected_visit(self) -> ScreeningView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.visits):
            return None
        return self.visits[rows[0].row()]

    def _selection_changed(self) -> None:
        self.register_button.setEnabled(self.selected_visit() is not None)

    # ========================================================= record a visit
    def open_form(self) -> VisitDialog:
        """记录一次排查: the form (shown, not waited for); the list follows a save."""
        def record(inp: ScreeningInput) -> str:
            return self.service().record(inp, today=day)

        day = self._today()
        dialog = VisitDialog(self._runner, record, self._mediator_name, self, today=day)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._visit_saved)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _visit_saved(self, _visit_id: str) -> None:
        day = self.dialog.visit_input().visited_on if self.dialog is not None else None
        if day is not None and (day.year, day.month) != (self.year, self.month):
            self.year, self.month = day.year, day.month  # show the month it went into
            self._show_month_label()
        self.banner.show_message("success", self.tr("The screening visit was recorded."))
        self.load()
        self.changed.emit()

    # =================================================== register as a case
    def register_selected(self) -> None:
        """登记为案件: the registration form prefilled from the chosen visit."""
        visit = self.selected_visit()
        if visit is None or self.registration is not None:
            return
        self.register_button.setEnabled(False)

        def prefill() -> RegistrationInput:
            return self.service().prefill(visit.id, today=self._today())

        def failed(exc: BaseException) -> None:
            from mediator.ui.errors import show_error  # noqa: PLC0415 - rare

            self._selection_changed()
            show_error(self, exc)

        self._runner.run(prefill, on_done=self._guard(lambda reg: self._open_form(visit, reg)),
                         on_error=self._guard(failed))

    def _open_form(self, visit: ScreeningView, reg: RegistrationInput) -> None:
        def register(filled: RegistrationInput) -> CaseRef:
            # The statistics facts asked on the form go with the case and the link.
            return self.service().register_case(visit.id, filled, filled.facts)

        page = ScreenedRegistration(self._ws, self._runner, visit, reg, register,
                                    parent=self.stack)
        page.back.connect(self.close_registration)
        page.registered.connect(self._case_registered)
        self.registration = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._selection_changed()

    def close_registration(self) -> None:
        page, self.registration = self.registration, None
        if page is None:
            return
        self.stack.setCurrentWidget(self.register_view)
        self.stack.removeWidget(page)
        page.hide()
        page.deleteLater()

    def _case_registered(self, case_id: str, case_no: str) -> None:
        visit = self.registration.visit if self.registration is not None else None
        self.close_registration()
        text = self.tr("Registered as case %1.").replace("%1", case_no)
        if visit is not None:
            text = self.tr("Registered as case %1, from the visit of %2 to %3.") \
                .replace("%1", case_no).replace("%2", visit.visited_on.isoformat()) \
                .replace("%3", visit.place)
        self.load(then=lambda: self.banner.show_message("success", text))
        self.registered.emit(case_id, case_no)
        self.changed.emit()

    # ================================================================ events
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """Drop a late answer for a page that was closed in the meantime."""
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)

        return call
