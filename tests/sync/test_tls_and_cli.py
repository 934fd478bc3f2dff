"""HTTPS verified against the district CA, and the `mediator enrol` / `mediator sync`
commands as a scheduled task would run them."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mediator.errors import SyncError, SyncErrorKind
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import REPO, Pc, ServerProcess


def _tls_files(root: Path) -> tuple[Path, Path, Path]:
    """(CA cert, server cert, server key) for 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试区级CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(1)
          .not_valid_before(now - dt.timedelta(hours=1))
          .not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = root / "ca.pem", root / "server.pem", root / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class TlsServer(ServerProcess):
    def __init__(self, root: Path, cert: Path, key: Path) -> None:
        super().__init__(root)
        self.cert, self.key = cert, key

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self, env: dict[str, str] | None = None) -> ServerProcess:
        import httpx

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mediator.server.cli", *self.base_args(), "serve",
             "--port", str(self.port), "--tls-cert", str(self.cert), "--tls-key", str(self.key)],
            cwd=REPO, env={**os.environ, **self.env}, stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(300):
            try:
                httpx.get(self.url + "/health", verify=False, timeout=1)
                return self
            except httpx.HTTPError:
                import time

                time.sleep(0.1)
        raise RuntimeError("TLS server did not start")


def test_https_verified_against_the_configured_district_ca(
        tmp_path: Path, make_pc: Callable[..., Pc]) -> None:
    ca, cert, key = _tls_files(tmp_path)
    srv = TlsServer(tmp_path / "srv", cert, key)
    srv.root.mkdir()
    srv.start()
    try:
        pc = make_pc("a1")
        code = srv.new_studio(COMMITTEE_A, "桂城")
        with pytest.raises(SyncError) as err:
            pc.sync.enrol(srv.url, code)  # not signed by anyone this PC trusts
        assert err.value.kind is SyncErrorKind.PROTOCOL and "证书" in err.value.message
        pc.sync.enrol(srv.url, code, ca_file=str(ca))  # the code was not used up
        pc.run_sync()
        ref = pc.register("经HTTPS同步的案件")
        assert pc.run_sync().pushed >= 5
        assert ref.id in pc.cases()
    finally:
        srv.stop()


def _mediator(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


def test_enrol_and_sync_commands(tmp_path: Path, sqlite_server: ServerProcess) -> None:
    data = tmp_path / "pc"
    out = _mediator(data, "enrol", sqlite_server.url,
                    sqlite_server.new_studio(COMMITTEE_A, "桂城"), "--mediator", "陈调解")
    assert out.returncode == 0, out.stderr
    assert COMMITTEE_A in out.stdout
    out = _mediator(data, "sync")
    assert out.returncode == 0, out.stderr
    [line] = out.stdout.strip().splitlines()
    assert line.startswith("同步完成：上传") and "下载" in line and "冲突" in line
    out = _mediator(data, "demo", "--cases", "3")
    assert out.returncode == 0, out.stderr
    sqlite_server.stop()
    out = _mediator(data, "sync")
    assert out.returncode == 1
    [line] = out.stderr.strip().splitlines()
    assert "无法连接区级服务器" in line
    sqlite_server.start()
    out = _mediator(data, "sync")
    assert out.returncode == 0 and "上传" in out.stdout
    again = _mediator(tmp_path / "other", "enrol", sqlite_server.url, "WRONG-CODE-0000")
    assert again.returncode == 1 and "注册码" in again.stderr
