"""Sync under faults: cut connections, duplicated requests, a server that dies between
commit and answer, a client killed mid-pull, skewed clocks, damaged uploads.

Each test checks what a studio would notice: every case exactly once on every PC,
nothing lost, no conflict that nobody caused, the unsent work kept."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import httpx
import pytest
from sqlalchemy import func, select, text

from mediator.errors import SyncError, SyncErrorKind
from mediator.store.models import Attachment, OutboxEntry
from mediator.sync.engine import blob_file
from mediator.sync.protocol import PROTOCOL_VERSION
from tests.sync.conftest import COMMITTEE_A
from tests.sync.faults import FaultProxy
from tests.sync.harness import REPO, Pc, ServerProcess


@pytest.fixture
def proxy(sqlite_server: ServerProcess) -> Iterator[FaultProxy]:
    p = FaultProxy(sqlite_server.port)
    yield p
    p.close()


def _pair(server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]
          ) -> tuple[Pc, Pc]:
    """Two PCs of studio A: a1 talks through the proxy, a2 directly."""
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(proxy.url, server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(server.url, server.code(COMMITTEE_A))
    a1.run_sync()
    a2.run_sync()
    return a1, a2


def _server_rows(server: ServerProcess) -> dict[str, int]:
    """Row id -> version on the server (straight from its database)."""
    from mediator.server.db import ServerDB

    db = ServerDB(f"sqlite:///{server.root / 'server.sqlite3'}")
    try:
        with db.read() as s:
            return dict(s.execute(text("SELECT id, version FROM row")).all())
    finally:
        db.dispose()


def _open_conflicts(server: ServerProcess) -> int:
    from mediator.server.db import ServerDB

    db = ServerDB(f"sqlite:///{server.root / 'server.sqlite3'}")
    try:
        with db.read() as s:
            return int(s.execute(text("SELECT count(*) FROM conflict")).scalar_one())
    finally:
        db.dispose()


def _assert_converged(server: ServerProcess, *pcs: Pc, cases: set[str]) -> None:
    for pc in pcs:
        report = pc.run_sync()
        assert report.pending == 0
    for pc in pcs:
        pc.run_sync()
        assert set(pc.cases()) == cases, pc.data.root.name
        with pc.ws.db.read() as s:
            assert s.execute(select(func.count()).select_from(OutboxEntry)).scalar_one() == 0
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        assert pc.run_sync().digest_ok is True
    assert _open_conflicts(server) == 0


@pytest.mark.slow
def test_push_survives_a_cut_at_every_point_of_the_request(
        sqlite_server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _pair(sqlite_server, proxy, make_pc)
    a1.register("测量用的案件")
    proxy.count()
    a1.run_sync()
    size = proxy.up_bytes  # the bytes of one round pushing one case
    expected = set(a1.cases())
    failures = 0
    for cut in range(0, size, max(1, size // 14)):
        expected.add(a1.register(f"断线位置{cut}").id)
        proxy.cut_up(cut)
        try:
            a1.run_sync()
        except SyncError as exc:
            assert exc.kind is SyncErrorKind.NETWORK
            failures += 1
        proxy.heal()
    assert failures >= 10
    _assert_converged(sqlite_server, a1, a2, cases=expected)
    assert len(set(a2.case_numbers())) == len(expected)


@pytest.mark.slow
def test_answers_lost_after_the_server_acted(
        sqlite_server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _pair(sqlite_server, proxy, make_pc)
    a1.register("测量用的案件")
    proxy.count()
    a1.run_sync()
    size = proxy.down_bytes
    expected = set(a1.cases())
    for cut in range(0, size, max(1, size // 10)):
        ref = a1.register(f"回答丢失{cut}")
        expected.add(ref.id)
        a1.edit_case(ref.id, f"回答丢失后改{cut}")
        proxy.cut_down(cut)
        try:
            a1.run_sync()
        except SyncError as exc:
            assert exc.kind is SyncErrorKind.NETWORK
        proxy.heal()
    _assert_converged(sqlite_server, a1, a2, cases=expected)
    on_a2 = a2.cases()
    assert all(c.summary.startswith(("回答丢失后改", "测量")) for c in on_a2.values())


def test_every_request_delivered_twice(
        sqlite_server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _pair(sqlite_server, proxy, make_pc)
    proxy.duplicate()
    refs = [a1.register(f"重复投递{i}") for i in range(3)]
    sha = a1.attach(refs[0].id, os.urandom(300_000))
    a1.run_sync()
    a1.edit_case(refs[1].id, "重复投递后修改")
    a1.run_sync()
    assert proxy.requests >= 3  # blob status and chunk, two pushes (each delivered twice)
    proxy.heal()
    _assert_converged(sqlite_server, a1, a2, cases={r.id for r in refs})
    assert a2.cases()[refs[1].id].summary == "重复投递后修改"
    assert blob_file(a2.data, sha).read_bytes() == blob_file(a1.data, sha).read_bytes()
    versions = _server_rows(sqlite_server)
    assert len(versions) == len(set(versions))


def test_server_killed_between_commit_and_answer(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    a1.run_sync()
    refs = [a1.register(f"提交后宕机{i}") for i in range(2)]
    sqlite_server.restart(env={"MEDIATOR_SERVER_FAILPOINTS": "push_after_commit=1"})
    with pytest.raises(SyncError) as err:
        a1.run_sync()
    assert err.value.kind is SyncErrorKind.NETWORK
    assert not sqlite_server.alive()
    committed = _server_rows(sqlite_server)
    assert {r.id for r in refs} <= set(committed)  # it did commit before dying
    sqlite_server.restart(env={"MEDIATOR_SERVER_FAILPOINTS": ""})
    report = a1.run_sync()
    assert report.conflicts == 0
    assert _server_rows(sqlite_server) == committed  # the replay applied nothing again
    a2.run_sync()
    _assert_converged(sqlite_server, a1, a2, cases={r.id for r in refs})


def test_client_killed_while_applying_a_pull(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = make_pc("a1"), make_pc("a2")
    a1.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a2.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    a1.run_sync()
    a2.run_sync()
    refs = [a1.register(f"拉取中断{i}") for i in range(8)]
    a1.run_sync()
    a2.close()  # the desktop process is the subprocess now
    env = {**os.environ, "MEDIATOR_SYNC_FAILPOINT": "pull_apply=2",
           "MEDIATOR_SYNC_PAGE_SIZE": "7"}
    out = subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(a2.data.root),
                          "sync"], cwd=REPO, env=env, capture_output=True, timeout=120,
                         check=False)
    assert out.returncode == 17, out.stderr.decode()[-2000:]
    out = subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(a2.data.root),
                          "sync"], cwd=REPO, env={**env, "MEDIATOR_SYNC_FAILPOINT": ""},
                         capture_output=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert "同步完成" in out.stdout.decode()
    a2.ws = __import__("mediator.services.workspace", fromlist=["x"]).open_workspace(a2.data)
    a2.sync = type(a1.sync)(a2.ws)
    _assert_converged(sqlite_server, a1, a2, cases={r.id for r in refs})


@pytest.mark.parametrize("skew", [-86400, 86400])
def test_client_clock_skewed_by_a_day(tmp_path, make_pc: Callable[..., Pc], skew: int) -> None:
    srv = ServerProcess(tmp_path / "srv", env={"MEDIATOR_SERVER_ACCESS_TTL": "1"})
    srv.root.mkdir()
    srv.start()
    try:
        a1, a2 = make_pc("a1"), make_pc("a2")
        a1.enrol(srv.url, srv.new_studio(COMMITTEE_A, "桂城"))
        a2.enrol(srv.url, srv.code(COMMITTEE_A))
        a1.clock_offset = skew
        refs = []
        for i in range(3):
            a1.run_sync()
            refs.append(a1.register(f"时钟偏差{i}"))
            import time

            time.sleep(1.1)  # the access token expires on the server's clock
        a1.run_sync()
        a2.run_sync()
        assert {r.id for r in refs} <= set(a2.cases())
        assert len(set(a2.case_numbers())) == len(a2.case_numbers())
    finally:
        srv.stop()


def test_attachment_cut_at_half_resumes_and_is_invisible_until_complete(
        sqlite_server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _pair(sqlite_server, proxy, make_pc)
    ref = a1.register("有附件的案件")
    a1.run_sync()
    content = os.urandom(3 * 1024 * 1024 + 12345)
    sha = a1.attach(ref.id, content)
    proxy.cut_up(len(content) // 2)
    with pytest.raises(SyncError):
        a1.run_sync()
    proxy.heal()
    # Half on the server: not visible to the other PC, neither the row nor the file.
    a2.run_sync()
    with a2.ws.db.read() as s:
        assert s.execute(select(func.count()).select_from(Attachment)).scalar_one() == 0
    token = a2.sync.engine().state().access_token
    got = httpx.get(f"{sqlite_server.url}/api/v1/blobs/{sha}",
                    headers={"Authorization": f"Bearer {token}",
                             "X-Mediator-Protocol": str(PROTOCOL_VERSION)})
    assert got.status_code == 404
    proxy.count()
    a1.run_sync()
    assert proxy.up_bytes < len(content) * 0.8  # resumed, not started again
    a2.run_sync()
    assert blob_file(a2.data, sha).read_bytes() == content


def test_attachment_with_a_flipped_byte_is_refused_then_sent_right(
        sqlite_server: ServerProcess, proxy: FaultProxy, make_pc: Callable[..., Pc]) -> None:
    a1, a2 = _pair(sqlite_server, proxy, make_pc)
    ref = a1.register("附件字节翻转")
    content = os.urandom(200_000)
    sha = a1.attach(ref.id, content)
    proxy.flip_put(1000)
    with pytest.raises(SyncError):
        a1.run_sync()
    assert proxy.fired
    proxy.heal()
    a2.run_sync()
    assert not blob_file(a2.data, sha).exists()
    a1.run_sync()
    a2.run_sync()
    assert blob_file(a2.data, sha).read_bytes() == content
