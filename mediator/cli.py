"""The ``mediator`` command: the desktop app by default, sub-commands for admin work.

Contract (ARCHITECTURE.md, "Command-line contract"): bad input on any command is
one clear line in the user's language on stderr and a non-zero exit, with
nothing half-written.  ``MEDIATOR_DATA_DIR`` overrides the default data dir like
``--data-dir``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from mediator import __version__, argparse_zh
from mediator.errors import MediatorError, os_reason, storage_error_for
from mediator.logsetup import setup_logging, write_crash_report
from mediator.paths import DataDir

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

DEMO_COMMITTEE = "佛山市南海区桂城街道人民调解委员会"
DEMO_PREFIX = "桂城"
DEMO_MEDIATOR = "陈调解"


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one Chinese line (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        if len(message) > 200:  # a 5,000-digit "--cases" echoed back is no help
            message = message[:200] + "…"
        self.exit(EXIT_USAGE, f"mediator: 命令用法有误：{message}（mediator --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()  # argparse's own words in Chinese too
    p = _Parser(prog="mediator", description="调解工作台 Mediator — 人民调解工作室的案件工作站")
    p.add_argument("--version", action="version", version=f"mediator {__version__}")
    p.add_argument("--data-dir", metavar="DIR",
                   help="数据目录（默认：用户数据目录，或 MEDIATOR_DATA_DIR）")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="界面语言")
    p.add_argument("--smoke", action="store_true",
                   help="自检：启动界面，案件列表显示后打印一行并退出（安装检查用；"
                        "未设置工作室时退出码 3）")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="填入示例案件（试用、演示）")
    d.add_argument("--cases", type=int, default=200, metavar="N", help="案件数（默认 200）")
    d.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子（同一种子结果相同）")

    st = sub.add_parser("setup",
                        help="不经首次运行对话框设置工作室（区里批量部署用，不覆盖已有工作室）")
    st.add_argument("--committee", metavar="NAME", help="调解委员会（工作室）名称")
    st.add_argument("--prefix", metavar="P", help="案号字头，如 桂城 →（2026）桂城人调字第1号")
    st.add_argument("--mediator", metavar="NAME", help="使用这台电脑的调解员姓名")
    st.add_argument("--head", metavar="NAME", default="", help="负责人姓名（默认即上面的调解员）")
    st.add_argument("--from", dest="from_file", metavar="FILE.json", type=Path,
                    help=f"从 JSON 文件读取（键：{'、'.join(SETUP_KEYS)}），代替上面几项")

    i = sub.add_parser("import", help="导入案件交换文件（JSON）或原有的 Excel 台账（.xlsx）；"
                                      "有一条记录出错则整个文件不导入")
    i.add_argument("file", metavar="FILE", type=Path)
    i.add_argument("--partial", action="store_true",
                   help="只导入无误的记录，并列出有错误的记录（默认：有错误则全部不导入）")
    i.add_argument("--dry-run", action="store_true", help="只检查，不写入任何案件")

    c = sub.add_parser("cases", help="列出或搜索案件")
    c.add_argument("--search", metavar="TEXT", default="", help="搜索文字（一个字起）")
    c.add_argument("--json", action="store_true", help="以 JSON 数组输出")

    b = sub.add_parser("backup", help="备份数据库")
    b.add_argument("--out", metavar="FILE", type=Path,
                   help="备份文件（默认放在数据目录的 backups 下）")
    r = sub.add_parser("restore", help="从备份恢复数据库（先检查备份，并保存当前数据）")
    r.add_argument("file", metavar="FILE", type=Path)
    r.add_argument("--yes", action="store_true",
                   help="确认恢复（会少案件或是另一个工作室的备份时必须）")

    e = sub.add_parser("enrol", help="用一次性注册码把这台电脑注册到区级服务器")
    e.add_argument("url", metavar="URL", help="区级服务器地址（https://…）")
    e.add_argument("code", metavar="CODE", help="区级管理员给出的一次性注册码")
    e.add_argument("--ca", metavar="FILE", default="", help="区级服务器的 CA 证书（PEM）")
    e.add_argument("--name", metavar="NAME", default="", help="这台电脑的名称")
    e.add_argument("--mediator", metavar="NAME", default="",
                   help="新数据目录时：使用这台电脑的调解员姓名")
    sub.add_parser("sync", help="与区级服务器同步一次（计划任务用）")

    x = sub.add_parser("export", help="把案件的全部文书导出为PDF（含卷宗 dossier.pdf）")
    x.add_argument("case_no", metavar="CASE_NO", help="案号，如（2026）桂城人调字第12号")
    x.add_argument("--out", metavar="DIR", type=Path, required=True, help="导出目录")
    v = sub.add_parser("verify", help="核验已签署的PDF（0 有效，1 无效，2 无法核验）")
    v.add_argument("file", metavar="FILE.pdf", type=Path)
    lg = sub.add_parser("ledger", help="导出一年或一个月的案件台账（Excel，附统计报表）")
    lg.add_argument("--year", type=int, required=True, metavar="Y", help="年份，如 2026")
    lg.add_argument("--month", type=int, metavar="M", help="月份 1–12（不填则导出全年）")
    lg.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx", help="保存为")
    return p


def _undecodable_argument(argv: Sequence[str]) -> int | None:
    """The 1-based position of an argument that is not valid UTF-8 (Python keeps
    its bytes as lone surrogates, which crash the first print), or None."""
    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return n
    return None


def main(argv: Sequence[str] | None = None) -> int:
    bad = _undecodable_argument(sys.argv[1:] if argv is None else argv)
    if bad is not None:
        print(f"mediator: 第 {bad} 个命令行参数含有无效的文字编码（不是 UTF-8），"
              "请检查输入法或终端的编码设置。", file=sys.stderr)
        return EXIT_USAGE
    args = build_parser().parse_args(argv)
    data_dir: DataDir | None = None
    try:
        data_dir = DataDir.resolve(args.data_dir)
        if data_dir.root.is_dir():
            setup_logging(data_dir.logs)
        if args.command is None and args.smoke:
            from mediator.ui.smoke import run_smoke  # Qt only when the GUI is wanted

            return run_smoke(data_dir, args.lang)
        if args.command is None:
            from mediator.ui.app import run_gui  # Qt only when the GUI is wanted

            return run_gui(data_dir, args.lang)
        handler: Callable[[argparse.Namespace, DataDir], int] = COMMANDS[args.command]
        return handler(args, data_dir)
    except MediatorError as exc:
        shown = storage_error_for(exc) or exc  # a full disk, a read-only dir, a lock: say which
        print(f"mediator: {shown.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the final flush
        return EXIT_OK
    except KeyboardInterrupt:
        print("mediator: 已中断。", file=sys.stderr)
        return 130
    except RecursionError:  # input nested beyond reason, wherever it was parsed
        print("mediator: 输入的数据嵌套过深，无法处理，未作任何改动。", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        # Environment trouble (disk full, permission): say what, never a traceback.
        if (mapped := storage_error_for(exc)) is not None:
            print(f"mediator: {mapped.message}", file=sys.stderr)
            return EXIT_ERROR
        print(f"mediator: 文件或磁盘错误：{os_reason(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: a report, never a traceback on the terminal
        if (mapped := storage_error_for(exc)) is not None:  # sqlite3's own errors
            print(f"mediator: {mapped.message}", file=sys.stderr)
            return EXIT_ERROR
        report = write_crash_report(exc, data_dir.logs if data_dir else None)
        where = f"报告已保存到 {report}" if report else "报告未能保存"
        print(f"mediator: 程序内部出错，已保存的案件不受影响。请重试；如再次出现，"
              f"请把报告文件发给区调解办。{where}", file=sys.stderr)
        return EXIT_ERROR


def _open(data_dir: DataDir):  # type: ignore[no-untyped-def]  # -> Workspace (lazy import)
    from mediator.services.workspace import open_workspace

    setup_logging(data_dir.ensure().logs)  # a new data dir: its log from the start
    ws = open_workspace(data_dir)
    if ws.upgrade_backup is not None:
        print(f"mediator: 数据已从旧版本升级到当前版本；升级前的数据已先备份到 {ws.upgrade_backup}",
              file=sys.stderr)
    return ws


def cmd_demo(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services import demo
    from mediator.services.documents.demo import (
        demo_signed_count,
        final_agreement_case_numbers,
        sign_demo_agreements,
    )

    if not 1 <= args.cases <= 1_000_000:
        raise MediatorError("--cases 应在 1 到 1000000 之间。", field="cases")
    if not 0 <= args.seed < 2**63:
        raise MediatorError("--seed 应在 0 到 9223372036854775807 之间。", field="seed")
    with _open(data_dir) as ws:
        if ws.studio.current() is None:
            ws.studio.setup(DEMO_COMMITTEE, DEMO_PREFIX, DEMO_MEDIATOR)
        added = demo.generate(ws, args.cases, seed=args.seed)
        print(f"已添加 {added} 件示例案件（种子 {args.seed}），数据目录：{data_dir.root}")
        _, me = ws.studio.context()
        if me.role != "head":
            # Approving and sealing is the head's; the sample cases stand without it.
            print("示例协议未定稿：本机调解员不是工作室负责人（只有负责人可以批准协议并加盖印章）。")
            return EXIT_OK
        signed = sign_demo_agreements(ws, demo_signed_count(args.cases), seed=args.seed)
        if signed:
            numbers = "、".join(final_agreement_case_numbers(ws, 3))
            print(f"其中 {signed} 份调解协议已定稿并数字签名（示例签名、样章），如：{numbers}")
    return EXIT_OK


SETUP_KEYS = ("committee", "prefix", "mediator", "head")
SETUP_FILE_MAX = 64 * 1024


def _setup_values(args: argparse.Namespace) -> dict[str, str]:
    """The set-up values from the flags or from ``--from FILE.json``; bad input is
    one Chinese line (a MediatorError)."""
    flags = {"committee": args.committee, "prefix": args.prefix, "mediator": args.mediator}
    if args.from_file is None:
        missing = [f"--{k}" for k, v in flags.items() if v is None]
        if missing:
            raise MediatorError(f"缺少 {'、'.join(missing)}（或用 --from FILE.json）。")
        return {**flags, "head": args.head}
    if any(v is not None for v in flags.values()) or args.head:
        raise MediatorError("--from 不能与 --committee、--prefix、--mediator、--head 同时使用。")
    from mediator.safe_input import load_json, read_capped

    path: Path = args.from_file
    doc = load_json(read_capped(path, SETUP_FILE_MAX, "设置文件"), "设置文件")
    if not isinstance(doc, dict):
        raise MediatorError(f"设置文件应是一个 JSON 对象（{{\"committee\": …}}）：{path.name}")
    unknown = sorted(set(doc) - set(SETUP_KEYS))
    if unknown:
        raise MediatorError(f"设置文件中有不认识的键：{'、'.join(unknown)}"
                            f"（可用：{'、'.join(SETUP_KEYS)}）")
    missing = [k for k in SETUP_KEYS[:3] if k not in doc]
    if missing:
        raise MediatorError(f"设置文件缺少键：{'、'.join(missing)}")
    if not all(isinstance(v, str) for v in doc.values()):
        raise MediatorError("设置文件中的值都应是文字（加引号）。")
    return {"head": "", **doc}


def _existing_committee(data_dir: DataDir) -> str | None:
    """The set-up studio's name, read without writing (None if not set up)."""
    import sqlite3

    if not data_dir.database.exists():
        return None
    try:
        # immutable: no -wal/-shm left behind; a studio only in a WAL is caught below.
        conn = sqlite3.connect(f"file:{data_dir.database}?mode=ro&immutable=1", uri=True)
        try:
            row = conn.execute(
                "SELECT s.committee_name FROM meta m JOIN studio s ON s.id = m.value "
                "WHERE m.key = 'studio_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # opening the workspace below says what is wrong
    return str(row[0]) if row else None


def cmd_setup(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.studio import check_setup

    values = _setup_values(args)
    # The first-run dialog's rules, checked before anything is created.
    committee, prefix, mediator, head = check_setup(
        values["committee"], values["prefix"], values["mediator"], values["head"])
    existing = _existing_committee(data_dir)
    if existing is not None:
        raise MediatorError(f"这个数据目录已经设置过工作室（{existing}），不会覆盖，未作任何改动。")
    with _open(data_dir) as ws:
        if ws.studio.current() is not None:  # set up meanwhile, or readable only now
            raise MediatorError("这个数据目录已经设置过工作室，不会覆盖，未作任何改动。")
        done = ws.studio.setup(committee, prefix, mediator, head)
        sample = ws.studio.preview_case_no(done.case_prefix)
    print(f"已设置工作室：{done.committee_name}，调解员 {done.mediator_name}"
          f"{f'，负责人 {head}' if head and head != mediator else ''}；案号如 {sample}")
    print(f"数据目录：{data_dir.root}")
    return EXIT_OK


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".et")


def _is_workbook(path: Path) -> bool:
    """An Excel ledger rather than a JSON exchange file: by its name, or by its first
    bytes (a zip or an old OLE file), whatever it is called."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return True
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head[:4] == b"PK\x03\x04" or head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def cmd_import(args: argparse.Namespace, data_dir: DataDir) -> int:
    if _is_workbook(args.file):
        from mediator.ledger_cli import import_ledger_command

        return import_ledger_command(args, data_dir, _open)
    from mediator.services.importer import import_records, read_records

    records = read_records(args.file)  # a wrong file is refused before the data dir is opened
    with _open(data_dir) as ws:
        report = import_records(ws, records, partial=args.partial, dry_run=args.dry_run)
    for problem in report.shown_problems():
        print(f"mediator: {problem}", file=sys.stderr)
    bad = len(report.rejected)
    if args.dry_run:
        verdict = "可以全部导入" if not bad else (
            f"{bad} 件有错误" + ("（加 --partial 可只导入无误的记录）" if report.valid else ""))
        print(f"检查完毕（未写入）：共 {report.total} 件，{report.valid} 件无误，{verdict}。")
    elif report.written and bad:
        print(f"已导入 {len(report.imported)} 件，{bad} 件有错误未导入（见上）。")
    elif report.written:
        print(f"已导入 {len(report.imported)} 件。")
    elif bad:
        hint = "；改正后重新导入，或加 --partial 只导入无误的记录" if report.valid and \
            not args.partial else ""
        print(f"mediator: 文件中 {bad} 件有错误，未导入任何案件{hint}。", file=sys.stderr)
    else:
        print("文件中没有案件，未导入任何案件。")
    return EXIT_OK if not bad else EXIT_ERROR


def cmd_cases(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.dto import CaseFilter

    with _open(data_dir) as ws:
        ids = ws.cases.ids(CaseFilter(text=args.search))
        rows = []
        for start in range(0, len(ids), 500):
            rows.extend(ws.cases.rows(ids[start:start + 500]))
        if args.json:
            out = [
                {"id": r.id, "case_no": r.case_no, "status": r.status.value,
                 "dispute_type": r.dispute_type, "parties": list(r.parties),
                 "registered_on": r.registered_on.isoformat(),
                 "updated_at": r.updated_at.isoformat()}
                for r in rows
            ]
            json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            labels = dict((code, zh) for code, zh, _ in ws.catalogue.dispute_types())
            for r in rows:
                print(f"{r.case_no}\t{r.registered_on}\t{r.status.label_zh}\t"
                      f"{labels.get(r.dispute_type, r.dispute_type)}\t{'、'.join(r.parties)}")
            print(f"共 {len(rows)} 件")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.backups import BackupService
    from mediator.store.backup import backup_database

    if not data_dir.database.exists():
        raise MediatorError("数据目录中还没有数据库，无需备份。")
    if args.out:
        if args.out.exists():
            raise MediatorError(f"备份文件已存在，不会覆盖：{args.out}")
        dest = backup_database(data_dir.database, args.out)
        print(f"已备份到 {dest}")
        return EXIT_OK
    result = BackupService(data_dir.ensure()).back_up("manual")
    print(f"已备份并校验：{result.backup}（{result.summary.cases} 件案件）")
    if result.second_copy is not None:
        print(f"另存一份到 {result.second_copy}")
    for warning in result.warnings:
        print(f"mediator: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.backups import BackupService

    service = BackupService(data_dir.ensure())
    preview = service.preview(args.file)  # refuses a bad file before touching anything
    for line in preview.lines():
        print(line)
    confirmed = args.yes
    if preview.needs_confirmation and not confirmed:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise MediatorError("恢复需要确认（见上面的说明），请加 --yes 重新运行。未作任何改动。")
        answer = input("确认恢复吗？输入“是”确认：").strip()
        if answer not in ("是", "y", "yes"):
            print("已取消，未作任何改动。")
            return EXIT_ERROR
        confirmed = True
    result = service.restore(args.file, confirmed=confirmed,
                             other_studio=preview.summary.committee_name if confirmed else "")
    print(result.message())
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.sync.client import check_ca_file, check_url

    check_url(args.url)  # a mistyped address or CA file: said before the data dir is opened
    if args.ca:
        check_ca_file(args.ca)
    from mediator.services.sync import SyncService

    with _open(data_dir) as ws:
        answer = SyncService(ws).enrol(args.url, args.code, ca_file=args.ca,
                                       device_name=args.name, mediator_name=args.mediator)
    print(f"已注册到区级服务器：{answer.studio_name}（本机编号 {answer.device_id}）")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.sync import SyncService

    with _open(data_dir) as ws:
        report = SyncService(ws).sync_now(full_check=True)  # a scheduled task can afford it
    print(report.summary())
    return EXIT_OK


def cmd_export(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.documents import DocumentService

    if not data_dir.database.exists():
        raise MediatorError("数据目录中还没有数据库，没有可导出的案件。")
    with _open(data_dir) as ws:
        report = DocumentService(ws).export(args.case_no, args.out)
    for path in report.files:
        print(path)
    print(f"已导出 {report.case_no} 的 {len(report.files)} 份文件到 {report.out_dir}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.safe_input import MAX_PDF_BYTES, check_file

    if args.file.exists():  # a missing file: verify_file's own words
        try:  # a device, a FIFO or a huge file: refused before pyHanko is even loaded
            check_file(args.file, MAX_PDF_BYTES, "PDF文件")
        except MediatorError as exc:
            print(f"mediator: {exc.message}", file=sys.stderr)
            return 2
    from mediator.services.documents import verify_file

    result = verify_file(data_dir, args.file)
    stream = sys.stdout if result.ok else sys.stderr
    print(f"mediator: {result.reason}" if not result.ok else result.reason, file=stream)
    return result.exit_code


def cmd_ledger(args: argparse.Namespace, data_dir: DataDir) -> int:
    from mediator.services.ledger import LedgerService, check_target, ledger_period

    period = ledger_period(args.year, args.month)
    check_target(args.out)  # a bad --out is said before the data dir is opened
    if not data_dir.database.exists():
        raise MediatorError("数据目录中还没有数据库，没有可导出的案件。")
    with _open(data_dir) as ws:
        if ws.studio.current() is None:
            raise MediatorError("尚未设置工作室，没有可导出的台账。")
        done = LedgerService(ws.db, ws.studio.context, ws.catalogue.label).export(
            period, args.out)
    print(f"已导出{done.period.label}台账 {done.cases} 件（附统计报表）：{done.path}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, DataDir], int]] = {
    "setup": cmd_setup,
    "demo": cmd_demo,
    "import": cmd_import,
    "cases": cmd_cases,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "enrol": cmd_enrol,
    "sync": cmd_sync,
    "export": cmd_export,
    "verify": cmd_verify,
    "ledger": cmd_ledger,
}
