"""Reading a file or JSON a user pointed at, whatever it turns out to be.

A path typed on the command line or picked in a dialog may name /dev/zero, a
FIFO, a directory or a 200 MB file; JSON may nest 100,000 brackets or carry a
5,000-digit number.  Each of these once hung, exhausted memory or printed a
traceback.  Here a file is checked to be a regular file and its size capped
*before* it is read (and at most cap + 1 bytes are ever read), and JSON is parsed
strictly: duplicate keys, NaN/Infinity and absurd depth are refused with one
Chinese line (a :class:`MediatorError`), never a Python exception.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from mediator.errors import MediatorError

MAX_PDF_BYTES = 64 * 1024 * 1024
"""The largest PDF read for checking (the largest file synced as one blob; a
signed agreement is far smaller): a 200 MB file once took 51 s and 2 GB only
to be rejected."""


def _size_words(cap: int) -> str:
    if cap % (1024 * 1024) == 0:
        return f"{cap // (1024 * 1024)} MB"
    if cap >= 1_000_000:
        return f"{cap // 1_000_000} MB"  # caps written in decimal (5_000_000)
    return f"{cap // 1024} KB"


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``cap`` bytes.

    ``what`` names the file for the message ("导入文件", "PDF文件").  The check is
    repeated on the open descriptor (a path swapped for a FIFO in between), and
    the read stops at cap + 1 bytes even if the file grows meanwhile.
    """
    check_file(path, cap, what)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise MediatorError(f"无法读取{what}（{exc.strerror or '无法访问'}）："
                            f"{safe_name(path)}") from None
    with os.fdopen(fd, "rb") as f:
        _check_stat(os.fstat(fd), path, cap, what)
        data = f.read(cap + 1)
    if len(data) > cap:
        raise MediatorError(f"{what}过大（上限 {_size_words(cap)}）：{safe_name(path)}")
    return data


def check_file(path: Path, cap: int, what: str) -> None:
    """What :func:`read_capped` checks before reading, without reading (so a
    command can refuse a wrong file before loading its heavy modules)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise MediatorError(f"找不到{what}：{safe_name(path)}") from None
    except OSError as exc:
        raise MediatorError(f"无法读取{what}（{exc.strerror or '无法访问'}）："
                            f"{safe_name(path)}") from None
    _check_stat(st, path, cap, what)


def _check_stat(st: os.stat_result, path: Path, cap: int, what: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise MediatorError(f"{what}是一个文件夹，请选择文件：{safe_name(path)}")
    if not stat.S_ISREG(st.st_mode):
        raise MediatorError(f"{what}不是普通文件（可能是设备或管道），不能读取：{safe_name(path)}")
    if st.st_size > cap:
        raise MediatorError(f"{what}过大（上限 {_size_words(cap)}）：{safe_name(path)}")


def safe_name(path: Path | str) -> str:
    """A file name printable on any terminal (undecodable bytes shown as \\xNN)."""
    name = Path(path).name or str(path)
    return name.encode("utf-8", "backslashreplace").decode("utf-8")[:120]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonProblem(f"键“{key[:40]}”出现了两次")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _JsonProblem(f"不允许 {name}")


class _JsonProblem(ValueError):
    """A JSON document our reader refuses (NaN, duplicate keys…); the message is Chinese."""


MAX_INT_DIGITS = 18
"""Any number in our files fits 64 bits; a longer one is refused, not computed."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _JsonProblem(f"数字位数过多（{len(text)} 位）")
    return int(text)


def _float(text: str) -> float:
    if len(text) > 40:
        raise _JsonProblem(f"数字位数过多（{len(text)} 位）")
    value = float(text)
    if not math.isfinite(value):
        raise _JsonProblem("数字超出范围")
    return value


def load_json(data: bytes, what: str) -> Any:
    """Strictly parsed JSON (UTF-8, optional BOM); every problem is one Chinese line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MediatorError(f"{what}不是 UTF-8 编码的文本，请另存为 UTF-8 后重试。") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise MediatorError(f"{what}不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列"
                            "附近有错误。") from None
    except _JsonProblem as exc:
        raise MediatorError(f"{what}有误：{exc}。") from None
    except RecursionError:  # json's C scanner counts its depth against the recursion limit
        raise MediatorError(f"{what}的 JSON 嵌套过深。") from None
    except ValueError:  # an integer beyond sys.get_int_max_str_digits()
        raise MediatorError(f"{what}中有位数过多的数字。") from None
