#!/usr/bin/env python3
"""Refresh the translation catalogues: lupdate over mediator/ui, the zh_CN tables, lrelease.

    python build/translations.py          # update .ts from the code and tables, compile .qm
    python build/translations.py --check  # exit 1 if that would change a .ts or a .qm

One command merges everything (``make translations`` runs it):

1. lupdate collects every tr() string of mediator/ui into the .ts files (new
   ones arrive "unfinished"; strings no longer in the code are dropped);
2. every ``TRANSLATIONS_zh_CN.md`` table under mediator/ui fills the zh_CN
   entries still unfinished (build/apply_translations.py; finished entries are
   never overwritten, so a changed row means editing the .ts too);
3. lupdate again, so the file keeps lupdate's own layout; then lrelease.

zh_CN carries every string; en only the plural forms, because the source
strings are English already.  The .qm files are committed so a checkout runs
without the Qt tools; tests/ui/test_translations.py fails when a .ts is stale,
a .qm does not match its .ts, or an entry is left unfinished.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import apply_translations  # a sibling script, not a package

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


#: Packages whose strings go through a module-level ``tr()`` with one fixed context
#: (``QCoreApplication.translate(CONTEXT, text)``), often with the text in a class
#: attribute or a table: lupdate cannot see their context, so their strings are
#: collected here (package, context, the package's table of strings).
FIXED_CONTEXT = (("workflow", "Workflow", "TRANSLATIONS_zh_CN.md"),)
#: Calls whose argument at this position is a translated literal in those packages.
TRANSLATED_ARGS = {"tr": 0, "save_button": 0, "field": 2}
_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|$")


def fixed_context_strings(package: Path, context: str, table: str) -> list[str]:
    """The literals passed to ``tr()``-like calls in ``package`` and its table's rows."""
    found: set[str] = set()
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                pos = TRANSLATED_ARGS.get(name)
                if pos is not None and len(node.args) > pos:
                    arg = node.args[pos]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                        found.add(arg.value)
    table_path = package / table
    if table_path.exists():
        for line in table_path.read_text(encoding="utf-8").splitlines():
            m = _ROW.match(line)
            if m and m.group(1) == context:
                found.add(m.group(2).replace("\\|", "|"))
    return sorted(found)


def write_fixed_context_source(folder: Path) -> list[str]:
    """A generated Python file listing those strings as ``translate(CONTEXT, ...)`` calls."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for package, context, table in FIXED_CONTEXT:
        for text in fixed_context_strings(UI / package, context, table):
            lines.append(f"QCoreApplication.translate({json.dumps(context)}, "
                         f"{json.dumps(text, ensure_ascii=False)})")
    path = folder / "fixed_context_strings.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


def sources(folder: Path) -> list[str]:
    """Every Python file of the UI (``folder`` receives the generated list of strings
    of the fixed-context packages, which replaces their own files)."""
    skip = {UI / package for package, _context, _table in FIXED_CONTEXT}
    files = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py") if p.parent not in skip)
    return files + write_fixed_context_source(folder)


def ts_path(lang: str) -> Path:
    return TS_DIR / f"mediator_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TS_DIR / f"mediator_{lang}.qm"


def lupdate(ts: Path, options: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
               *options, *sources(Path(tmp)), "-ts", str(ts)]
        subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, cwd=ROOT)


def merge(ts: Path, options: list[str], lang: str, *, quiet: bool = False) -> list[str]:
    """Steps 1-3 of the module docstring on ``ts``; the entries still unfinished."""
    lupdate(ts, options)
    if lang != "zh_CN":
        return []
    tables = apply_translations.find_tables()
    left = apply_translations.apply(ts, tables, reuse=False, quiet=quiet)
    lupdate(ts, options)
    return left


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang, options in CATALOGUES:
        left = merge(ts_path(lang), options, lang)
        lrelease(ts_path(lang), qm_path(lang))
        print(f"{ts_path(lang).relative_to(ROOT)} -> {qm_path(lang).name}")
        for entry in left:
            print("  unfinished (add it to a TRANSLATIONS_zh_CN.md table):", entry)


def stale_catalogues() -> list[str]:
    """The .ts files that :func:`update` would change (new or removed strings, or
    table rows not merged yet)."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, options in CATALOGUES:
            ts_copy = Path(tmp) / ts_path(lang).name
            shutil.copy(ts_path(lang), ts_copy)
            merge(ts_copy, options, lang, quiet=True)
            if ts_copy.read_bytes() != ts_path(lang).read_bytes():
                stale.append(ts_path(lang).name)
    return stale


def stale_qm_files() -> list[str]:
    """The .qm files missing or not what lrelease makes of their .ts."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, _options in CATALOGUES:
            qm = Path(tmp) / qm_path(lang).name
            lrelease(ts_path(lang), qm)
            if not qm_path(lang).exists() or not filecmp.cmp(qm, qm_path(lang), shallow=False):
                stale.append(qm_path(lang).name)
    return stale


def check() -> int:
    """Nonzero when the committed .ts/.qm files are not what update() would write."""
    problems = [f"{name}: the code or a table has changed; run {sys.argv[0]}"
                for name in stale_catalogues()]
    problems += [f"{name} is older than its .ts; run {sys.argv[0]}" for name in stale_qm_files()]
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
