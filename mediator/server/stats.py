"""District statistics: the studios' synced cases counted on the server, in SQL.

The figures and which date counts each one are the desktop's
(:mod:`mediator.domain.statistics`): accepted by 受理日期 (refused cases never
count), succeeded / terminated / closed and the agreement amount by 结案日期 —
the earliest date an agreement (written or oral; an addendum is none) was reached
for a case in a success status and not terminated, or the workflow's
``terminated_on``.  Success rate = succeeded ÷ closed.  Deleted rows never count.

The server keeps each studio's rows as JSON; those rules are applied once per case
into ``district_case_fact`` (:mod:`mediator.server.stats_facts`, refreshed from the
feeds before a report).  A district-wide report sums ``district_day_total`` (per
day, each studio's and each dispute type's counts, kept with the facts): a year is
about 365 × (studios + types) rows, not a year of cases (1.6 s at a million cases
on PostgreSQL before).  One studio's report (its types need the facts) is two
``SELECT … GROUP BY`` statements over the narrow facts, grouped by studio, dispute
type and month at once and rolled up in Python over the aggregated cells.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from mediator.domain.statistics import FIGURES_BY_CODE, Period, success_rate
from mediator.domain.status import STATUS_LABELS_ZH, CaseStatus
from mediator.server import stats_facts
from mediator.server.db import ServerDB

#: The figures the district view shows (codes of domain.statistics.FIGURES).
CODES = ("accepted", "closed", "succeeded", "terminated", "success_rate", "amount")
ADDITIVE = tuple(c for c in CODES if FIGURES_BY_CODE[c].additive)
DRILLABLE = ("accepted", "closed", "succeeded", "terminated", "amount")
#: Case lists of a drill-down stop here (a page, not a dump of the district).
DRILL_LIMIT = 2000

Cells = dict[str, int | float | None]


class PeriodError(ValueError):
    """A period the user typed that we cannot read (the message is Chinese)."""


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_CUSTOM = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.|~|至)(\d{4}-\d{2}-\d{2})$")
PERIOD_HELP = ("期间写法：2026-11（月）、2026-Q4（季度）、2026（年）"
               "或 2026-11-01..2026-11-15（自定）")


def parse_period(raw: str) -> Period:
    """``2026-11``, ``2026-Q4``, ``2026`` or ``2026-11-01..2026-11-15``."""
    value = raw.strip()
    try:
        if m := _MONTH.match(value):
            if 1 <= int(m[2]) <= 12:
                return Period.month(int(m[1]), int(m[2]))
        elif m := _QUARTER.match(value):
            return Period.quarter(int(m[1]), int(m[2]))
        elif m := _YEAR.match(value):
            return Period.year(int(m[1]))
        elif m := _CUSTOM.match(value):
            return Period.custom(dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]))
    except ValueError:
        pass
    raise PeriodError(f"无法识别的期间“{value[:40]}”。{PERIOD_HELP}。")


def period_key(period: Period) -> str:
    """The text :func:`parse_period` reads back (for links and forms)."""
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


@dataclass
class DistrictReport:
    period: Period
    totals: Cells
    by_studio: dict[str, Cells]  # studio name -> figures
    by_type: dict[str, Cells]  # dispute type code -> figures
    by_month: dict[str, Cells]  # 'YYYY-MM' of each figure's own date -> figures
    studio_ids: dict[str, str] = field(default_factory=dict)  # name -> id


@dataclass(frozen=True)
class CaseLine:
    """One case behind a number: nothing that identifies a person."""

    case_no: str
    studio: str
    dispute_type: str
    status: str
    registered_on: str
    closed_on: str
    outcome: str  # succeeded | terminated | ""


_ACCEPTED = ("SELECT studio_id, dispute_type, substr(registered_on, 1, 7) AS month, "
             "COUNT(*) AS accepted FROM district_case_fact "
             "WHERE registered_on BETWEEN :start AND :end AND status <> 'refused'{studio} "
             "GROUP BY studio_id, dispute_type, substr(registered_on, 1, 7)")
_CLOSED = ("SELECT studio_id, dispute_type, substr(closed_on, 1, 7) AS month, "
           "COUNT(*) AS closed, "
           "SUM(CASE WHEN outcome = 'succeeded' THEN 1 ELSE 0 END) AS succeeded, "
           "SUM(CASE WHEN outcome = 'terminated' THEN 1 ELSE 0 END) AS terminated, "
           "SUM(fen) AS amount FROM district_case_fact "
           "WHERE closed_on BETWEEN :start AND :end{studio} "
           "GROUP BY studio_id, dispute_type, substr(closed_on, 1, 7)")
#: District-wide: the per-day totals, by studio ('s') and by dispute type ('t').
_DAYS = ("SELECT dim, key, substr(day, 1, 7) AS month, SUM(accepted) AS accepted, "
         "SUM(closed) AS closed, SUM(succeeded) AS succeeded, SUM(terminated) AS terminated, "
         "SUM(fen) AS amount FROM district_day_total WHERE day BETWEEN :start AND :end "
         "GROUP BY dim, key, substr(day, 1, 7)")


def refresh_facts(db: ServerDB) -> None:
    """Bring the per-case facts up to the studios' feeds (a cheap look when none
    moved; the write lock only when one did)."""
    with db.connect() as conn:
        behind = conn.execute(text(
            "SELECT 1 FROM studio s LEFT JOIN district_fact_cursor f ON f.studio_id = s.id "
            "WHERE f.seq IS NULL OR f.seq < s.feed_seq LIMIT 1")).first()
    if behind is not None:
        with db.write_conn() as conn:
            stats_facts.refresh(conn)


def _empty() -> Cells:
    return {code: 0 for code in ADDITIVE} | {"success_rate": None}


def _finish(cells: Cells) -> None:
    cells["success_rate"] = success_rate(int(cells["succeeded"] or 0),
                                         int(cells["closed"] or 0))


def studios(conn: Connection) -> dict[str, str]:
    """Studio id -> name, every studio of the district."""
    return {str(i): str(n) for i, n in conn.execute(text("SELECT id, name FROM studio"))}


def district_report(conn: Connection, period: Period, studio_id: str | None = None
                    ) -> DistrictReport:
    """The period's figures, district-wide or for one studio, from the facts as
    :func:`refresh_facts` left them."""
    params: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    only = ""
    if studio_id is not None:
        params["studio_id"] = studio_id
        only = " AND studio_id = :studio_id"
    names = studios(conn)
    totals = _empty()
    by_studio: dict[str, Cells] = {}
    if studio_id is None:
        by_studio = {name: _empty() for name in sorted(names.values())}
    elif studio_id in names:
        by_studio = {names[studio_id]: _empty()}
    by_type: dict[str, Cells] = {}
    by_month: dict[str, Cells] = {}
    if studio_id is None:
        for row in conn.execute(text(_DAYS), params).mappings():
            values = {k: int(row[k] or 0) for k in row if k in ADDITIVE}
            if not values["accepted"] and not values["closed"]:
                continue  # cases moved or deleted: as if none were there
            groups: tuple[Cells, ...]
            if row["dim"] == "s":
                groups = (totals, by_month.setdefault(str(row["month"] or ""), _empty()),
                          by_studio.setdefault(names.get(row["key"], "?"), _empty()))
            else:
                groups = (by_type.setdefault(str(row["key"] or ""), _empty()),)
            for cells in groups:
                for k, v in values.items():
                    cells[k] = int(cells[k] or 0) + v
    for statement in (_ACCEPTED, _CLOSED) if studio_id is not None else ():
        for row in conn.execute(text(statement.format(studio=only)), params).mappings():
            values = {k: int(row[k] or 0) for k in row if k in ADDITIVE}
            for cells in (totals,
                          by_studio.setdefault(names.get(row["studio_id"], "?"), _empty()),
                          by_type.setdefault(str(row["dispute_type"] or ""), _empty()),
                          by_month.setdefault(str(row["month"] or ""), _empty())):
                for k, v in values.items():
                    cells[k] = int(cells[k] or 0) + v
    for cells in (totals, *by_studio.values(), *by_type.values(), *by_month.values()):
        _finish(cells)
    return DistrictReport(period, totals, by_studio, dict(sorted(by_type.items())),
                          dict(sorted(by_month.items())),
                          {n: i for i, n in names.items()})


class ReportCache:
    """Reports by (period, studio) while no studio's feed has moved: every synced
    change raises its studio's ``feed_seq``, so the sum over the studios (and their
    count) tells exactly when a kept report may be stale.  Twenty people looking at
    this month's page then cost one aggregate, not twenty.  Per process; small."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._kept: dict[tuple[Any, ...], DistrictReport] = {}
        self._lock = threading.Lock()

    def report(self, conn: Connection, period: Period, studio_id: str | None = None
               ) -> DistrictReport:
        mark = tuple(conn.execute(text(
            "SELECT COALESCE(SUM(feed_seq), 0), COUNT(*) FROM studio")).one())
        key = (period.start, period.end, studio_id, mark)
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None:
            return kept
        fresh = district_report(conn, period, studio_id)
        with self._lock:
            if len(self._kept) >= self.size:
                self._kept.clear()
            self._kept[key] = fresh
        return fresh


