"""`mediator --help` and `mediator-server --help` in one language: argparse's own
words (usage, options, errors) in Chinese like our descriptions."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["mediator", "mediator.server.cli"])
def test_help_is_chinese_throughout(module: str) -> None:
    out = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert out.startswith("用法：")
    assert "选项" in out and "显示本帮助并退出" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


def test_a_usage_error_names_the_bad_argument_in_chinese() -> None:
    proc = subprocess.run([sys.executable, "-m", "mediator", "cases", "--bogus"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "无法识别的参数：--bogus" in proc.stderr
    assert "unrecognized" not in proc.stderr
