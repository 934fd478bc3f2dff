"""The per-day totals a district-wide report sums (``district_day_total``) stay equal
to a recount of the per-case facts after syncs that change, move and delete cases,
on SQLite and on PostgreSQL, and the district report over them equals the studios'
own reports over the facts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Connection, text

from mediator.domain.statistics import Period
from mediator.server import stats
from mediator.server.db import ServerDB
from mediator.store import outbox
from tests.server.dashboard.conftest import MARCH, District
from tests.services.helpers import water_leak
from tests.sync.conftest import COMMITTEE_A

APRIL = Period.month(2026, 4)
Q1_Q2 = Period.custom(dt.date(2026, 2, 15), dt.date(2026, 4, 20))
MEASURES = ("accepted", "closed", "succeeded", "terminated", "fen")


def _recount(conn: Connection) -> dict[tuple[str, str, str], tuple[int, ...]]:
    """The totals counted again, in Python, from every fact."""
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 5)
    for f in conn.execute(text("SELECT * FROM district_case_fact")).mappings():
        for dim, key in (("s", f["studio_id"]), ("t", f["dispute_type"])):
            sums[(dim, f["registered_on"], key)][0] += f["status"] != "refused"
            if f["closed_on"] is not None:
                closed = sums[(dim, f["closed_on"], key)]
                closed[1] += 1
                closed[2] += f["outcome"] == "succeeded"
                closed[3] += f["outcome"] == "terminated"
                closed[4] += int(f["fen"])
    return {k: tuple(v) for k, v in sums.items() if any(v)}


def _kept(conn: Connection) -> dict[tuple[str, str, str], tuple[int, ...]]:
    rows = conn.execute(text(f"SELECT dim, day, key, {', '.join(MEASURES)} "
                             "FROM district_day_total")).all()
    return {(r[0], r[1], r[2]): tuple(int(v) for v in r[3:]) for r in rows if any(r[3:])}


def _check(d: District) -> dict[str, stats.DistrictReport]:
    db = ServerDB(d.server.db_url or f"sqlite:///{d.server.root / 'server.sqlite3'}")
    try:
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            assert _kept(conn) == _recount(conn)
            reports = {}
            for period in (MARCH, APRIL, Q1_Q2):
                district = stats.district_report(conn, period)
                # Each studio's figures as its own report (over the facts) has them.
                for sid, name in stats.studios(conn).items():
                    own = stats.district_report(conn, period, sid)
                    assert district.by_studio[name] == own.totals
                types: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
                months: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
                for sid in stats.studios(conn):
                    own = stats.district_report(conn, period, sid)
                    for into, cells in ((types, own.by_type), (months, own.by_month)):
                        for k, c in cells.items():
                            for code in stats.ADDITIVE:
                                into[k][code] += int(c[code] or 0)
                assert {k: {c: v[c] for c in stats.ADDITIVE}
                        for k, v in district.by_type.items()} == types
                assert {k: {c: v[c] for c in stats.ADDITIVE}
                        for k, v in district.by_month.items()} == months
                reports[period.label] = district
            return reports
    finally:
        db.dispose()


def _change_move_delete(d: District) -> None:
    """On studio A's PC: c1 moves to April and becomes a labour dispute, c2 is
    deleted, c5 is refused after all, and a new case arrives in April."""
    pc = d.pcs[COMMITTEE_A]
    with pc.ws.db.write() as s:
        def case_on(day: str) -> str:
            return str(s.execute(text('SELECT id FROM "case" WHERE registered_on = :d '
                                      "AND deleted = 0"), {"d": day}).scalar_one())
        c1, c2, c5 = case_on("2026-03-02"), case_on("2026-03-10"), case_on("2026-03-28")
        s.execute(text('UPDATE "case" SET registered_on = \'2026-04-10\', '
                       "dispute_type = 'labour' WHERE id = :i"), {"i": c1})
        s.execute(text('UPDATE "case" SET deleted = 1 WHERE id = :i'), {"i": c2})
        s.execute(text('UPDATE "case" SET status = \'refused\' WHERE id = :i'), {"i": c5})
        for case_id in (c1, c2, c5):
            outbox.enqueue(s, "case", case_id)
    pc.ws.cases.register(water_leak(registered_on=dt.date(2026, 4, 12)))
    report = pc.run_sync()
    assert (report.pending, report.conflicts) == (0, 0)


def _totals_after_syncs(d: District) -> None:
    before = _check(d)
    assert before[MARCH.label].totals["accepted"] == 8
    _change_move_delete(d)
    after = _check(d)
    march, april = after[MARCH.label], after[APRIL.label]
    # March: studio A keeps c8 only (c1 moved, c2 deleted, c5 refused); B its 4.
    assert (march.totals["accepted"], march.totals["closed"],
            march.totals["terminated"]) == (5, 5, 1)
    assert march.totals["amount"] == before[MARCH.label].totals["amount"]
    # April: the two c6, c1 and the new case.
    assert april.totals["accepted"] == int(before[APRIL.label].totals["accepted"] or 0) + 2
    assert april.by_type["labour"]["accepted"] == 3  # both c6 and c1
    # c1 still closed in March (03-05), now counted under labour.
    assert march.by_type["labour"]["succeeded"] == 1


def test_day_totals_equal_a_recount_after_syncs_sqlite(district: District) -> None:
    _totals_after_syncs(district)


@pytest.mark.postgres
def test_day_totals_equal_a_recount_after_syncs_postgres(pg_district: District) -> None:
    _totals_after_syncs(pg_district)


@pytest.mark.postgres
def test_refreshes_of_several_server_processes_at_once_agree(pg_district: District) -> None:
    """Every studio's cases synced again, then four servers' refreshes at once (each
    its own engine, as separate processes): none fails (the per-type totals are
    shared by the studios) and the totals still equal a recount."""
    url = pg_district.server.db_url
    assert url
    db = ServerDB(url)
    try:
        with db.write_conn() as conn:
            conn.execute(text("UPDATE row SET seq = seq + (SELECT max(seq) FROM row) "
                              "WHERE entity = 'case'"))
            conn.execute(text("UPDATE studio SET feed_seq = (SELECT max(seq) FROM row "
                              "WHERE row.studio_id = studio.id)"))
        servers = [ServerDB(url) for _ in range(4)]
        try:
            with ThreadPoolExecutor(len(servers)) as pool:
                list(pool.map(stats.refresh_facts, servers))
        finally:
            for other in servers:
                other.dispose()
        with db.read_conn() as conn:
            assert _kept(conn) == _recount(conn)
            behind = conn.execute(text(
                "SELECT count(*) FROM studio s JOIN district_fact_cursor f "
                "ON f.studio_id = s.id WHERE f.seq < s.feed_seq")).scalar_one()
            assert behind == 0
    finally:
        db.dispose()
