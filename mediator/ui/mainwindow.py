"""The main window: navigation on the left, one task per screen on the right.

The window is only a frame.  It receives the workspace, the task runner and the
labels, builds the pages and wires their signals; each page does its own work.

Navigation (the left list): 今日待办 (:class:`~mediator.ui.workflow.today.TodayPage`),
案件 (:class:`~mediator.ui.cases.listpage.CaseListPage`), 登记新案件
(:mod:`mediator.ui.registration`) and 设置 (:class:`~mediator.ui.shell.studio_page.StudioPage`).
Opening a case from Today or the list shows its
:class:`~mediator.ui.shell.case_page.CasePage` in place of the page, with a
"back" button to where it came from.  Size, position and the last page are
kept in the data directory (:class:`~mediator.ui.shell.window_state.WindowState`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediator.services.dto import CaseDetail, StudioSetup
from mediator.ui import theme
from mediator.ui.cases.listpage import CaseListPage, FirstScreen
from mediator.ui.labels import Labels
from mediator.ui.shell.sync_slot import SyncSlot
from mediator.ui.shell.window_state import WindowState
from mediator.ui.tasks import TaskRunner, while_alive

if TYPE_CHECKING:
    from mediator.ui.cases.detail import CaseDetailDialog
    from mediator.ui.shell.case_page import CasePage
    from mediator.ui.shell.studio_page import StudioPage

log = logging.getLogger(__name__)

PAGE_TODAY = "today"
PAGE_CASES = "cases"
PAGE_REGISTER = "register"
PAGE_SCREENING = "screening"  # 矛盾排查 (mediator/ui/screening)
PAGE_LEDGER = "ledger"  # 台账 (mediator/ui/ledger)
PAGE_STATISTICS = "statistics"  # 统计 (mediator/ui/statistics)
PAGE_SETTINGS = "settings"
DEFAULT_PAGE = PAGE_CASES


class Notice(QFrame):
    """A one-line message across the top of the window with one action (e.g. 打开案件)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        calm = self.palette()
        calm.setColor(QPalette.ColorRole.Window, QColor(theme.current().palette.notice))
        self.setPalette(calm)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.action = QPushButton()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._act)
        self.hide()

    def show_message(self, text: str, action: str, callback: Callable[[], None]) -> None:
        self.text.setText(text)
        self.action.setText(action)
        self._callback = callback
        self.show()

    def _act(self) -> None:
        callback, self._callback = self._callback, None
        self.hide()
        if callback is not None:
            callback()


class NavigationList(QListWidget):
    """The left-hand page list: rows and width follow its font (the type size)."""

    def fit(self) -> None:
        fm = self.fontMetrics()
        for i in range(self.count()):
            self.item(i).setSizeHint(QSize(0, fm.height() * 2 + 12))
        titles = [self.item(i).text() for i in range(self.count())]
        if titles:
            self.setFixedWidth(max(fm.horizontalAdvance(t) for t in titles) + 48)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()


