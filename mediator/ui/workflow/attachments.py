"""Attachments of a case: thumbnails, add by file picker or drag and drop, remove.

Files are stored by :class:`mediator.services.attachments.AttachmentService`
(content-addressed, deduplicated); a refused file (too large, unreadable, not a
photo or PDF) is told beside the list in Chinese and nothing is stored.

The panel sits under every step's form, so it is folded away to one line,
"附件 (3) ▸", until it is needed: the step's form gets the height.  A click on
that line opens it; dragging files onto it, or a refused file, opens it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.services.attachments import ATTACHMENT_KINDS
from mediator.services.workflow.dto import AttachmentView
from mediator.ui import errors, labels

from .common import ERROR_COLOUR, set_text_colour, tr

THUMB = 96
OPEN_MARK, FOLDED_MARK = "▾", "▸"


class AttachmentsWidget(QWidget):
    changed = Signal()

    def __init__(self, service: Any, runner: Any, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.case_id = case_id
        self.setAcceptDrops(True)
        self.count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setObjectName("attachments_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.toggled.connect(self.set_open)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for k in ATTACHMENT_KINDS:
            self.kind.addItem(labels.attachment_kind(k), k)
        top.addWidget(self.kind)
        add = QPushButton(tr("Add photo or scan…"))
        add.setObjectName("add_attachment")
        add.clicked.connect(self.pick)
        top.addWidget(add)
        top.addStretch(1)
        body.addLayout(top)
        self.hint = QLabel(tr("Drag photos or scans here (JPG, PNG, HEIC, PDF; up to 20 MB)."))
        self.hint.setWordWrap(True)
        body.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMinimumHeight(THUMB + 50)
        body.addWidget(self.list)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_text_colour(self.error, ERROR_COLOUR)
        self.error.hide()
        body.addWidget(self.error)
        self.set_open(False)

    # ------------------------------------------------------------------ folding
    def is_open(self) -> bool:
        return not self.body.isHidden()

    def set_open(self, open_: bool) -> None:
        """Unfold (or fold) the panel; folded it is one line and takes no spare height."""
        self.body.setVisible(open_)
        if self.toggle.isChecked() != open_:
            self.toggle.setChecked(open_)  # comes back here once, with the same value
        self.setSizePolicy(QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Preferred if open_ else QSizePolicy.Policy.Maximum)
        self._caption()

    def _caption(self) -> None:
        mark = OPEN_MARK if self.is_open() else FOLDED_MARK
        self.toggle.setText(f"{tr('Attachments (%1)').replace('%1', str(self.count))} {mark}")

    def show(self, items: tuple[AttachmentView, ...] | list[AttachmentView]) -> None:  # type: ignore[override]
        self.list.clear()
        self.count = len(items)
        self._caption()
        for a in items:
            kind = labels.attachment_kind(a.kind)
            item = QListWidgetItem(self._thumb(a), f"{kind}\n{a.filename[:16]}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(a.filename)
            self.list.addItem(item)
        super().show()

    def _thumb(self, a: AttachmentView) -> QIcon:
        if a.mime.startswith("image/"):
            reader = QImageReader(str(self.service.path(a.sha256)))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon)

    def pick(self) -> None:
        if not errors.dialogs_enabled:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Add photo or scan"), "",
            tr("Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic "
               "*.pdf)"))
        self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        kind = self.kind.currentData()
        service, cid = self.service, self.case_id
        self.error.hide()
        for path in paths:
            self.runner.run(lambda p=path: service.add(cid, p, kind),
                            on_done=self._guard(lambda _r: self.changed.emit()),
                            on_error=self._guard(self._refused))

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, MediatorError):
            errors.show_error(self, exc)
            return
        self.error.setText(exc.message)
        self.error.show()
        self.set_open(True)  # the refusal is read where the file was meant to go

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            self.set_open(True)  # show where the files go

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def _guard(self, fn: Any) -> Any:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call
