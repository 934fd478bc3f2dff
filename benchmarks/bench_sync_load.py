"""200 simulated studios syncing at once against one server on 127.0.0.1.

Each simulated studio is a protocol client (enrolled with its own one-time code
and tokens) whose round is what a desktop's incremental sync sends: a push of
one new case with its parties and roles (5 rows) whose answer carries the pull
page from its cursor (with the digest), as the desktop's last batch does.  All
200 start together; the figure is the
p95 of their round times and the error count, next to the same round run by a
single studio alone.  Each case carries a new number of its studio and every change
must come back ``applied``, else the round counts as an error.  Also printed: the
server's CPU time per round (steadier than round times on a shared machine) and the
load average.  Target: 0 errors, p95 ≤ 1 s.

    python -m benchmarks.bench_sync_load [--studios N] [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import ms, p95
from mediator.domain.ids import new_id
from mediator.server.auth import create_enrol_code
from mediator.server.db import ServerDB
from mediator.server.models import Studio
from mediator.sync.protocol import API, PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.sync.harness import ServerProcess


def _case_rows(serial: int) -> list[dict[str, Any]]:
    """A new case (numbered ``serial``: the server refuses a number the studio already
    holds) with two parties and their roles, as the desktop pushes it."""
    case_id = new_id()
    rows = [{"entity": "case", "id": case_id, "base_version": 0, "deleted": False, "data": {
        "case_no": f"（2026）桂城人调字第{serial}号", "year": 2026, "seq": serial,
        "status": "registered",
        "dispute_type": "neighbour", "source": "party_application",
        "summary": "楼上卫生间漏水，申请人家天花板发霉、墙面脱落，多次协商未果。",
        "requests": ["请求被申请人修复防水层"], "registered_on": "2026-11-01",
        "referral_note": "", "mediator_id": None, "created_at": "2026-11-01T08:00:00+00:00",
        "updated_at": "2026-11-01T08:00:00+00:00", "status_reason": "",
        "retention_class": "", "legal_hold": False}}]
    for pos, name in enumerate(("王某", "李某")):
        party_id = new_id()
        rows.append({"entity": "party", "id": party_id, "base_version": 0, "deleted": False,
                     "data": {"kind": "person", "name": name, "phone": "13812345678",
                              "address": "广东省佛山市南海区桂城街道", "id_number": ""}})
        rows.append({"entity": "case_party", "id": new_id(), "base_version": 0,
                     "deleted": False, "data": {"case_id": case_id, "party_id": party_id,
                                                "role": "applicant", "position": pos}})
    return rows


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live descendants (the server and
    its uvicorn workers), from /proc; 0.0 where there is no /proc.  Unlike round
    times, this hardly moves when other work shares the machine."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid_here = int(entry.parent.name)
        parents[pid_here] = int(fields[1])
        used[pid_here] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        here = todo.pop()
        total += used.get(here, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == here)
    return total


class Conn:
    """A minimal keep-alive HTTP/1.1 client over asyncio streams: the simulated
    studios must not cost more CPU than the server they measure (httpx's async
    pool is ~10x slower than the server at 200 connections on this machine)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, token: str = "",
                      body: Any = None) -> tuple[int, Any]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"{PROTOCOL_HEADER}: {PROTOCOL_VERSION}\r\n"
                f"Content-Length: {len(data)}\r\nContent-Type: application/json\r\n")
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        self.writer.write(head.encode() + b"\r\n" + data)
        await self.writer.drain()
        response = await self.reader.readuntil(b"\r\n\r\n")
        lines = response.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = next(int(x.split(b":")[1]) for x in lines if x.lower().startswith(
            b"content-length:"))
        payload = json.loads(await self.reader.readexactly(length))
        if status >= 400:
            raise RuntimeError(f"HTTP {status}: {payload}")
        return status, payload


class SimStudio:
    def __init__(self, port: int) -> None:
        self.conn = Conn(port)
        self.token = ""
        self.cursor = 0
        self.serial = 0

    async def enrol(self, code: str) -> None:
        _, answer = await self.conn.request("POST", f"{API}/enrol",
                                            body={"code": code, "device_name": "bench"})
        self.token = answer["access_token"]

    async def round(self) -> float:
        self.serial += 1
        t0 = time.perf_counter()
        _, result = await self.conn.request(
            "POST", f"{API}/push", self.token,
            {"batch_id": new_id(), "changes": _case_rows(self.serial), "audit": [],
             "pull_cursor": self.cursor})
        if any(r["outcome"] != "applied" for r in result["results"]):
            raise RuntimeError(f"not applied: {result['results']}")
        self.cursor, more = result["page"]["cursor"], result["page"]["more"]
        while more:
            _, page = await self.conn.request("GET", f"{API}/pull?cursor={self.cursor}",
                                              self.token)
            self.cursor, more = page["cursor"], page["more"]
        return time.perf_counter() - t0


async def run(port: int, codes: list[str], rounds: int, server_pid: int
              ) -> tuple[list[float], list[float], int, float]:
    studios = [SimStudio(port) for _ in codes]
    sem = asyncio.Semaphore(20)

    async def enrol(s: SimStudio, code: str) -> None:
        async with sem:
            await s.enrol(code)

    await asyncio.gather(*(enrol(s, c) for s, c in zip(studios, codes, strict=True)))
    alone = [await studios[0].round() for _ in range(20)]
    await asyncio.gather(*(s.round() for s in studios))  # warm-up: cursors, connections
    times: list[float] = []
    errors = 0
    cpu0 = cpu_seconds(server_pid)
    for _ in range(rounds):
        results = await asyncio.gather(*(s.round() for s in studios), return_exceptions=True)
        for res in results:
            if isinstance(res, BaseException):
                errors += 1
            else:
                times.append(res)
    return alone, times, errors, cpu_seconds(server_pid) - cpu0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--studios", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--db", default="", help="server database URL (default: SQLite)")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    server = ServerProcess(tmp / "server", db_url=args.db or None, workers=args.workers)
    server.root.mkdir()
    server.start()
    try:
        db = ServerDB(args.db or f"sqlite:///{server.root / 'server.sqlite3'}")
        codes = []
        # A PostgreSQL database may hold earlier runs' studios: a random tag (a uuid7's
        # first 8 digits are its time in ~minute steps, the same for runs a minute apart).
        run_tag = new_id()[-8:]
        with db.write() as s:
            for i in range(args.studios):
                studio = Studio(name=f"模拟调解工作室{i:03d}-{run_tag}", case_prefix="桂城")
                s.add(studio)
                s.flush()
                codes.append(create_enrol_code(s, studio.id))
        db.dispose()
        assert server.proc is not None
        alone, times, errors, cpu = asyncio.run(run(server.port, codes, args.rounds,
                                                    server.proc.pid))
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    ok = errors == 0 and p95(times) <= 1.0
    engine = ("PostgreSQL" if args.db else
              "SQLite, group commit" if args.workers == 1 else "SQLite, fsync per commit")
    print(f"{args.studios} studios syncing at once ({args.rounds} rounds, {args.workers} server "
          f"process(es), {engine}): p50 {ms(statistics.median(times))}, p95 {ms(p95(times))}, "
          f"max {ms(max(times))}, errors {errors}  "
          f"{'ok' if ok else 'MISSED (target: 0 errors, p95 <= 1 s)'}")
    print(f"  baseline: the same round for one studio alone: median "
          f"{ms(statistics.median(alone))}")
    print(f"  server CPU per studio round: {ms(cpu / max(1, len(times) + errors))}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
