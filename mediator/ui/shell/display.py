"""显示 — the type size (标准 / 大 / 特大), chosen in 设置 or with Ctrl++ / Ctrl+-.

The choice applies at once to the whole running app (ui/theme.py re-sets the
application font and re-dresses every marked widget, so the open page re-lays
itself) and is remembered in the data dir's window.ini, so the next start opens
at the same size.  An older mediator who finds the text small fixes it once,
without a restart and without looking for it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from mediator.ui import theme
from mediator.ui.theme import TypeSize

#: The sizes from small to large: what Ctrl++ and Ctrl+- step through.
SIZES = (TypeSize.STANDARD, TypeSize.LARGE, TypeSize.EXTRA_LARGE)


def switch_type_size(data_root: Path, size: TypeSize) -> None:
    """Wear ``size`` everywhere now and remember it on this data dir."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and theme.current().size is not size:
        theme.set_type_size(app, size)
    theme.save_type_size(data_root, size)


def step_type_size(data_root: Path, steps: int) -> TypeSize:
    """One size larger (``steps`` > 0) or smaller; stays at the ends.  The size now worn."""
    at = SIZES.index(theme.current().size)
    size = SIZES[max(0, min(len(SIZES) - 1, at + steps))]
    if size is not theme.current().size:
        switch_type_size(data_root, size)
    return size


class DisplaySection(QGroupBox):
    """设置 → 显示: one radio button per type size; the chosen one is worn at once."""

    def __init__(self, data_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Display"), parent)
        self.setObjectName("display_settings")
        self.data_root = Path(data_root)
        layout = QHBoxLayout(self)
        layout.setSpacing(theme.current().space("group"))
        self.group = QButtonGroup(self)
        self.buttons: dict[TypeSize, QRadioButton] = {}
        layout.addWidget(QLabel(self.tr("Type size:"), self))
        for size in SIZES:
            button = QRadioButton(theme.type_size_label(size), self)
            button.setObjectName(f"type_size_{size.value}")
            self.group.addButton(button)
            self.buttons[size] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, s=size: self._chosen(s) if on else None)
        layout.addStretch(1)
        self._sync()

    def choose(self, size: TypeSize) -> None:
        """What a click on the size's button does."""
        self.buttons[size].setChecked(True)

    def _chosen(self, size: TypeSize) -> None:
        switch_type_size(self.data_root, size)

    def _sync(self) -> None:
        """Check the size worn now (it may have been changed with Ctrl++)."""
        button = self.buttons[theme.current().size]
        if not button.isChecked():
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._sync()

