"""Every page and dialog, in both languages, at the largest type size (特大), on a
1366×768 laptop and at 150 % scaling: nothing cut off, no window larger than the
screen, and a PNG of every screen for a person to look at.

Each screen configuration runs in child processes (a process has one platform and
one screen): the offscreen platform with the screen's size from a config file,
and ``QT_SCALE_FACTOR=1.5`` for 150 %.  The two languages of a configuration run
side by side.  The walk itself is :mod:`tests.ui.screens.walker`; the checks are
:mod:`tests.ui.screens.fit`.

150 % is taken as the common laptop that needs it: a full-HD (1920×1080) panel at
150 %, which gives 1280×720 logical pixels.  A 1366×768 panel is not offered
150 % by Windows (its largest is 125 %) and would leave 910×512, smaller than any
form of the desk was designed for.

PNGs go to ``build/artefacts/screens/<config>/<lang>-<screen>.png`` (gitignored),
or under ``$MEDIATOR_SCREENS_DIR``; ``findings-<lang>.json`` there lists what was
found, with the walk's wall time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LANGS = ("zh_CN", "en")
#: name -> (physical width, height, QT_SCALE_FACTOR or None)
CONFIGS = {
    "1366x768": (1366, 768, None),
    "1920x1080-150pct": (1920, 1080, "1.5"),
}
WALK_TIMEOUT = 280  # s: the test's own timeout is 300
#: What the walk still finds in parts other helpers were reworking when this test was
#: written (issue 11), each reported to the lead with its cause.  A finding matching
#: one of these is written to ``known-<lang>.txt`` beside the PNGs instead of failing
#: the test; anything else fails.  MEDIATOR_SCREENS_STRICT=1 fails on these too.
#: Remove an entry when its part is fixed: the test then guards it.  Empty since the
#: last nine (workflow forms, party cards, the conflict table) were fixed.
KNOWN: list[tuple[str, str]] = []


def artefacts(config: str) -> Path:
    base = os.environ.get("MEDIATOR_SCREENS_DIR") or str(ROOT / "build" / "artefacts" / "screens")
    return Path(base) / config


def child_env(tmp_path: Path, config: str) -> dict[str, str]:
    width, height, scale = CONFIGS[config]
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               PYTHONPATH=str(ROOT))
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    return env


def known(line: str) -> str | None:
    """The reason a finding is a known, reported defect (None: a new one)."""
    if os.environ.get("MEDIATOR_SCREENS_STRICT"):
        return None
    return next((reason for pattern, reason in KNOWN if re.search(pattern, line)), None)


def grouped(lines: list[str]) -> list[str]:
    """One line per widget and problem, with the screens it was seen on."""
    seen: dict[str, list[str]] = {}
    for line in lines:
        screen, rest = line[1:].split("] ", 1)
        seen.setdefault(rest, []).append(screen)
    out = []
    for rest, screens in seen.items():
        where = ", ".join(screens[:3]) + (f" and {len(screens) - 3} more" if len(screens) > 3
                                          else "")
        out.append(f"{rest}  — on {where}")
    return out


@pytest.mark.slow
@pytest.mark.screens
@pytest.mark.parametrize("config", list(CONFIGS))
def test_every_screen_fits(tmp_path: Path, config: str) -> None:
    out = artefacts(config)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    env = child_env(tmp_path, config)
    started = time.monotonic()
    children = {}
    for lang in LANGS:
        findings = out / f"findings-{lang}.json"
        findings.unlink(missing_ok=True)
        log = (tmp_path / f"walk-{lang}.log").open("w")
        children[lang] = (subprocess.Popen(
            [sys.executable, "-m", "tests.ui.screens.walker", "--out", str(out),
             "--findings", str(findings), "--lang", lang,
             "--data", str(tmp_path / f"data-{lang}")],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT), findings, log)
    problems: list[str] = []
    screens: dict[str, list[str]] = {}
    for lang, (proc, findings, log) in children.items():
        try:
            code = proc.wait(timeout=WALK_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        log.close()
        output = (tmp_path / f"walk-{lang}.log").read_text(errors="replace")
        assert code == 0 and findings.exists(), f"{lang} walk failed ({code}):\n{output[-4000:]}"
        report = json.loads(findings.read_text(encoding="utf-8"))
        screens[lang] = report["screens"]
        lines = grouped(report["findings"])
        problems += [f"{lang} {line}" for line in lines if known(line) is None]
        (out / f"known-{lang}.txt").write_text("".join(
            f"{known(line)}: {line}\n" for line in lines if known(line)), encoding="utf-8")
        problems += [f"{lang} error shown: {e}" for e in report["errors"]]
    wall = time.monotonic() - started
    print(f"{config}: {sum(map(len, screens.values()))} screens in {wall:.0f} s -> {out}")
    # Both languages walked the same screens, and every one was saved.
    assert screens["zh_CN"] == screens["en"]
    missing = [f"{lang}-{name}.png" for lang in LANGS for name in screens[lang]
               if not (out / f"{lang}-{name}.png").exists()]
    assert not missing, missing
    assert not problems, f"{len(problems)} texts do not fit at {config}:\n" + "\n".join(problems)
