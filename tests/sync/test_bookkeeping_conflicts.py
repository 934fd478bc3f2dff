"""A "conflict" that is only bookkeeping is no conflict: two PCs that saved the same
thing (the same correction, or a form re-saved unchanged) differ only in updated_at
and version, and a value spelled two ways (a date-time with or without its offset or
microseconds, an empty text as null or "") is one value.  Against a real server
process: nothing is recorded on the server or on either PC, and a real difference
still is, listing only the fields that differ."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select

from mediator.domain.ids import new_id
from mediator.store import outbox
from mediator.store.models import Case, SyncConflict
from mediator.sync.meaning import differing_fields, same_meaning
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess, api


def _server_conflicts(server: ServerProcess, pc: Pc) -> int:
    """Open conflicts the server holds for the studio (as its API lists them)."""
    answer = api(server, "GET", "/conflicts", pc.access_token())
    assert answer.status_code == 200
    return len(answer.json())


def _local_conflicts(pc: Pc, *, open_only: bool = True) -> int:
    with pc.ws.db.read() as s:
        q = select(func.count()).select_from(SyncConflict)
        if open_only:
            q = q.where(SyncConflict.resolved_at.is_(None))
        return int(s.execute(q).scalar_one())


def _touch(pc: Pc, case_id: str) -> None:
    """Save the case without changing what it says (a form saved again): only its
    updated_at moves, and it goes in the outbox."""
    with pc.ws.db.write() as s:
        case = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
        case.updated_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=7)
        outbox.enqueue(s, "case", case_id)


def _two_pcs(server: ServerProcess, make_pc: Callable[..., Pc]) -> tuple[Pc, Pc, str]:
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    a1.run_sync()
    ref = a1.register("原始案情：楼上漏水")
    a1.run_sync()
    a2.run_sync()
    return a1, a2, ref.id


def test_the_same_correction_on_two_pcs_is_no_conflict(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2, case_id = _two_pcs(server, make_pc)
    a1.edit_case(case_id, "更正后的案情：楼上卫生间漏水")
    a2.edit_case(case_id, "更正后的案情：楼上卫生间漏水")  # the same fix, a moment later
    assert a1.run_sync().conflicts == 0
    report = a2.run_sync()
    assert report.conflicts == 0
    assert a2.sync.status().open_conflicts == 0 and a2.sync.conflicts() == []
    assert _local_conflicts(a2, open_only=False) == 0
    assert _server_conflicts(server, a2) == 0
    # Both PCs hold the server's version of the row; the next rounds are quiet.
    a1.run_sync()
    assert a1.cases()[case_id].version == a2.cases()[case_id].version
    assert a2.cases()[case_id].summary == "更正后的案情：楼上卫生间漏水"
    assert a2.run_sync(full_check=True).digest_ok
    assert a2.sync.status().pending == 0


def test_a_form_saved_again_on_both_pcs_is_no_conflict(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2, case_id = _two_pcs(server, make_pc)
    _touch(a1, case_id)
    assert a1.run_sync().pushed == 1  # the server took a new version: only updated_at
    _touch(a2, case_id)  # stale now: its base is the version before a1's
    assert a2.run_sync().conflicts == 0
    assert a2.sync.status().open_conflicts == 0
    assert _server_conflicts(server, a2) == 0
    assert a1.run_sync().conflicts == 0


def test_a_value_spelled_another_way_is_no_conflict(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """Another device stored the case with its created_at at +08:00 with microseconds
    (this PC writes UTC without them): the same instant."""
    a1, a2, case_id = _two_pcs(sqlite_server, make_pc)
    with a1.ws.db.read() as s:
        case = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
        version = case.version
    [row] = [r for r in api(sqlite_server, "GET", "/pull", a1.access_token(),
                            params={"cursor": 0, "all": "true"}).json()["rows"]
             if r["id"] == case_id]
    data = dict(row["data"])
    created = dt.datetime.fromisoformat(data["created_at"]).replace(microsecond=0)
    data["created_at"] = created.astimezone(dt.timezone(dt.timedelta(hours=8))).replace(
        tzinfo=None).isoformat() + ".000000+08:00"
    data["updated_at"] = "2030-01-01T00:00:00"
    pushed = api(sqlite_server, "POST", "/push", a1.access_token(), json={
        "batch_id": new_id(), "changes": [{"entity": "case", "id": case_id,
                                           "base_version": version, "data": data}]})
    assert pushed.json()["results"][0]["outcome"] == "applied", pushed.json()
    _touch(a2, case_id)  # stale against that version, saying the same
    assert a2.run_sync().conflicts == 0
    assert _server_conflicts(sqlite_server, a2) == 0
    assert a2.sync.status().open_conflicts == 0


def test_a_real_difference_is_a_conflict_listing_only_that_field(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2, case_id = _two_pcs(server, make_pc)
    a1.edit_case(case_id, "甲电脑：楼上卫生间漏水")
    a2.edit_case(case_id, "乙电脑：楼上厨房漏水")
    a1.run_sync()
    assert a2.run_sync().conflicts == 1
    [conflict] = a2.sync.conflicts()
    assert [d.field for d in conflict.diffs] == ["summary"]  # not updated_at
    [diff] = conflict.diffs
    assert (diff.mine, diff.theirs) == ("乙电脑：楼上厨房漏水", "甲电脑：楼上卫生间漏水")


def test_a_conflict_an_older_version_recorded_for_bookkeeping_is_settled(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    """Such conflicts already in a PC's database (recorded before this fix) leave the
    list at the next sync, and the server is told."""
    _, a2, case_id = _two_pcs(sqlite_server, make_pc)
    [row] = [r for r in api(sqlite_server, "GET", "/pull", a2.access_token(),
                            params={"cursor": 0, "all": "true"}).json()["rows"]
             if r["id"] == case_id]
    mine = {**row["data"], "updated_at": "2031-05-05T05:05:05.123456+00:00"}
    with a2.ws.db.write() as s:
        s.add(SyncConflict(entity="case", row_id=case_id, mine=mine, theirs=row["data"],
                           theirs_version=row["version"]))
        s.add(SyncConflict(entity="case", row_id=case_id,
                           mine={**mine, "summary": "真的不同"}, theirs=row["data"],
                           theirs_version=row["version"]))
    assert a2.sync.status().open_conflicts == 2
    a2.run_sync()
    [left] = a2.sync.conflicts()
    assert [d.field for d in left.diffs] == ["summary"]
    with a2.ws.db.read() as s:
        settled = s.execute(select(SyncConflict).where(SyncConflict.resolution == "same")
                            ).scalar_one()
        assert settled.server_told


def test_meaning_rules() -> None:
    base = {"case_no": "（2026）桂城人调字第1号", "summary": "漏水", "referral_note": None,
            "created_at": "2026-03-01T02:00:00+00:00", "registered_on": "2026-03-01",
            "requests": None, "updated_at": "2026-03-01T02:00:00+00:00"}
    same = {**base, "referral_note": "", "requests": [],
            "created_at": "2026-03-01T10:00:00.000400+08:00",
            "registered_on": "2026-03-01T00:00:00", "updated_at": "2027-01-01T00:00:00"}
    assert same_meaning("case", base, same)
    assert differing_fields("case", base, {**same, "summary": "渗水", "legal_hold": True}
                            ) == ["summary", "legal_hold"]
    held = {"case_id": "x", "held_at": "2026-03-01T09:30:00+08:00"}
    assert same_meaning("session_record", held, {**held, "held_at": "2026-03-01T01:30:00"})
    assert not same_meaning("session_record", held,
                            {**held, "held_at": "2026-03-01T09:31:00+08:00"})
    # A newer PC's column is compared as it is; a missing one reads as empty.
    assert not same_meaning("party", {"name": "张三"}, {"name": "张三", "nickname": "三"})
    assert same_meaning("party", {"name": "张三"}, {"name": "张三", "phone": ""})
