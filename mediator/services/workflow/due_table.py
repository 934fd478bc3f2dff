"""Keeping ``case_due`` (the Today view's due-date table) equal to the rules.

A case's rows are :func:`mediator.domain.deadlines.pending_deadlines` of its
case file, written whenever the case file changed.  Triggers mark changed cases
(:mod:`mediator.store.due_models`); :func:`refresh_stale` recomputes the marked
ones and runs before every unit of work commits
(:attr:`mediator.store.database.Database.before_commit`, wired by the
workspace; a sync pull calls it in its own transaction), so the table never
disagrees with the rows it was derived from in any committed state.

Batched: a demo batch or a sync page marks thousands of cases; they are loaded
a few thousand at a time by the column-only loader of the case view
(:func:`.snapshot.load_casefiles`) — no ORM objects, a dozen queries a batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from mediator.domain.casefile import CaseFile
from mediator.domain.deadlines import (
    DEFAULT_POLICY,
    OPEN_STATUSES,
    DeadlinePolicy,
    pending_deadlines,
)
from mediator.store.due_models import CaseDue, CaseDueStale
from mediator.store.models import Case

from .snapshot import listed_cases, load_casefiles

log = logging.getLogger(__name__)

#: Inserted through Core (no ORM bookkeeping per row: a tenth of a second a 5,000-case import).
_DUE_TABLE = cast(Table, CaseDue.__table__)
BATCH = 4000  # cases per load (the memory of one batch of case files)


def open_cases(case_ids: Iterable[str]) -> Any:
    """The sub-query of those of ``case_ids`` that can have a deadline due."""
    return listed_cases(case_ids).where(Case.deleted.is_(False),
                                        Case.status.in_(sorted(OPEN_STATUSES)))


def due_rows(files: Iterable[tuple[str, CaseFile]],
             policy: DeadlinePolicy = DEFAULT_POLICY) -> list[dict[str, Any]]:
    """The ``case_due`` rows of these case files."""
    return [
        {"case_id": cid, "kind": d.kind.value, "ref": d.ref, "seq": seq, "due_date": d.due,
         "optional": d.optional}
        for cid, case in files
        for seq, d in enumerate(pending_deadlines(case, policy))
    ]


def refresh_cases(s: Session, case_ids: list[str]) -> int:
    """Recompute the rows of ``case_ids`` (any number); returns rows written."""
    written = 0
    for start in range(0, len(case_ids), BATCH):
        chunk = case_ids[start:start + BATCH]
        rows = due_rows(readable_files(s, chunk))
        s.execute(delete(CaseDue).where(CaseDue.case_id.in_(chunk)))
        if rows:
            s.connection().execute(insert(_DUE_TABLE), rows)
        written += len(rows)
    return written


def store_loaded(s: Session, files: dict[str, CaseFile]) -> int:
    """Write the rows of these case files and clear their marks: what
    :func:`refresh_stale` would compute, without loading them again.  ``files``
    must be the cases as they stand in this transaction after their last write (the
    ledger import has them for its completeness check, from the rows it wrote), and
    of cases not deleted (as :func:`open_cases` requires); the closed ones get no
    rows.  Returns rows written."""
    if not files:
        return 0
    rows = due_rows((cid, case) for cid, case in files.items() if case.status in OPEN_STATUSES)
    listed = listed_cases(files).subquery()
    s.execute(delete(CaseDue).where(CaseDue.case_id.in_(select(listed.c.id))))
    if rows:
        s.connection().execute(insert(_DUE_TABLE), rows)
    s.execute(delete(CaseDueStale).where(CaseDueStale.case_id.in_(select(listed.c.id))))
    return len(rows)


def readable_files(s: Session, chunk: list[str]) -> list[tuple[str, CaseFile]]:
    """The case files of ``chunk``; a case whose rows the rules cannot read (a value
    of a newer version pulled from the server) is logged by id and listed without
    deadlines, rather than failing the write that touched it."""
    try:
        return list(load_casefiles(s, open_cases(chunk)).items())
    except ValueError:
        if len(chunk) == 1:
            log.warning("case %s: its file cannot be read; no deadlines listed", chunk[0])
            return []
    return [f for cid in chunk for f in readable_files(s, [cid])]


def refresh_stale(s: Session) -> int:
    """Recompute every case the triggers marked, then clear the marks; returns how
    many cases.  Cheap when nothing is marked (one indexed probe)."""
    s.flush()  # ORM changes reach the tables (and fire the triggers) first
    done = 0
    while True:
        ids = list(s.execute(select(CaseDueStale.case_id).limit(BATCH)).scalars())
        if not ids:
            return done
        refresh_cases(s, ids)
        s.execute(delete(CaseDueStale).where(CaseDueStale.case_id.in_(ids)))
        done += len(ids)


def stale_ids(s: Session) -> list[str]:
    return list(s.execute(select(CaseDueStale.case_id)).scalars())
