"""200 simulated studios syncing at once against one server on 127.0.0.1, on
PostgreSQL and on SQLite in the same run.

Each simulated studio is a protocol client (enrolled with its own one-time code
and tokens) whose round is what a desktop's incremental sync sends: a push of
one new case with its parties and roles (5 rows) whose answer carries the pull
page from its cursor (with the digest), as the desktop's last batch does.  All
200 start together; the figure is the p95 of their round times and the error
count, next to the same round run by a single studio alone.  Each case carries a
new number of its studio and every change must come back ``applied``, else the
round counts as an error.  Also printed: the server's and PostgreSQL's CPU time
per round (steadier than round times on a shared machine) and the load average.
Target: 0 errors, p95 ≤ 1 s on PostgreSQL on 2 cores (SQLite reported beside it).

PostgreSQL runs when a URL is given (``--db``, else ``MEDIATOR_TEST_PG_URL``, which
.ci/pg.sh prints).  ``--profile`` runs it as deployed: build/server/postgresql.conf
applied to the cluster (ALTER SYSTEM + reload, undone afterwards) and the server
started with nothing but the variables of build/server/mediator-server.default, as
the systemd unit starts it.  Without ``--profile`` the server's own defaults apply.

    python -m benchmarks.bench_sync_load [--studios N] [--rounds R] [--db URL]
        [--profile [--pg-admin URL]] [--workers N] [--pool-size N] [--only ENGINE]
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import pg_profile
from benchmarks.common import Figure, ms, p95, report, skipped
from mediator.domain.ids import new_id
from mediator.server.auth import create_enrol_code
from mediator.server.cli import default_workers
from mediator.server.db import DEFAULT_PG_POOL, ServerDB
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


def _proc_stats() -> dict[int, tuple[int, str, float, float]]:
    """Every process's parent, name, own CPU and its reaped children's CPU, in seconds."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    out: dict[int, tuple[int, str, float, float]] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = entry.read_text()
            fields = text.rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        name = text[text.find("(") + 1:text.rfind(")")]
        out[int(entry.parent.name)] = (int(fields[1]), name,
                                       (int(fields[11]) + int(fields[12])) / tick,
                                       (int(fields[13]) + int(fields[14])) / tick)
    return out


def postgres_cpu_seconds() -> float:
    """CPU time of every PostgreSQL process on this machine (backends, writers, and
    backends already gone, counted in their parent): the database's share of a round."""
    return sum(own + reaped for _, name, own, reaped in _proc_stats().values()
               if name == "postgres")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live descendants (the server and
    its uvicorn workers), from /proc; 0.0 where there is no /proc.  Unlike round
    times, this hardly moves when other work shares the machine."""
    stats = _proc_stats()
    total, todo = 0.0, [pid]
    while todo:
        here = todo.pop()
        total += stats[here][2] if here in stats else 0.0
        todo.extend(child for child, st in stats.items() if st[0] == here)
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


@dataclass
class Rounds:
    """One engine's measurement: the single studio's rounds, then everyone's."""

    alone: list[float]
    times: list[float]
    errors: int
    server_cpu: float
    pg_cpu: float

    def per_round(self, seconds: float) -> float:
        return seconds / max(1, len(self.times) + self.errors)

    @property
    def ok(self) -> bool:
        return self.errors == 0 and bool(self.times) and p95(self.times) <= 1.0


async def run(port: int, codes: list[str], rounds: int, server_pid: int) -> Rounds:
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
    cpu0, pg0 = cpu_seconds(server_pid), postgres_cpu_seconds()
    for _ in range(rounds):
        results = await asyncio.gather(*(s.round() for s in studios), return_exceptions=True)
        for res in results:
            if isinstance(res, BaseException):
                errors += 1
            else:
                times.append(res)
    return Rounds(alone, times, errors, cpu_seconds(server_pid) - cpu0,
                  postgres_cpu_seconds() - pg0)


