"""The server's own files and keys (issue 12, item 6): the database (with its -wal
and -shm), the blobs and the district CA's key are readable by the server's user
only; the CA key is a 0600 file, not a column of the database, and a server from
before has it moved out (migration 0003) and its files tightened at the next
start; an access token stops working once the PC refreshes it."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from cryptography import x509

from mediator.server.ca import KEY_FILE
from mediator.server.db import ServerDB
from tests.sync.conftest import COMMITTEE_A, COMMITTEE_B
from tests.sync.harness import Pc, ServerProcess, api


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _ca_row(root: Path) -> tuple[bytes, bytes]:
    with sqlite3.connect(root / "server.sqlite3") as conn:
        key, cert = conn.execute("SELECT key_pem, cert_pem FROM district_ca").fetchone()
    return bytes(key), bytes(cert)


def _assert_private(root: Path) -> None:
    assert _mode(root) == 0o700
    for name in ("server.sqlite3", "server.sqlite3-wal", "server.sqlite3-shm", KEY_FILE):
        if (root / name).exists():
            assert _mode(root / name) == 0o600, name
    blobs = list((root / "blobs").rglob("*"))
    assert any(p.is_file() for p in blobs)
    for p in blobs:
        assert _mode(p) == (0o600 if p.is_file() else 0o700), p


def test_the_database_blobs_and_ca_key_are_readable_by_the_server_user_only(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a = make_pc("a")
    a.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    case = a.register("带附件的案件")
    a.attach(case.id, b"\xff\xd8 a photo of the leak" * 100)
    assert a.run_sync().blobs_up == 1
    root = sqlite_server.root
    _assert_private(root)
    key, cert = _ca_row(root)
    assert key == b""  # not in the database
    assert b"PRIVATE KEY" in (root / KEY_FILE).read_bytes()
    assert a.ws.studio.context()[0] is not None
    chain = x509.load_pem_x509_certificate(cert)
    assert chain.subject == chain.issuer


def test_an_older_server_has_its_key_moved_out_and_its_files_tightened(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a = make_pc("a")
    a.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    a.attach(a.register("旧服务器上的案件").id, b"scan" * 500)
    a.run_sync()
    sqlite_server.stop()
    root = sqlite_server.root
    key_file = root / KEY_FILE
    old_key, cert = key_file.read_bytes(), _ca_row(root)[1]
    # As a server before this change left it: key in the row, files 0644 in a 0755 dir.
    with sqlite3.connect(root / "server.sqlite3") as conn:
        conn.execute("UPDATE district_ca SET key_pem = ?", (old_key,))
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        # What later revisions (0004, 0005: district accounts and statistics) added,
        # which a server at 0002 did not have: they are made again on the way up.
        for table in ("district_account", "district_session", "district_case_fact",
                      "district_fact_cursor", "district_day_total"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for index in ("ix_row_agreement_case", "ix_row_detail_agreement",
                      "ix_row_workflow_case"):
            conn.execute(f"DROP INDEX IF EXISTS {index}")
    key_file.unlink()
    for p in [root, *root.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)

    # Migration 0003 moves the key out, given the data dir ...
    ServerDB(f"sqlite:///{root / 'server.sqlite3'}", data_dir=root).dispose()
    assert key_file.read_bytes() == old_key and _ca_row(root) == (b"", cert)
    # ... and the server's start tightens the files.
    sqlite_server.start()
    _assert_private(root)
    assert key_file.read_bytes() == old_key and _mode(key_file) == 0o600
    assert _ca_row(root) == (b"", cert)
    # The same CA still issues: a new studio's PC gets a certificate under it.
    b = make_pc("b", committee=COMMITTEE_B, prefix="南庄")
    b.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_B, "南庄"))
    assert b.run_sync().pushed >= 1


def test_a_refreshed_access_token_is_revoked(
        sqlite_server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    a = make_pc("a")
    a.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    first = a.access_token()
    assert api(sqlite_server, "GET", "/digest", first).status_code == 200
    second = a.access_token()  # the PC refreshes
    r = api(sqlite_server, "GET", "/digest", first)
    assert r.status_code == 401 and r.json()["error"] == "bad_token"
    assert api(sqlite_server, "GET", "/digest", second).status_code == 200
    assert a.run_sync().digest_ok
