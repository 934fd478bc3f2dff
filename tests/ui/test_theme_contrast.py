"""The desk's colours at WCAG AA where a mediator reads them, and a focus ring one sees.

Every pair is read from a real widget's palette on real pages (the navigation's
selected item in a focused and an unfocused window, a field's placeholder, the
hints, errors and warnings, the primary button, the rail's rows, the notice and
banner strips), not from the theme's constants: a style or a page overriding a
colour would show here.  Text needs 4.5:1, the focus ring 3:1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from mediator.services.workspace import Workspace
from mediator.ui import theme
from mediator.ui.backup.slot import BackupSlot
from mediator.ui.fonts import install_fonts
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import PAGE_REGISTER, PAGE_SETTINGS, MainWindow
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import ROLE_PROPERTY, Role, TypeSize, contrast
from tests.ui.conftest import register_leak_case

TEXT, NON_TEXT = 4.5, 3.0
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
R = QPalette.ColorRole


@pytest.fixture
def window(qtbot, qapp, studio_ws: Workspace, runner: TaskRunner,
           labels: Labels) -> Iterator[MainWindow]:
    install_fonts(qapp, "zh_CN", TypeSize.STANDARD)
    studio = studio_ws.studio.current()
    assert studio is not None
    w = MainWindow(studio_ws, runner, labels, studio)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.case_list.is_current, timeout=10_000)
    yield w
    w.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


def ratio(palette: QPalette, group: QPalette.ColorGroup, fg: QPalette.ColorRole,
          bg: QPalette.ColorRole) -> float:
    return contrast(palette.color(group, fg).name(), palette.color(group, bg).name())


def background_of(widget: QWidget) -> QColor:
    """The colour a widget's text is drawn on: the nearest ancestor filling its own
    background (a banner, the notice), else the window's."""
    w: QWidget | None = widget
    while w is not None:
        if w.autoFillBackground():
            return w.palette().color(QPalette.ColorRole.Window)
        w = w.parentWidget()
    return widget.palette().color(QPalette.ColorRole.Window)


