"""District statistics over 1,000,000 synced cases on PostgreSQL, and the dashboard
page under 20 concurrent viewers.

Seeding: 50 studios and 1,000,000 ``case`` rows over three years (2024-2026), with
the agreements, agreement details and terminations a real district would hold
(about 2.1 million rows), made by ``INSERT … SELECT generate_series`` in SQL —
pushing them through the sync API would take hours here.  The rows are shaped as
the desktop pushes them (the same JSON fields the statistics read).  Kept between
runs (a marker studio); the tests drop the schema, so a run after them seeds again.

1. The per-case facts' refresh (stats_facts): the first over every case, then
   after 2,000 cases were synced again.  Then ``stats.district_report`` for a
   month, a quarter and a year (median and p95 of 10 runs), next to ``SELECT
   count(*)`` of the cases in the same run.  Target (issue 13): ≤ 1 s (p95, each period).
2. /dashboard for that month: 20 threads, each its own logged-in client, 10 pages
   each, against the real server process (default workers on PostgreSQL); the
   baseline is /health under the same load.  Target: p95 ≤ 300 ms.

PostgreSQL URL: ``--db``, else ``MEDIATOR_BENCH_PG_URL``, else ``MEDIATOR_TEST_PG_URL``
(.ci/pg.sh; `make bench` runs it first); none: the figures are SKIPPED, with a note.
The data stays in that database for the next run.

    python -m benchmarks.bench_district_stats [--db URL] [--cases N] [--viewers N]
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import text

from benchmarks.common import Figure, ms, p95, report, skipped, timings
from mediator.domain.statistics import Period
from mediator.server import stats
from mediator.server.db import ServerDB
from tests.sync.harness import ServerProcess

MARKER = "基准测试区-百万案件"
STUDIOS = 50
ACCOUNT, PASSWORD = "基准区司法局", "benchmark pass 1"
TYPES = ("marriage_family", "neighbour", "housing_homestead", "contract", "business",
         "damages", "forest_land", "land_requisition", "environment", "labour", "consumer",
         "medical", "traffic_accident", "property_management", "other")


def _seed(db: ServerDB, cases: int) -> None:
    with db.engine.begin() as conn:
        have = conn.execute(text("SELECT count(*) FROM studio WHERE name = :n"),
                            {"n": f"{MARKER}-{cases}"}).scalar_one()
        if have:
            return
        t0 = time.perf_counter()
        for table in ("row", "studio", "district_case_fact", "district_fact_cursor",
                      "district_day_total"):
            conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text(
            "INSERT INTO studio (id, name, case_prefix, feed_seq, digest, row_count, "
            "created_at) SELECT 'studio-' || s, "
            "CASE WHEN s = 0 THEN :marker ELSE '第' || s || '调解工作室' END, "
            "'区' || s, 0, repeat('0', 64), 0, now() FROM generate_series(0, :n - 1) s"),
            {"marker": f"{MARKER}-{cases}", "n": STUDIOS})
        types = "ARRAY[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
        # status by i % 20: 0 refused; 1-3 terminated; 4-6 mediating; 7-19 a success
        # status (agreed / performing / followed_up / archived).
        conn.execute(text(
            "INSERT INTO row (studio_id, id, entity, version, seq, deleted, data, device_id) "
            "SELECT 'studio-' || (i % :studios), 'case-' || i, 'case', 1, i, false, "
            "json_build_object('case_no', '（' || extract(year FROM d)::int || '）区' "
            "  || (i % :studios) || '人调字第' || i || '号', "
            " 'year', extract(year FROM d)::int, 'seq', i, "
            " 'status', CASE WHEN i % 20 = 0 THEN 'refused' WHEN i % 20 < 4 THEN 'terminated' "
            "   WHEN i % 20 < 7 THEN 'mediating' ELSE (ARRAY['agreed', 'performing', "
            "   'followed_up', 'archived'])[1 + i % 4] END, "
            f" 'dispute_type', ({types})[1 + (i / 7) % {len(TYPES)}], "
            " 'source', 'party_application', 'summary', '', 'requests', json_build_array(), "
            " 'registered_on', to_char(d, 'YYYY-MM-DD'), 'mediator_id', null), '' "
            "FROM (SELECT i, date '2024-01-01' + (i % 1096) AS d "
            "      FROM generate_series(1, :cases) i) g"),
            {"studios": STUDIOS, "cases": cases})
        # Agreements of the succeeded cases (7-19), written (with a detail) or oral.
        conn.execute(text(
            "INSERT INTO row (studio_id, id, entity, version, seq, deleted, data, device_id) "
            "SELECT 'studio-' || (i % :studios), 'agreement-' || i, 'agreement', 1, i, false, "
            "json_build_object('case_id', 'case-' || i, "
            " 'kind', CASE WHEN i % 3 = 0 THEN 'oral' ELSE 'written' END, "
            " 'amount_fen', (i % 500) * 10000, 'status', 'final', "
            " 'effective_on', to_char(date '2024-01-01' + (i % 1096) + 6, 'YYYY-MM-DD')), '' "
            "FROM generate_series(1, :cases) i WHERE i % 20 >= 7"),
            {"studios": STUDIOS, "cases": cases})
        conn.execute(text(
            "INSERT INTO row (studio_id, id, entity, version, seq, deleted, data, device_id) "
            "SELECT 'studio-' || (i % :studios), 'detail-' || i, 'agreement_detail', 1, i, "
            "false, json_build_object('case_id', 'case-' || i, 'agreement_id', "
            " 'agreement-' || i, "
            " 'reached_on', to_char(date '2024-01-01' + (i % 1096) + 5, 'YYYY-MM-DD')), '' "
            "FROM generate_series(1, :cases) i WHERE i % 20 >= 7 AND i % 3 <> 0"),
            {"studios": STUDIOS, "cases": cases})
        conn.execute(text(
            "INSERT INTO row (studio_id, id, entity, version, seq, deleted, data, device_id) "
            "SELECT 'studio-' || (i % :studios), 'workflow-' || i, 'case_workflow', 1, i, "
            "false, json_build_object('case_id', 'case-' || i, "
            " 'terminated_on', to_char(date '2024-01-01' + (i % 1096) + 12, 'YYYY-MM-DD')), '' "
            "FROM generate_series(1, :cases) i WHERE i % 20 BETWEEN 1 AND 3"),
            {"studios": STUDIOS, "cases": cases})
        # Each studio's feed is at its last row, as after real pushes.
        conn.execute(text("UPDATE studio SET feed_seq = (SELECT max(seq) FROM row "
                          "WHERE row.studio_id = studio.id)"))
        rows = conn.execute(text("SELECT count(*) FROM row")).scalar_one()
        print(f"  (seeded {cases:,} cases, {rows:,} rows in {time.perf_counter() - t0:.0f} s)")
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE row"))


def _catch_up(db: ServerDB, touched: int) -> None:
    """The facts' refresh: the first one (after an upgrade, at ``serve`` start) over
    everything, then after a day's syncs: ``touched`` cases pushed again."""
    t0 = time.perf_counter()
    stats.refresh_facts(db)
    print(f"  facts refresh, first (all cases; once, at serve start): "
          f"{time.perf_counter() - t0:.1f} s")
    with db.engine.begin() as conn:
        top = conn.execute(text("SELECT max(seq) FROM row")).scalar_one()
        conn.execute(text(
            "UPDATE row SET seq = seq + :top WHERE entity = 'case' AND id IN "
            "(SELECT 'case-' || i FROM generate_series(1, :n) i)"), {"n": touched, "top": top})
        conn.execute(text("UPDATE studio SET feed_seq = (SELECT max(seq) FROM row "
                          "WHERE row.studio_id = studio.id)"))
    t0 = time.perf_counter()
    stats.refresh_facts(db)
    print(f"  facts refresh after {touched:,} cases synced: "
          f"{ms(time.perf_counter() - t0)} (the next report's extra cost)")


