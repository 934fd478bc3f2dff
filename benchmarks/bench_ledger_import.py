"""Importing a 5,000-row messy Excel ledger (台账), with its per-row report.

Target (issue 13): ≤ 5 s for the whole import — open and sniff the file, find the
two-row header, read every row (dates in five shapes, parties split on 、，;
and line breaks, ID numbers checked, some rounded by Excel and flagged), check
each registration, write all of them in one transaction with their numbers,
search text, outbox and audit entries, keep the maintained tables equal to the
rules (the statistics triggers' case_figures/statistics_day, the Today view's
case_due rows from the same case files the completeness check judges), run the
completeness check on every imported case, commit, and render the report lines.
The baseline, measured in the same run on the same file, is openpyxl merely
reading it (read-only, values only): what the file costs before the import does
anything.  The verdict reads the median CPU
time of the runs (the import is single-threaded; on a shared machine the wall clock
mostly measures the wait for a core); the wall median is printed beside it.

The ledger is generated once into ``.bench/`` (gitignored) by this script;
every run imports it into a fresh data dir there, removed at the end.

    python -m benchmarks.bench_ledger_import [--rows N] [--runs R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import time
import warnings
from pathlib import Path

from benchmarks.common import CACHE, Figure, report
from mediator.domain.idcard import make_citizen_id
from mediator.paths import DataDir
from mediator.services.ledger_import import import_ledger
from mediator.services.workspace import open_workspace

TARGET_S = 5.0
LEDGER_REVISION = 2  # bump when the generated ledger changes
TODAY = dt.date(2026, 12, 7)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩"
TYPES = ["邻里纠纷", "婚姻家庭", "家庭纠纷", "劳资纠纷", "交通事故", "物业", "合同纠纷", "借贷",
         "宅基地", "噪音扰民", "损害赔偿", "消费纠纷", "其它"]
SOURCES = ["当事人申请", "自行申请", "派出所移交", "法院委托", "网格员上报", "12345热线",
           "主动排查"]
RESULTS = ["调解成功", "成功", "不成功", "调解中", ""]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _date_cell(day: dt.date, shape: int) -> object:
    return [dt.datetime(day.year, day.month, day.day),
            (day - dt.date(1899, 12, 30)).days,
            f"{day.year}.{day.month}.{day.day}",
            f"{day.year}年{day.month}月{day.day}日",
            f"{day.year}/{day.month:02d}/{day.day:02d}"][shape % 5]


def make_ledger(path: Path, rows: int, seed: int = 1) -> None:
    """A ledger like tests/fixtures/ledgers/guicheng-2025.xlsx, ``rows`` cases long.

    A normal (not write-only) workbook: its text goes to the shared-strings table,
    as Excel and WPS save it."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "2025年台账"
    ws.append(["桂城街道人民调解委员会2025年矛盾纠纷调解台账"])
    ws.append(["填报单位：桂城街道人民调解委员会"])
    ws.append(["序号", "案号", "受理日期", "案件来源", "当事人", None, "身份证号码", None,
               "联系电话", "纠纷类型", "纠纷简要情况", "调解结果", "协议金额（元）", "结案日期",
               "调解员"])
    ws.append([None, None, None, None, "申请人", "被申请人", "申请人", "被申请人"])
    for i in range(1, rows + 1):
        if i % 100 == 0:
            ws.append([])  # blank rows, as ledgers have them
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 360)
        apps = [_name(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
        resps = [_name(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
        sep = rng.choice(["、", "，", "；", "\n"])
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 18_000))
        app_id: object = make_citizen_id("440605", born, rng.randrange(1, 999))
        if i % 10 == 0:  # typed into a number cell: Excel kept 15 digits
            app_id = int(str(app_id)[:15] + "000")
        date: object = "待补" if i % 250 == 0 else _date_cell(day, i)
        ws.append([i, f"（2025）桂城人调字第{i}号", date, rng.choice(SOURCES), sep.join(apps),
                   sep.join(resps), app_id, None, f"13{rng.randrange(100_000_000, 999_999_999)}",
                   rng.choice(TYPES), f"双方因{rng.choice(TYPES)}事项发生争议，经协商申请调解。",
                   rng.choice(RESULTS), rng.choice([None, 3000, "5,000元", 12000.5]),
                   _date_cell(day + dt.timedelta(days=10), i + 2), "陈调解"])
    ws.append(["合计", None, None, None, None, None, None, None, None, None, None, None,
               f"=SUM(M5:M{rows + 4})"])
    ws.append(["填表人：陈调解"])
    wb.save(path)


def openpyxl_read(path: Path) -> tuple[float, int, float]:
    """The baseline: openpyxl reading every row of the file, values only."""
    from openpyxl import load_workbook

    t0, c0 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings(), path.open("rb") as fh:
        warnings.simplefilter("ignore")
        wb = load_workbook(fh, read_only=True, data_only=True)
        n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
        wb.close()
    return time.perf_counter() - t0, n, time.process_time() - c0


def import_once(path: Path, work: Path) -> tuple[float, int, int, int, float]:
    shutil.rmtree(work, ignore_errors=True)
    data = DataDir.resolve(work).ensure()
    with open_workspace(data) as ws:
        ws.studio.setup("佛山市南海区桂城街道人民调解委员会", "桂城", "陈调解")
        _ = ws.db  # the database open, as in the running app
        t0, c0 = time.perf_counter(), time.process_time()
        report = import_ledger(ws, path, partial=True, today=TODAY)
        lines = report.problem_lines() + report.warning_lines()
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        assert report.written
        return elapsed, len(report.imported), len(report.rejected), len(lines), cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"ledger-{args.rows}-r{LEDGER_REVISION}.xlsx"
    if not path.exists():
        t0 = time.perf_counter()
        make_ledger(path, args.rows)
        print(f"  (made a {args.rows}-row ledger in {time.perf_counter() - t0:.1f} s: {path})")
    work = CACHE / "bench-ledger-import"
    try:
        base = [openpyxl_read(path) for _ in range(args.runs)]
        runs = [import_once(path, work) for _ in range(args.runs)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    read_s = statistics.median(b[0] for b in base)
    import_s = statistics.median(r[0] for r in runs)
    read_cpu = statistics.median(b[2] for b in base)
    import_cpu = statistics.median(r[4] for r in runs)
    _, imported, rejected, lines, _ = runs[0]
    size = path.stat().st_size / 1e6
    print(f"ledger of {args.rows} rows ({size:.1f} MB, {base[0][1]} sheet rows), "
          f"medians of {args.runs}")
    print(f"  openpyxl reading it (baseline): {read_s:.2f} s wall, {read_cpu:.2f} s CPU")
    print(f"  import with its report:         {import_s:.2f} s wall, {import_cpu:.2f} s CPU")
    print(f"  {imported} cases imported, {rejected} rows refused, {lines} report lines; "
          f"runs: {', '.join(f'{r[0]:.2f}' for r in runs)} s")
    return report([Figure(
        f"import of a {args.rows:,}-row messy ledger with its report, CPU", import_cpu, "s",
        TARGET_S, baseline=read_cpu, baseline_name="openpyxl merely reading it, CPU",
        note=f"wall {import_s:.2f} s (read {read_s:.2f} s); median of {args.runs}")])

if __name__ == "__main__":
    sys.exit(main())
