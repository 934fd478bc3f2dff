"""What the import wizard has learnt so far, and the worker's side of each step.

The wizard's pages share one :class:`ImportState`.  Every read of the file runs on
the worker thread (a 5,000-row ledger takes seconds): :func:`read_book` opens the
file, picks the sheet and closes it again, so no open workbook outlives a step
and nothing is held across threads; :func:`run_import` is the dry run of the
preview and the real import of the last step (one transaction, in the core).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from mediator.domain.ledger import Column, ColumnMapping
from mediator.services.ledger_import import LedgerReport, import_ledger, open_ledger


@dataclass
class BookInfo:
    """The chosen sheet of a ledger file: its header's columns and the proposed mapping."""

    sheet: str
    sheets: list[str]  # the visible sheets
    columns: tuple[Column, ...]
    mapping: ColumnMapping
    notes: list[str]
    header_row: int  # the Excel row number of the (first) header row


def read_book(path: Path, sheet: str | None = None) -> BookInfo:
    """Open ``path`` (raises the core's LedgerFileError), read its header, close it."""
    with open_ledger(path, sheet=sheet) as book:
        guess = book.guess
        return BookInfo(book.sheet, list(book.sheets), guess.columns,
                        ColumnMapping(dict(guess.mapping.columns)), list(book.notes),
                        guess.first_row + 1)


@dataclass
class ImportState:
    path: Path | None = None
    info: BookInfo | None = None
    preview: LedgerReport | None = None  # the dry run
    result: LedgerReport | None = None  # the import
    skip_rejected: bool = False
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def mapping(self) -> ColumnMapping:
        assert self.info is not None
        return self.info.mapping


class Progress(QObject):
    """The sheet row an import has reached, from the worker to the GUI (queued)."""

    row = Signal(int)


def run_import(ws: Any, state: ImportState, *, dry_run: bool,
               progress: Progress | None = None) -> LedgerReport:
    """The dry run (every row checked, numbered and rolled back) or the import."""
    assert state.path is not None and state.info is not None
    emit = progress.row.emit if progress is not None else None
    return import_ledger(ws, state.path, mapping=ColumnMapping(dict(state.mapping.columns)),
                         sheet=state.info.sheet, partial=dry_run or state.skip_rejected,
                         dry_run=dry_run, today=state.today, progress=emit)