TARGET_REPORT_MS = 1000.0
TARGET_DASHBOARD_MS = 300.0


def _figures(db: ServerDB) -> list[Figure]:
    periods = [Period.month(2025, 6), Period.quarter(2025, 2), Period.year(2025)]
    with db.read_conn() as conn:
        base = timings(lambda: conn.execute(text(
            "SELECT count(*) FROM row WHERE entity = 'case'")).scalar_one(), 10, 1)
        print(f"  baseline: SELECT count(*) of the cases  median {ms(statistics.median(base))}")
        figures = []
        for period in periods:
            runs = timings(functools.partial(stats.district_report, conn, period), 10, 1)
            report = stats.district_report(conn, period)
            med, top = statistics.median(runs), p95(runs)
            print(f"  district_report {period.label:<14} median {ms(med)}  p95 {ms(top)}  "
                  f"({med / statistics.median(base):.2f}x the count; accepted "
                  f"{report.totals['accepted']:,}, succeeded {report.totals['succeeded']:,})")
            figures.append(Figure(
                f"district_report {period.label}, 1M cases on PostgreSQL, p95", top * 1000, "ms",
                TARGET_REPORT_MS, baseline=statistics.median(base) * 1000,
                baseline_name="SELECT count(*) of the cases, median",
                note=f"median {ms(med)}; 10 runs"))
    return figures


