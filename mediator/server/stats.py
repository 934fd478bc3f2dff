"""District statistics: the studios' synced cases counted on the server, in SQL.

The server keeps each studio's rows as JSON (``row.data``); the figures here are
``SELECT … GROUP BY`` statements over those rows — one per family of figures,
grouped by studio, dispute type and month at once and rolled up in Python over
the aggregated cells (a few hundred at most), never over case rows.

The figures and which date counts each one are the desktop's
(:mod:`mediator.domain.statistics`): accepted by 受理日期 (refused cases never
count), succeeded / terminated / closed and the agreement amount by 结案日期 —
the earliest date an agreement (written or oral; an addendum is none) was reached
(its detail's ``reached_on``, else the agreement's ``effective_on``) for a case
in a success status and not terminated, or the workflow's ``terminated_on``.
Success rate = succeeded ÷ closed.  Deleted rows never count.

On PostgreSQL the period filters run on expression indexes (migration 0004), so a
month of a district with a million cases reads the month's rows, not the table.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from mediator.domain.statistics import FIGURES_BY_CODE, Period, success_rate
from mediator.domain.status import STATUS_LABELS_ZH, CaseStatus

#: The same statuses and agreement kinds as the desktop's services.statistics.
SUCCESS_STATUSES = tuple(s.value for s in (
    CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.FOLLOWED_UP, CaseStatus.CONFIRMING,
    CaseStatus.ARCHIVED))
AGREEMENT_KINDS = ("written", "oral")
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


class _Sql:
    """SQL text of one dialect: JSON fields by constant keys (the PostgreSQL
    expression indexes match only a literal key), every value a bound parameter."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def j(self, alias: str, key: str) -> str:
        assert re.fullmatch(r"[a-z_]+", key)
        if self.pg:
            return f"({alias}.data ->> '{key}')"
        return f"json_extract({alias}.data, '$.{key}')"

    def live(self, alias: str, entity: str) -> str:
        return f"{alias}.entity = '{entity}' AND {alias}.deleted = {self.false}"

    @property
    def false(self) -> str:
        return "false" if self.pg else "0"

    def month(self, expr: str) -> str:
        return f"substr({expr}, 1, 7)"

    def in_list(self, values: Iterable[str]) -> str:
        return "(" + ", ".join(f"'{v}'" for v in values) + ")"  # our constants only

    # ------------------------------------------------------------------ families
    def accepted(self) -> str:
        j = self.j
        return (f"SELECT c.studio_id AS studio_id, c.id AS case_id, "
                f"{j('c', 'registered_on')} AS on_ FROM row c "
                f"WHERE {self.live('c', 'case')} "
                f"AND {j('c', 'registered_on')} BETWEEN :start AND :end "
                f"AND {j('c', 'status')} <> '{CaseStatus.REFUSED.value}'")

    def closings(self) -> str:
        """(studio_id, case_id, on_, outcome, fen) of every case closed in the period."""
        j = self.j
        reached = f"COALESCE({j('d', 'reached_on')}, {j('a', 'effective_on')})"
        # Cases with an agreement date in the period (index ranges), then the earliest
        # date over all their agreements: a case closed in March and amended in May
        # is not counted in May.
        candidates = (
            f"SELECT a.studio_id, {j('a', 'case_id')} AS case_id FROM row a "
            f"WHERE {self.live('a', 'agreement')} "
            f"AND {j('a', 'effective_on')} BETWEEN :start AND :end "
            f"UNION SELECT d.studio_id, {j('d', 'case_id')} FROM row d "
            f"WHERE {self.live('d', 'agreement_detail')} "
            f"AND {j('d', 'reached_on')} BETWEEN :start AND :end")
        agreed = (
            f"SELECT a.studio_id AS studio_id, {j('a', 'case_id')} AS case_id, "
            f"MIN({reached}) AS on_, "
            f"SUM(COALESCE(CAST({j('a', 'amount_fen')} AS BIGINT), 0)) AS fen "
            f"FROM ({candidates}) k JOIN row a ON a.studio_id = k.studio_id "
            f"AND {j('a', 'case_id')} = k.case_id AND {self.live('a', 'agreement')} "
            f"AND {j('a', 'kind')} IN {self.in_list(AGREEMENT_KINDS)} "
            f"LEFT JOIN row d ON d.studio_id = a.studio_id "
            f"AND {self.live('d', 'agreement_detail')} AND {j('d', 'agreement_id')} = a.id "
            f"GROUP BY a.studio_id, {j('a', 'case_id')} "
            f"HAVING MIN({reached}) BETWEEN :start AND :end")
        success = (
            f"SELECT g.studio_id, g.case_id, g.on_, 'succeeded' AS outcome, g.fen "
            f"FROM ({agreed}) g JOIN row c ON c.studio_id = g.studio_id AND c.id = g.case_id "
            f"AND {self.live('c', 'case')} "
            f"AND {j('c', 'status')} IN {self.in_list(SUCCESS_STATUSES)} "
            f"WHERE NOT EXISTS (SELECT 1 FROM row w WHERE w.studio_id = g.studio_id "
            f"AND {self.live('w', 'case_workflow')} AND {j('w', 'case_id')} = g.case_id "
            f"AND {j('w', 'terminated_on')} IS NOT NULL)")
        ended = (
            f"SELECT w.studio_id, {j('w', 'case_id')}, {j('w', 'terminated_on')}, "
            f"'terminated', 0 FROM row w WHERE {self.live('w', 'case_workflow')} "
            f"AND {j('w', 'terminated_on')} BETWEEN :start AND :end")
        return f"{success} UNION ALL {ended}"

    def grouped(self, family: str, measures: str, studio: bool) -> str:
        """``family`` joined to its case, grouped by studio, dispute type and month."""
        j = self.j
        where = " AND f.studio_id = :studio_id" if studio else ""
        return (f"SELECT f.studio_id AS studio_id, {j('c', 'dispute_type')} AS dispute_type, "
                f"{self.month('f.on_')} AS month, {measures} "
                f"FROM ({family}) f JOIN row c ON c.studio_id = f.studio_id "
                f"AND c.id = f.case_id AND {self.live('c', 'case')}{where} "
                f"GROUP BY f.studio_id, {j('c', 'dispute_type')}, {self.month('f.on_')}")


