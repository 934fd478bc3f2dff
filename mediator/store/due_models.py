"""The maintained due-date table behind the Today view (schema 0009, issue 15).

``case_due`` holds, per open case, every deadline not yet met, with its due
date: what :func:`mediator.domain.deadlines.pending_deadlines` gives for the
case file.  Whether a row needs attention depends only on the day asked about,
so Today is one index range on ``(optional, due_date, …)`` — as long as the rows
are due, not as long as the studio's history.

Derived locally, never synced: every PC computes it from the rows it holds
(its own writes and the rows a pull applies), with the same rules, so there is
nothing to reconcile and no server change.  A newer rule needs no migration of
the server either: a local migration refreshes the table.

Kept current by SQLite triggers plus a refresh before each commit: any insert,
update or delete of a row the deadline rules read (:data:`WATCHED`) marks its
case in ``case_due_stale`` — whoever writes it (a service, the demo generator's
bulk insert, a sync pull, an older app of the same major) — and the unit of
work recomputes the marked cases before it commits
(:func:`mediator.services.workflow.due_table.refresh_stale`).  A case left
marked (written by an older app) is judged live by the Today view until the
next write refreshes it.  A rule that starts reading another table must add it
to :data:`WATCHED` (and a migration re-creating the triggers).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mediator.store.models import Base


class CaseDue(Base):
    """One unmet deadline of an open case (derived, local only)."""

    __tablename__ = "case_due"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # DeadlineKind value
    ref: Mapped[str] = mapped_column(String(36), primary_key=True, default="")
    seq: Mapped[int] = mapped_column(Integer)  # its place in the case's deadlines
    due_date: Mapped[dt.date] = mapped_column(Date)
    optional: Mapped[bool] = mapped_column(Boolean)  # a window that lapses, never overdue

    __table_args__ = (
        # Today's two ranges (required: due by the horizon; optional: still open)
        # in display order, and their counts, from the index alone.
        Index("ix_case_due_when", "optional", "due_date", "kind", "case_id", "seq"),
    )


class CaseDueStale(Base):
    """A case whose ``case_due`` rows must be recomputed (marked by triggers)."""

    __tablename__ = "case_due_stale"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)


#: Table -> (its case id column, the columns whose change can move a deadline;
#: empty: any column).  What :mod:`mediator.domain.deadlines` reads of a case file.
WATCHED: dict[str, tuple[str, tuple[str, ...]]] = {
    "case": ("id", ("status", "registered_on", "source", "dispute_type", "deleted")),
    "case_party": ("case_id", ("role", "deleted", "case_id")),
    "agreement": ("case_id", ()),
    "agreement_detail": ("case_id", ()),
    "obligation": ("case_id", ()),
    "follow_up": ("case_id", ("visited_on", "deleted", "case_id")),
    "case_workflow": ("case_id", ()),
    "term_extension": ("case_id", ()),
    "judicial_application": ("case_id", ()),
}


def trigger_ddl() -> list[str]:
    """CREATE TRIGGER statements marking a case stale on every watched write."""
    out = []
    for table, (key, columns) in WATCHED.items():
        mark = "INSERT OR IGNORE INTO case_due_stale (case_id) VALUES ({}.{});"
        of = f" OF {', '.join(columns)}" if columns else ""
        out.append(f'CREATE TRIGGER IF NOT EXISTS case_due_{table}_ins AFTER INSERT ON "{table}" '
                   f"BEGIN {mark.format('NEW', key)} END")
        out.append(f'CREATE TRIGGER IF NOT EXISTS case_due_{table}_upd AFTER UPDATE{of} '
                   f'ON "{table}" BEGIN {mark.format("NEW", key)} '
                   f"{mark.format('OLD', key)} END")
        out.append(f'CREATE TRIGGER IF NOT EXISTS case_due_{table}_del AFTER DELETE ON "{table}" '
                   f"BEGIN {mark.format('OLD', key)} END")
    return out


def trigger_names() -> list[str]:
    return [f"case_due_{t}_{op}" for t in WATCHED for op in ("ins", "upd", "del")]
