"""Session mode (会谈模式): a large-type view for a shared screen.

The parties follow what is being recorded: the statements, the evidence, the
risks explained and the result appear in large type as the mediator types them
on the session page, with a timer since the session began.  Read-only; the
record is saved from the session page as usual.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from mediator.services.workflow.dto import CaseOverview
from mediator.ui.screen_fit import fit_to_screen
from mediator.ui.theme import Role, mark

from .common import tr


class SessionModeWindow(QWidget):
    def __init__(self, page: QWidget, ov: CaseOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Session mode"))
        self.page = page
        # Read from across the table: the theme's presentation size (2.2× the body
        # text, so it grows with the type size too).
        mark(self, Role.PRESENTATION)
        outer = QVBoxLayout(self)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("session_timer")
        outer.addWidget(self.timer_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 1)
        inner = QWidget()
        scroll.setWidget(inner)
        self.text = QLabel()
        self.text.setObjectName("session_text")
        self.text.setWordWrap(True)
        QVBoxLayout(inner).addWidget(self.text)
        self.ov = ov
        self.started = time.monotonic()
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_timer)
        self.tick.start()
        for edit in page.findChildren(QPlainTextEdit):
            edit.textChanged.connect(self.refresh)
        fit_to_screen(self, 1200, 800)  # a 1366×768 laptop shows it whole
        self._update_timer()
        self.refresh()

    def elapsed(self) -> int:
        return int(time.monotonic() - self.started)

    def _update_timer(self) -> None:
        s = self.elapsed()
        self.timer_label.setText(tr("Session time %1").replace(
            "%1", f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"))

    def refresh(self) -> None:
        page = self.page
        parts = [self.ov.case_no]
        for p in self.ov.principals:
            edit = getattr(page, "statements", {}).get(p.id)
            if edit is not None and edit.toPlainText().strip():
                parts.append(f"【{p.label_zh} {p.name}】\n{edit.toPlainText()}")
        for label, name in (("Evidence checked", "evidence"), ("Risks explained", "risk"),
                            ("Result", "result")):
            edit = getattr(page, name, None)
            if edit is not None and edit.toPlainText().strip():
                parts.append(f"【{tr(label)}】\n{edit.toPlainText()}")
        self.text.setText("\n\n".join(parts))

    def closeEvent(self, event: object) -> None:
        self.tick.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
