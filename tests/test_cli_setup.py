"""``mediator setup``: a district prepares a studio PC without clicking (real processes)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.test_cli import run


def tree_digest(root: Path) -> dict[str, str]:
    """Every file of the data dir but the log (which records each run, by design)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.parent.name != "logs"}


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_setup_from_flags_then_the_studio_is_there(tmp_path: Path) -> None:
    data = tmp_path / "d"
    out = run("setup", "--committee", "桂城街道人民调解委员会", "--prefix", "桂城",
              "--mediator", "李调解", "--head", "王主任", data=data)
    assert out.returncode == 0, out.stderr
    assert "桂城街道人民调解委员会" in out.stdout and "桂城人调字第1号" in out.stdout
    # The studio is set up: demo adds cases to it instead of making the demo studio.
    assert run("demo", "--cases", "2", data=data).returncode == 0
    cases = json.loads(run("cases", "--json", data=data).stdout)
    assert all("桂城人调字" in c["case_no"] for c in cases)


def test_setup_from_a_json_file(tmp_path: Path) -> None:
    f = tmp_path / "studio.json"
    f.write_text(json.dumps({"committee": "某某人民调解工作室", "prefix": "某某",
                             "mediator": "张调解"}, ensure_ascii=False), encoding="utf-8")
    out = run("setup", "--from", str(f), data=tmp_path / "d")
    assert out.returncode == 0, out.stderr
    assert "某某人民调解工作室" in out.stdout


def test_an_existing_studio_is_never_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run("setup", "--committee", "桂城街道人民调解委员会", "--prefix", "桂城",
               "--mediator", "李调解", data=data).returncode == 0
    before = tree_digest(data)
    out = run("setup", "--committee", "另一个人民调解委员会", "--prefix", "另一",
              "--mediator", "赵调解", data=data)
    assert out.returncode == 1
    line = one_line(out.stderr)
    assert "已经设置过工作室" in line and "桂城街道人民调解委员会" in line
    assert tree_digest(data) == before


def test_bad_input_is_one_chinese_line_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "d"
    cases = {
        "bad.json": ("{\"committee\": ", "不是有效的 JSON"),
        "unknown.json": (json.dumps({"committee": "某某人民调解委员会", "prefix": "某某",
                                     "mediator": "张调解", "seal": "x"}), "不认识的键：seal"),
        "missing.json": (json.dumps({"committee": "某某人民调解委员会"}),
                         "缺少键：prefix、mediator"),
        "list.json": ("[]", "JSON 对象"),
        "big.json": (" " * (65 * 1024) + "{}", "设置文件过大"),
    }
    for name, (text, expected) in cases.items():
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        out = run("setup", "--from", str(f), data=data)
        assert out.returncode == 1, name
        assert expected in one_line(out.stderr), (name, out.stderr)
    out = run("setup", "--committee", " ", "--prefix", "桂城", "--mediator", "李调解", data=data)
    assert out.returncode == 1 and "名称" in one_line(out.stderr)  # the first-run rules
    out = run("setup", "--committee", "桂城街道人民调解委员会", data=data)
    assert out.returncode == 1 and "--prefix" in one_line(out.stderr)
    assert not data.exists()  # nothing was created for bad input


def test_setup_is_in_the_help() -> None:
    out = run("--help")
    assert "setup" in out.stdout and "批量部署" in out.stdout
