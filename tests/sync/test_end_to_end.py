"""Two PCs of one studio and a PC of another studio, against a real server process."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mediator.services.dto import CaseFilter
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B
from tests.sync.harness import Pc, ServerProcess


def test_two_pcs_of_a_studio_share_cases_and_another_studio_sees_none(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    code_a1 = server.new_studio(COMMITTEE_A, "桂城")
    code_a2 = server.code(COMMITTEE_A)
    code_b = server.new_studio(COMMITTEE_B, "大沥")
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    b = make_pc("b", committee=COMMITTEE_B, prefix="大沥", mediator="黄调解")
    a1.enrol(server.url, code_a1)
    a2.enrol(server.url, code_a2)
    b.enrol(server.url, code_b)
    for pc in (a1, a2, b):  # first sync leases the case-number blocks
        pc.run_sync()

    # Offline on both PCs of studio A: numbers must not collide.
    on_a1 = [a1.register(f"甲电脑登记的第{i}件") for i in range(3)]
    on_a2 = [a2.register(f"乙电脑登记的第{i}件") for i in range(2)]
    b.register("大沥的案件")
    assert not {r.case_no for r in on_a1} & {r.case_no for r in on_a2}

    r1 = a1.run_sync()
    assert r1.pushed >= 3 * 5 and r1.conflicts == 0  # case + 2 parties + 2 roles each
    a2.run_sync()
    a1.run_sync()
    b.run_sync()

    ids = {r.id for r in on_a1 + on_a2}
    assert set(a1.cases()) == ids == set(a2.cases())
    assert not set(b.cases()) & ids
    assert len(b.cases()) == 1
    # Pulled cases are searchable on the other PC (full-text index kept up to date).
    found = a2.ws.cases.ids(CaseFilter(text="甲电脑"))
    assert len(found) == 3
    assert len(set(a1.case_numbers())) == 5
    status = a1.sync.status()
    assert status.pending == 0 and status.open_conflicts == 0 and status.last_sync_at
    # Every PC's audit events reached the district (a union of the two chains).
    import json

    from sqlalchemy import text

    from mediator.server.db import ServerDB

    db = ServerDB(server.db_url or f"sqlite:///{server.root / 'server.sqlite3'}")
    try:
        with db.read() as s:
            actions = list(s.execute(text(
                "SELECT a.data FROM audit_copy a JOIN studio st ON st.id = a.studio_id "
                "WHERE st.name = :n"), {"n": COMMITTEE_A}).scalars())
    finally:
        db.dispose()
    events = [a if isinstance(a, dict) else json.loads(a) for a in actions]
    registered = [e for e in events if e["action"] == "case.register"]
    assert len(registered) == 5


def test_concurrent_edit_becomes_a_conflict_resolved_side_by_side(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    a1.run_sync()
    ref = a1.register("原始案情")
    a1.run_sync()
    a2.run_sync()
    a1.edit_case(ref.id, "甲电脑改的案情")
    a2.edit_case(ref.id, "乙电脑改的案情")
    assert a1.run_sync().conflicts == 0
    report = a2.run_sync()
    assert report.conflicts == 1
    # The server kept the first push; the second PC now shows it, and keeps its own edit
    # in the conflict for a person.
    assert a2.cases()[ref.id].summary == "甲电脑改的案情"
    [conflict] = a2.sync.conflicts()
    diff = {d.field: d for d in conflict.diffs}
    assert diff["summary"].mine == "乙电脑改的案情"
    assert diff["summary"].theirs == "甲电脑改的案情"
    assert ref.case_no in conflict.title

    a2.sync.resolve(conflict.id, "mine")
    a2.run_sync()
    a1.run_sync()
    assert a1.cases()[ref.id].summary == "乙电脑改的案情"
    assert a2.sync.conflicts() == []
    assert a2.sync.status().open_conflicts == 0


def test_referral_from_the_district_arrives_on_next_pull(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1 = make_pc("a1")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a1.run_sync()
    out = server.admin("case", "assign", "--studio", COMMITTEE_A, "--dispute-type", "neighbour",
                       "--source", "court_entrusted", "--summary", "法院委托调解的相邻纠纷",
                       "--applicant", "张三", "--respondent", "李四")
    assert "已移送" in out
    report = a1.run_sync()
    assert report.pulled == 5
    [case] = [c for c in a1.cases().values() if c.source == "court_entrusted"]
    detail = a1.ws.cases.get(case.id)
    assert {p.name for p in detail.parties} == {"张三", "李四"}
    # Its number came from the studio's own number space: no lease collides with it.
    mine = a1.register("本机登记")
    assert mine.case_no != case.case_no


@pytest.mark.parametrize("bad", ["http://example.com", "ftp://127.0.0.1", "127.0.0.1:80"])
def test_client_refuses_plain_http_except_loopback(make_pc: Callable[..., Pc], bad: str) -> None:
    from mediator.errors import SyncError

    pc = make_pc("a1")
    with pytest.raises(SyncError, match="https"):
        pc.sync.enrol(bad, "ABCD-EFGH-IJKL")
    assert not pc.sync.status().enrolled


def test_digest_mismatch_triggers_a_repair_pull_never_a_wipe(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    from sqlalchemy import text

    a1 = make_pc("a1")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a1.run_sync()
    refs = [a1.register(f"校验{i}") for i in range(3)]
    a1.run_sync()
    # Damage the local copy behind the engine's back: a wrong version and a lost summary.
    with a1.ws.db.write() as s:
        s.execute(text("UPDATE \"case\" SET version = 1, summary = '' WHERE id = :id"),
                  {"id": refs[0].id})
    assert a1.run_sync(full_check=False).digest_ok  # the running digest cannot see it
    report = a1.run_sync(full_check=True)
    assert report.repaired and report.digest_ok
    cases = a1.cases()
    assert set(cases) == {r.id for r in refs}
    assert cases[refs[0].id].summary == "校验0"


def test_append_only_records_merge_as_a_union_and_signed_documents_stay(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    import datetime as dt
    import hashlib

    from sqlalchemy import select

    from mediator.store import outbox
    from mediator.store.models import Agreement, SessionRecord
    from mediator.sync.engine import blob_file

    a1, a2 = make_pc("a1"), make_pc("a2")
    a1.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    a1.run_sync()
    ref = a1.register("有调解记录的案件")
    a1.run_sync()
    a2.run_sync()
    studio_id = a1.ws.studio.context()[0].id
    for pc, what in ((a1, "第一次调解"), (a2, "第二次调解")):  # offline on both PCs
        with pc.ws.db.write() as s:
            rec = SessionRecord(studio_id=studio_id, case_id=ref.id, subject=what,
                                held_at=dt.datetime.now(dt.UTC))
            s.add(rec)
            s.flush()
            outbox.enqueue(s, "session_record", rec.id)
    for pc in (a1, a2, a1):
        assert pc.run_sync().conflicts == 0
    for pc in (a1, a2):
        with pc.ws.db.read() as s:
            subjects = sorted(s.execute(select(SessionRecord.subject)).scalars())
        assert subjects == ["第一次调解", "第二次调解"]

    # A signed agreement's PDF is never replaced by a later push.
    pdf = b"%PDF-1.7 signed agreement"
    sha = hashlib.sha256(pdf).hexdigest()
    blob_file(a1.data, sha).parent.mkdir(parents=True, exist_ok=True)
    blob_file(a1.data, sha).write_bytes(pdf)
    with a1.ws.db.write() as s:
        agr = Agreement(studio_id=studio_id, case_id=ref.id, status="final", signed_blob=sha)
        s.add(agr)
        s.flush()
        agr_id = agr.id
        outbox.enqueue(s, "agreement", agr_id)
    a1.run_sync()
    a2.run_sync()
    assert blob_file(a2.data, sha).read_bytes() == pdf
    other = b"%PDF-1.7 another file"
    other_sha = hashlib.sha256(other).hexdigest()
    blob_file(a2.data, other_sha).parent.mkdir(parents=True, exist_ok=True)
    blob_file(a2.data, other_sha).write_bytes(other)
    with a2.ws.db.write() as s:
        agr = s.get(Agreement, agr_id)
        assert agr is not None
        agr.signed_blob = other_sha
        outbox.enqueue(s, "agreement", agr_id)
    a2.run_sync()
    with a2.ws.db.read() as s:
        assert s.get(Agreement, agr_id).signed_blob == sha  # the server's copy came back
    a1.run_sync()
    with a1.ws.db.read() as s:
        assert s.get(Agreement, agr_id).signed_blob == sha


@pytest.mark.postgres
def test_two_server_processes_share_one_postgresql(
        tmp_path, make_pc: Callable[..., Pc]) -> None:
    import threading

    from tests.sync.conftest import PG_URL, _pg_fresh

    if not PG_URL:
        pytest.skip("MEDIATOR_TEST_PG_URL not set")
    _pg_fresh(PG_URL)
    # Two hosts of one district share its CA key file, as they share the database.
    shared_key = {"MEDIATOR_SERVER_CA_KEY": str(tmp_path / "district-ca-key.pem")}
    s1 = ServerProcess(tmp_path / "s1", db_url=PG_URL, env=shared_key)
    s2 = ServerProcess(tmp_path / "s2", db_url=PG_URL, env=shared_key)
    for srv in (s1, s2):
        srv.root.mkdir()
        srv.start()
    try:
        a1, a2 = make_pc("a1"), make_pc("a2")
        a1.enrol(s1.url, s1.new_studio(COMMITTEE_A, "桂城"))
        a2.enrol(s2.url, s1.code(COMMITTEE_A))
        a1.run_sync()
        a2.run_sync()
        refs = [a1.register(f"一号机{i}") for i in range(10)]
        refs += [a2.register(f"二号机{i}") for i in range(10)]
        threads = [threading.Thread(target=pc.run_sync) for pc in (a1, a2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for pc in (a1, a2, a1):
            report = pc.run_sync()
        assert report.digest_ok
        assert set(a1.cases()) == set(a2.cases()) == {r.id for r in refs}
        assert len(set(a2.case_numbers())) == 20
    finally:
        s1.stop()
        s2.stop()


def test_numbers_used_outside_the_leases_are_never_reused(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    from mediator.services import demo

    a1 = make_pc("a1")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a1.run_sync()
    demo.generate(a1.ws, 3, seed=5)  # sample data numbers by counting, not by lease
    refs = [a1.register(f"演示数据之后登记{i}") for i in range(3)]
    numbers = a1.case_numbers()
    assert len(numbers) == len(set(numbers)) == 6
    assert a1.run_sync().pushed >= 15
    assert {r.id for r in refs} <= set(a1.cases())
