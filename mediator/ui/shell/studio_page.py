"""设置 / 工作室 — what the studio head looks after: the studio's name and
case-number prefix as they appear on every document, who is signed in, the kind
of mediating body its cases count under in the statistics (调解组织类型: a case
says otherwise only when registered so), and the committee seal (导入印章,
:class:`~mediator.ui.documents.SealImportDialog`).

Everything shown is read on the worker each time the page is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.case_facts import BodyType
from mediator.ui import labels, theme
from mediator.ui.errors import show_error
from mediator.ui.shell.display import DisplaySection
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import Role, mark

if TYPE_CHECKING:
    from mediator.ui.documents.seal_dialog import SealImportDialog

SEAL_PREVIEW = 180


@dataclass(frozen=True)
class StudioInfo:
    committee_name: str
    case_prefix: str
    example_case_no: str
    mediator_name: str
    is_head: bool
    seal_png: bytes | None
    body_type: BodyType = BodyType.VILLAGE


def _read(ws: Any) -> StudioInfo:
    """Worker side: the studio, this PC's mediator and the seal."""
    # Imported here, on the worker: the documents stack (reportlab, pyHanko) must
    # not weigh on start-up, and this page is built with the main window.
    from mediator.services.case_facts import CaseFactsService  # noqa: PLC0415
    from mediator.services.documents.seal import load_seal  # noqa: PLC0415

    current = ws.studio.current()
    _, me = ws.studio.context()
    seal = load_seal(ws.data_dir)
    body = CaseFactsService(ws.db, ws.studio.context).studio_body_type()
    return StudioInfo(current.committee_name, current.case_prefix,
                      ws.studio.preview_case_no(current.case_prefix), current.mediator_name,
                      me.role == "head", seal.png if seal else None, body)


def _set_body(ws: Any, body: BodyType) -> BodyType:
    """Worker side: the studio's kind of mediating body."""
    from mediator.services.case_facts import CaseFactsService  # noqa: PLC0415

    return CaseFactsService(ws.db, ws.studio.context).set_studio_body_type(body)


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StudioPage(QWidget):
    """The 设置/工作室 page."""

    def __init__(self, ws: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._runner = runner
        self.info: StudioInfo | None = None
        self.seal_dialog: SealImportDialog | None = None

        title = mark(QLabel(self.tr("Studio settings")), Role.TITLE)

        studio = QGroupBox(self.tr("Studio"))
        form = QFormLayout(studio)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.committee = _value()
        self.committee.setObjectName("committee_name")
        self.prefix = _value()
        self.prefix.setObjectName("case_prefix")
        self.example = _value()
        self.mediator = _value()
        form.addRow(self.tr("Committee or studio:"), self.committee)
        form.addRow(self.tr("Case-number prefix:"), self.prefix)
        form.addRow(self.tr("First case number this year:"), self.example)
        form.addRow(self.tr("Signed in as:"), self.mediator)
        self.body_type = QComboBox()
        self.body_type.setObjectName("body_type")
        for kind in BodyType:
            self.body_type.addItem(labels.body_type(kind), kind.value)
        self.body_type.activated.connect(self._body_chosen)  # a person's choice only
        form.addRow(self.tr("Kind of mediating body:"), self.body_type)

        seal = QGroupBox(self.tr("Committee seal"))
        seal_layout = QHBoxLayout(seal)
        self.seal_image = QLabel()
        self.seal_image.setFixedSize(SEAL_PREVIEW + 20, SEAL_PREVIEW + 20)
        self.seal_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The seal on white paper, as it is printed, framed like a field.
        self.seal_image.setFrameShape(QFrame.Shape.StyledPanel)
        self.seal_image.setAutoFillBackground(True)
        paper = self.seal_image.palette()
        paper.setColor(QPalette.ColorRole.Window, QColor(theme.current().palette.base))
        self.seal_image.setPalette(paper)
        self.seal_state = QLabel()
        self.seal_state.setObjectName("seal_state")
        self.seal_state.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import the seal…"))
        self.import_button.setObjectName("import_seal")
        self.import_button.clicked.connect(self.open_seal_import)
        right = QVBoxLayout()
        right.addWidget(self.seal_state)
        right.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        seal_layout.addWidget(self.seal_image)
        seal_layout.addLayout(right, 1)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.addWidget(title)
        self.body_layout.addWidget(studio)
        self.body_layout.addWidget(seal)
        self.display = DisplaySection(ws.data_dir.root)  # 显示: the type size
        self.body_layout.addWidget(self.display)
        self.body_layout.addStretch(1)
        body.setMaximumWidth(900)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def add_section(self, widget: QWidget) -> None:
        """Another settings section (e.g. sync), placed above the bottom stretch."""
        self.body_layout.insertWidget(self.body_layout.count() - 1, widget)

    # ------------------------------------------------------------------ load
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        ws = self._ws
        self._runner.run(lambda: _read(ws), on_done=self._guard(self._fill))

    def _fill(self, info: StudioInfo) -> None:
        self.info = info
        self.committee.setText(info.committee_name)
        self.prefix.setText(info.case_prefix)
        self.example.setText(info.example_case_no)
        role = self.tr("studio head") if info.is_head else self.tr("mediator")
        self.mediator.setText(f"{info.mediator_name}（{role}）")
        if info.seal_png:
            self.seal_image.setPixmap(self._seal_pixmap(info.seal_png))
            self.seal_state.setText(self.tr(
                "The seal is imported. It is printed over the committee's name when the "
                "head approves an agreement."))
        else:
            self.seal_image.setPixmap(QPixmap())
            self.seal_image.setText(self.tr("No seal"))
            self.seal_state.setText(self.tr(
                "No seal has been imported yet: documents are marked as drafts and "
                "agreements cannot be finalised."))
        self.import_button.setEnabled(info.is_head)
        self.body_type.setCurrentIndex(max(self.body_type.findData(info.body_type.value), 0))
        self.body_type.setEnabled(info.is_head)
        if not info.is_head:
            self.body_type.setToolTip(self.tr("Only the studio head can change this."))
        if not info.is_head:
            self.import_button.setToolTip(self.tr("Only the studio head can import the seal."))

    def _seal_pixmap(self, png: bytes) -> QPixmap:
        image = QPixmap()
        image.loadFromData(png)
        canvas = QPixmap(SEAL_PREVIEW, SEAL_PREVIEW)
        canvas.fill(QColor("white"))
        painter = QPainter(canvas)
        scaled = image.scaled(SEAL_PREVIEW, SEAL_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((SEAL_PREVIEW - scaled.width()) // 2,
                           (SEAL_PREVIEW - scaled.height()) // 2, scaled)
        painter.end()
        return canvas

    def _body_chosen(self, _index: int) -> None:
        ws, body = self._ws, BodyType(self.body_type.currentData())
        self._runner.run(lambda: _set_body(ws, body), on_done=self._guard(lambda _b: None),
                         on_error=self._guard(self._body_not_saved))

    def _body_not_saved(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.load()  # show what is stored

    # ------------------------------------------------------------------ seal
    def open_seal_import(self) -> SealImportDialog:
        from mediator.ui.documents.seal_dialog import SealImportDialog  # noqa: PLC0415

        dialog = SealImportDialog(self._ws, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._seal_dialog_closed)
        self.seal_dialog = dialog
        dialog.open()
        return dialog

    def _seal_dialog_closed(self, result: int) -> None:
        self.seal_dialog = None
        if result == QDialog.DialogCode.Accepted and shiboken6.isValid(self):
            self.load()

    def _guard(self, fn: Any) -> Any:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call
