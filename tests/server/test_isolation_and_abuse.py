"""Tenant isolation, authentication and bad input, against a real server process.

A studio's valid token must never reach another studio's rows or blobs; bad input
gets a clear 4xx and changes nothing; a revoked PC is told so and keeps its work."""

from __future__ import annotations

import os
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import func, select, text

from mediator.domain.ids import new_id
from mediator.errors import SyncError, SyncErrorKind
from mediator.server.db import ServerDB
from mediator.store.models import OutboxEntry
from mediator.sync.client import ServerClient
from mediator.sync.protocol import MIN_PROTOCOL, PROTOCOL_HEADER
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B
from tests.sync.harness import Pc, ServerProcess, api


def _feed_seq(server: ServerProcess) -> dict[str, int]:
    db = ServerDB(server.db_url or f"sqlite:///{server.root / 'server.sqlite3'}")
    try:
        with db.read() as s:
            return dict(s.execute(text("SELECT name, feed_seq FROM studio")).all())
    finally:
        db.dispose()


@pytest.fixture
def two_studios(server: ServerProcess, make_pc: Callable[..., Pc]) -> tuple[Pc, Pc]:
    a = make_pc("a")
    b = make_pc("b", committee=COMMITTEE_B, prefix="大沥", mediator="黄调解")
    a.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    b.enrol(server.url, server.new_studio(COMMITTEE_B, "大沥"))
    a.run_sync()
    b.run_sync()
    return a, b


def test_another_studios_valid_token_reaches_nothing(
        server: ServerProcess, two_studios: tuple[Pc, Pc]) -> None:
    a, b = two_studios
    ref = a.register("甲工作室的案件")
    content = os.urandom(5000)
    sha = a.attach(ref.id, content)
    a.run_sync()
    a_case = a.cases()[ref.id]
    tb = b.access_token()

    page = api(server, "GET", "/pull", tb, params={"cursor": 0}).json()
    assert ref.id not in {r["id"] for r in page["rows"]}
    assert all(r["entity"] != "attachment" for r in page["rows"])

    # B pushes a row with A's case id: it becomes B's own row, A's stays untouched.
    body = {"batch_id": new_id(), "changes": [{
        "entity": "case", "id": ref.id, "base_version": a_case.version, "deleted": True,
        "data": {"summary": "乙工作室篡改"}}]}
    assert api(server, "POST", "/push", tb, json=body).status_code == 200
    a.run_sync()
    assert a.cases()[ref.id].summary == "甲工作室的案件"
    assert a.run_sync().digest_ok is True

    assert api(server, "GET", f"/blobs/{sha}", tb).status_code == 404
    assert api(server, "GET", f"/blobs/{sha}/status", tb).json()["complete"] is False
    bogus = api(server, "PUT", f"/blobs/{sha}", tb, content=b"x" * 10,
                 params={"offset": 0, "size": 10})
    assert bogus.status_code == 409 and bogus.json()["error"] == "hash_mismatch"
    ta = a.access_token()
    assert api(server, "GET", f"/blobs/{sha}", ta).content == content

    # A's conflicts are invisible to B and cannot be resolved by B.
    a2_conflict = new_id()
    assert api(server, "POST", f"/conflicts/{a2_conflict}/resolve", tb).status_code == 404
    assert api(server, "GET", "/conflicts", tb).json() == []


def test_bad_tokens_are_refused_and_logged_without_the_secret(
        server: ServerProcess, two_studios: tuple[Pc, Pc]) -> None:
    secret = "not-a-real-token-" + "x" * 30
    r = api(server, "GET", "/pull", secret)
    assert r.status_code == 401 and r.json()["message"]
    assert api(server, "GET", "/pull").status_code == 401
    db = ServerDB(server.db_url or f"sqlite:///{server.root / 'server.sqlite3'}")
    try:
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM auth_failure")).scalar_one() >= 2
            assert not s.execute(text("SELECT count(*) FROM auth_failure WHERE detail LIKE "
                                      "'%not-a-real%'")).scalar_one()
    finally:
        db.dispose()
    assert secret not in server.log.read_text()


def test_revoked_pc_is_told_in_chinese_and_keeps_its_unsent_work(
        server: ServerProcess, two_studios: tuple[Pc, Pc]) -> None:
    a, _ = two_studios
    device_id = a.sync.engine().state().device_id
    assert device_id in server.admin("device", "list")
    server.admin("device", "revoke", device_id)
    ref = a.register("撤销后登记的案件")
    with pytest.raises(SyncError) as err:
        a.run_sync()
    assert err.value.kind is SyncErrorKind.AUTH
    assert "撤销" in err.value.message
    assert ref.id in a.cases()
    with a.ws.db.read() as s:
        assert s.execute(select(func.count()).select_from(OutboxEntry)).scalar_one() >= 5
    status = a.sync.status()
    assert status.revoked and "撤销" in status.last_error and status.pending >= 5


