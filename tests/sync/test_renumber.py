"""Cases registered on two PCs of one studio before enrolment (each numbering from 1)
meet at the district: the server keeps the first number to arrive, the other PC's
case takes a fresh number from its leased block, with an audit event and the old
number kept; both PCs converge with every number unique and nothing lost."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from mediator.services import demo
from mediator.services.documents.demo import sign_demo_agreements
from mediator.services.dto import CaseFilter
from mediator.store.models import Agreement, AuditEvent, Case, CaseParty, SessionRecord
from mediator.sync.engine import SyncReport, blob_file
from mediator.sync.report import short_new
from tests.services.helpers import water_leak
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess


def _renumber_events(pc: Pc) -> dict[str, dict[str, str]]:
    with pc.ws.db.read() as s:
        return {e.entity_id: e.detail for e in s.execute(
            select(AuditEvent).where(AuditEvent.action == "case.renumber")).scalars()}


def _numbers(pc: Pc) -> dict[str, str]:
    return {cid: c.case_no for cid, c in pc.cases(include_deleted=True).items()}


def _converge(pcs: list[Pc], rounds: int = 2) -> dict[int, list[SyncReport]]:
    reports: dict[int, list[SyncReport]] = {i: [] for i in range(len(pcs))}
    for _ in range(rounds):
        for i, pc in enumerate(pcs):
            reports[i].append(pc.run_sync())
    return reports


def _assert_quiet(pcs: list[Pc]) -> None:
    for pc in pcs:
        report = pc.run_sync(full_check=True)
        assert (report.pushed, report.pulled, report.conflicts, report.renumbered,
                report.pending, report.digest_ok) == (0, 0, 0, [], 0, True)


@pytest.mark.parametrize("first", ["a1", "a2"])
def test_cases_numbered_offline_before_enrolment_get_unique_numbers(
        server: ServerProcess, make_pc: Callable[..., Pc], first: str) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    on_a1 = [a1.register(f"甲电脑联网前登记{i}") for i in range(3)]
    on_a2 = [a2.register(f"乙电脑联网前登记{i}") for i in range(2)]
    assert {r.case_no for r in on_a1} >= {r.case_no for r in on_a2}  # 第1号, 第2号 twice
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    order = [a1, a2] if first == "a1" else [a2, a1]
    late = order[1]  # its clashing cases reach the server second: they are renumbered
    late_refs = on_a2 if late is a2 else on_a1
    before = {r.id: r.case_no for r in late_refs}
    clashing = {r.id for r in late_refs
                if r.case_no in {x.case_no for x in (on_a1 if late is a2 else on_a2)}}
    assert len(clashing) == 2

    reports = _converge(order)
    _assert_quiet(order)

    ids = {r.id for r in on_a1 + on_a2}
    assert set(a1.cases()) == set(a2.cases()) == ids  # nothing lost
    assert _numbers(a1) == _numbers(a2)  # the same number for each case on both PCs
    assert len(set(_numbers(a1).values())) == 5  # every number unique
    renumbered = [pair for r in reports[1] for pair in r.renumbered]
    assert not [pair for r in reports[0] for pair in r.renumbered]
    assert sorted(old for old, _ in renumbered) == sorted(before[c] for c in clashing)
    events = _renumber_events(late)
    assert set(events) == clashing and not _renumber_events(order[0])
    for cid in ids:
        case = late.cases()[cid]
        if cid in clashing:
            old, new = before[cid], case.case_no
            assert (events[cid]["from"], events[cid]["to"]) == (old, new) != (old, old)
            assert events[cid]["note"] == f"案号由 {old} 更正为 {new}"
            assert (old, new) in renumbered
            # The former number travels with the case: both PCs can show "原案号", and
            # find the case by the number on papers printed before (with the holder's).
            assert a1.cases()[cid].former_case_no == a2.cases()[cid].former_case_no == old
            for pc in (a1, a2):
                assert len(pc.ws.cases.ids(CaseFilter(text=old))) == 2
                assert len(pc.ws.cases.ids(CaseFilter(text=new))) == 1
        else:
            assert case.former_case_no == ""
            assert case.case_no in (before.get(cid), *(r.case_no for r in on_a1 + on_a2))
    summary = next(r for r in reports[1] if r.renumbered).summary()
    assert "更正重复案号 2 件" in summary and "→" in summary and "\n" not in summary
    # Parties and their roles came along with the renumbered cases.
    for pc in (a1, a2):
        with pc.ws.db.read() as s:
            links = s.execute(select(func.count()).select_from(CaseParty).where(
                CaseParty.case_id.in_(clashing))).scalar_one()
        assert links == 4


def test_demo_on_an_unenrolled_pc_then_enrolling_keeps_signed_agreements(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """`mediator demo` numbers through the one numbering rule: after enrolment its
    cases that clash with the other PC's are renumbered; a signed agreement's PDF
    (and its row) stay exactly as they were, the case remembers the old number."""
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    today = dt.date.today()
    demo.generate(a2.ws, 40, seed=7, today=today)
    assert sign_demo_agreements(a2.ws, 1, seed=7) == 1
    with a2.ws.db.read() as s:
        signed = s.execute(select(Agreement.id, Agreement.case_id, Agreement.signed_blob)
                           .where(Agreement.signed_blob.is_not(None))).one()
        demo_cases = {c.id: (c.registered_on, c.case_no) for c in s.execute(
            select(Case).order_by(Case.registered_on, Case.local_id)).scalars()}
        records = s.execute(select(func.count()).select_from(SessionRecord)).scalar_one()
    pdf = blob_file(a2.data, signed.signed_blob).read_bytes()
    # a1 registered as many cases on the same days: every demo number is taken there.
    for on, _ in demo_cases.values():
        a1.ws.cases.register(water_leak(registered_on=on, summary="甲电脑的案件"))
    assert set(a1.case_numbers()) == {no for _, no in demo_cases.values()}
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))

    reports = _converge([a1, a2])
    _assert_quiet([a1, a2])

    assert len(set(_numbers(a1).values())) == len(_numbers(a1)) == 2 * len(demo_cases)
    assert _numbers(a1) == _numbers(a2)
    renumbered = [pair for r in reports[1] for pair in r.renumbered]
    assert len(renumbered) == len(demo_cases)  # each once, however many steps it took
    events = _renumber_events(a2)
    assert set(events) == set(demo_cases)
    case = a2.cases()[signed.case_id]
    assert case.former_case_no == demo_cases[signed.case_id][1] != case.case_no
    assert events[signed.case_id]["signed_agreements"] == 1
    with a2.ws.db.read() as s:
        after = s.execute(select(Agreement.signed_blob).where(
            Agreement.id == signed.id)).scalar_one()
        assert s.execute(select(func.count()).select_from(SessionRecord)).scalar_one() \
            == records
    assert after == signed.signed_blob
    assert blob_file(a2.data, signed.signed_blob).read_bytes() == pdf
    assert hashlib.sha256(pdf).hexdigest() == signed.signed_blob
    assert blob_file(a1.data, signed.signed_blob).read_bytes() == pdf  # reached a1 as is


def test_a_case_the_server_accepted_is_never_renumbered(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2")
    kept = a1.register("甲电脑先送达")
    a2.register("乙电脑后送达")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    _converge([a1, a2])
    a1.edit_case(kept.id, "甲电脑又改了案情")  # a later edit of the held number: accepted
    _converge([a1, a2])
    assert a1.cases()[kept.id].case_no == a2.cases()[kept.id].case_no == kept.case_no
    assert a2.cases()[kept.id].summary == "甲电脑又改了案情"
    assert not _renumber_events(a1)
    _assert_quiet([a1, a2])


def test_short_new_number() -> None:
    assert short_new("（2026）桂城人调字第3号", "（2026）桂城人调字第57号") == "第57号"
    assert short_new("（2025）桂城人调字第3号", "（2026）桂城人调字第57号") \
        == "（2026）桂城人调字第57号"
