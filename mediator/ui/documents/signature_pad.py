"""签名板 — a handwritten signature pad for mouse, pen (tablet) and touch.

What is kept is only what is needed to draw the signature again: polylines of
points in the pad's box, 0..1 on both axes (x right, y down).  No timestamps,
no pressure, no tilt: those can identify a person biometrically (PIPL), and the
PDF draws plain vector strokes anyway.

:class:`SignaturePadDialog` shows a pad full screen, for a tablet handed to the
party; its strokes come back to the caller's pad.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mediator.documents.model import Signature
from mediator.ui import theme
from mediator.ui.theme import Role, mark

Stroke = tuple[tuple[float, float], ...]
# Points closer than this (in pad units) to the previous one add nothing visible.
MIN_STEP = 0.002


class SignaturePad(QWidget):
    """Draw with the left mouse button, a pen or a finger; ``strokes()`` gives the vectors."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, hint: str = "") -> None:
        super().__init__(parent)
        self._strokes: list[list[tuple[float, float]]] = []
        self._drawing = False
        self._hint = hint or self.tr("Sign here")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ------------------------------------------------------------------ data
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(tuple(s) for s in self._strokes if s)

    def set_strokes(self, strokes: tuple[Stroke, ...]) -> None:
        self._strokes = [list(s) for s in strokes]
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def signature(self) -> Signature:
        """The drawn signature (ValidationError when nothing was drawn)."""
        return Signature(strokes=self.strokes())

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    # ------------------------------------------------------------------ input
    def _box(self) -> QRectF:
        return QRectF(self.rect()).adjusted(4, 4, -4, -4)

    def _norm(self, pos: QPointF) -> tuple[float, float]:
        box = self._box()
        x = (pos.x() - box.left()) / max(box.width(), 1)
        y = (pos.y() - box.top()) / max(box.height(), 1)
        return (round(min(max(x, 0.0), 1.0), 4), round(min(max(y, 0.0), 1.0), 4))

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._norm(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        point = self._norm(pos)
        last = self._strokes[-1][-1]
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= MIN_STEP:
            self._strokes[-1].append(point)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no synthesised mouse events: one stroke, not two

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel) and isinstance(event, QTouchEvent):
            points = event.points()
            if points:  # the first finger draws; a palm or second finger is ignored
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        box = self._box()
        colours = theme.current().palette  # the guides and hint are chrome; paper and ink are not
        p.setPen(QPen(QColor(colours.paper_rule), 1, Qt.PenStyle.DashLine))
        p.drawRect(box)
        base_y = box.top() + box.height() * 0.78
        p.drawLine(QPointF(box.left() + 12, base_y), QPointF(box.right() - 12, base_y))
        if self.is_empty():
            p.setPen(QColor(colours.muted))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self._hint)
        pen = QPen(QColor("#10204a"), max(2.0, box.height() / 70))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for stroke in self._strokes:
            if not stroke:
                continue
            pts = [QPointF(box.left() + x * box.width(), box.top() + y * box.height())
                   for x, y in stroke]
            if len(pts) == 1:
                p.drawPoint(pts[0])
                continue
            path = QPainterPath(pts[0])
            for pt in pts[1:]:
                path.lineTo(pt)
            p.drawPath(path)
        p.end()


class SignaturePadDialog(QDialog):
    """A pad filling the screen, for a tablet held by the party; Done keeps the strokes."""

    def __init__(self, who: str, strokes: tuple[Stroke, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        title = mark(QLabel(who), Role.TITLE)
        title.setWordWrap(True)
        self.pad = SignaturePad(self, hint=self.tr("Sign here with your finger or the pen"))
        self.pad.set_strokes(strokes)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.done_button = QPushButton(self.tr("Done"))
        mark(self.done_button, Role.PRIMARY)
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        for b in (clear, cancel, self.done_button):
            b.setMinimumHeight(56)
            b.setMinimumWidth(140)
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.pad, 1)
        layout.addLayout(row)

    def strokes(self) -> tuple[Stroke, ...]:
        return self.pad.strokes()