class MainWindow(QMainWindow):
    """调解工作台 — the frame around the pages."""

    # Emitted when the window is about to close: pages save drafts here.
    closing = Signal()

    def __init__(
        self,
        ws: Any,
        runner: TaskRunner,
        labels: Labels,
        studio: StudioSetup,
        first_screen: FirstScreen | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self._labels = labels
        self.studio = studio
        self.detail_dialogs: list[CaseDetailDialog] = []
        self.state = WindowState(ws.data_dir.root)
        # Qt adds " — 调解工作台" (the application display name) itself.
        self.setWindowTitle(studio.committee_name)

        self.nav = NavigationList()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        theme.mark(self.nav, theme.Role.NAVIGATION)
        self.stack = QStackedWidget()
        self._keys: list[str] = []
        # Pages other than the case list are built when first shown (or first
        # asked for): until then an empty placeholder holds their place.
        self._placeholders: dict[str, QWidget] = {}
        self._registration: QWidget | None = None
        self._screening: QWidget | None = None
        self._ledger: Any = None
        self._statistics: Any = None
        self._settings_page: StudioPage | None = None
        self._settings_sections: list[QWidget] = []

        # 今日待办: built when first shown (its query is not needed for the list).
        self.today: Any = None
        self.today_holder = QWidget()
        QVBoxLayout(self.today_holder).setContentsMargins(0, 0, 0, 0)
        self._add_page(PAGE_TODAY, self.tr("Today"), self.today_holder)

        self.count_label = QLabel()  # "N cases in the studio", in the status bar
        self.case_list = CaseListPage(runner, ws.cases, labels)
        self.case_list.open_case.connect(lambda cid: self.open_case(cid, PAGE_CASES))
        self.case_list.counts_changed.connect(self._counts_changed)
        self._add_page(PAGE_CASES, self.tr("Cases"), self.case_list)
        if first_screen is not None:
            self.case_list.preload(first_screen)
        # The whole list is read on the worker while the rest of the window is built.
        self.case_list.refresh()

        self._add_page(PAGE_REGISTER, self.tr("Register a case"), self._placeholder(PAGE_REGISTER))
        self._add_page(PAGE_SCREENING, self.tr("Dispute screening"),
                       self._placeholder(PAGE_SCREENING))
        self._add_page(PAGE_LEDGER, self.tr("Ledger"), self._placeholder(PAGE_LEDGER))
        self._add_page(PAGE_STATISTICS, self.tr("Statistics"), self._placeholder(PAGE_STATISTICS))
        self._add_page(PAGE_SETTINGS, self.tr("Settings"), self._placeholder(PAGE_SETTINGS))

        # The open case (not in the navigation: it replaces the page it came from).
        self.case_page: CasePage | None = None
        self._case_origin = PAGE_CASES

        self.nav.fit()
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)

        self.notice = Notice()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        # The committee's name is the window's title; the status bar names only the
        # mediator: a 60-character committee name at 特大 (1,400 px) made the window
        # wider than a 1366-pixel screen, or was cut off beside the sync status.
        self.studio_label = QLabel(self.tr("Mediator: %1").replace("%1", studio.mediator_name))
        self.studio_label.setToolTip(studio.committee_name)
        self.statusBar().addWidget(self.studio_label)
        self.statusBar().addPermanentWidget(self.count_label)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        # Ctrl++ / Ctrl+-: the type size (设置 → 显示), at once and remembered.
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl+=", 1),
                            (QKeySequence.StandardKey.ZoomOut, -1)):
            QShortcut(QKeySequence(keys), self).activated.connect(
                lambda s=steps: self.step_type_size(s))
        self._place()
        start = self.state.page(DEFAULT_PAGE)
        self.show_page(start if start in self._keys else DEFAULT_PAGE)
        # Sync (status bar, enrolment, conflicts) arrives after the first paint.
        self.sync = SyncSlot(self, ws, runner)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.stack.addWidget(page)
        self._keys.append(key)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)

    def _placeholder(self, key: str) -> QWidget:
        holder = QWidget()
        self._placeholders[key] = holder
        return holder

    def _put_page(self, key: str, page: QWidget) -> None:
        """Put a page built on first use where its placeholder stood."""
        holder = self._placeholders.pop(key)
        row = self._keys.index(key)
        current = self.stack.currentWidget() is holder
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        if current:
            self.stack.setCurrentWidget(page)

    @property
    def registration(self) -> QWidget:
        """登记新案件 (:mod:`mediator.ui.registration`), built on first use; a draft
        left by a closed or crashed session is restored when it is built."""
        if self._registration is None:
            from mediator.ui.registration import RegistrationPage  # noqa: PLC0415 - first use

            page = RegistrationPage(self._ws, self._runner)
            page.registered.connect(self._case_registered)
            self.closing.connect(page.flush_draft)  # nothing typed is lost on closing
            self._registration = page
            self._put_page(PAGE_REGISTER, page)
        return self._registration

    @property
    def screening(self) -> QWidget:
        """矛盾排查 (:mod:`mediator.ui.screening`), built on first use."""
        if self._screening is None:
            from mediator.ui.screening import ScreeningPage  # noqa: PLC0415 - first use

            page = ScreeningPage(self._ws, self._runner, self.studio.mediator_name)
            page.registered.connect(lambda *_: self.cases_changed_elsewhere())
            page.changed.connect(self._statistics_stale)  # 排查次数 and 发现纠纷 moved
            self._screening = page
            self._put_page(PAGE_SCREENING, page)
        return self._screening

    @property
    def ledger_page(self) -> Any:
        """台账 (:mod:`mediator.ui.ledger`): export and import, built on first use;
        the case list is re-read after an import."""
        if self._ledger is None:
            from mediator.ui.ledger import LedgerPage  # noqa: PLC0415 - first use

            page = LedgerPage(self._ws, self._runner, self._labels)
            page.imported.connect(lambda _n: self.case_list.reload())
            self._ledger = page
            self._put_page(PAGE_LEDGER, page)
        return self._ledger

    @property
    def statistics(self) -> Any:
        """统计 (:mod:`mediator.ui.statistics`), built on first use; it re-counts when
        shown after cases changed (:meth:`cases_changed_elsewhere`, a save)."""
        if self._statistics is None:
            from mediator.ui.statistics import StatisticsPage  # noqa: PLC0415 - first use

            page = StatisticsPage(self._ws, self._runner, self._labels)
            page.open_case.connect(lambda cid: self.open_case(cid, PAGE_STATISTICS))
            self._statistics = page
            self._put_page(PAGE_STATISTICS, page)
        return self._statistics

    def _statistics_stale(self) -> None:
        if self._statistics is not None:
            self._statistics.mark_stale()

    @property
    def settings_page(self) -> StudioPage:
        """设置, built on first use."""
        if self._settings_page is None:
            from mediator.ui.shell.studio_page import StudioPage  # noqa: PLC0415 - first use

            page = StudioPage(self._ws, self._runner)
            for section in self._settings_sections:
                page.add_section(section)
            self._settings_page = page
            self._put_page(PAGE_SETTINGS, page)
        return self._settings_page

    def add_settings_section(self, section: QWidget) -> None:
        """A section of 设置 from another part (sync): added now or when the page is built."""
        if self._settings_page is None:
            self._settings_sections.append(section)
        else:
            self._settings_page.add_section(section)

    def _place(self) -> None:
        """The saved size and position if still on a screen, else most of the screen."""
        if self.state.restore_geometry(self):
            return
        screen = QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        width = min(1280, int(avail.width() * 0.95))
        height = min(820, int(avail.height() * 0.92))
        self.resize(width, height)
        self.move(avail.x() + (avail.width() - width) // 2,
                  avail.y() + (avail.height() - height) // 2)

    # ----------------------------------------------------------------- pages
    def page_key(self) -> str:
        """The navigation entry in use ("today", "cases", "register", "settings")."""
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else DEFAULT_PAGE

    def show_page(self, key: str) -> None:
        row = self._keys.index(key)
        if self.nav.currentRow() == row:
            self._nav_changed(row)  # e.g. back from a case to the same entry
        else:
            self.nav.setCurrentRow(row)

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        key = self._keys[row]
        self.close_case()
        if key == PAGE_TODAY:
            self._ensure_today()
        elif key == PAGE_REGISTER:
            _ = self.registration
        elif key == PAGE_SCREENING:
            _ = self.screening
        elif key == PAGE_LEDGER:
            _ = self.ledger_page
        elif key == PAGE_STATISTICS:
            _ = self.statistics
        elif key == PAGE_SETTINGS:
            _ = self.settings_page
        self.stack.setCurrentIndex(row)
        self.state.set_page(key)

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        """A click on the entry already chosen while a case is open: back to that page."""
        if self.case_page is not None and self.nav.row(item) == self.nav.currentRow():
            self.close_case_and_return()

    def _ensure_today(self) -> None:
        if self.today is not None:
            self.today.load()  # re-read: what is due changes with every save
            return
        from mediator.ui.workflow.today import TodayPage  # noqa: PLC0415 - first use only

        self.today = TodayPage(self._ws, self._runner)
        self.today.open_case.connect(lambda cid: self.open_case(cid, PAGE_TODAY))
        layout = self.today_holder.layout()
        assert layout is not None
        layout.addWidget(self.today)

    def show_today(self) -> None:
        self.show_page(PAGE_TODAY)

    def show_cases(self) -> None:
        self.show_page(PAGE_CASES)

    def step_type_size(self, steps: int) -> theme.TypeSize:
        """One type size larger or smaller (Ctrl++ / Ctrl+-), remembered on this data dir."""
        from mediator.ui.shell.display import step_type_size  # noqa: PLC0415 - on use

        return step_type_size(self._ws.data_dir.root, steps)

    def show_settings(self) -> None:
        self.show_page(PAGE_SETTINGS)

    def focus_search(self) -> None:
        self.show_cases()
        self.case_list.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.filters.search.selectAll()

    def cases_changed_elsewhere(self) -> None:
        """A sync brought other PCs' changes (a status, a new case, a new number): the
        list and Today re-read them now, not at the next restart.  An open case is left
        alone: re-reading it could throw away what the mediator is typing."""
        self.case_list.reload()
        if self.today is not None and self.stack.currentWidget() is self.today_holder:
            self.today.load()
        self._statistics_stale()

    def _case_registered(self, case_id: str = "", case_no: str = "", *_args: object) -> None:
        self.case_list.reload()
        self._statistics_stale()
        self.show_cases()
        if case_id:
            self.notice.show_message(
                self.tr("Registered: %1. Open the case to continue with it now?")
                .replace("%1", case_no),
                self.tr("Open the case"),
                lambda: self.open_case(case_id, PAGE_CASES),
            )

    def _counts_changed(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("%n case(s) in the studio", "", total))

    # ------------------------------------------------------------------ case
    def open_case(self, case_id: str, origin: str = PAGE_CASES) -> None:
        """Check the case on the worker, then show its page (steps, 基本信息, 文书)."""
        cases = self._ws.cases
        self._runner.run(lambda: cases.get(case_id),
                         on_done=while_alive(self)(lambda case: self._show_case(case, origin)))

    def _show_case(self, case: CaseDetail, origin: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.close_case()
        self._case_origin = origin if origin in self._keys else PAGE_CASES
        back = self.tr("Back to Today") if self._case_origin == PAGE_TODAY \
            else self.tr("Back to the case list")
        if self._case_origin == PAGE_STATISTICS:
            back = self.tr("Back to the statistics")
        # The entry the case belongs to stays marked in the navigation.
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._keys.index(self._case_origin))
        self.nav.blockSignals(False)
        # The case page brings the workflow and documents stacks: imported on first use,
        # not at start-up.
        from mediator.ui.shell.case_page import CasePage  # noqa: PLC0415

        page = CasePage(self._ws, self._runner, self._labels, case.id, back)
        page.back.connect(self.close_case_and_return)
        # A step moved the case on: its line in the list follows at once (any way back).
        page.workspace.status_changed.connect(
            lambda cid, _status: self.case_list.model.refresh_case(cid))
        page.workspace.status_changed.connect(lambda *_: self._statistics_stale())
        self.case_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.notice.hide()

    def close_case(self) -> None:
        """Put the open case away (its unsaved input is kept as a draft)."""
        page, self.case_page = self.case_page, None
        if page is None:
            return
        page.flush()
        self.stack.removeWidget(page)
        page.hide()
        page.deleteLater()

    def close_case_and_return(self) -> None:
        origin = self._case_origin
        self.close_case()
        if origin == PAGE_CASES:
            self.case_list.reload()  # the status may have changed
        self.show_page(origin)

    def show_case_details(self, case: CaseDetail) -> CaseDetailDialog:
        """基本信息 in a window of its own (e.g. beside the workspace)."""
        from mediator.ui.cases.detail import CaseDetailDialog  # noqa: PLC0415 - first use

        dialog = CaseDetailDialog(case, self._labels, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.detail_dialogs.remove(d))
        dialog.show()
        return dialog

    # ----------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:
        # Pages queue their last autosave on the worker now; run_gui waits for it.
        self.closing.emit()
        if self.case_page is not None:
            self.case_page.flush()
        self.state.save_geometry(self)
        self.state.sync()
        super().closeEvent(event)
