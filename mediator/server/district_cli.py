"""``mediator-server stats`` and ``mediator-server admin``: the district's commands
(kept apart from cli.py, which parses and dispatches)."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from mediator.server import stats, stats_xlsx
from mediator.server.accounts import (
    AccountError,
    add_account,
    list_accounts,
    remove_account,
    set_password,
)
from mediator.server.db import ServerDB
from mediator.server.feed import studio_by_name


class CommandError(Exception):
    """A command that cannot be done; the message is Chinese and has no secret."""


def run_stats(db: ServerDB, period_text: str, studio_name: str | None, out: Path) -> int:
    try:
        try:
            period = stats.parse_period(period_text)
        except stats.PeriodError as exc:
            raise CommandError(str(exc)) from None
        if out.suffix.lower() != ".xlsx":
            raise CommandError("--out 应是 .xlsx 文件。")
        if not out.expanduser().parent.is_dir():
            raise CommandError(f"输出文件所在的文件夹不存在：{out.parent}")
        if out.expanduser().is_dir():
            raise CommandError(f"--out 是一个文件夹，应为 .xlsx 文件：{out}")
        studio_id = None
        scope = "全区"
        if studio_name:
            with db.read() as s:
                studio = studio_by_name(s, studio_name.strip())
                if studio is None:
                    raise CommandError("找不到这个工作室（studio list 查看）。")
                studio_id, scope = studio.id, studio.name
        stats.refresh_facts(db)
        with db.read_conn() as conn:
            report = stats.district_report(conn, period, studio_id)
        stats_xlsx.write(report, scope, out)
    finally:
        db.dispose()
    t = report.totals
    print(f"{scope} {period.label}：受理 {t['accepted']} 件，调解成功 {t['succeeded']} 件，"
          f"结案 {t['closed']} 件。已写入 {out}")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        if not from_stdin:
            raise CommandError("不在终端上运行时请用 --password-stdin 从标准输入给出密码。")
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass("密码：")
    if getpass.getpass("再次输入密码：") != first:
        raise CommandError("两次输入的密码不一致，账号未改动。")
    return first


def admin(db: ServerDB, action: str, name: str, password_stdin: bool) -> int:
    try:
        if action == "list":
            with db.read() as s:
                for a in list_accounts(s):
                    print(f"{a.name}\t创建于 {a.created_at:%Y-%m-%d %H:%M}\t"
                          f"密码修改于 {a.password_changed_at:%Y-%m-%d %H:%M}")
            return 0
        try:
            if action == "remove":
                with db.write() as s:
                    remove_account(s, name)
                print(f"已删除区级账号：{name.strip()}（其登录随即失效）")
                return 0
            password = _read_password(password_stdin)
            with db.write() as s:
                if action == "add":
                    add_account(s, name, password)
                    print(f"已新建区级账号：{name.strip()}（浏览器打开 /dashboard 登录）")
                else:
                    set_password(s, name, password)
                    print(f"已修改区级账号 {name.strip()} 的密码（其已登录的浏览器须重新登录）")
        except AccountError as exc:
            raise CommandError(str(exc)) from None
    finally:
        db.dispose()
    return 0
