"""The ``mediator`` command as a user (or a scheduled task) runs it: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "resources" / "schemas" / "examples" / "case-file.example.json"


def run(*args: str, env_data: Path | None = None, data: Path | None = None,
        timeout: float = 120, extra_env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    env.update(extra_env or {})
    if env_data is not None:
        env["MEDIATOR_DATA_DIR"] = str(env_data)
    cmd = [sys.executable, "-m", "mediator"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("mediator ")


def test_demo_then_cases_json(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run("demo", "--cases", "40", "--seed", "5", data=data).returncode == 0
    out = run("cases", "--json", data=data)
    assert out.returncode == 0, out.stderr
    cases = json.loads(out.stdout)
    assert len(cases) == 40
    keys = {"id", "case_no", "status", "dispute_type", "parties", "registered_on", "updated_at"}
    assert all(keys <= c.keys() for c in cases)
    assert all(isinstance(c["parties"], list) and len(c["parties"]) >= 2 for c in cases)
    assert all("人调字第" in c["case_no"] for c in cases)


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        run("demo", "--cases", "25", "--seed", "9", data=tmp_path / name)
        cases = json.loads(run("cases", "--json", data=tmp_path / name).stdout)
        runs.append([(c["id"], c["case_no"], c["parties"], c["status"]) for c in cases])
    assert runs[0] == runs[1]


def test_demo_on_a_studio_with_a_separate_head_adds_cases_without_approving(
        tmp_path: Path) -> None:
    """Set up for a district PC (`setup --head`): this PC's mediator may not approve,
    so demo adds its cases and says why none was sealed, instead of failing half-way."""
    data = tmp_path / "d"
    assert run("setup", "--committee", "佛山市南海区桂城街道人民调解委员会", "--prefix", "桂城",
               "--mediator", "王调解", "--head", "李主任", data=data).returncode == 0
    out = run("demo", "--cases", "12", data=data)
    assert out.returncode == 0, out.stderr
    assert "不是工作室负责人" in out.stdout
    assert len(json.loads(run("cases", "--json", data=data).stdout)) == 12


def test_environment_variable_selects_the_data_dir(tmp_path: Path) -> None:
    data = tmp_path / "env"
    assert run("demo", "--cases", "3", env_data=data).returncode == 0
    assert (data / "mediator.sqlite3").exists()
    assert "共 3 件" in run("cases", env_data=data).stdout


def test_search_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "d"
    run("demo", "--cases", "3", data=data)
    out = run("import", str(EXAMPLE), data=data)
    assert out.returncode == 0, out.stderr
    assert "已导入 2 件" in out.stdout
    hits = json.loads(run("cases", "--search", "漏水", "--json", data=data).stdout)
    assert any(h["parties"] == ["王𠮷", "李珺"] for h in hits)
    hits = json.loads(run("cases", "--search", "㙟", "--json", data=data).stdout)
    assert any("欧阳㙟生" in h["parties"] for h in hits)


def test_partly_invalid_import_with_partial_keeps_the_valid_records(tmp_path: Path) -> None:
    """``--partial``: the valid records are imported, the rest reported (without it
    nothing is imported: tests/test_hostile_input.py)."""
    data = tmp_path / "d"
    run("demo", "--cases", "1", data=data)
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(doc["cases"][0]))
    broken["parties"][0]["id_number"] = "44060519900307123X"  # wrong check character
    doc["cases"].insert(1, broken)
    doc["cases"].append({"dispute_type": "火星纠纷", "summary": "x", "parties": []})
    f = tmp_path / "mixed.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = run("import", "--partial", str(f), data=data)
    assert out.returncode == 1
    assert "已导入 2 件，2 件有错误未导入" in out.stdout
    assert "第 2 条记录：字段 parties[0].id_number" in out.stderr
    assert "第 4 条记录" in out.stderr
    assert "44060519900307123X" not in out.stderr  # never echo an ID number
    assert "共 3 件" in run("cases", data=data).stdout


@pytest.mark.parametrize("content", ['{"format": ', "[]", '{"format": "x"}', "\xff\xfe"])
def test_malformed_import_imports_nothing(tmp_path: Path, content: str) -> None:
    data = tmp_path / "d"
    run("demo", "--cases", "1", data=data)
    f = tmp_path / "bad.json"
    f.write_bytes(content.encode("latin-1"))
    out = run("import", str(f), data=data)
    assert out.returncode == 1
    assert out.stderr.startswith("mediator: ") and len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
    assert "共 1 件" in run("cases", data=data).stdout


def test_usage_errors_are_one_chinese_line(tmp_path: Path) -> None:
    out = run("cases", "--bogus", data=tmp_path / "d")
    assert out.returncode == 2 and "命令用法有误" in out.stderr
    out = run("import", str(tmp_path / "missing.json"), data=tmp_path / "d")
    assert out.returncode == 1 and "找不到要导入的文件" in out.stderr


def test_backup_then_restore(tmp_path: Path) -> None:
    data = tmp_path / "d"
    run("demo", "--cases", "4", data=data)
    dest = tmp_path / "copy.sqlite3"
    assert run("backup", "--out", str(dest), data=data).returncode == 0
    run("demo", "--cases", "4", "--seed", "2", data=data)
    assert "共 8 件" in run("cases", data=data).stdout
    refused = run("restore", str(dest), data=data)  # 4 cases would disappear: --yes needed
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert "共 8 件" in run("cases", data=data).stdout
    out = run("restore", str(dest), "--yes", data=data)
    assert out.returncode == 0, out.stderr
    assert "共 4 件" in run("cases", data=data).stdout
    again = run("backup", "--out", str(dest), data=data)
    assert again.returncode == 1 and "不会覆盖" in again.stderr
