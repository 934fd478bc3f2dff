"""The desk's one look: palette, type scale, spacing and focus, decided here once.

Pages do not set fonts or colours on their widgets.  They give a widget a *role*
(:func:`mark`: a title, a section heading, a muted hint, an error line, the page's
primary button) and this module decides what the role looks like.  Changing the
type size (标准 / 大 / 特大) then re-sets the application font and re-dresses every
marked widget in one walk, so the open page re-lays itself without a restart.

Why not a Qt style sheet: a style sheet on the application wraps every widget's
painting in Qt's style-sheet engine (slower start-up on a 100,000-case desk), and a
widget with its own sheet stops inheriting the font.  Fonts and a QPalette on the
Fusion style give the same control for the few things the desk needs.

Colours are chosen for WCAG AA on the surfaces they are used on (4.5:1 for text,
3:1 for the focus ring); :func:`contrast` computes the ratio so the tests can
check every pair that is actually used.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)

ROLE_PROPERTY = "themeRole"
SETTINGS_FILE = "window.ini"  # the data dir's display settings (ui/shell/window_state.py)
SETTINGS_KEY = "display/type_size"


class TypeSize(enum.Enum):
    """The three type sizes a mediator can choose (设置 → 字号)."""

    STANDARD = "standard"  # 标准
    LARGE = "large"  # 大
    EXTRA_LARGE = "extra_large"  # 特大


#: Body text in points (at 96 logical dpi: 16, 18.7 and 22 px).  标准 is at least 16 px.
BODY_POINTS = {TypeSize.STANDARD: 12.0, TypeSize.LARGE: 14.0, TypeSize.EXTRA_LARGE: 16.5}


class Role(enum.Enum):
    """What a widget is on its page; the theme decides how that looks."""

    TITLE = "title"  # the page's title: 1.4× body, bold
    SECTION = "section"  # a group's heading: 1.2× body, bold
    NAVIGATION = "navigation"  # the left-hand page list: 1.1× body
    EMPHASIS = "emphasis"  # body size, bold (a figure, a case number)
    MUTED = "muted"  # secondary text: body size (never smaller), muted colour
    ERROR = "error"  # an error line: error colour
    WARNING = "warning"  # a warning line: warning colour
    SUCCESS = "success"  # a done / connected line: success colour
    PRIMARY = "primary"  # the page's one primary action: filled accent button, bold
    PRESENTATION = "presentation"  # session mode's shared screen: 2.2× body, read from afar


#: Size factor and weight of each role's font, relative to the body font.
_ROLE_FONTS: dict[Role, tuple[float, bool]] = {
    Role.TITLE: (1.4, True),
    Role.SECTION: (1.2, True),
    Role.NAVIGATION: (1.1, False),
    Role.EMPHASIS: (1.0, True),
    Role.PRIMARY: (1.0, True),
    Role.PRESENTATION: (2.2, False),
}


@dataclass(frozen=True)
class Palette:
    """The desk's colours.  Text colours meet WCAG AA (≥ 4.5:1) on ``window`` and ``base``."""

    window: str = "#f6f7f9"  # page background: a calm off-white
    base: str = "#ffffff"  # editors, lists, tables
    alternate: str = "#eef1f5"  # alternate table rows
    text: str = "#1f2328"  # body text (15.8:1 on window)
    muted: str = "#5b6470"  # secondary text and placeholders (5.6:1 on window, 6.0:1 on base)
    border: str = "#8a929c"  # field frames (3.1:1 on base: visible edges)
    accent: str = "#1d4f91"  # primary buttons, the selected navigation item (8.3:1 with white)
    accent_text: str = "#ffffff"
    focus: str = "#c25100"  # the keyboard focus ring (3.9:1 on window, apart from the accent)
    error: str = "#b3261e"  # 6.3:1 on window
    warning: str = "#8a4b00"  # 6.5:1 on window
    success: str = "#1b5e20"  # 7.4:1 on window
    notice: str = "#e6f4ea"  # a calm notice's background (success text on it: 6.9:1)
    notice_border: str = "#a8dab5"
    notice_info: str = "#fff8e1"  # an informing strip's background (warning text: 6.4:1)
    notice_error: str = "#fdecea"  # a refusing strip's background (error text: 5.7:1)
    paper_rule: str = "#80868b"  # guide lines on white paper (signature pad): 3.7:1
    tooltip: str = "#2b2f36"
    tooltip_text: str = "#ffffff"

    def role_colour(self, role: Role) -> str | None:
        return {Role.MUTED: self.muted, Role.ERROR: self.error, Role.WARNING: self.warning,
                Role.SUCCESS: self.success}.get(role)


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1.0 … 21.0)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Spacing:
    """Spacing in pixels at 标准; :meth:`Theme.space` scales it with the type size."""

    tight: int = 4  # between a field and its message
    normal: int = 8  # between fields
    group: int = 16  # between groups of fields
    page: int = 20  # a page's margins


