"""``mediator-server``: run the district server and administer studios and devices.

    mediator-server [--data-dir DIR] [--db URL] serve [--host H] [--port P]
                    [--tls-cert F --tls-key F] [--workers N] [--pool-size N]
    mediator-server studio add NAME [--prefix P]   # enrolment code on the last line
    mediator-server studio code NAME               # a fresh code for another PC
    mediator-server studio list
    mediator-server device list
    mediator-server device revoke ID
    mediator-server case assign --studio NAME --dispute-type CODE --source CODE
                    --summary TEXT --applicant NAME [--respondent NAME] [--note TEXT]
    mediator-server stats --period 2026-11 [--studio NAME] --out FILE.xlsx
    mediator-server admin add|passwd NAME [--password-stdin]   # district accounts
    mediator-server admin list | admin remove NAME

SQLite in the data dir by default; ``--db postgresql+psycopg://...`` for PostgreSQL.
Every acknowledged write survives a power cut: PostgreSQL commits durably, and one
SQLite server process fsyncs its log once for each group of commits before answering
(``--workers`` above 1 on SQLite makes every commit fsync on its own, and the
processes share one write lock: more processes help only on PostgreSQL).

Every option of ``serve`` and the two global ones can come from the environment
instead (``MEDIATOR_SERVER_*``, see :data:`ENVIRONMENT`): the systemd unit reads them
from /etc/default/mediator-server.  An option on the command line wins.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import ssl
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs
import sqlalchemy.exc
import uvicorn
from sqlalchemy import select

from mediator import argparse_zh
from mediator.domain.case_number import PREFIX_MAX
from mediator.server import tcp
from mediator.server.auth import create_enrol_code, list_devices, revoke_device
from mediator.server.db import DEFAULT_PG_POOL, ServerDB
from mediator.server.feed import FeedError, assign_case, studio_by_name
from mediator.server.files import make_private
from mediator.server.models import Studio

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


#: The environment variables the server reads, and what each stands for.
ENVIRONMENT = {
    "MEDIATOR_SERVER_DATA_DIR": "--data-dir",
    "MEDIATOR_SERVER_DB": "--db",
    "MEDIATOR_SERVER_HOST": "serve --host",
    "MEDIATOR_SERVER_PORT": "serve --port",
    "MEDIATOR_SERVER_WORKERS": "serve --workers",
    "MEDIATOR_SERVER_POOL_SIZE": "serve --pool-size",
    "MEDIATOR_SERVER_TLS_CERT": "serve --tls-cert",
    "MEDIATOR_SERVER_TLS_KEY": "serve --tls-key",
    "MEDIATOR_SERVER_RATE_LIMIT": "每个地址每分钟注册、换证请求的上限（默认 30）",
    "MEDIATOR_SERVER_CA_KEY": ("区级CA私钥文件（默认数据目录中的 district-ca-key.pem；"
                               "多台主机指向同一文件）"),
}
_EPILOG = ("也可用环境变量设置（命令行选项优先；"
           "systemd 服务从 /etc/default/mediator-server 读取）：\n"
           + "\n".join(f"  {name:<27} {option}" for name, option in ENVIRONMENT.items()))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"mediator-server: 命令用法有误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()  # argparse's own words in Chinese too
    p = _Parser(prog="mediator-server", description="调解工作台区级同步服务器", epilog=_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", metavar="DIR", help="服务器数据目录（数据库、文件、日志）")
    p.add_argument("--db", metavar="URL", help="数据库地址（默认数据目录中的 SQLite）")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("serve", help="运行服务器", epilog=_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("--host", help="监听地址（默认 127.0.0.1；对局域网开放用 0.0.0.0）")
    s.add_argument("--port", type=int, help="端口（默认 8765）")
    s.add_argument("--tls-cert", metavar="FILE", help="TLS 证书（与 --tls-key 同时给出）")
    s.add_argument("--tls-key", metavar="FILE", help="TLS 私钥")
    s.add_argument("--workers", type=int, metavar="N",
                   help="服务器进程数。SQLite 默认 1，也请用 1：单进程按组提交，每次应答前把已"
                        "提交的数据写入磁盘；PostgreSQL 默认为 CPU 核数（最多 4）")
    s.add_argument("--pool-size", type=int, metavar="N",
                   help=f"每个进程的 PostgreSQL 连接数（默认 {DEFAULT_PG_POOL}，"
                        "见 README“区级服务器部署”）")

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

    stp = sub.add_parser("stats", help="全区调解统计，导出为 Excel 工作簿")
    stp.add_argument("--period", required=True, metavar="PERIOD",
                     help="2026-11（月）、2026-Q4（季度）、2026（年）或 2026-11-01..2026-11-15")
    stp.add_argument("--studio", metavar="NAME", help="只统计这个工作室")
    stp.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的 .xlsx 文件")

    ad = sub.add_parser("admin", help="区级账号（登录 /dashboard 查看全区统计）"
                        ).add_subparsers(dest="action", required=True)
    for action, text in (("add", "新建区级账号"), ("passwd", "修改区级账号的密码")):
        x = ad.add_parser(action, help=text)
        x.add_argument("name")
        x.add_argument("--password-stdin", action="store_true",
                       help="从标准输入读取密码（一行），不在终端询问")
    ad.add_parser("list", help="列出区级账号")
    ad.add_parser("remove", help="删除区级账号").add_argument("name")
    return p


def _paths(args: argparse.Namespace) -> tuple[Path, str]:
    data_dir = Path(args.data_dir or os.environ.get("MEDIATOR_SERVER_DATA_DIR")
                    or platformdirs.user_data_dir("MediatorServer", appauthor=False))
    data_dir = data_dir.expanduser().resolve()
    make_private(data_dir)  # umask 077: the database, its -wal/-shm, blobs, the CA key
    url = (args.db or os.environ.get("MEDIATOR_SERVER_DB")
           or f"sqlite:///{data_dir / 'server.sqlite3'}")
    return data_dir, url


def main(argv: Sequence[str] | None = None) -> int:
    for n, arg in enumerate(sys.argv[1:] if argv is None else argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8: the first print would crash
            print(f"mediator-server: 第 {n} 个命令行参数含有无效的文字编码（不是 UTF-8）。",
                  file=sys.stderr)
            return EXIT_USAGE
    args = build_parser().parse_args(argv)
    try:
        data_dir, url = _paths(args)
        return COMMANDS[args.command](args, data_dir, url)
    except _Fail as exc:
        print(f"mediator-server: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except sqlalchemy.exc.ArgumentError:
        print("mediator-server: 数据库地址（--db 或 MEDIATOR_SERVER_DB）无效，"
              "例如 postgresql+psycopg://user@host/mediator。", file=sys.stderr)
        return EXIT_ERROR
    except sqlalchemy.exc.OperationalError as exc:
        print(f"mediator-server: 无法打开数据库（{str(exc.orig)[:120]}）。", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        reason = _OS_WORDS.get(exc.errno or 0, exc.strerror or exc.__class__.__name__)
        print(f"mediator-server: 文件或目录错误：{reason}（{exc.filename}）。", file=sys.stderr)
        return EXIT_ERROR


_OS_WORDS = {errno.EEXIST: "已有同名文件，不是目录", errno.ENOTDIR: "路径中有一项不是目录",
             errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘已满",
             errno.EROFS: "只读文件系统", errno.ENOENT: "找不到"}


class _Fail(Exception):
    pass


def _env_int(name: str, given: int | None, default: int, low: int, high: int) -> int:
    """An option's number: the command line's, else the environment's, else ``default``."""
    if given is None:
        raw = os.environ.get(name, "").strip()
        if not raw:
            return default
        try:
            given = int(raw)
        except ValueError:
            raise _Fail(f"环境变量 {name} 应为整数，现为“{raw}”。") from None
    if not low <= given <= high:
        raise _Fail(f"{ENVIRONMENT[name]} 应在 {low} 到 {high} 之间。")
    return given


