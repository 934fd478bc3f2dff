"""The report's maintained tables (case_figures, statistics_day) stay equal to a
recount from the source rows through every kind of write a studio's database sees:
services, corrections, tombstones, terminations, rows a sync pull applies in any
order, hard deletes, a row moved to another case; and an upgraded database is
filled by its migration."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import text

from mediator.domain.statistics import FIGURES, Period
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.statistics import StatisticsService
from mediator.services.workspace import Workspace
from mediator.store.figures_models import recount_sql
from mediator.store.workflow_models import CaseWorkflow
from tests.services.statistics_cases import build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
YEAR = Period.year(2026)


def _rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    with ws.db.read() as s:
        return sorted((tuple(r) for r in s.execute(text(sql))), key=repr)


def assert_maintained(ws: Workspace) -> None:
    """Both tables as a recount makes them, and the report as counted apart."""
    for name, (maintained, recounted) in recount_sql().items():
        assert _rows(ws, maintained) == _rows(ws, recounted), name
    stats = StatisticsService(ws.db, ws.studio.context, ws.catalogue.label)
    for period in (YEAR, Period.month(2026, 3), Period.custom(dt.date(2025, 7, 9),
                                                               dt.date(2026, 3, 17))):
        report = stats.report(period)
        assert report.totals == stats.totals(period), period
        assert report.breakdowns == stats.recount(period).breakdowns, period


def _sql(ws: Workspace, sql: str, **params: Any) -> None:
    with ws.db.write() as s:
        s.execute(text(sql), params)


def _one(ws: Workspace, sql: str, **params: Any) -> Any:
    with ws.db.read() as s:
        return s.execute(text(sql), params).scalar()


def test_corrections_tombstones_and_terminations_keep_the_sums(workspace: Workspace) -> None:
    ids = build(workspace)
    demo.generate(workspace, 40, seed=7, today=dt.date(2026, 12, 1))
    assert_maintained(workspace)
    stats = StatisticsService(workspace.db, workspace.studio.context, workspace.catalogue.label)
    march = Period.month(2026, 3)
    before = stats.report(march).totals
    # A correction of c1's type and mediator moves it between breakdown rows only.
    _sql(workspace, "UPDATE \"case\" SET dispute_type = 'contract', mediator_id = NULL "
         "WHERE id = :c", c=ids["c1"])
    assert_maintained(workspace)
    assert stats.report(march).totals == before
    # c1's agreement tombstoned: it no longer succeeded, nor counts its amount.
    _sql(workspace, "UPDATE agreement SET deleted = 1 WHERE case_id = :c", c=ids["c1"])
    assert_maintained(workspace)
    after = stats.report(march).totals
    assert (after["succeeded"], after["amount"]) == (int(before["succeeded"] or 0) - 1,
                                                      int(before["amount"] or 0) - 320000)
    _sql(workspace, "UPDATE agreement SET deleted = 0 WHERE case_id = :c", c=ids["c1"])
    assert stats.report(march).totals == before
    # c3 terminated after all: closed once, as terminated, on its own date.
    studio, _me = workspace.studio.context()
    with workspace.db.write() as s:
        s.add(CaseWorkflow(case_id=ids["c3"], terminated_on=dt.date(2026, 3, 20),
                           studio_id=studio.id))
    assert_maintained(workspace)
    t = stats.report(march).totals
    assert (t["closed"], t["succeeded"], t["terminated"]) == (3, 1, 2)
    # c2 tombstoned: counts nowhere; the facts of c8 and its people changed.
    _sql(workspace, "UPDATE \"case\" SET deleted = 1 WHERE id = :c", c=ids["c2"])
    _sql(workspace, "UPDATE case_statistics SET people_involved = 0, body_type = 'township' "
         "WHERE case_id = :c", c=ids["c8"])
    assert_maintained(workspace)
    assert stats.report(march).totals["accepted"] == 3
    # Parties added and an agent: c3 had no facts, its principals are its people.
    _sql(workspace, "UPDATE case_party SET role = 'agent' WHERE case_id = :c AND id = "
         "(SELECT min(id) FROM case_party WHERE case_id = :c AND role != 'agent')",
         c=ids["c3"])
    assert_maintained(workspace)


def test_sync_order_hard_deletes_and_moved_rows_keep_the_sums(workspace: Workspace) -> None:
    build(workspace)
    demo.generate(workspace, 60, seed=11, today=dt.date(2026, 12, 1))
    # A pull re-applies a case file's rows: all gone (hard deletes), then back one
    # table at a time, the agreements first (as a sync batch applies them).
    case_id = _one(workspace, "SELECT case_id FROM agreement WHERE deleted = 0 "
                              "ORDER BY case_id LIMIT 1")
    tables = ["case_statistics", "case_party", "case_workflow", "agreement_detail",
              "obligation", "follow_up", "judicial_application", "agreement"]
    with workspace.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        saved = {t: [dict(r) for r in s.execute(text(f'SELECT * FROM "{t}" WHERE case_id = :c'),
                                                {"c": case_id}).mappings()] for t in tables}
        for t in tables:
            s.execute(text(f'DELETE FROM "{t}" WHERE case_id = :c'), {"c": case_id})
        assert_rows_equal_in(s)
        for t in ["agreement", *tables[:-1]]:
            for row in saved[t]:
                cols = ", ".join(f'"{k}"' for k in row)
                s.execute(text(f'INSERT INTO "{t}" ({cols}) VALUES '
                               f"({', '.join(':' + k for k in row)})"), row)
            assert_rows_equal_in(s)
    assert_maintained(workspace)
    # A follow-up moved to another case, an obligation hard-deleted.
    other = _one(workspace, "SELECT id FROM \"case\" WHERE id != :c AND deleted = 0 "
                            "ORDER BY id LIMIT 1", c=case_id)
    _sql(workspace, "UPDATE follow_up SET case_id = :o WHERE case_id = :c", o=other, c=case_id)
    _sql(workspace, "DELETE FROM obligation WHERE id = (SELECT min(id) FROM obligation "
                    "WHERE id NOT IN (SELECT obligation_id FROM payment))")
    assert_maintained(workspace)


def assert_rows_equal_in(s: Any) -> None:
    """The invariant inside an open transaction, table by table of a pull."""
    for name, (maintained, recounted) in recount_sql().items():
        got = sorted((tuple(r) for r in s.execute(text(maintained))), key=repr)
        want = sorted((tuple(r) for r in s.execute(text(recounted))), key=repr)
        assert got == want, name


def test_an_upgraded_database_is_counted_by_its_migration(tmp_path: Path) -> None:
    data = DataDir.resolve(tmp_path / "d").ensure()
    shutil.copyfile(FIXTURES / "schema-0008.sqlite3", data.database)
    with Workspace(data) as ws:
        assert _one(ws, "SELECT count(*) FROM case_figures") == \
            _one(ws, 'SELECT count(*) FROM "case" WHERE deleted = 0') > 0
        assert_maintained(ws)
        stats = StatisticsService(ws.db, ws.studio.context, ws.catalogue.label)
        everything = Period.custom(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
        report, apart = stats.report(everything), stats.totals(everything)
        assert report.totals == apart and int(apart["accepted"] or 0) > 0
        for rows in report.breakdowns.values():
            for f in FIGURES:
                if f.additive:
                    assert sum(int(r[f.code] or 0) for r in rows.values()) == apart[f.code]
