"""The log file and crash reports as a maintainer reads them, and as a user never sees them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Built at run time so no source line in a traceback holds it either.
SECRET = "".join(["张", "三", " 4406021990", "01011234"])

CHILD = textwrap.dedent(
    """
    import logging, sys
    from pathlib import Path
    from mediator import logsetup
    logs = Path(sys.argv[1])
    logsetup.setup_logging(logs)
    log = logging.getLogger("mediator.test")
    secret = sys.argv[2]
    try:
        {}[secret]
    except KeyError:
        log.exception("lookup failed")
    log.warning("a warning for the file only")
    # Fill past the size limit: the file rotates instead of growing.
    for i in range(30000):
        log.info("filler line %d %s", i, "x" * 80)
    print("done")
    """
)


def test_log_file_rotates_and_keeps_tracebacks_off_the_terminal(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    out = subprocess.run([sys.executable, "-c", CHILD, str(logs), SECRET], capture_output=True,
                         text=True, timeout=120, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "done"
    assert out.stderr == ""  # no traceback, no warning on the terminal
    files = sorted(p.name for p in logs.iterdir())
    assert "mediator.log" in files and "mediator.log.1" in files
    assert len(files) <= 5  # mediator.log + 4 rotated
    assert all(p.stat().st_size <= 2 * 1024 * 1024 + 200 for p in logs.iterdir())
    text = "".join(p.read_text(encoding="utf-8") for p in logs.iterdir())
    assert "builtins.KeyError (message withheld)" in text
    assert "张三" not in text and "440602" not in text


CLI_BUG = textwrap.dedent(
    """
    import sys
    from mediator import cli

    def buggy(args, data_dir):
        raise KeyError(sys.argv[2])  # a bug carrying a name and an ID number

    cli.COMMANDS["cases"] = buggy  # the one injected fault: a real bug in a command
    sys.exit(cli.main(["--data-dir", sys.argv[1], "cases"]))
    """
)


def test_a_bug_in_a_command_is_a_chinese_line_and_a_report(tmp_path: Path) -> None:
    data = tmp_path / "d"
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data), "demo",
                    "--cases", "1"], check=True, capture_output=True, env=env)
    out = subprocess.run([sys.executable, "-c", CLI_BUG, str(data), SECRET], capture_output=True,
                         text=True, timeout=120, check=False, env=env)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "张三" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "程序内部出错" in out.stderr and "发给区调解办" in out.stderr
    reports = list((data / "logs").glob("crash-*.log"))
    assert len(reports) == 1 and str(reports[0]) in out.stderr
    report = reports[0].read_text(encoding="utf-8")
    assert "buggy" in report and "KeyError" in report and "张三" not in report
    log = (data / "logs" / "mediator.log").read_text(encoding="utf-8")
    assert "unexpected error KeyError" in log and "张三" not in log
