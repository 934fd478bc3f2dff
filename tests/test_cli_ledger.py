"""``mediator ledger``: a real subprocess writes a workbook; bad input is one Chinese line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from tests.test_cli import run


def test_ledger_of_a_year_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("demo", "--cases", "40", data=data).returncode == 0
    out = tmp_path / "台账.xlsx"
    year = str(dt.date.today().year)
    done = run("ledger", "--year", year, "--out", str(out), data=data)
    assert done.returncode == 0, done.stderr
    assert "台账" in done.stdout and str(out) in done.stdout
    book = load_workbook(out)
    assert book.sheetnames == ["台账", "统计报表"]
    assert book["台账"]["A4"].value == 1


def test_bad_ledger_arguments_are_one_chinese_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("demo", "--cases", "5", data=data).returncode == 0
    for args, words in [(["--year", "2026", "--out", str(tmp_path)], "文件夹"),
                        (["--year", "2026", "--month", "13", "--out", str(tmp_path / "a.xlsx")],
                         "--month"),
                        (["--year", "2026", "--out", str(tmp_path / "nowhere" / "a.xlsx")],
                         "不存在")]:
        done = run("ledger", *args, data=data)
        assert done.returncode == 1 and words in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a.xlsx").exists()
