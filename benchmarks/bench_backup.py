"""Backup and its verification of a 100,000-case data dir, against a plain file copy.

Targets (issue 10): the backup (SQLite's backup API, fsync, rename) ≤ 10 s and its
verification (a restore into tmp/, ``PRAGMA integrity_check``, studio and case
count compared) ≤ 10 s.  The baseline is a plain ``shutil.copyfile`` + fsync of
the same database file in the same run: what the disk alone costs.

The cached demo data dir is never written to: the benchmark works on a copy in
``.bench/`` (the repository's gitignored cache), removed at the end.

    python -m benchmarks.bench_backup [--cases N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from benchmarks.common import CACHE, Figure, demo_data_dir, report
from mediator.paths import DataDir
from mediator.services.backups import BackupService
from mediator.store import backup as files

TARGET_S = 10.0


def plain_copy(src: Path, dest: Path) -> float:
    t0 = time.perf_counter()
    shutil.copyfile(src, dest)
    fd = os.open(dest, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    cached = demo_data_dir(args.cases)
    work = DataDir.resolve(CACHE / "bench-backup").ensure()
    try:
        size = cached.database.stat().st_size
        copy_s = plain_copy(cached.database, work.database)
        service = BackupService(work)
        backup_s, verify_s, copies = [], [], []
        for run in range(args.runs):
            dest = work.backups / f"mediator-manual-bench-{run}.sqlite3"
            t0 = time.perf_counter()
            summary, _mark = files.snapshot_database(work.database, dest)
            backup_s.append(time.perf_counter() - t0)
            assert summary is not None
            t0 = time.perf_counter()
            service.verify(dest, summary)
            verify_s.append(time.perf_counter() - t0)
            copies.append(plain_copy(work.database, work.tmp / "baseline.sqlite3"))
            (work.tmp / "baseline.sqlite3").unlink()
            dest.unlink()
        t0 = time.perf_counter()
        result = service.back_up("manual")
        whole = time.perf_counter() - t0
        baseline = max([copy_s, *copies])
        print(f"backup of {summary.cases:,} cases ({size / 1e9:.2f} GB), worst of {args.runs} "
              "runs; baseline: plain file copy + fsync of the same file")
        print(f"whole back_up() (backup + verification + rotation + state): {whole:.1f} s, "
              f"{result.summary.cases:,} cases verified")
        base = "plain file copy + fsync of the same file (worst run)"
        note = f"worst of {args.runs} runs; {size / 1e9:.2f} GB database"
        return report([
            Figure(f"backup of {summary.cases:,} cases (backup API, fsync, rename)",
                   max(backup_s), "s", TARGET_S, baseline=baseline, baseline_name=base,
                   note=note),
            Figure("its verification (restore into tmp/ + integrity check + counts)",
                   max(verify_s), "s", TARGET_S, baseline=baseline, baseline_name=base,
                   note=note),
        ])
    finally:
        shutil.rmtree(work.root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
