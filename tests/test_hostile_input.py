"""Hostile input at every ``mediator`` command, as a new user would try it.

Each case runs the real command in a subprocess against one set-up studio and
asserts one Chinese line on stderr, a non-zero exit, no traceback, and a
database whose every table holds the same rows as before.  Big files are sparse
(``truncate``) so they cost no disk; the whole corpus takes a few seconds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.test_cli import EXAMPLE

CaseMaker = Callable[[Path], list[str]]


def _run(data: Path, *args: str | bytes, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    env["MEDIATOR_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, "-m", "mediator", *args], capture_output=True,
                          env=env, timeout=timeout, check=False)


def _rows(data: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{data / 'mediator.sqlite3'}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("hostile") / "d"
    out = _run(data, "setup", "--committee", "佛山市南海区桂城街道人民调解委员会",
               "--prefix", "桂城", "--mediator", "陈调解")
    assert out.returncode == 0, out.stderr.decode()
    assert _run(data, "import", str(EXAMPLE)).returncode == 0
    return data


def _write(tmp: Path, name: str, content: str | bytes) -> str:
    path = tmp / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return str(path)


def _sparse(tmp: Path, name: str, size: int) -> str:
    path = tmp / name
    with path.open("wb") as f:
        f.truncate(size)
    return str(path)


def _pdf_head(tmp: Path, size: int) -> str:
    """A PDF header, then zeros (sparse): under the size cap, but no PDF."""
    path = tmp / "zeros.pdf"
    with path.open("wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(size)
    return str(path)


def _fifo(tmp: Path, name: str) -> str:
    path = tmp / name
    os.mkfifo(path)
    return str(path)


def _link(tmp: Path, name: str, target: str) -> str:
    path = tmp / name
    path.symlink_to(target)
    return str(path)


def _case_file(cases: list[object]) -> str:
    return json.dumps({"format": "mediator-case-file", "version": 1, "cases": cases},
                      ensure_ascii=False)


DEEP = "[" * 100_000
HUGE_INT = "9" * 5000
# name -> (argv from a scratch dir, words the one-line message must contain)
CORPUS: dict[str, tuple[CaseMaker, str]] = {
    "import nested 100000 [": (lambda t: ["import", _write(t, "deep.json", DEEP)], "嵌套过深"),
    "import nested in a record": (lambda t: ["import", _write(
        t, "deep2.json", _case_file([]).replace("[]", '[{"summary": ' + DEEP + "}]"))],
        "嵌套过深"),
    "import 100000 [ inside a text": (lambda t: ["import", _write(
        t, "deep3.json", _case_file([{"summary": DEEP}]))], "第 1 条记录"),
    "import 5000-digit integer": (lambda t: ["import", _write(
        t, "int.json", '{"format": "mediator-case-file", "version": ' + HUGE_INT + "}")],
        "位数过多"),
    "import 5000-digit represents": (lambda t: ["import", _write(
        t, "int2.json", _case_file([]).replace("[]", '[{"parties": [{"represents": '
                                                        + HUGE_INT + "}]}]"))], "位数过多"),
    "import NaN": (lambda t: ["import", _write(
        t, "nan.json", '{"format": "mediator-case-file", "version": NaN}')], "NaN"),
    "import 1e999": (lambda t: ["import", _write(
        t, "inf.json", '{"format": "mediator-case-file", "version": 1e999}')], "超出范围"),
    "import duplicate key": (lambda t: ["import", _write(
        t, "dup.json", '{"format": "mediator-case-file", "version": 1, "version": 1, '
                       '"cases": []}')], "出现了两次"),
    "import /dev/zero": (lambda t: ["import", _link(t, "zero.json", "/dev/zero")], "不是普通文件"),
    "import a FIFO": (lambda t: ["import", _fifo(t, "fifo.json")], "不是普通文件"),
    "import a directory": (lambda t: ["import", str(t / "dir.json")], "文件夹"),
    "import 200 MB": (lambda t: ["import", _sparse(t, "big.json", 200 * 1024 * 1024)], "过大"),
    "import UTF-16": (lambda t: ["import", _write(t, "u16.json", "{}".encode("utf-16"))], "UTF-8"),
    "import bad UTF-8 name": (lambda t: ["import", os.fsencode(t) + b"/\xff.json"], "UTF-8"),
    "cases bad UTF-8 search": (lambda t: ["cases", "--search", b"\xff\xfe"], "UTF-8"),
    "setup --from /dev/zero": (lambda t: ["setup", "--from", _link(t, "zero2.json", "/dev/zero")],
                               "不是普通文件"),
    "setup --from FIFO": (lambda t: ["setup", "--from", _fifo(t, "fifo2.json")], "不是普通文件"),
    "setup --from nested": (lambda t: ["setup", "--from", _write(t, "s.json", DEEP[:5000])],
                            "嵌套过深"),
    "demo --cases 5000 digits": (lambda t: ["demo", "--cases", HUGE_INT], "命令用法有误"),
    "demo --seed 4000 digits": (lambda t: ["demo", "--seed", HUGE_INT[:4000]], "--seed"),
    "verify /dev/zero": (lambda t: ["verify", _link(t, "zero.pdf", "/dev/zero")], "不是普通文件"),
    "verify a FIFO": (lambda t: ["verify", _fifo(t, "fifo.pdf")], "不是普通文件"),
    "verify 200 MB": (lambda t: ["verify", _sparse(t, "big.pdf", 200 * 1024 * 1024)], "过大"),
    "verify 60 MB of nothing after %PDF-": (lambda t: ["verify", _pdf_head(t, 60 << 20)],
                                            "损坏或被截断"),
    "verify not a PDF": (lambda t: ["verify", _write(t, "x.pdf", DEEP[:1000])], "不是PDF"),
    "restore /dev/zero": (lambda t: ["restore", _link(t, "zero.sqlite3", "/dev/zero")], ""),
    "restore a FIFO": (lambda t: ["restore", _fifo(t, "fifo.sqlite3")], ""),
    "restore 200 MB of nothing": (lambda t: ["restore", _sparse(t, "big.sqlite3", 200 << 20)],
                                  ""),
    "setup --from 200 MB": (lambda t: ["setup", "--from", _sparse(t, "big2.json", 200 << 20)],
                            "过大"),
    "restore JSON": (lambda t: ["restore", _write(t, "r.sqlite3", DEEP[:1000])], ""),
    "enrol control character": (lambda t: ["enrol", "https://tiaojie\x01.example.cn",
                                           "ABCD-EFGH-IJKL"], "控制字符"),
    "enrol newline in URL": (lambda t: ["enrol", "https://a.example.cn/\napi",
                                        "ABCD-EFGH-IJKL"], "控制字符"),
    "enrol port out of range": (lambda t: ["enrol", "https://a.example.cn:99999999",
                                           "ABCD-EFGH-IJKL"], "格式不正确"),
    "enrol --ca FIFO": (lambda t: ["enrol", "https://a.example.cn", "ABCD-EFGH-IJKL",
                                   "--ca", _fifo(t, "ca.pem")], "不是普通文件"),
    "enrol --ca not PEM": (lambda t: ["enrol", "https://a.example.cn", "ABCD-EFGH-IJKL",
                                      "--ca", _write(t, "ca2.pem", "x")], "PEM"),
    "data dir that is a file": (lambda t: ["--data-dir", _write(t, "d.txt", "x"), "cases"],
                                "已有同名文件"),
    "setup escape in the prefix": (lambda t: ["setup", "--committee", "桂城调解委员会",
                                              "--prefix", "桂\x1b", "--mediator", "陈"],
                                   "控制字符"),
    "export bad UTF-8 case number": (lambda t: ["export", b"\xff", "--out", str(t)], "UTF-8"),
}


def _problem(name: str, out: subprocess.CompletedProcess[bytes], words: str) -> str | None:
    """What is wrong with the answer to one hostile input, or None."""
    err = out.stderr.decode("utf-8", "replace")
    lines = [line for line in err.splitlines() if line.strip()]
    if out.returncode == 0:
        return f"{name}: exit 0"
    if "Traceback" in err or "程序内部出错" in err:
        return f"{name}: {err[-300:]}"
    if not lines or not all(line.startswith("mediator: ") for line in lines):
        return f"{name}: not one mediator line: {err[-300:]}"
    if words not in err:
        return f"{name}: no “{words}” in {err[-300:]}"
    return None


def test_hostile_input_is_one_chinese_line_and_changes_nothing(
        studio: Path, tmp_path: Path) -> None:
    """The whole corpus, a few commands at a time (each is a fresh interpreter)."""
    (tmp_path / "dir.json").mkdir()
    before = _rows(studio)
    jobs = {name: (make(tmp_path), words) for name, (make, words) in CORPUS.items()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        outs = dict(zip(jobs, pool.map(lambda job: _run(studio, *job[0], timeout=30),
                                       jobs.values()), strict=True))
    problems = [p for name, out in outs.items() if (p := _problem(name, out, jobs[name][1]))]
    assert not problems, "\n".join(problems)
    assert _rows(studio) == before


def _import_file(tmp: Path, cases: list[object], name: str = "cases.json") -> str:
    return _write(tmp, name, _case_file(cases))


def _example_cases() -> list[dict[str, object]]:
    cases: list[dict[str, object]] = json.loads(EXAMPLE.read_text(encoding="utf-8"))["cases"]
    return cases


def test_import_is_all_or_nothing_and_lists_every_problem(studio: Path, tmp_path: Path) -> None:
    good = _example_cases()
    bad_id = json.loads(json.dumps(good[0]))
    bad_id["parties"][0]["id_number"] = "44060519900307123X"  # wrong check character
    unknown = {**good[1], "colour": "red"}
    archived = {**good[1], "status": "archived"}
    agreed = {**good[1], "status": "agreed"}
    bad_party = json.loads(json.dumps(good[1]))
    bad_party["parties"][0]["nickname"] = "阿王"
    f = _import_file(tmp_path, [*good, bad_id, unknown, archived, agreed, bad_party])
    before = _rows(studio)

    out = _run(studio, "import", f)
    err = out.stderr.decode()
    assert out.returncode == 1
    assert "未导入任何案件" in err and "--partial" in err
    for n, words in ((3, "parties[0].id_number"), (4, "colour"), (5, "需要调解协议"),
                     (6, "需要调解协议"), (7, "nickname")):
        assert f"第 {n} 条记录" in err and words in err, (n, err)
    assert "44060519900307123X" not in err  # never echo an ID number
    assert _rows(studio) == before

    dry = _run(studio, "import", "--dry-run", f)
    assert dry.returncode == 1 and "未写入" in dry.stdout.decode()
    assert _rows(studio) == before

    part = _run(studio, "import", "--partial", f)
    assert part.returncode == 1
    assert "已导入 2 件，5 件有错误未导入" in part.stdout.decode()
    assert _rows(studio)["case"] == before["case"] + 2


def test_a_valid_file_imports_after_a_dry_run(studio: Path, tmp_path: Path) -> None:
    f = _import_file(tmp_path, _example_cases())
    before = _rows(studio)
    dry = _run(studio, "import", "--dry-run", f)
    assert dry.returncode == 0 and "可以全部导入" in dry.stdout.decode()
    assert _rows(studio) == before
    out = _run(studio, "import", f)
    assert out.returncode == 0 and "已导入 2 件。" in out.stdout.decode()


def test_many_problems_are_a_screenful_and_a_count(studio: Path, tmp_path: Path) -> None:
    f = _import_file(tmp_path, [{"summary": "x"}] * 60)
    out = _run(studio, "import", f)
    lines = out.stderr.decode().splitlines()
    assert out.returncode == 1 and len(lines) <= 24
    assert any("还有" in line and "处问题" in line for line in lines)


def test_import_help_names_partial_and_dry_run() -> None:
    out = subprocess.run([sys.executable, "-m", "mediator", "import", "--help"],
                         capture_output=True, text=True, check=False)
    assert "--partial" in out.stdout and "--dry-run" in out.stdout
