"""设置 / 区级服务器 — whether this PC is connected, and since when.

After enrolment a mediator must be able to see at a glance that it worked: the
server's address, when this PC was connected, and how the last sync went (the
time, "syncing…" while a round runs, or "not yet").  Times are read on the
studio's clock (:func:`mediator.domain.studio_time.wall_clock`), as the status
line and the documents show them.  The panel only displays: it is fed by the
status-bar widget's reads (:class:`~mediator.ui.sync.status.SyncStatusWidget`),
so there is one reader of the sync state, not two.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediator.domain.studio_time import wall_clock
from mediator.services.sync import SyncStatus
from mediator.ui.theme import Role, mark


def _value(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConnectionPanel(QWidget):
    """Connected or not; server, connected since, last sync; "connect" when not."""

    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = _value("sync_state")
        self.server = _value("sync_server")
        self.since = _value("sync_since")
        self.last_sync = _value("sync_last")
        self.problem = _value("sync_problem")
        mark(self.problem, Role.ERROR)
        self.connect_button = QPushButton(self.tr("Connect this PC to the district server…"))
        self.connect_button.clicked.connect(self.connect_requested)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Connected since:"), self.since)
        form.addRow(self.tr("Last sync:"), self.last_sync)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.details)
        layout.addWidget(self.problem)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_status(SyncStatus(False), syncing=False)

    @property
    def connected(self) -> bool:
        return self.details.isVisibleTo(self)

    def show_status(self, status: SyncStatus, syncing: bool) -> None:
        if not status.enrolled:
            self.state.setText(self.tr("This PC is not connected to a district server."))
            mark(self.state, Role.MUTED)
            self.details.hide()
            self.problem.hide()
            self.connect_button.show()
            return
        self.connect_button.hide()
        self.details.show()
        self.state.setText(self.tr("This PC is connected to the district server."))
        mark(self.state, Role.SUCCESS)
        self.server.setText(status.server_url)
        self.since.setText(self._when(status.enrolled_at, status.time_zone))
        if syncing:
            self.last_sync.setText(self.tr("Syncing…"))
        elif status.last_sync_at is not None:
            self.last_sync.setText(self._when(status.last_sync_at, status.time_zone))
        else:
            self.last_sync.setText(self.tr("Not yet"))
        problem = status.last_error if (status.revoked or status.last_error) else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem) and not syncing)

    @staticmethod
    def _when(ts: dt.datetime | None, zone: str) -> str:
        return wall_clock(ts, zone).strftime("%Y-%m-%d %H:%M") if ts is not None else "—"