def default_workers(url: str) -> int:
    """SQLite: one process (group commit).  PostgreSQL: one per core, at most 4 — the
    processes spend their time in Python, and on 2 cores a third one only adds
    switching (README "区级服务器部署")."""
    return 1 if url.startswith("sqlite") else max(1, min(4, os.cpu_count() or 1))


def cmd_serve(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    host = args.host or os.environ.get("MEDIATOR_SERVER_HOST", "").strip() or "127.0.0.1"
    port = _env_int("MEDIATOR_SERVER_PORT", args.port, 8765, 1, 65535)
    workers = _env_int("MEDIATOR_SERVER_WORKERS", args.workers, default_workers(url), 1, 64)
    pool_size = _env_int("MEDIATOR_SERVER_POOL_SIZE", args.pool_size, DEFAULT_PG_POOL, 1, 100)
    tls_cert = args.tls_cert or os.environ.get("MEDIATOR_SERVER_TLS_CERT", "").strip() or None
    tls_key = args.tls_key or os.environ.get("MEDIATOR_SERVER_TLS_KEY", "").strip() or None
    if bool(tls_cert) != bool(tls_key):
        raise _Fail("--tls-cert 与 --tls-key 须同时给出。")
    if tls_cert and tls_key:
        _check_tls(tls_cert, tls_key)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # What the worker processes read (app_from_env).
    os.environ["MEDIATOR_SERVER_DATA_DIR"] = str(data_dir)
    os.environ["MEDIATOR_SERVER_DB"] = url
    os.environ["MEDIATOR_SERVER_WORKERS"] = str(workers)
    os.environ["MEDIATOR_SERVER_POOL_SIZE"] = str(pool_size)
    db = ServerDB(url, data_dir=data_dir)  # migrate once, before any worker starts
    try:
        # The district statistics' per-case facts catch up with the feeds here, not
        # in the first dashboard page after an upgrade (minutes for a large district).
        from mediator.server.stats import refresh_facts  # noqa: PLC0415

        refresh_facts(db)
    finally:
        db.dispose()
    uvicorn.run("mediator.server.app:app_from_env", factory=True, host=host,
                port=port, workers=workers, ssl_certfile=tls_cert,
                ssl_keyfile=tls_key, log_level="warning", access_log=False,
                timeout_keep_alive=30, limit_concurrency=1000, backlog=2048,
                http=tcp.HTTP_PROTOCOL)
    return EXIT_OK


def _check_tls(cert: str, key: str) -> None:
    """The TLS files are regular PEM files that load as a pair; checked here because
    OpenSSL blocks on a FIFO and uvicorn reports a bad file as 'PEM lib'."""
    for path, what in ((cert, "--tls-cert"), (key, "--tls-key")):
        try:
            st = os.stat(path)
        except OSError:
            raise _Fail(f"找不到 {what} 文件：{path}") from None
        if not stat.S_ISREG(st.st_mode) or st.st_size > 1024 * 1024:
            raise _Fail(f"{what} 应是一个 PEM 文件（不是文件夹、设备或管道，且小于 1 MB）：{path}")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, OSError, ValueError):
        raise _Fail("TLS 证书或私钥无法加载：须为 PEM 格式、私钥未加密，且两者彼此匹配。") from None


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
            if not name or len(name) > 100 or not name.isprintable():
                raise _Fail("工作室名称应为 1 到 100 个字（不含控制字符）。")
            prefix = getattr(args, "prefix", "").strip()
            if len(prefix) > PREFIX_MAX or not prefix.isprintable():
                raise _Fail(f"案号字头应为最多 {PREFIX_MAX} 个字（不含控制字符）。")
            studio = studio_by_name(s, name)
            if args.action == "add":
                if studio is not None:
                    raise _Fail("已有同名工作室；给它的另一台电脑注册请用 studio code。")
                studio = Studio(name=name, case_prefix=prefix)
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


def cmd_stats(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    from mediator.server import district_cli  # noqa: PLC0415  (openpyxl only when asked)

    try:
        return district_cli.run_stats(_db(url), args.period, args.studio, Path(args.out))
    except district_cli.CommandError as exc:
        raise _Fail(str(exc)) from exc


def cmd_admin(args: argparse.Namespace, data_dir: Path, url: str) -> int:
    from mediator.server import district_cli  # noqa: PLC0415

    try:
        return district_cli.admin(_db(url), args.action, getattr(args, "name", ""),
                                  getattr(args, "password_stdin", False))
    except district_cli.CommandError as exc:
        raise _Fail(str(exc)) from exc


COMMANDS = {"serve": cmd_serve, "studio": cmd_studio, "device": cmd_device, "case": cmd_case,
            "stats": cmd_stats, "admin": cmd_admin}


if __name__ == "__main__":
    sys.exit(main())
