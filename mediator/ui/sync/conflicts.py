"""冲突处理 — conflicts side by side: this PC's version against the server's.

Each conflict row lists only the fields that differ; the person keeps this PC's
version or the server's (keeping this PC's is a new change, sent at the next sync).
Below them, the records sync set aside (:mod:`mediator.sync.aside`): a bad row no
longer stops a sync, but a person must be able to see what was left out.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.studio_time import wall_clock
from mediator.errors import MediatorError
from mediator.services.sync import ConflictView, FieldDiff, SyncService
from mediator.services.workspace import Workspace
from mediator.sync import aside
from mediator.ui.tasks import TaskRunner

# The names of the fields a conflict can show: marked for lupdate, translated on display.
FIELD_LABELS = {
    "summary": QT_TRANSLATE_NOOP("ConflictsPage", "Summary of the dispute"),
    "requests": QT_TRANSLATE_NOOP("ConflictsPage", "Requests"),
    "status": QT_TRANSLATE_NOOP("ConflictsPage", "Case status"),
    "dispute_type": QT_TRANSLATE_NOOP("ConflictsPage", "Type of dispute"),
    "source": QT_TRANSLATE_NOOP("ConflictsPage", "Source of the case"),
    "referral_note": QT_TRANSLATE_NOOP("ConflictsPage", "Referral note"),
    "mediator_id": QT_TRANSLATE_NOOP("ConflictsPage", "Mediator"),
    "status_reason": QT_TRANSLATE_NOOP("ConflictsPage", "Reason for the status"),
    "name": QT_TRANSLATE_NOOP("ConflictsPage", "Name"),
    "phone": QT_TRANSLATE_NOOP("ConflictsPage", "Phone"),
    "address": QT_TRANSLATE_NOOP("ConflictsPage", "Address"),
    "id_number": QT_TRANSLATE_NOOP("ConflictsPage", "ID number"),
    "role": QT_TRANSLATE_NOOP("ConflictsPage", "Role"),
    "terms": QT_TRANSLATE_NOOP("ConflictsPage", "Terms of the agreement"),
    "facts": QT_TRANSLATE_NOOP("ConflictsPage", "Main facts"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsPage", "Deleted"),
}

# What a set-aside row is, as people call it (other entities show their own name).
ENTITY_LABELS = {
    "case": QT_TRANSLATE_NOOP("ConflictsPage", "Case"),
    "party": QT_TRANSLATE_NOOP("ConflictsPage", "Party"),
    "case_party": QT_TRANSLATE_NOOP("ConflictsPage", "Party's role in a case"),
    "agreement": QT_TRANSLATE_NOOP("ConflictsPage", "Mediation agreement"),
    "mediator": QT_TRANSLATE_NOOP("ConflictsPage", "Mediator"),
    "attachment": QT_TRANSLATE_NOOP("ConflictsPage", "Attachment"),
    "session_record": QT_TRANSLATE_NOOP("ConflictsPage", "Mediation session record"),
    "investigation_record": QT_TRANSLATE_NOOP("ConflictsPage", "Investigation record"),
    "follow_up": QT_TRANSLATE_NOOP("ConflictsPage", "Follow-up visit"),
}

SET_ASIDE_KINDS = {
    "pulled": QT_TRANSLATE_NOOP("ConflictsPage", "From the server, could not be used here"),
    "local": QT_TRANSLATE_NOOP("ConflictsPage", "On this PC, not sent: it is not valid"),
}


class ConflictsPage(QWidget):
    resolved = Signal(str)  # conflict id

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = SyncService(ws)
        self._runner = runner
        self._conflicts: list[ConflictView] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._select)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This PC"), self.tr("District server")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("Keep this PC's version"))
        self.keep_theirs = QPushButton(self.tr("Keep the server's version"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.empty = QLabel(
            self.tr("No conflicts to resolve: no record was changed on two PCs at once."))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.note)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        self._db = ws.db
        self.aside_title = QLabel(self.tr(
            "Records set aside by sync (the rest of the sync went on; tell the district "
            "administrator):"))
        self.aside_title.setWordWrap(True)
        self.aside_list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addWidget(self.aside_title)
        layout.addWidget(self.aside_list)
        self._split = split
        self.reload()

    def reload(self) -> None:
        self._runner.run(self._service.conflicts, self._show, self._failed_load)
        self._runner.run(lambda: aside.listing(self._db), self._show_set_aside,
                         self._failed_load)

    def _show_set_aside(self, rows: list[aside.SetAside]) -> None:
        self.aside_list.clear()
        for r in rows:
            kind = self.tr(str(SET_ASIDE_KINDS.get(r.kind, r.kind)))
            # The reason is the core's Chinese text after its code ("missing:case_no …").
            reason = r.reason.partition(" ")[2] or r.reason
            what = ENTITY_LABELS.get(r.entity)
            label = self.tr(str(what)) if what is not None else r.entity
            self.aside_list.addItem(f"{kind} · {label} {r.id[:8]} · {reason}")
        self.aside_title.setVisible(bool(rows))
        self.aside_list.setVisible(bool(rows))

    def _failed_load(self, exc: BaseException) -> None:
        if not isinstance(exc, MediatorError):
            raise exc
        self.note.setText(exc.message)

    def _show(self, conflicts: list[ConflictView]) -> None:
        self._conflicts = conflicts
        self.list.clear()
        for c in conflicts:
            when = wall_clock(c.created_at, c.time_zone)  # the studio's clock, as printed
            item = QListWidgetItem(f"{c.title}\n{when:%m-%d %H:%M}")
            self.list.addItem(item)
        self.empty.setVisible(not conflicts)
        self._split.setVisible(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)
        self._select(0 if conflicts else -1)

    def _select(self, row: int) -> None:
        enabled = 0 <= row < len(self._conflicts)
        self.keep_mine.setEnabled(enabled)
        self.keep_theirs.setEnabled(enabled)
        self.table.setRowCount(0)
        if not enabled:
            self.note.clear()
            return
        c = self._conflicts[row]
        self.note.setText(self.tr(
            "This record was changed on this PC and on another PC of the studio before "
            "they synced. The server kept the other version; nothing was lost. Choose which "
            "to keep."))
        diffs = list(c.diffs)
        if c.mine_deleted != c.theirs_deleted:
            yes, no = self.tr("yes"), self.tr("no")
            diffs.insert(0, FieldDiff("deleted", yes if c.mine_deleted else no,
                                      yes if c.theirs_deleted else no))
        self.table.setRowCount(len(diffs))
        for i, d in enumerate(diffs):
            for col, text in enumerate((self._field_label(d.field), d.mine, d.theirs)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def _field_label(self, field: str) -> str:
        label = FIELD_LABELS.get(field)
        return self.tr(str(label)) if label else field  # a newer field: its code, not nothing

    def _resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        cid = self._conflicts[row].id
        self.keep_mine.setEnabled(False)
        self.keep_theirs.setEnabled(False)

        def done(_: object) -> None:
            self.resolved.emit(cid)
            self.reload()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, MediatorError):
                raise exc
            self.note.setText(exc.message)
            self.reload()

        self._runner.run(lambda: self._service.resolve(cid, choice), done, failed)

