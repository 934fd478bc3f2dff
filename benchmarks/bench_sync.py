"""Sync figures against same-run baselines, all traffic to a server on 127.0.0.1.

* first sync of N cases (default 10,000) end to end — the enrolled PC's push of
  every row, and a second PC's pull of all of them — against a local bulk insert
  of the same cases (demo.generate into a fresh database); target (issue 15) ≤ 1.2×
  for the push and for the pull;
* a one-case incremental sync (register one case, one round); target ≤ 100 ms,
  shown next to an idle round;
* bytes sent and received by that incremental round at a small and a large
  database (1,000 vs N cases; 100,000 with --big 100000): must not grow.

    python -m benchmarks.bench_sync [--cases N] [--big M]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import FIXED_TODAY, Figure, ms, report
from mediator.services import demo
from tests.sync.harness import Pc, ServerProcess

COMMITTEE = "佛山市南海区桂城街道人民调解委员会"
FIRST_SYNC_RATIO = 1.2  # issue 15: first sync ≤ 1.2× a local bulk insert, push and pull
INCREMENTAL_MS = 100.0


def _studio(server: ServerProcess, name: str) -> tuple[str, str]:
    return server.new_studio(name, "桂城"), name


def incremental(pc: Pc, rounds: int = 15) -> tuple[list[float], list[float], int, int]:
    """(one-case round times, idle round times, bytes sent, bytes received)."""
    pc.run_sync()
    busy, idle = [], []
    sent = received = 0
    for i in range(rounds):
        pc.register(f"增量同步的案件{i}")
        t0 = time.perf_counter()
        report = pc.run_sync()
        busy.append(time.perf_counter() - t0)
        sent, received = report.bytes_sent, report.bytes_received
        t0 = time.perf_counter()
        pc.run_sync()
        idle.append(time.perf_counter() - t0)
    return busy, idle, sent, received


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=0, help="large size for the bytes figure")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    server = ServerProcess(tmp / "server")
    server.root.mkdir()
    server.start()
    figures: list[Figure] = []
    try:
        # ---------------------------------------------------------- first sync
        pc1 = Pc(tmp / "pc1", COMMITTEE, "桂城", "陈调解")
        t0 = time.perf_counter()
        demo.generate(pc1.ws, args.cases, seed=7, today=FIXED_TODAY)
        bulk = time.perf_counter() - t0
        code, name = _studio(server, COMMITTEE)
        pc1.enrol(server.url, code)
        t0 = time.perf_counter()
        pushed = pc1.run_sync()
        push_s = time.perf_counter() - t0
        pc2 = Pc(tmp / "pc2", COMMITTEE, "桂城", "李调解")
        pc2.enrol(server.url, server.code(name))
        t0 = time.perf_counter()
        pulled = pc2.run_sync()
        pull_s = time.perf_counter() - t0
        assert pulled.pulled >= pushed.pushed - 10, (pulled.pulled, pushed.pushed)
        print(f"first sync of {args.cases} cases ({pushed.pushed} rows):")
        print(f"  baseline local bulk insert      {bulk:7.2f} s")
        for label, secs in (("push from the first PC", push_s),
                            ("pull into a second PC", pull_s)):
            print(f"  {label:30s}  {secs:7.2f} s  = {secs / bulk:.2f}x")
            figures.append(Figure(
                f"first sync of {args.cases:,} cases, {label}", secs, "s", FIRST_SYNC_RATIO,
                baseline=bulk, measure="ratio",
                baseline_name="local bulk insert of the same cases (demo.generate), wall",
                note=f"{pushed.pushed:,} rows; wall, server on 127.0.0.1"))

        # ---------------------------------------------------------- incremental
        busy, idle, sent_big, recv_big = incremental(pc1)
        med = statistics.median(busy)
        print(f"one-case incremental sync at {args.cases} cases: median {ms(med)}, "
              f"max {ms(max(busy))}")
        print(f"  baseline idle round (nothing to send): median {ms(statistics.median(idle))}")
        figures.append(Figure(
            f"one-case incremental sync at {args.cases:,} cases, median", med * 1000, "ms",
            INCREMENTAL_MS, baseline=statistics.median(idle) * 1000,
            baseline_name="an idle round (nothing to send), median",
            note=f"max {ms(max(busy))}; {len(busy)} rounds, wall"))

        # ---------------------------------------------------------- bytes vs size
        small = Pc(tmp / "small", "佛山市南海区大沥镇人民调解委员会", "桂城", "黄调解")
        demo.generate(small.ws, 1000, seed=3, today=FIXED_TODAY)
        small.enrol(server.url, server.new_studio("佛山市南海区大沥镇人民调解委员会", "桂城"))
        _, _, sent_small, recv_small = incremental(small, rounds=3)
        big_n, sent_b, recv_b = args.cases, sent_big, recv_big
        if args.big:
            big = Pc(tmp / "big", "佛山市南海区里水镇人民调解委员会", "桂城", "黄调解")
            for start in range(0, args.big, 20_000):
                demo.generate(big.ws, min(20_000, args.big - start), seed=11 + start,
                              today=FIXED_TODAY)
            big.enrol(server.url, server.new_studio("佛山市南海区里水镇人民调解委员会", "桂城"))
            _, _, sent_b, recv_b = incremental(big, rounds=3)
            big_n = args.big
        print(f"bytes of a one-case incremental sync: {sent_small} sent / {recv_small} received "
              f"at 1000 cases, {sent_b} / {recv_b} at {big_n} cases")
        for what, small_b, big_b in (("sent", sent_small, sent_b),
                                     ("received", recv_small, recv_b)):
            figures.append(Figure(
                f"bytes {what} by a one-case sync at {big_n:,} cases", big_b, "B", 1.2,
                baseline=small_b, measure="ratio",
                baseline_name="the same at 1,000 cases (must not grow with the data)"))
        if not args.big:
            print("  (the large size is the first-sync data set; --big 100000 builds 100k cases, "
                  "which takes several minutes on 2 cores)")
        for pc in (pc1, pc2, small):
            pc.close()
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return report(figures)


if __name__ == "__main__":
    sys.exit(main())