def drill_down(conn: Connection, period: Period, figure: str, *, studio_id: str | None = None,
               dispute_type: str | None = None, month: str | None = None) -> list[CaseLine]:
    """The cases behind one number (the very condition it is counted by), at most
    :data:`DRILL_LIMIT`, in date order.  Case number, studio, type, status, dates —
    never a party's name, ID number, phone or address."""
    if figure not in DRILLABLE:
        raise ValueError(figure)
    on = "f.registered_on" if figure == "accepted" else "f.closed_on"
    conds = [f"{on} BETWEEN :start AND :end"]
    params: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                              "limit": DRILL_LIMIT}
    if figure == "accepted":
        conds.append("f.status <> 'refused'")
    if figure in ("succeeded", "amount"):
        conds.append("f.outcome = 'succeeded'")
    if figure == "amount":
        conds.append("f.fen > 0")
    if figure == "terminated":
        conds.append("f.outcome = 'terminated'")
    if studio_id is not None:
        conds.append("f.studio_id = :studio_id")
        params["studio_id"] = studio_id
    if dispute_type is not None:
        conds.append("f.dispute_type = :dispute_type")
        params["dispute_type"] = dispute_type
    if month is not None:
        conds.append(f"substr({on}, 1, 7) = :month")
        params["month"] = month
    stmt = text(
        "SELECT f.case_no, s.name AS studio, f.dispute_type, f.status, f.registered_on, "
        "f.closed_on, f.outcome FROM district_case_fact f JOIN studio s ON s.id = f.studio_id "
        f"WHERE {' AND '.join(conds)} ORDER BY {on}, s.name, f.case_no LIMIT :limit")
    return [CaseLine(str(r["case_no"]), str(r["studio"]), str(r["dispute_type"]),
                     str(r["status"]), str(r["registered_on"]),
                     "" if figure == "accepted" else str(r["closed_on"] or ""),
                     "" if figure == "accepted" else str(r["outcome"]))
            for r in conn.execute(stmt, params).mappings()]


def status_label(code: str) -> str:
    try:
        return STATUS_LABELS_ZH[CaseStatus(code)]
    except ValueError:
        return code


OUTCOME_LABELS = {"succeeded": "调解成功", "terminated": "调解不成", "": ""}
