"""冲突处理 — conflicts side by side: this PC's version against the server's.

Each conflict lists only the fields that differ, named as the forms name them and
with their values as the forms show them (:mod:`mediator.ui.sync.fields`); fields
that did not change, and bookkeeping such as when a row was saved, are not listed
(:mod:`mediator.sync.meaning`).  For each field the person picks which value to
keep, or keeps one side whole; keeping anything of this PC's is a new change,
sent at the next sync.
Below them, the records sync set aside (:mod:`mediator.sync.aside`): a bad row no
longer stops a sync, but a person must be able to see what was left out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
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
from mediator.ui.labels import Labels
from mediator.ui.sync.fields import FIELD_LABELS, field_label, value_text
from mediator.ui.tasks import TaskRunner

__all__ = ["FIELD_LABELS", "ConflictsPage"]

FIELD, MINE, THEIRS, KEEP = range(4)  # the columns of the side-by-side table
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft

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

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None, *,
                 labels: Labels | None = None) -> None:
        super().__init__(parent)
        self._service = SyncService(ws)
        self._runner = runner
        self._labels = labels or Labels(QLocale().name())
        self._conflicts: list[ConflictView] = []
        self._choices: list[tuple[FieldDiff, QRadioButton]] = []  # (diff, "this PC" button)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # a long organisation name wraps, never elided
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrapped when resized
        self.list.viewport().installEventFilter(self)
        self.list.currentRowChanged.connect(self._select)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("This PC"), self.tr("District server"),
             self.tr("Keep")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEEP, QHeaderView.ResizeMode.ResizeToContents)
        # Wrapped values re-measured when the columns change width (the page resized),
        # once the columns have settled: the header resizes its stretched columns one
        # after the other (a vertical scroll bar appearing narrows them all), and rows
        # measured at the first signal kept the other column's old width, cutting a
        # long value's last line.
        self._refit_rows = QTimer(self)
        self._refit_rows.setSingleShot(True)
        self._refit_rows.setInterval(0)
        self._refit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._refit_rows.start())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        # A long text makes a row taller than the table: scrolled by the pixel (a row
        # at a time would jump past it), and every cell starts at the row's top, so
        # the field's name and the choice stay beside the start of the values.
        self.table.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("Keep this PC's version"))
        self.keep_theirs = QPushButton(self.tr("Keep the server's version"))
        self.keep_chosen = QPushButton(self.tr("Keep the values chosen above"))
        self.keep_chosen.setDefault(True)
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.keep_chosen.clicked.connect(lambda: self._resolve("merged"))
        self.empty = QLabel(
            self.tr("No conflicts to resolve: no record was changed on two PCs at once."))
        self.empty.setWordWrap(True)
        # The primary action on a row of its own, the whole-record shortcuts below it:
        # three long buttons on one row do not fit the settings page in large type.
        chosen_row = QHBoxLayout()
        chosen_row.addStretch(1)
        chosen_row.addWidget(self.keep_chosen)
        whole_row = QHBoxLayout()
        whole_row.addStretch(1)
        whole_row.addWidget(self.keep_mine)
        whole_row.addWidget(self.keep_theirs)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.note)
        below_layout.addWidget(self.table, 1)
        below_layout.addLayout(chosen_row)
        below_layout.addLayout(whole_row)
        # The list above the table (not beside it): both get the page's full width,
        # so a long organisation name and the two values are not squeezed.
        split = QWidget()
        split_layout = QVBoxLayout(split)
        split_layout.setContentsMargins(0, 0, 0, 0)
        split_layout.addWidget(self.list)
        split_layout.addWidget(below, 1)
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
        self._fit_heights()
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
            what = ENTITY_LABELS.get(c.entity)
            kind = self.tr(str(what)) if what is not None else self.tr("Record")
            title = f"{kind} {c.subject}".strip()
            item = QListWidgetItem(f"{title}\n{when:%m-%d %H:%M}")
            self.list.addItem(item)
        self._fit_items()
        self.empty.setVisible(not conflicts)
        self._split.setVisible(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)
        self._select(0 if conflicts else -1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the type size changed
            self._fit_heights()
            self._fit_items()

    def _fit_heights(self) -> None:
        """A few conflicts in view above a table with room for several fields."""
        line = self.fontMetrics().lineSpacing()
        self.list.setMaximumHeight(line * 7 + 16)
        self.list.setMinimumHeight(line * 2 + 16)
        self.table.setMinimumHeight(line * 10)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_items()
        return super().eventFilter(watched, event)

    def _fit_items(self) -> None:
        """Each item as tall as its wrapped lines really are.  The view measures with
        the primary font's line height; Chinese drawn in a fallback face is taller,
        and the view then elides the second line (when the conflict arose) away."""
        width = max(40, self.list.viewport().width() - 12)
        for i in range(self.list.count()):
            item = self.list.item(i)
            height = 0.0
            for paragraph in item.text().split("\n"):
                layout = QTextLayout(paragraph, self.list.font())
                layout.beginLayout()
                while (line := layout.createLine()).isValid():
                    line.setLineWidth(width)
                    height += line.height()
                layout.endLayout()
            item.setSizeHint(QSize(width, math.ceil(height) + 8))

    def _select(self, row: int) -> None:
        enabled = 0 <= row < len(self._conflicts)
        self.keep_mine.setEnabled(enabled)
        self.keep_theirs.setEnabled(enabled)
        self.keep_chosen.setEnabled(enabled)
        self.table.setRowCount(0)
        self._choices = []
        if not enabled:
            self.note.clear()
            return
        c = self._conflicts[row]
        # Deleted on one side, edited on the other: a whole record is kept, not fields.
        whole = c.mine_deleted != c.theirs_deleted
        self.note.setText(self.tr(
            "This record was deleted on one PC and changed on another before they synced. "
            "The server kept its version; nothing was lost. Choose which version to keep.")
            if whole else self.tr(
            "This record was changed on this PC and on another PC of the studio before "
            "they synced. The server kept the other version; nothing was lost. For each "
            "field below, choose which value to keep."))
        diffs = list(c.diffs)
        if whole:
            yes, no = self.tr("yes"), self.tr("no")
            diffs.insert(0, FieldDiff("deleted", yes if c.mine_deleted else no,
                                      yes if c.theirs_deleted else no,
                                      c.mine_deleted, c.theirs_deleted))
        record = {"kind": c.kind}
        self.table.setRowCount(len(diffs))
        for i, d in enumerate(diffs):
            label = field_label(c.entity, d.field, record)
            mine = value_text(self._labels, c.entity, d.field, d.mine_value, text=d.mine,
                              zone=c.time_zone)
            theirs = value_text(self._labels, c.entity, d.field, d.theirs_value,
                                text=d.theirs, zone=c.time_zone)
            for col, text in ((FIELD, label), (MINE, mine), (THEIRS, theirs)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(TOP_LEFT)
                item.setToolTip(text if col != FIELD else "")
                self.table.setItem(i, col, item)
            if not whole:
                self.table.setCellWidget(i, KEEP, self._choice(d))
        self.table.setColumnHidden(KEEP, whole)
        self.keep_chosen.setVisible(not whole)
        self.table.resizeRowsToContents()

    def _choice(self, diff: FieldDiff) -> QWidget:
        """Two radio buttons: this PC's value or the server's (the server's to start:
        it is what this PC shows now)."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setAlignment(TOP_LEFT)
        mine = QRadioButton(self.tr("This PC"))
        theirs = QRadioButton(self.tr("Server"))
        theirs.setChecked(True)
        group = QButtonGroup(box)
        group.addButton(mine)
        group.addButton(theirs)
        layout.addWidget(mine)
        layout.addWidget(theirs)
        self._choices.append((diff, mine))
        return box

    def choose(self, field: str, mine: bool) -> None:
        """Pick this PC's (or the server's) value of ``field`` (as a click would)."""
        for diff, button in self._choices:
            if diff.field == field:
                if mine:
                    button.setChecked(True)
                else:
                    [other] = [b for b in button.group().buttons() if b is not button]
                    other.setChecked(True)

    def _resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        cid = self._conflicts[row].id
        merged = {d.field: d.mine_value for d, button in self._choices if button.isChecked()}
        if choice == "merged" and not merged:
            choice = "theirs"  # nothing of this PC's chosen: the server's version stands
        elif choice == "merged" and len(merged) == len(self._choices):
            choice = "mine"
        self.keep_mine.setEnabled(False)
        self.keep_theirs.setEnabled(False)
        self.keep_chosen.setEnabled(False)

        def done(_: object) -> None:
            self.resolved.emit(cid)
            self.reload()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, MediatorError):
                raise exc
            self.note.setText(exc.message)
            self.reload()

        self._runner.run(lambda: self._service.resolve(cid, choice, merged), done, failed)