def measure(db_url: str | None, studios: int, rounds: int, workers: int | None,
            env: dict[str, str]) -> Rounds:
    """Start a server (``workers`` None: its own default), create ``studios`` studios
    with their one-time codes, enrol them and run the rounds."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    server = ServerProcess(tmp / "server", db_url=db_url, workers=workers, env=env)
    server.root.mkdir()
    server.start()
    try:
        db = ServerDB(db_url or f"sqlite:///{server.root / 'server.sqlite3'}")
        codes = []
        # A PostgreSQL database may hold earlier runs' studios: a random tag (a uuid7's
        # first 8 digits are its time in ~minute steps, the same for runs a minute apart).
        run_tag = new_id()[-8:]
        with db.write() as s:
            for i in range(studios):
                studio = Studio(name=f"模拟调解工作室{i:03d}-{run_tag}", case_prefix="桂城")
                s.add(studio)
                s.flush()
                codes.append(create_enrol_code(s, studio.id))
        db.dispose()
        assert server.proc is not None
        return asyncio.run(run(server.port, codes, rounds, server.proc.pid))
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--studios", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--db", default=os.environ.get("MEDIATOR_TEST_PG_URL", ""),
                    help="PostgreSQL URL (default: $MEDIATOR_TEST_PG_URL; none: SQLite only)")
    ap.add_argument("--only", choices=("postgresql", "sqlite"), help="one engine only")
    ap.add_argument("--profile", action="store_true",
                    help="apply build/server/postgresql.conf and start the server with "
                         "build/server/mediator-server.default's variables")
    ap.add_argument("--pg-admin", default="", help="superuser URL for --profile "
                    "(default: psql as the postgres system user)")
    ap.add_argument("--workers", type=int, help="PostgreSQL server processes "
                    "(default: the profile's, else the server's own default)")
    ap.add_argument("--pool-size", type=int, help="PostgreSQL connections per process")
    args = ap.parse_args()
    engines = [e for e in ("postgresql", "sqlite") if args.only in (None, e)]
    if "postgresql" in engines and not args.db:
        print("(no PostgreSQL URL: run `bash .ci/pg.sh` and pass --db, or set "
              "MEDIATOR_TEST_PG_URL; SQLite only)")
        engines.remove("postgresql")
    print(f"{args.studios} studios syncing at once, {args.rounds} rounds each engine; "
          f"{os.cpu_count()} cores; load average before: {_load()}")
    results: list[tuple[str, str, Rounds]] = []
    for engine in engines:
        if engine == "sqlite":
            # One process, as the shipped environment file has it (group commit).
            results.append(("SQLite, group commit", "1 / -", measure(
                None, args.studios, args.rounds, 1, {})))
            continue
        env: dict[str, str] = {}
        admin = applied = None
        settings = pg_profile.pg_settings()
        if args.profile:
            env = {k: v for k, v in pg_profile.server_environment(postgres=True).items()
                   if k in ("MEDIATOR_SERVER_WORKERS", "MEDIATOR_SERVER_POOL_SIZE")}
            admin = pg_profile.Admin(args.db, args.pg_admin)
            applied = admin.apply(settings)
        if args.workers is not None:
            env["MEDIATOR_SERVER_WORKERS"] = str(args.workers)
        if args.pool_size is not None:
            env["MEDIATOR_SERVER_POOL_SIZE"] = str(args.pool_size)
        try:
            rounds = measure(args.db, args.studios, args.rounds, None, env)
        finally:
            if admin is not None:
                admin.reset(settings)
        workers = env.get("MEDIATOR_SERVER_WORKERS") or str(default_workers(args.db))
        pool = env.get("MEDIATOR_SERVER_POOL_SIZE") or str(DEFAULT_PG_POOL)
        label = "PostgreSQL, profile" if args.profile else "PostgreSQL"
        results.append((label, f"{workers} / {pool}", rounds))
        if applied is not None:
            print(f"  profile: {len(applied.live)} PostgreSQL settings live "
                  f"(build/server/postgresql.conf), undone afterwards"
                  + (f"; waiting for a restart, not applied: {', '.join(applied.pending_restart)}"
                     if applied.pending_restart else ""))
    print(f"{'':22} {'procs / pool':>12} {'alone':>9} {'p50':>9} {'p95':>9} {'max':>9} "
          f"{'errors':>6} {'server CPU':>10} {'PG CPU':>9}  (per round)")
    for label, shape, r in results:
        print(f"{label:22} {shape:>12} {ms(statistics.median(r.alone)):>9} "
              f"{ms(statistics.median(r.times)) if r.times else '-':>9} "
              f"{ms(p95(r.times)) if len(r.times) > 1 else '-':>9} "
              f"{ms(max(r.times)) if r.times else '-':>9} {r.errors:>6} "
              f"{ms(r.per_round(r.server_cpu)):>10} "
              f"{ms(r.per_round(r.pg_cpu)) if label.startswith('PostgreSQL') else '-':>9}"
              f"  {'ok' if r.ok else 'MISSED'}")
    print("  alone: the same round for one studio alone (median), in the same run; "
          "target: 0 errors, p95 <= 1 s")
    print(f"  load average after: {_load()}")
    figures = []
    if "postgresql" not in engines and args.only in (None, "postgresql"):
        note = "no PostgreSQL URL (.ci/pg.sh; `make bench` runs it first)"
        figures += [skipped(f"{args.studios} studios syncing at once, PostgreSQL, p95", "ms",
                            1000.0, note),
                    skipped(f"{args.studios} studios syncing at once, PostgreSQL, errors", "",
                            0, note)]
    for label, shape, r in results:
        name = f"{args.studios} studios syncing at once, {label}"
        figures.append(Figure(
            f"{name}, p95", p95(r.times) * 1000 if len(r.times) > 1 else float("inf"), "ms", 1000.0,
            baseline=statistics.median(r.alone) * 1000,
            baseline_name="the same round for one studio alone, median",
            note=f"procs / pool {shape}; server CPU {ms(r.per_round(r.server_cpu))} a round"
                 + ("" if len(r.times) > 1 else "; no round completed")))
        figures.append(Figure(f"{name}, errors", r.errors, "", 0))
    return report(figures)


if __name__ == "__main__":
    sys.exit(main())
