"""Hostile requests at every endpoint of a real server process: each gets a 4xx
with our ``{"error", "message"}`` body (never FastAPI's English ``{"detail"}``,
never a 500) — or, for a well-formed push of a bad row, that change refused with
a reason — and the studio's feed is unchanged."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mediator.domain.ids import new_id
from mediator.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.server.test_isolation_and_abuse import _feed_seq
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess, api

JSON = {"Content-Type": "application/json"}
SHA = "0" * 64


def _push(changes_json: str) -> dict[str, Any]:
    body = f'{{"batch_id": "{new_id()}", "changes": [{changes_json}]}}'
    return {"content": body.encode(), "headers": JSON}


def _change(data_json: str, base_version: str = "0") -> str:
    return (f'{{"entity": "case", "id": "{new_id()}", "base_version": {base_version}, '
            f'"data": {data_json}}}')


def test_hostile_requests_get_our_4xx_body_and_change_nothing(
        server: ServerProcess, make_pc: Callable[..., Pc]) -> None:
    pc = make_pc("a")
    pc.enrol(server.url, server.new_studio(COMMITTEE_A, "桂城"))
    pc.run_sync()
    token = pc.access_token()
    before = _feed_seq(server)
    huge = "9" * 5000
    corpus: list[tuple[str, str, str, dict[str, Any]]] = [
        ("unknown path", "GET", "/nowhere", {}),
        ("wrong method", "DELETE", "/pull", {}),
        ("cursor beyond 64 bits", "GET", "/pull", {"params": {"cursor": str(2**64)}}),
        ("cursor of 5000 digits", "GET", "/pull", {"params": {"cursor": huge}}),
        ("limit of 5000 digits", "GET", "/pull", {"params": {"limit": huge}}),
        ("blob offset beyond 64 bits", "GET", f"/blobs/{SHA}", {"params": {"offset": 2**70}}),
        ("blob put size beyond 64 bits", "PUT", f"/blobs/{SHA}",
         {"params": {"offset": 0, "size": 2**64}, "content": b"x"}),
        ("lone surrogate in a row", "POST", "/push",
         _push(_change('{"summary": "\\ud800", "case_no": "\\udfff"}'))),
        ("lone surrogate as a key", "POST", "/push", _push(_change('{"\\ud800": 1}'))),
        ("5000-digit base_version", "POST", "/push", _push(_change("{}", huge))),
        ("5000-digit field", "POST", "/push", _push(_change(f'{{"year": {huge}}}'))),
        ("base_version beyond 64 bits", "POST", "/push", _push(_change("{}", str(2**64)))),
        ("100000 nested [", "POST", "/push",
         {"content": b"[" * 100_000, "headers": JSON}),
        ("nested in a row", "POST", "/push", _push(_change("[" * 50_000 + "]" * 50_000))),
        ("NaN in a row", "POST", "/push", _push(_change('{"x": NaN}'))),
        ("enrol nested", "POST", "/enrol", {"content": b"{" * 100_000, "headers": JSON}),
        ("enrol lone surrogate", "POST", "/enrol",
         {"content": b'{"code": "\\ud800ABCDEFGH"}', "headers": JSON}),
        ("token 5000 digits", "POST", "/token",
         {"content": f'{{"refresh_token": {huge}}}'.encode(), "headers": JSON}),
        ("conflict id of bad UTF-8", "POST", "/conflicts/%ff%fe/resolve", {}),
        ("conflict id 5000 chars", "POST", "/conflicts/" + "x" * 5000 + "/resolve", {}),
        ("blob sha with NUL", "GET", "/blobs/%00/status", {}),
        ("cursor of bad UTF-8", "GET", "/pull?cursor=%ff", {}),
        ("NUL in the code", "POST", "/enrol", {"json": {"code": "ABCD\u0000EFGH"}}),
        ("lease year beyond 64 bits", "POST", "/lease",
         {"json": {"prefix": "桂城", "year": 2**70, "count": 10, "used_max": 0}}),
    ]
    problems = []
    for name, method, path, kw in corpus:
        r = api(server, method, path, token, **kw)
        try:
            body = r.json()
        except ValueError:
            body = {}
        if path == "/push" and r.status_code == 200:
            # A well-formed push whose row is bad: refused per change, as the protocol says.
            results = body.get("results", [])
            if results and all(x["outcome"] == "rejected" and x["reason"] for x in results):
                continue
        if not (400 <= r.status_code < 500) or set(body) != {"error", "message"} or \
                not body.get("message"):
            problems.append(f"{name}: {r.status_code} {r.text[:200]}")
    assert not problems, "\n".join(problems)
    assert _feed_seq(server) == before
    for length in ("9" * 5000, "\u00b2", "-1"):  # raw: httpx would fix the header itself
        assert _raw_status(server, length) in (400, 411, 413), length
    pc.run_sync()  # and the studio still syncs


def _raw_status(server: ServerProcess, length: str) -> int:
    """The status for a push whose Content-Length header is ``length`` (sent raw)."""
    host, port = server.url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"POST /api/v1/push HTTP/1.1\r\nHost: x\r\n{PROTOCOL_HEADER}: "
                     f"{PROTOCOL_VERSION}\r\nContent-Length: {length}\r\n\r\n"
                     .encode("latin-1"))
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split()[1])


def test_mediator_server_commands_answer_hostile_input_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "srv"
    (tmp_path / "file").write_text("x")
    fifo = tmp_path / "tls.pem"
    os.mkfifo(fifo)  # OpenSSL would block on it forever
    corpus: list[tuple[list[str | bytes], str]] = [
        (["studio", "add", b"\xff"], "UTF-8"),
        (["studio", "add", "坏\x01名"], "控制字符"),
        (["studio", "add", "名" * 101], "1 到 100"),
        (["studio", "add", "桂城", "--prefix", "x\x1b[31m"], "控制字符"),
        (["--db", "bogus://x", "studio", "list"], "数据库地址"),
        (["--db", f"sqlite:///{tmp_path}/missing/x.db", "studio", "list"], "无法打开数据库"),
        (["--data-dir", str(tmp_path / "file"), "studio", "list"], "不是目录"),
        (["serve", "--port", "9" * 5000], "命令用法有误"),
        (["device", "revoke", "nope"], "找不到"),
        (["serve", "--port", "1", "--tls-cert", str(tmp_path / "file"),
          "--tls-key", str(tmp_path / "file")], "无法加载"),
        (["serve", "--port", "1", "--tls-cert", str(fifo), "--tls-key", str(fifo)], "管道"),
    ]
    problems = []
    for args, words in corpus:
        argv = [a if isinstance(a, bytes) else a.encode() for a in args]
        if argv[0] != b"--data-dir":
            argv = [b"--data-dir", os.fsencode(data), *argv]
        out = subprocess.run([sys.executable, "-m", "mediator.server.cli", *argv],
                             capture_output=True, timeout=60, check=False)
        err = out.stderr.decode("utf-8", "replace")
        lines = [line for line in err.splitlines() if line.strip()]
        if out.returncode == 0 or "Traceback" in err or len(lines) != 1 or words not in err \
                or not lines[0].startswith("mediator-server: "):
            problems.append(f"{args!r}: {out.returncode} {err[-300:]}")
    assert not problems, "\n".join(problems)
