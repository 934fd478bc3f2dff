"""导入印章 — the studio head imports the committee seal (a transparent PNG)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.errors import MediatorError
from mediator.safe_input import read_capped
from mediator.services.documents.seal import MAX_BYTES as SEAL_MAX_BYTES
from mediator.services.documents.seal import check_seal_png, install_seal, load_seal
from mediator.services.workspace import Workspace
from mediator.ui.errors import show_error
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark


class SealImportDialog(QDialog):
    """Choose a PNG, see it over the committee line, import it (head only)."""

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._runner = runner
        self._data = b""
        self.setWindowTitle(self.tr("Import the committee seal"))
        intro = QLabel(self.tr(
            "Choose the seal as a PNG image with a transparent background. It is printed "
            "over the committee's name on every sealed document. Without a seal, documents "
            "are marked as drafts."))
        intro.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setMinimumSize(260, 200)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        mark(self.message, Role.ERROR)
        choose = QPushButton(self.tr("Choose PNG file…"))
        choose.clicked.connect(self._choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import seal"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        mark(self.import_button, Role.PRIMARY)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Who is signed in and the current seal are read on the worker (no database
        # work on the GUI thread); until then the dialog shows an empty canvas.
        self._is_head: bool | None = None
        self._committee = ""
        ws = workspace

        def fetch() -> tuple[bool, str, bytes | None]:
            current = ws.studio.current()
            _, me = ws.studio.context() if current else (None, None)
            seal = load_seal(ws.data_dir)
            return (me is not None and me.role == "head",
                    current.committee_name if current else "", seal.png if seal else None)

        runner.run(fetch, self._fetched)

    def _fetched(self, info: tuple[bool, str, bytes | None]) -> None:
        if not shiboken6.isValid(self):
            return
        self._is_head, self._committee, png = info
        if self._data:
            self._show_png(self._data)
        elif png is not None:
            self._show_png(png)
        self._check_head()
        self.import_button.setEnabled(bool(self._data) and not self.message.text())

    def _check_head(self) -> None:
        if self._is_head is False:
            self.message.setText(self.tr("Only the studio head can import the seal."))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the seal image"), "",
                                              self.tr("PNG images (*.png)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Check ``path`` and show it; the Import button is enabled only for a usable seal."""
        self.message.clear()
        self.import_button.setEnabled(False)
        try:
            data = read_capped(path, SEAL_MAX_BYTES, "印章图片")  # not a FIFO, not 2 GB
            check_seal_png(data)
        except OSError:
            self.message.setText(self.tr("The file cannot be read."))
            return
        except MediatorError as exc:
            self.message.setText(exc.message)
            return
        self._data = data
        self._show_png(data)
        self._check_head()
        self.import_button.setEnabled(not self.message.text())

    def _show_png(self, data: bytes) -> None:
        seal = QPixmap()
        seal.loadFromData(data)
        canvas = QPixmap(260, 200)
        canvas.fill(QColor("white"))
        p = QPainter(canvas)
        p.setPen(QColor("black"))
        p.drawText(canvas.rect(), Qt.AlignmentFlag.AlignCenter, self._committee)
        scaled = seal.scaled(180, 180, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        p.drawPixmap((260 - scaled.width()) // 2, (200 - scaled.height()) // 2, scaled)
        p.end()
        self.preview.setPixmap(canvas)

    def _import(self) -> None:
        data = self._data
        self.import_button.setEnabled(False)

        def work() -> None:
            _, me = self._ws.studio.context()
            if me.role != "head":
                raise MediatorError("只有工作室负责人可以导入印章")
            install_seal(self._ws.data_dir, data)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MediatorError):
                self.message.setText(exc.message)
                self.import_button.setEnabled(True)
            else:
                show_error(self, exc)

        self._runner.run(work, lambda _: self.accept(), failed)