def _viewers(url: str, root: Path, viewers: int, pages: int) -> Figure:
    srv = ServerProcess(root / "server", db_url=url, workers=None)
    srv.root.mkdir(parents=True)
    srv.start()
    try:
        if ACCOUNT in srv.admin("admin", "list"):
            srv.admin("admin", "remove", ACCOUNT)
        sys_stdin, sys.stdin = sys.stdin, io.StringIO(PASSWORD + "\n")
        try:
            srv.admin("admin", "add", ACCOUNT, "--password-stdin")
        finally:
            sys.stdin = sys_stdin

        def client() -> httpx.Client:
            c = httpx.Client(base_url=srv.url, timeout=60)
            page = c.get("/dashboard/login").text
            token = page.split('name="csrf" value="')[1].split('"')[0]
            r = c.post("/dashboard/login", data={"csrf": token, "name": ACCOUNT,
                                                 "password": PASSWORD})
            assert r.status_code == 303, r.text[:200]
            return c

        clients = [client() for _ in range(viewers)]

        def load(path: str) -> list[float]:
            def one(c: httpx.Client) -> list[float]:
                out = []
                for _ in range(pages):
                    t0 = time.perf_counter()
                    r = c.get(path)
                    out.append(time.perf_counter() - t0)
                    assert r.status_code == 200, r.status_code
                return out
            with ThreadPoolExecutor(viewers) as pool:
                return [t for ts in pool.map(one, clients) for t in ts]

        load("/health")  # warm
        load("/dashboard?period=2025-06")
        health = load("/health")
        page = load("/dashboard?period=2025-06")
        print(f"  baseline: /health, {viewers} concurrent  p95 {ms(p95(health))}  "
              f"median {ms(statistics.median(health))}")
        print(f"  /dashboard month, {viewers} concurrent  p95 {ms(p95(page))}  "
              f"median {ms(statistics.median(page))}  ({len(page)} pages)")
        for c in clients:
            c.close()
        return Figure(f"/dashboard month, {viewers} concurrent viewers, p95", p95(page) * 1000,
                      "ms", TARGET_DASHBOARD_MS, baseline=p95(health) * 1000,
                      baseline_name="/health under the same load, p95",
                      note=f"median {ms(statistics.median(page))}; {len(page)} pages")
    finally:
        srv.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=os.environ.get("MEDIATOR_BENCH_PG_URL")
                    or os.environ.get("MEDIATOR_TEST_PG_URL", ""))
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--viewers", type=int, default=20)
    ap.add_argument("--pages", type=int, default=10)
    args = ap.parse_args()
    if not args.db:
        note = "no PostgreSQL (--db or MEDIATOR_TEST_PG_URL; .ci/pg.sh)"
        print(f"  skipped: {note}")
        return report([skipped("district_report month, 1M cases on PostgreSQL, p95", "ms",
                               TARGET_REPORT_MS, note),
                       skipped("/dashboard month, concurrent viewers, p95", "ms",
                               TARGET_DASHBOARD_MS, note)])
    db = ServerDB(args.db)
    try:
        _seed(db, args.cases)
        _catch_up(db, 2000)
        figures = _figures(db)
    finally:
        db.dispose()
    with tempfile.TemporaryDirectory(prefix="bench-district-") as tmp:
        figures.append(_viewers(args.db, Path(tmp), args.viewers, args.pages))
    return report(figures)

if __name__ == "__main__":
    sys.exit(main())