def test_a_reused_refresh_token_revokes_the_device(tmp_path, make_pc: Callable[..., Pc]) -> None:
    srv = ServerProcess(tmp_path / "srv", env={"MEDIATOR_SERVER_REFRESH_GRACE": "0"})
    srv.root.mkdir()
    srv.start()
    try:
        a = make_pc("a")
        a.enrol(srv.url, srv.new_studio(COMMITTEE_A, "桂城"))
        stolen = a.sync.engine().state().refresh_token
        a.access_token()  # the PC rotates its refresh token
        r = api(srv, "POST", "/token", json={"refresh_token": stolen})
        assert r.status_code == 401 and r.json()["error"] == "refresh_reused"
        with pytest.raises(SyncError) as err:
            a.run_sync()
        assert err.value.kind is SyncErrorKind.AUTH
        assert "已撤销" in srv.admin("device", "list")
    finally:
        srv.stop()


def test_enrolment_code_is_one_time_and_issues_a_district_certificate(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    from mediator.documents.signing import load_studio_identity

    code = server.new_studio(COMMITTEE_A, "桂城")
    a = make_pc("a")
    a.enrol(server.url, code)
    ident = load_studio_identity(a.data.keys)
    assert not ident.self_signed and len(ident.chain) == 1
    ident.certificate.verify_directly_issued_by(ident.chain[0])
    again = api(server, "POST", "/enrol", json={"code": code})
    assert again.status_code == 401 and "注册码" in again.json()["message"]
    b = make_pc("b")
    with pytest.raises(SyncError) as err:
        b.sync.enrol(server.url, code)
    assert err.value.kind is SyncErrorKind.AUTH
    assert not b.sync.status().enrolled


def test_enrolment_is_rate_limited(tmp_path) -> None:
    srv = ServerProcess(tmp_path / "srv", env={"MEDIATOR_SERVER_RATE_LIMIT": "5"})
    srv.root.mkdir()
    srv.start()
    try:
        codes = [api(srv, "POST", "/enrol", json={"code": f"GUESS-{i:04d}-XXXX"}).status_code
                 for i in range(8)]
        assert codes[:5] == [401] * 5 and codes[5:] == [429] * 3
    finally:
        srv.stop()


def test_bad_input_gets_a_clear_4xx_and_changes_nothing(
        server: ServerProcess, two_studios: tuple[Pc, Pc]) -> None:
    a, _ = two_studios
    ta = a.access_token()
    before = _feed_seq(server)
    cases = [
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
        ({"json": {"batch_id": "x", "changes": []}}, 422),
        ({"json": {"batch_id": new_id(), "changes": [
            {"entity": "case", "id": "../../etc", "base_version": 0, "data": {}}]}}, 422),
        ({"json": {"batch_id": new_id(), "changes": [
            {"entity": "case", "id": new_id(), "base_version": 0, "data": {}}] * 5001}}, 422),
        ({"content": b"x" * (9 * 1024 * 1024),
          "headers": {"Content-Type": "application/json"}}, 413),
    ]
    for kw, status in cases:
        r = api(server, "POST", "/push", ta, **kw)
        assert r.status_code == status, (r.status_code, r.text[:200])
        assert r.json()["message"]
    assert api(server, "GET", "/pull", ta, params={"cursor": -1}).status_code == 422
    assert api(server, "GET", "/blobs/zzz/status", ta).status_code == 400
    assert _feed_seq(server) == before


def test_an_old_client_is_asked_to_upgrade(server: ServerProcess) -> None:
    r = httpx.post(f"{server.url}/api/v1/enrol", json={"code": "ABCDEFGHIJ"},
                   headers={PROTOCOL_HEADER: str(MIN_PROTOCOL - 1)})
    assert r.status_code == 426 and "升级" in r.json()["message"]
    assert httpx.get(f"{server.url}/api/v1/pull").status_code == 400
    client = ServerClient(server.url)
    client._http.headers[PROTOCOL_HEADER] = "1"  # before case_no_taken existed
    with pytest.raises(SyncError) as err:
        client.call("GET", "/digest")
    assert err.value.kind is SyncErrorKind.UPGRADE and "升级" in err.value.message
    client.close()
    assert "/api/v1/push" in httpx.get(f"{server.url}/openapi.json").json()["paths"]
