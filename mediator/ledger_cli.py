"""``mediator import LEDGER.xlsx``: the ledger import's report on the terminal.

Kept out of :mod:`mediator.cli` so the command module stays a table of small
handlers.  Exit codes as the JSON import: 0 when every row with a case was
importable, 1 when any row was refused (with or without ``--partial``) or the
file could not be read.  Refused rows go to stderr with their row numbers;
warnings, the column mapping and the completeness summary to stdout.  Nothing
printed names a party or an ID number.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from mediator.paths import DataDir

SHOWN = 20  # lines of one kind before "还有 N 条"


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= SHOWN:
        return lines
    return [*lines[:SHOWN - 1], f"还有 {len(lines) - SHOWN + 1} 条{what}"]


def import_ledger_command(args: argparse.Namespace, data_dir: DataDir,
                          open_workspace: Callable[[DataDir], Any]) -> int:
    from mediator.services.ledger_import import import_ledger  # noqa: PLC0415 - lazy
    from mediator.services.ledger_source import sniff  # noqa: PLC0415

    sniff(args.file)  # a wrong file is refused before the data dir is opened
    with open_workspace(data_dir) as ws:
        report = import_ledger(ws, args.file, partial=args.partial, dry_run=args.dry_run)
    print(f"工作表“{report.sheet}”，列的对应：")
    for line in report.mapping:
        print(f"  {line}")
    for note in report.notes:
        print(f"说明：{note}")
    for line in _capped(report.warning_lines(), "提示"):
        print(f"提示：{line}")
    for line in _capped(report.problem_lines(), "问题"):
        print(f"mediator: {line}", file=sys.stderr)
    ok, bad, skipped = len(report.imported), len(report.rejected), len(report.skipped)
    counts = f"{ok} 行可导入，{bad} 行有错误" + (f"，{skipped} 行跳过（合计、表尾或重复的表头）"
                                               if skipped else "")
    if report.lacks and (report.written or args.dry_run):
        print("卷宗完整性检查（导入的案件尚缺）：")
        for lack, n in report.lacks.most_common(10):
            print(f"  {lack}：{n} 件")
    if args.dry_run:
        hint = "（加 --partial 可只导入无误的行）" if bad and ok and not args.partial else ""
        print(f"检查完毕（未写入）：{counts}{hint}。")
    elif report.written:
        rest = f"，{bad} 行有错误未导入（见上）" if bad else ""
        print(f"已从台账导入 {ok} 件，均为“受理”状态，标记为台账导入{rest}。")
    elif bad:
        hint = "；改正后重新导入，或加 --partial 只导入无误的行" if ok and not args.partial else ""
        print(f"mediator: 台账中 {bad} 行有错误，未导入任何案件{hint}。", file=sys.stderr)
    else:
        print("台账中没有可导入的案件行，未导入任何案件。")
    return 0 if not bad else 1
