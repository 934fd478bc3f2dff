"""The statistics report's maintained tables (schema 0010, issue 13).

A year's report over 100,000 cases took 0.6 s of CPU however it was indexed:
every case of the period had to be joined to its facts, agreements and workflow
(a B-tree seek each) and sorted into groups.  Two derived tables make it a read
of a few thousand pre-counted rows instead:

* ``case_figures`` — per case, what the figures count it by: its dimensions
  (dispute type, source, mediator, its own kind of body or ""), and for each
  family of figures (:class:`mediator.domain.statistics.Basis`) the date that
  counts it (``accepted_on``, ``closed_on``, ``performed_on``, ``confirmed_on``;
  NULL: not counted) with that family's values.  The same definitions as the
  direct statements of :mod:`mediator.services.statistics` (``totals`` counts
  from the source tables and a property test holds the two together).
* ``statistics_day`` — per family, day and dimensions, the sums of those values:
  what ``report`` groups by month and rolls up per dimension.

Derived locally, never synced: every PC counts the rows it holds.  Kept exact by
SQLite triggers alone, in the writing transaction, whoever writes (a service, a
sync pull, the demo generator's bulk inserts, the ledger import, an older app of
the same major): a write to any table a figure reads (:data:`WATCHED`) recomputes
its case's ``case_figures`` row from the source rows (delete, then insert), and
the insert and delete triggers of ``case_figures`` add and subtract the row's
values in ``statistics_day`` (a group whose count falls to 0 is removed, so a
report sees only groups that hold cases).  Nothing is ever adjusted by a delta
computed elsewhere, so a correction, a tombstone or a re-ordered sync pull
cannot leave the sums off.  A new figure or a changed definition needs a
migration that re-creates the triggers and calls :func:`backfill_sql` again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mediator.store.models import Base

SUCCESS_STATUSES = ("agreed", "performing", "followed_up", "confirming", "archived")
PREVENTED = ("criminal", "petition", "fight", "suicide")
GRADES = ("simple", "ordinary", "major")


class CaseFigures(Base):
    """What one (not deleted) case adds to each family of figures (derived, local)."""

    __tablename__ = "case_figures"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dispute_type: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(40), default="")
    mediator_id: Mapped[str] = mapped_column(String(36), default="")
    body_type: Mapped[str] = mapped_column(String(20), default="")  # "": the studio's kind
    accepted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # 受理 (not refused)
    people: Mapped[int] = mapped_column(Integer, default=0)
    group_n: Mapped[int] = mapped_column(Integer, default=0)  # 1: a group dispute
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # 结案日期
    succeeded: Mapped[int] = mapped_column(Integer, default=0)  # 1: success, 0: terminated
    fen: Mapped[int] = mapped_column(Integer, default=0)  # the agreements' amount (success)
    prevented_criminal: Mapped[int] = mapped_column(Integer, default=0)
    prevented_petition: Mapped[int] = mapped_column(Integer, default=0)
    prevented_fight: Mapped[int] = mapped_column(Integer, default=0)
    prevented_suicide: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str] = mapped_column(String(20), default="simple")
    performed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    confirmed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class StatisticsDay(Base):
    """The sums of ``case_figures`` per family, day and dimensions (derived, local).

    ``cases`` is the family's count (accepted, closed, performed, confirmed); the
    other columns belong to one family each (people and group_n: registered; the
    rest: closed) and are 0 elsewhere."""

    __tablename__ = "statistics_day"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012
    basis: Mapped[str] = mapped_column(String(12), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    dispute_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    mediator_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    body_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    people: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    group_n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    succeeded: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    terminated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    amount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_criminal: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_criminal_people: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_petition: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_petition_people: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_fight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_fight_people: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_suicide: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prevented_suicide_people: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    grade_simple: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    grade_ordinary: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    grade_major: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


#: Table -> (its case id column, the columns whose change can move a figure).
WATCHED: dict[str, tuple[str, tuple[str, ...]]] = {
    "case": ("id", ("deleted", "status", "registered_on", "dispute_type", "source",
                    "mediator_id")),
    "case_statistics": ("case_id", ("case_id", "deleted", "people_involved", "group_dispute",
                                    "body_type", "grade", *(f"prevented_{p}" for p in PREVENTED))),
    "case_party": ("case_id", ("case_id", "deleted", "role")),
    "case_workflow": ("case_id", ("case_id", "deleted", "terminated_on")),
    "agreement": ("case_id", ("case_id", "deleted", "kind", "amount_fen", "effective_on")),
    "agreement_detail": ("case_id", ("case_id", "deleted", "agreement_id", "reached_on")),
    "obligation": ("case_id", ("case_id", "deleted", "performed_on")),
    "follow_up": ("case_id", ("case_id", "deleted", "performed", "visited_on")),
    "judicial_application": ("case_id", ("case_id", "deleted", "confirmed", "decided_on")),
}

#: Inserts and deletes that cannot move a figure, left alone (a bulk import adds
#: several parties a case): a party counts only for a case whose people are not stated.
_GUARDS = {"case_party": "NOT EXISTS (SELECT 1 FROM case_statistics s WHERE s.case_id = "
                         "{r}.case_id AND s.deleted IS 0 AND s.people_involved > 0)"}

_STATUSES = ", ".join(f"'{s}'" for s in SUCCESS_STATUSES)
_AGREEMENTS = ("FROM agreement ag LEFT JOIN agreement_detail ad ON ad.agreement_id = ag.id "
               "AND ad.deleted IS 0 WHERE ag.case_id = c.id AND ag.deleted IS 0 "
               "AND ag.kind IN ('written', 'oral')")
_FIGURE_COLUMNS = (
    "case_id, dispute_type, source, mediator_id, body_type, accepted_on, people, group_n, "
    "closed_on, succeeded, fen, prevented_criminal, prevented_petition, prevented_fight, "
    "prevented_suicide, grade, performed_on, confirmed_on")


def _figures_select(where: str) -> str:
    """The ``case_figures`` rows of the cases ``where`` picks (``c`` is the case):
    the definitions of mediator.services.statistics._Queries, one case at a time."""
    obligations = "FROM obligation o WHERE o.case_id = c.id AND o.deleted IS 0"
    columns = {
        "case_id": "c.id",
        "dispute_type": "coalesce(c.dispute_type, '')",
        "source": "coalesce(c.source, '')",
        "mediator_id": "coalesce(c.mediator_id, '')",
        "body_type": "coalesce(cs.body_type, '')",
        "accepted_on": "CASE WHEN c.status != 'refused' THEN c.registered_on END",
        "people": "CASE WHEN cs.people_involved > 0 THEN cs.people_involved ELSE "
                  "(SELECT count(*) FROM case_party p WHERE p.case_id = c.id "
                  "AND p.deleted IS 0 AND p.role != 'agent') END",
        "group_n": "cs.group_dispute IS 1",
        "closed_on": "CASE WHEN wf.terminated_on IS NOT NULL THEN wf.terminated_on "
                     f"WHEN c.status IN ({_STATUSES}) THEN "
                     f"(SELECT min(coalesce(ad.reached_on, ag.effective_on)) {_AGREEMENTS}) END",
        "succeeded": "wf.terminated_on IS NULL",
        "fen": "CASE WHEN wf.terminated_on IS NULL THEN "
               f"(SELECT coalesce(sum(ag.amount_fen), 0) {_AGREEMENTS}) ELSE 0 END",
        **{f"prevented_{p}": f"coalesce(cs.prevented_{p}, 0)" for p in PREVENTED},
        "grade": "coalesce(cs.grade, 'simple')",
        "performed_on": f"CASE WHEN EXISTS (SELECT 1 {obligations}) THEN (SELECT CASE WHEN "
                        f"count(*) = count(o.performed_on) THEN max(o.performed_on) END "
                        f"{obligations}) ELSE (SELECT min(f.visited_on) FROM follow_up f "
                        "WHERE f.case_id = c.id AND f.deleted IS 0 AND f.performed IS 1) END",
        "confirmed_on": "(SELECT j.decided_on FROM judicial_application j WHERE "
                        "j.case_id = c.id AND j.deleted IS 0 AND j.confirmed IS 1)",
    }
    assert ", ".join(columns) == _FIGURE_COLUMNS
    return ("SELECT " + ", ".join(f"{expr} AS {name}" for name, expr in columns.items())
            + ' FROM "case" c LEFT JOIN case_statistics cs ON cs.case_id = c.id '
            "AND cs.deleted IS 0 LEFT JOIN case_workflow wf ON wf.case_id = c.id "
            f"AND wf.deleted IS 0 WHERE c.deleted IS 0 AND {where}")


def _recompute(case_id: str, guard: str = "") -> str:
    """Statements re-deriving one case's row (its delete and insert triggers
    move the sums)."""
    also = f" AND {guard}" if guard else ""
    return (f"DELETE FROM case_figures WHERE case_id = {case_id}{also}; "
            f"INSERT INTO case_figures ({_FIGURE_COLUMNS}) "
            f"{_figures_select(f'c.id = {case_id}{also}')};")


_KEY = "basis, day, dispute_type, source, mediator_id, body_type"
#: Family -> (its date column in case_figures, statistics_day column -> value of a row).
_FAMILIES: dict[str, tuple[str, dict[str, str]]] = {
    "registered": ("accepted_on", {"cases": "1", "people": "{r}.people",
                                   "group_n": "{r}.group_n"}),
    "closed": ("closed_on", {
        "cases": "1", "succeeded": "{r}.succeeded", "terminated": "1 - {r}.succeeded",
        "amount": "{r}.succeeded * {r}.fen",
        **{k: v for p in PREVENTED for k, v in (
            (f"prevented_{p}", f"({{r}}.prevented_{p} > 0)"),
            (f"prevented_{p}_people",
             f"CASE WHEN {{r}}.prevented_{p} > 0 THEN {{r}}.prevented_{p} ELSE 0 END"))},
        **{f"grade_{g}": f"({{r}}.grade = '{g}')" for g in GRADES}}),
    "performed": ("performed_on", {"cases": "1"}),
    "confirmed": ("confirmed_on", {"cases": "1"}),
}


def _add(basis: str) -> str:
    on, values = _FAMILIES[basis]
    cols = ", ".join(values)
    vals = ", ".join(v.format(r="NEW") for v in values.values())
    sets = ", ".join(f"{c} = {c} + excluded.{c}" for c in values)
    return (f"INSERT INTO statistics_day ({_KEY}, {cols}) SELECT '{basis}', NEW.{on}, "
            f"NEW.dispute_type, NEW.source, NEW.mediator_id, NEW.body_type, {vals} "
            f"WHERE NEW.{on} IS NOT NULL ON CONFLICT ({_KEY}) DO UPDATE SET {sets};")


def _subtract(basis: str) -> str:
    on, values = _FAMILIES[basis]
    sets = ", ".join(f"{c} = {c} - ({v.format(r='OLD')})" for c, v in values.items())
    key = (f"basis = '{basis}' AND day = OLD.{on} AND dispute_type = OLD.dispute_type AND "
           "source = OLD.source AND mediator_id = OLD.mediator_id AND body_type = OLD.body_type")
    return (f"UPDATE statistics_day SET {sets} WHERE {key}; "
            f"DELETE FROM statistics_day WHERE {key} AND cases = 0;")


def trigger_ddl() -> list[str]:
    """CREATE TRIGGER statements: source writes recompute their case, and
    ``case_figures`` rows add to and subtract from ``statistics_day``."""
    out = []
    for basis, (on, _values) in _FAMILIES.items():  # only the families a case counts in
        out.append(f"CREATE TRIGGER IF NOT EXISTS case_figures_{basis}_ins AFTER INSERT ON "
                   f"case_figures WHEN NEW.{on} IS NOT NULL BEGIN {_add(basis)} END")
        out.append(f"CREATE TRIGGER IF NOT EXISTS case_figures_{basis}_del AFTER DELETE ON "
                   f"case_figures WHEN OLD.{on} IS NOT NULL BEGIN {_subtract(basis)} END")
    for table, (key, columns) in WATCHED.items():
        new, old = f"NEW.{key}", f"OLD.{key}"
        guard = _GUARDS.get(table, "")
        when_new = f" WHEN {guard.format(r='NEW')}" if guard else ""
        when_old = f" WHEN {guard.format(r='OLD')}" if guard else ""
        out.append(f"CREATE TRIGGER IF NOT EXISTS figures_{table}_ins AFTER INSERT ON "
                   f'"{table}"{when_new} BEGIN {_recompute(new)} END')
        out.append(f"CREATE TRIGGER IF NOT EXISTS figures_{table}_upd AFTER UPDATE OF "
                   f'{", ".join(columns)} ON "{table}" BEGIN {_recompute(new)} '
                   f"{_recompute(old, f'{old} IS NOT {new}')} END")
        out.append(f"CREATE TRIGGER IF NOT EXISTS figures_{table}_del AFTER DELETE ON "
                   f'"{table}"{when_old} BEGIN {_recompute(old)} END')
    return out


def trigger_names() -> list[str]:
    return [*(f"case_figures_{b}_{op}" for b in _FAMILIES for op in ("ins", "del")),
            *(f"figures_{t}_{op}" for t in WATCHED for op in ("ins", "upd", "del"))]


def _day_select(basis: str, figures: str) -> str:
    """``statistics_day``'s rows of one family, summed afresh from ``figures``
    (a table or a parenthesised SELECT of ``case_figures`` rows)."""
    on, values = _FAMILIES[basis]
    sums = ", ".join(f"sum({v.format(r='f')})" for v in values.values())
    return (f"SELECT '{basis}', f.{on}, f.dispute_type, f.source, f.mediator_id, f.body_type, "
            f"{sums} FROM {figures} f WHERE f.{on} IS NOT NULL "
            f"GROUP BY f.{on}, f.dispute_type, f.source, f.mediator_id, f.body_type")


def recount_sql() -> dict[str, tuple[str, str]]:
    """What the maintained tables must hold, counted afresh from the source rows
    (the check of the triggers): table/family -> (maintained rows, recounted rows),
    both as SELECTs of the same columns."""
    out = {"case_figures": (f"SELECT {_FIGURE_COLUMNS} FROM case_figures",
                            _figures_select("1"))}
    for basis, (_on, values) in _FAMILIES.items():
        out[basis] = (f"SELECT {_KEY}, {', '.join(values)} FROM statistics_day "
                      f"WHERE basis = '{basis}'",
                      _day_select(basis, f"({_figures_select('1')})"))
    return out


def backfill_sql() -> list[str]:
    """Statements filling both (empty) tables from the source rows; run before the
    triggers exist, which would otherwise count every row twice."""
    out = [f"INSERT INTO case_figures ({_FIGURE_COLUMNS}) {_figures_select('1')}"]
    for basis, (_on, values) in _FAMILIES.items():
        out.append(f"INSERT INTO statistics_day ({_KEY}, {', '.join(values)}) "
                   f"{_day_select(basis, 'case_figures')}")
    return out
