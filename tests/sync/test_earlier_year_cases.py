"""Cases of an earlier year on an enrolled PC (issue 12, item 5): a case accepted
last year and typed in now — or demo data reaching back two years — registers
even with the district server out of reach.  It gets a provisional number
(``…临时第N号``) that the next sync makes final from a block leased for that year;
the server never sees a provisional number, and two PCs never clash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from mediator.services import demo
from mediator.services.dto import CaseRef
from mediator.store.models import AuditEvent, Case
from mediator.sync import engine
from tests.services.helpers import water_leak
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

LAST_YEAR = dt.date.today().year - 1


def _register(pc: Pc, summary: str, day: dt.date) -> CaseRef:
    reg = water_leak(registered_on=day)
    reg.summary = summary
    return pc.ws.cases.register(reg)


def _enrolled_pair(server: ServerProcess, make_pc: Callable[..., Pc]) -> tuple[Pc, Pc]:
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    a1.run_sync()
    a2.run_sync()
    return a1, a2


def test_last_years_case_registered_offline_gets_its_final_number_at_the_next_sync(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _enrolled_pair(sqlite_server, make_pc)
    sqlite_server.stop()  # offline: nothing can be leased now
    on_a1 = _register(a1, "去年12月31日受理的案件", dt.date(LAST_YEAR, 12, 31))
    on_a2 = _register(a2, "去年补录的案件", dt.date(LAST_YEAR, 3, 2))
    assert on_a1.case_no == f"（{LAST_YEAR}）桂城人调字临时第1号"
    assert on_a2.case_no == f"（{LAST_YEAR}）桂城人调字临时第1号"  # each PC's own
    again = _register(a1, "又一件去年的", dt.date(LAST_YEAR, 12, 30))
    assert again.case_no == f"（{LAST_YEAR}）桂城人调字临时第2号"
    this_year = a1.register("今年的案件照常编号")
    assert "临时" not in this_year.case_no

    sqlite_server.start()
    first = a1.run_sync()
    second = a2.run_sync()
    a1.run_sync()
    final = {f"（{LAST_YEAR}）桂城人调字第{n}号" for n in (1, 2, 3)}
    for pc in (a1, a2):
        numbers = {c.id: c.case_no for c in pc.cases().values()}
        assert {numbers[r.id] for r in (on_a1, on_a2, again)} == final
        assert numbers[this_year.id] == this_year.case_no
        assert not any("临时" in n for n in numbers.values())
    # Each mediator is told, and the case keeps the number on what was printed meanwhile.
    assert dict(first.renumbered) == {
        f"（{LAST_YEAR}）桂城人调字临时第1号": a1.cases()[on_a1.id].case_no,
        f"（{LAST_YEAR}）桂城人调字临时第2号": a1.cases()[again.id].case_no}
    assert [old for old, _ in second.renumbered] == [f"（{LAST_YEAR}）桂城人调字临时第1号"]
    mine = a1.cases()[on_a1.id]
    assert mine.former_case_no == f"（{LAST_YEAR}）桂城人调字临时第1号"
    assert mine.year == LAST_YEAR and mine.seq >= 1
    with a1.ws.db.read() as s:
        reasons = [e.detail["reason"] for e in s.execute(select(AuditEvent).where(
            AuditEvent.action == "case.renumber")).scalars()]
    assert reasons == ["provisional", "provisional"]
    # Quiet afterwards: nothing left to renumber or push.
    for pc in (a1, a2):
        report = pc.run_sync(full_check=True)
        assert (report.renumbered, report.pending, report.digest_ok) == ([], 0, True)


def test_demo_on_an_enrolled_offline_pc_reaches_back_into_earlier_years(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _enrolled_pair(sqlite_server, make_pc)
    a2.register("另一台电脑今年的案件")
    sqlite_server.stop()
    today = dt.date.today()
    made = demo.generate(a1.ws, cases=40, seed=7, today=today, records=False)
    assert made == 40
    years = {c.year for c in a1.cases().values()}
    assert min(years) < today.year  # demo data spans two years
    sqlite_server.start()
    a1.run_sync()
    a2.run_sync()
    a1.run_sync()
    for pc in (a1, a2):
        with pc.ws.db.read() as s:
            rows = s.execute(select(Case.case_no, Case.seq)).all()
        assert len(rows) == 41
        assert len({no for no, _ in rows}) == 41
        assert all(seq >= 1 and "临时" not in no for no, seq in rows)


def test_a_backfill_larger_than_one_lease_is_made_final_in_one_round(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A lease brings at most MAX_LEASE numbers (1000); lowered so that a handful of
    # backfilled cases needs several leases.
    monkeypatch.setattr(engine, "MAX_LEASE", 2)
    a1, _ = _enrolled_pair(sqlite_server, make_pc)
    refs = [_register(a1, f"补录去年的案件{i}", dt.date(LAST_YEAR, 5, 1 + i)) for i in range(5)]
    assert all("临时" in r.case_no for r in refs)
    report = a1.run_sync()
    numbers = sorted(c.seq for c in a1.cases().values() if c.year == LAST_YEAR)
    assert numbers == [1, 2, 3, 4, 5]
    assert len(report.renumbered) == 5 and report.pending == 0
