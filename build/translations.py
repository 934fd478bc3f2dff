#!/usr/bin/env python3
"""Refresh the translation catalogues: lupdate over all of mediator/ui, then lrelease.

    python build/translations.py          # update .ts from the code, compile .qm
    python build/translations.py --check  # exit 1 if a .ts is stale or a .qm not rebuilt

Existing translations are kept: lupdate merges the strings it finds into the
.ts files (new ones arrive "unfinished" for a translator; strings no longer in
the code are dropped).  zh_CN carries every string; en only the plural forms,
because the source strings are English already.  The .qm files are committed so
a checkout runs without the Qt tools; tests/ui/test_translations.py fails when
one of them does not match its .ts.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "mediator" / "ui"
TS_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
#: (language, extra lupdate options)
CATALOGUES = (("zh_CN", []), ("en", ["-pluralonly"]))


def tool(name: str) -> str:
    """pyside6-lupdate/-lrelease next to this interpreter, else on PATH."""
    local = BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the dev dependencies (make test)")
    return found


def sources() -> list[str]:
    """Every Python file of the UI, the registration package included."""
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"mediator_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TS_DIR / f"mediator_{lang}.qm"


def lupdate(ts: Path, options: list[str]) -> None:
    cmd = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *options,
           *sources(), "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, cwd=ROOT)


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang, options in CATALOGUES:
        lupdate(ts_path(lang), options)
        lrelease(ts_path(lang), qm_path(lang))
        print(f"{ts_path(lang).relative_to(ROOT)} -> {qm_path(lang).name}")


def check() -> int:
    """Nonzero when the committed .ts/.qm files are not what update() would write."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, options in CATALOGUES:
            ts_copy = Path(tmp) / ts_path(lang).name
            shutil.copy(ts_path(lang), ts_copy)
            lupdate(ts_copy, options)
            if ts_copy.read_bytes() != ts_path(lang).read_bytes():
                problems.append(f"{ts_path(lang).name}: the code has changed; run {sys.argv[0]}")
            qm = Path(tmp) / qm_path(lang).name
            lrelease(ts_path(lang), qm)
            if not qm_path(lang).exists() or not filecmp.cmp(qm, qm_path(lang), shallow=False):
                problems.append(f"{qm_path(lang).name} is older than its .ts; run {sys.argv[0]}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    if args.check:
        return check()
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
