"""``mediator-server``: run the district server and administer studios and devices.

    mediator-server [--data-dir DIR] [--db URL] serve [--host H] [--port P]
                    [--tls-cert F --tls-key F] [--workers N]
    mediator-server studio add NAME [--prefix P]   # enrolment code on the last line
    mediator-server studio code NAME               # a fresh code for another PC
    mediator-server studio list
    mediator-server device list
    mediator-server device revoke ID
    mediator-server case assign --studio NAME --dispute-type CODE --source CODE
                    --summary TEXT --applicant NAME [--respondent NAME] [--note TEXT]

SQLite in the data dir by default; ``--db postgresql+psycopg://...`` for PostgreSQL.
Every acknowledged write survives a power cut: PostgreSQL commits durably, and one
SQLite server process fsyncs its log once for each group of commits before answering
(``--workers`` above 1 on SQLite makes every commit fsync on its own, and the
processes share one write lock: more processes help only on PostgreSQL).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs
import uvicorn
from sqlalchemy import select

from mediator import argparse_zh
from mediator.server import tcp
from mediator.server.auth import create_enrol_code, list_devices, revoke_device
from mediator.server.db import ServerDB
from mediator.server.feed import FeedError, assign_case, studio_by_name
from mediator.server.models import Studio

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"mediator-server: 命令用法有误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()  # argparse's own words in Chinese too
    p = _Parser(prog="mediator-server", description="调解工作台区级同步服务器")
    p.add_argument("--data-dir", metavar="DIR", help="服务器数据目录（数据库、文件、日志）")
    p.add_argument("--db", metavar="URL", help="数据库地址（默认数据目录中的 SQLite）")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("serve", help="运行服务器")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--tls-cert", metavar="FILE")
    s.add_argument("--tls-key", metavar="FILE")
    s.add_argument("--workers", type=int, default=1, metavar="N",
                   help="服务器进程数（默认 1）。多进程只对 PostgreSQL 有益；SQLite 请用 1："
                        "单进程按组提交，每次应答前把已提交的数据写入磁盘")

    st = sub.add_parser("studio", help="调解工作室").add_subparsers(dest="action", required=True)
    a = st.add_parser("add", help="新建工作室并打印一次性注册码")
    a.add_argument("name")
    a.add_argument("--prefix", default="", help="案号字头（如 桂城）")
    c = st.add_parser("code", help="为工作室的另一台电脑生成注册码")
    c.add_argument("name")
    st.add_parser("list", help="列出工作室")

    dv = sub.add_parser("device", help="已注册的电脑").add_subparsers(dest="action", required=True)
    dv.add_parser("list", help="列出电脑")
    r = dv.add_parser("revoke", help="撤销一台电脑的同步授权")
    r.add_argument("id")

    cs = sub.add_parser("case", help="案件").add_subparsers(dest="action", required=True)
    ca = cs.add_parser("assign", help="向工作室委托移送一件案件")
    ca.add_argument("--studio", required=True, help="工作室名称")
    ca.add_argument("--dispute-type", required=True)
    ca.add_argument("--source", default="court_entrusted")
    ca.add_argument("--summary", required=True)
    ca.add_argument("--applicant", action="append", required=True)
    ca.add_argument("--respondent", action="append", default=[])
    ca.add_argument("--note", default="")
    return p


def _paths(args: argparse.Namespace) -> tuple[Path, str]:
    data_dir = Path(args.data_dir or os.environ.get("MEDIATOR_SERVER_DATA_DIR")
                    or platformdirs.user_data_dir("MediatorServer", appauthor=False))
    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    url = (args.db or os.environ.get("MEDIATOR_SERVER_DB")
           or f"sqlite:///{data_dir / 'server.sqlite3'}")
    return data_dir, url


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir, url = _paths(args)
    try:
        return COMMANDS[args.command](args, data_dir, url)
    except _Fail as exc:
        print(f"mediator-server: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


class _Fail(Exception):
    pass


def cmd_serve(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise _Fail("--tls-cert 与 --tls-key 须同时给出。")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    os.environ["MEDIATOR_SERVER_DATA_DIR"] = str(data_dir)
    os.environ["MEDIATOR_SERVER_DB"] = url
    os.environ["MEDIATOR_SERVER_WORKERS"] = str(args.workers)
    ServerDB(url).dispose()  # migrate once, before any worker starts
    uvicorn.run("mediator.server.app:app_from_env", factory=True, host=args.host,
                port=args.port, workers=args.workers, ssl_certfile=args.tls_cert,
                ssl_keyfile=args.tls_key, log_level="warning", access_log=False,
                timeout_keep_alive=30, limit_concurrency=1000, backlog=2048,
                http=tcp.HTTP_PROTOCOL)
    return EXIT_OK


def _db(url: str) -> ServerDB:
    return ServerDB(url)


def cmd_studio(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    db = _db(url)
    try:
        with db.write() as s:
            if args.action == "list":
                for st in s.execute(select(Studio).order_by(Studio.name)).scalars():
                    print(f"{st.id}\t{st.name}\t{st.case_prefix}")
                return EXIT_OK
            name = args.name.strip()
            if not name or len(name) > 100:
                raise _Fail("工作室名称应为 1 到 100 个字。")
            studio = studio_by_name(s, name)
            if args.action == "add":
                if studio is not None:
                    raise _Fail("已有同名工作室；给它的另一台电脑注册请用 studio code。")
                studio = Studio(name=name, case_prefix=args.prefix.strip())
                s.add(studio)
                s.flush()
                print(f"已新建工作室：{name}（{studio.id}）")
            elif studio is None:
                raise _Fail("找不到这个工作室（studio list 查看）。")
            code = create_enrol_code(s, studio.id)
            print("一次性注册码（7 天内有效，只能用一次）：")
            print(code)
    finally:
        db.dispose()
    return EXIT_OK


def cmd_device(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    db = _db(url)
    try:
        with db.write() as s:
            if args.action == "list":
                names = {st.id: st.name for st in s.query(Studio)}
                for d in list_devices(s):
                    state = "已撤销" if d.revoked_at else "有效"
                    print(f"{d.id}\t{names.get(d.studio_id, '?')}\t{d.name}\t"
                          f"{d.created_at:%Y-%m-%d %H:%M}\t{state}")
                return EXIT_OK
            if not revoke_device(s, args.id.strip()):
                raise _Fail("找不到这台电脑（device list 查看）。")
            print("已撤销这台电脑的同步授权。")
    finally:
        db.dispose()
    return EXIT_OK


def cmd_case(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    db = _db(url)
    try:
        with db.read() as s:
            studio = studio_by_name(s, args.studio.strip())
            if studio is None:
                raise _Fail("找不到这个工作室（studio list 查看）。")
            studio_id = studio.id
        try:
            case_id, case_no = assign_case(
                db, studio_id, dispute_type=args.dispute_type, source=args.source,
                summary=args.summary, applicants=args.applicant, respondents=args.respondent,
                note=args.note)
        except FeedError as exc:
            raise _Fail(exc.message) from exc
        print(f"已移送：{case_no}（{case_id}），工作室下次同步时收到。")
    finally:
        db.dispose()
    return EXIT_OK


COMMANDS = {"serve": cmd_serve, "studio": cmd_studio, "device": cmd_device, "case": cmd_case}


if __name__ == "__main__":
    sys.exit(main())