_ACCEPTED_MEASURES = "COUNT(*) AS accepted"
_CLOSED_MEASURES = ("COUNT(*) AS closed, "
                    "SUM(CASE WHEN f.outcome = 'succeeded' THEN 1 ELSE 0 END) AS succeeded, "
                    "SUM(CASE WHEN f.outcome = 'terminated' THEN 1 ELSE 0 END) AS terminated, "
                    "SUM(CASE WHEN f.outcome = 'succeeded' THEN f.fen ELSE 0 END) AS amount")


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
    """The period's figures, district-wide or for one studio."""
    sql = _Sql(conn.dialect.name)
    params: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    if studio_id is not None:
        params["studio_id"] = studio_id
    names = studios(conn)
    totals = _empty()
    by_studio: dict[str, Cells] = {}
    if studio_id is None:
        by_studio = {name: _empty() for name in sorted(names.values())}
    elif studio_id in names:
        by_studio = {names[studio_id]: _empty()}
    by_type: dict[str, Cells] = {}
    by_month: dict[str, Cells] = {}
    for family, measures in ((sql.accepted(), _ACCEPTED_MEASURES),
                             (sql.closings(), _CLOSED_MEASURES)):
        stmt = text(sql.grouped(family, measures, studio_id is not None))
        for row in conn.execute(stmt, params).mappings():
            values = {k: int(row[k] or 0) for k in row if k in ADDITIVE}
            keyed = ((totals,),
                     (by_studio.setdefault(names.get(row["studio_id"], "?"), _empty()),),
                     (by_type.setdefault(str(row["dispute_type"] or ""), _empty()),),
                     (by_month.setdefault(str(row["month"] or ""), _empty()),))
            for (cells,) in keyed:
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
    sql = _Sql(conn.dialect.name)
    j = sql.j
    family = sql.accepted() if figure == "accepted" else sql.closings()
    outcome = "''" if figure == "accepted" else "f.outcome"
    conds = []
    params: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                              "limit": DRILL_LIMIT}
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
        conds.append(f"{j('c', 'dispute_type')} = :dispute_type")
        params["dispute_type"] = dispute_type
    if month is not None:
        conds.append(f"{sql.month('f.on_')} = :month")
        params["month"] = month
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    stmt = text(
        f"SELECT {j('c', 'case_no')} AS case_no, s.name AS studio, "
        f"{j('c', 'dispute_type')} AS dispute_type, {j('c', 'status')} AS status, "
        f"{j('c', 'registered_on')} AS registered_on, f.on_ AS on_, {outcome} AS outcome "
        f"FROM ({family}) f JOIN row c ON c.studio_id = f.studio_id AND c.id = f.case_id "
        f"AND {sql.live('c', 'case')} JOIN studio s ON s.id = f.studio_id {where} "
        f"ORDER BY f.on_, s.name, {j('c', 'case_no')} LIMIT :limit")
    lines = []
    for r in conn.execute(stmt, params).mappings():
        lines.append(CaseLine(str(r["case_no"] or ""), str(r["studio"]),
                              str(r["dispute_type"] or ""), str(r["status"] or ""),
                              str(r["registered_on"] or ""),
                              "" if figure == "accepted" else str(r["on_"] or ""),
                              str(r["outcome"] or "")))
    return lines


def status_label(code: str) -> str:
    try:
        return STATUS_LABELS_ZH[CaseStatus(code)]
    except ValueError:
        return code


OUTCOME_LABELS = {"succeeded": "调解成功", "terminated": "调解不成", "": ""}