class FocusStyle(QProxyStyle):
    """Fusion with a focus ring that an older eye sees: 2 px in the focus colour.

    Fusion itself marks a focused field or button only with a 1 px darker outline,
    and check boxes with a dotted rectangle; neither is seen from a normal sitting
    distance.  The ring goes around the field being typed in (line edits, text
    boxes, spin, date and editable combo boxes) whenever it has the focus, and
    around buttons and plain combo boxes when the focus came by the keyboard (a
    click on a button needs no ring)."""

    def __init__(self, palette: Palette) -> None:
        # By name: the proxy creates and owns Fusion itself.  A style made by
        # QStyleFactory and handed over from Python has a Python wrapper that may
        # delete it under the proxy when collected.
        super().__init__("Fusion")
        self.focus = QColor(palette.focus)

    def _ring(self, painter: QPainter, rect: QRect) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.focus, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._ring(painter, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and option.state & _FOCUS:
            self._ring(painter, option.rect)

    def drawControl(
        self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton:
            if option.state & _FOCUS and option.state & _BY_KEYBOARD:
                self._ring(painter, option.rect)
        elif element == QStyle.ControlElement.CE_ShapedFrame and isinstance(
                widget, QPlainTextEdit | QTextEdit) and widget.hasFocus():
            self._ring(painter, option.rect)  # the viewport leaves 1 px of it: the frame's

    def drawComplexControl(
        self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if not option.state & _FOCUS:
            return
        if control == QStyle.ComplexControl.CC_SpinBox or (
            control == QStyle.ComplexControl.CC_ComboBox
            and (getattr(option, "editable", False) or option.state & _BY_KEYBOARD)
        ):
            self._ring(painter, option.rect)


_FOCUS = QStyle.StateFlag.State_HasFocus
_BY_KEYBOARD = QStyle.StateFlag.State_KeyboardFocusChange


@dataclass
class Theme:
    """The current look: type size, font families, palette, spacing."""

    size: TypeSize = TypeSize.STANDARD
    families: list[str] = field(default_factory=list)
    palette: Palette = field(default_factory=Palette)
    spacing: Spacing = field(default_factory=Spacing)

    @property
    def body_points(self) -> float:
        return BODY_POINTS[self.size]

    def body_font(self) -> QFont:
        font = QFont()
        if self.families:
            font.setFamilies(self.families)
        font.setPointSizeF(self.body_points)
        return font

    def font(self, role: Role | None = None) -> QFont:
        font = self.body_font()
        if role in _ROLE_FONTS:
            factor, bold = _ROLE_FONTS[role]
            font.setPointSizeF(self.body_points * factor)
            font.setBold(bold)
        return font

    def space(self, name: str) -> int:
        """A spacing of :class:`Spacing` in pixels, grown with the type size."""
        scale = self.body_points / BODY_POINTS[TypeSize.STANDARD]
        return round(getattr(self.spacing, name) * scale)

    def qpalette(self) -> QPalette:
        p, pal = self.palette, QPalette()
        roles = QPalette.ColorRole
        for role, colour in (
            (roles.Window, p.window), (roles.WindowText, p.text), (roles.Base, p.base),
            (roles.AlternateBase, p.alternate), (roles.Text, p.text), (roles.Button, p.base),
            (roles.ButtonText, p.text), (roles.Highlight, p.accent),
            (roles.HighlightedText, p.accent_text), (roles.PlaceholderText, p.muted),
            (roles.ToolTipBase, p.tooltip), (roles.ToolTipText, p.tooltip_text),
            (roles.Link, p.accent), (roles.BrightText, p.accent_text), (roles.Mid, p.border),
        ):
            pal.setColor(role, QColor(colour))  # every group: an unfocused window stays readable
        disabled = QPalette.ColorGroup.Disabled
        for role in (roles.WindowText, roles.Text, roles.ButtonText):
            pal.setColor(disabled, role, QColor(p.muted))
        return pal


class _Installed:
    """The theme the running application wears: one per process, like the app itself."""

    theme: Theme | None = None
    #: The application's style, referenced here so Python never collects it while
    #: Qt paints with it; made once per process (replacing a style the widgets are
    #: polished with, e.g. on a second install in the same process, is not needed).
    style: FocusStyle | None = None


def current() -> Theme:
    """The installed theme (a default one before :func:`install`, e.g. in a bare test)."""
    return _Installed.theme if _Installed.theme is not None else Theme()


def mark(widget: W, role: Role) -> W:
    """Give ``widget`` a role and dress it for the current theme; returns it."""
    before = widget.property(ROLE_PROPERTY)
    if before and before != role.value:
        unmark(widget)  # e.g. a status line turning from an error back to a muted note
    widget.setProperty(ROLE_PROPERTY, role.value)
    _dress(widget, role, current())
    return widget


def unmark(widget: W) -> W:
    """Take ``widget``'s role away: it wears its parent's font and colours again."""
    widget.setProperty(ROLE_PROPERTY, None)
    widget.setFont(QFont())  # nothing set: everything inherited
    widget.setPalette(QPalette())
    return widget


def _dress(widget: QWidget, role: Role, theme: Theme) -> None:
    if role in _ROLE_FONTS:
        widget.setFont(theme.font(role))
    colour = theme.palette.role_colour(role)
    if role is Role.PRIMARY:
        pal = widget.palette()
        # Not the Disabled group: a primary action that cannot be taken yet looks
        # like any disabled button, not like one waiting to be pressed.
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, QPalette.ColorRole.Button, QColor(theme.palette.accent))
            pal.setColor(group, QPalette.ColorRole.ButtonText, QColor(theme.palette.accent_text))
        widget.setPalette(pal)
    elif colour is not None:
        pal = widget.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        pal.setColor(QPalette.ColorRole.Text, QColor(colour))
        widget.setPalette(pal)


def install(app: QApplication, families: list[str], size: TypeSize) -> Theme:
    """Make ``Theme(size, families)`` the application's look (once, at start-up)."""
    theme = Theme(size=size, families=families)
    _Installed.theme = theme
    if _Installed.style is None or app.style() is not _Installed.style:
        _Installed.style = FocusStyle(theme.palette)
        app.setStyle(_Installed.style)
    app.setPalette(theme.qpalette())
    app.setFont(theme.body_font())
    return theme


def set_type_size(app: QApplication, size: TypeSize) -> Theme:
    """Switch the type size of the running app: every window re-lays itself."""
    old = current()
    theme = Theme(size=size, families=old.families, palette=old.palette, spacing=old.spacing)
    _Installed.theme = theme
    app.setFont(theme.body_font())
    for widget in app.allWidgets():
        value = widget.property(ROLE_PROPERTY)
        if value:
            _dress(widget, Role(value), theme)
    return theme


# ------------------------------------------------------------- the setting
def default_type_size(app: QGuiApplication | None = None) -> TypeSize:
    """标准 unless the screen's pixels are physically small: a dense panel without OS
    scaling (a 14-inch full-HD laptop at 100 %) would make 16 px text tiny."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    screen = app.primaryScreen() if isinstance(app, QGuiApplication) else None
    if screen is None:
        return TypeSize.STANDARD
    # Physical pixels per inch of one logical pixel: what decides how big 16 px looks.
    density = screen.physicalDotsPerInch() / max(screen.devicePixelRatio(), 1.0)
    if density >= 170:
        return TypeSize.EXTRA_LARGE
    if density >= 130:
        return TypeSize.LARGE
    return TypeSize.STANDARD


def load_type_size(data_root: Path) -> TypeSize | None:
    """The type size the studio chose on this data dir, or None (never chosen)."""
    value = QSettings(str(Path(data_root) / SETTINGS_FILE), QSettings.Format.IniFormat).value(
        SETTINGS_KEY)
    try:
        return TypeSize(value) if isinstance(value, str) else None
    except ValueError:
        log.warning("unknown type size in the display settings; using the default")
        return None


def save_type_size(data_root: Path, size: TypeSize) -> None:
    settings = QSettings(str(Path(data_root) / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, size.value)
    settings.sync()


def type_size_label(size: TypeSize) -> str:
    """标准 / 大 / 特大 in the user's language."""
    return {
        TypeSize.STANDARD: QCoreApplication.translate("Theme", "Standard"),
        TypeSize.LARGE: QCoreApplication.translate("Theme", "Large"),
        TypeSize.EXTRA_LARGE: QCoreApplication.translate("Theme", "Extra large"),
    }[size]