def test_every_colour_pair_in_use_meets_aa(qtbot, window: MainWindow,
                                           studio_ws: Workspace, runner: TaskRunner) -> None:
    problems: list[str] = []

    def need(what: str, value: float, least: float = TEXT) -> None:
        if value < least:
            problems.append(f"{what}: {value:.2f} < {least}")

    # The navigation's selected item, in a focused and in an unfocused window.
    nav = window.nav.palette()
    for group in GROUPS:
        need(f"nav selected {group.name}", ratio(nav, group, R.HighlightedText, R.Highlight))
        need(f"nav text {group.name}", ratio(nav, group, R.Text, R.Base))
    # The case list: rows, alternate rows, the selected row when the list has no focus.
    table = window.case_list.table.palette()
    for group in GROUPS:
        need(f"table text {group.name}", ratio(table, group, R.Text, R.Base))
        need(f"table alternate {group.name}", ratio(table, group, R.Text, R.AlternateBase))
        need(f"table selected {group.name}", ratio(table, group, R.HighlightedText, R.Highlight))
    # A field's placeholder (the search box says what to type) and typed text.
    search = window.case_list.filters.search
    assert search.placeholderText()
    for group in GROUPS:
        need(f"placeholder {group.name}",
             ratio(search.palette(), group, R.PlaceholderText, R.Base))
        need(f"field text {group.name}", ratio(search.palette(), group, R.Text, R.Base))
        need(f"tooltip {group.name}",
             ratio(QApplication.palette(), group, R.ToolTipText, R.ToolTipBase))

    # The pages with their marked text: registration (hints, errors, the primary save),
    # settings (title, sections), an open case (rail, findings), the backup warning.
    window.show_page(PAGE_REGISTER)
    page = window.registration
    qtbot.waitUntil(page.save_button.isEnabled, timeout=10_000)  # the form is read
    page.save_button.click()  # an empty form: every required field shows its error
    qtbot.waitUntil(page.result_banner.isVisible, timeout=10_000)
    for kind in ("info", "success", "error"):
        page.draft_banner.show_message(kind, "示例")
        banner = page.draft_banner
        need(f"banner {kind}", contrast(banner.label.palette().color(R.WindowText).name(),
                                        background_of(banner.label).name()))
    window.show_page(PAGE_SETTINGS)
    slot = BackupSlot(window, studio_ws, runner, lambda _between: None, automatic=False)
    window.notice.show_message("已登记", "打开案件", lambda: None)
    need("notice", contrast(window.notice.text.palette().color(R.WindowText).name(),
                            background_of(window.notice.text).name()))
    window.open_case(register_leak_case(studio_ws))
    qtbot.waitUntil(lambda: window.case_page is not None
                    and window.case_page.workspace.overview is not None, timeout=10_000)
    QApplication.processEvents()

    seen: set[Role] = set()
    for widget in QApplication.allWidgets():
        value = widget.property(ROLE_PROPERTY)
        if not value:
            continue
        role = Role(value)
        seen.add(role)
        pal = widget.palette()
        for group in GROUPS:
            if role is Role.PRIMARY:
                need(f"primary {widget.objectName()} {group.name}",
                     ratio(pal, group, R.ButtonText, R.Button))
            else:
                back = background_of(widget)
                need(f"{role.value} {widget.objectName() or type(widget).__name__} "
                     f"{group.name}", contrast(pal.color(group, R.WindowText).name(),
                                               back.name()))
    assert {Role.TITLE, Role.SECTION, Role.MUTED, Role.ERROR, Role.SUCCESS, Role.WARNING,
            Role.PRIMARY, Role.NAVIGATION} <= seen
    assert slot.warning.property(ROLE_PROPERTY) == Role.WARNING.value

    # The step rail's coloured rows (what is missing, what is still to do) on its base.
    rail = window.case_page.workspace.rail
    base = rail.palette().color(R.Base).name()
    coloured = {rail.item(i).foreground().color().name() for i in range(rail.count())
                if rail.item(i).foreground().style() != Qt.BrushStyle.NoBrush}
    assert coloured  # a fresh case has steps to do and items missing
    for colour in coloured:
        need(f"rail row {colour}", contrast(colour, base))

    # The focus ring against what it is drawn on.
    style = QApplication.style()
    assert isinstance(style, theme.FocusStyle)
    for role in (R.Window, R.Base):
        need(f"focus ring on {role.name}",
             contrast(style.focus.name(), QApplication.palette().color(role).name()), NON_TEXT)
    assert problems == []


def focus_pixels(image: QImage, colour: QColor) -> int:
    """Pixels within a small distance of ``colour`` (the ring is antialiased)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) \
                    + abs(c.blue() - colour.blue()) < 40:
                count += 1
    return count


def tab_to(qtbot, target: QWidget) -> None:
    """Focus the widget before ``target`` in the tab chain, then press Tab, as a user does."""
    before = target.previousInFocusChain()
    while before is not target and not (
            before.isVisible() and before.isEnabled()
            and before.focusPolicy() & Qt.FocusPolicy.TabFocus):
        before = before.previousInFocusChain()
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(target.hasFocus, timeout=5_000)
    QApplication.processEvents()


def test_keyboard_focus_is_seen_on_a_field_and_a_button(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.show_page(PAGE_REGISTER)
    page = window.registration
    qtbot.waitUntil(page.save_button.isEnabled, timeout=10_000)  # the form is read
    ring = QColor(theme.current().palette.focus)
    field = next(e for e in page.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()
                 and not isinstance(e.parentWidget(), QAbstractSpinBox | QComboBox))
    for target in (field, page.summary, page.save_button):
        window.nav.setFocus()
        QApplication.processEvents()
        before = focus_pixels(target.grab().toImage(), ring)
        tab_to(qtbot, target)
        after = focus_pixels(target.grab().toImage(), ring)
        # A ring all round: at least the widget's perimeter in the focus colour.
        assert before == 0, type(target).__name__
        assert after >= target.width() + target.height(), (type(target).__name__, after)
