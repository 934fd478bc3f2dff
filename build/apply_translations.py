#!/usr/bin/env python3
"""Fill a Qt .ts catalogue from markdown tables of translations.

    python build/apply_translations.py TABLE.md [TABLE.md ...] [--ts FILE] [--reuse]
    python build/apply_translations.py --all     # every mediator/ui/**/TRANSLATIONS_zh_CN.md

A table is any markdown table whose rows read ``| context | source | translation |``
(the header and separator rows are skipped; ``\\|`` stands for a literal bar;
``&nbsp;`` for a space, so a leading space survives markdown).  Every message of
the .ts (default: resources/translations/mediator_zh_CN.ts) with the same
context and source that is still unfinished or empty receives the translation;
finished entries are never overwritten.  Numerus messages get the text in every
form (Chinese has one).  ``--reuse`` also fills an unfinished message from a
finished one with the same source in another context (a widget renamed or split).

build/translations.py runs this over every table itself (between two lupdate
runs, so new strings are in the .ts before the tables fill them, and the file
keeps lupdate's layout); use this script alone to try a table or ``--reuse``,
then run build/translations.py.  Prints what it filled and what is still
unfinished.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TS = ROOT / "resources" / "translations" / "mediator_zh_CN.ts"
UI = ROOT / "mediator" / "ui"
TABLE_NAME = "TRANSLATIONS_zh_CN.md"
_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*$")
_HEADERS = {"context", "Context"}


def _cell(text: str) -> str:
    text = text.replace("\\|", "|").replace("&nbsp;", " ").replace("\\n", "\n")
    return html.unescape(text)


def read_table(path: Path) -> dict[tuple[str, str], str]:
    rows: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line.strip())
        if not m or m.group(1) in _HEADERS or set(m.group(1)) <= {"-", ":", " "}:
            continue
        rows[(m.group(1).strip(), _cell(m.group(2)))] = _cell(m.group(3))
    return rows


def find_tables() -> list[Path]:
    """Every zh_CN table of the UI packages, in a fixed order (a later table's row
    wins when two give the same context and source)."""
    return sorted(UI.rglob(TABLE_NAME))


def _key(source: str) -> str:
    return " ".join(source.split())


def _unfinished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None:
        return True
    texts = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
    return tr.get("type") == "unfinished" or not all(t.strip() for t in texts)


def _set(message: ET.Element, text: str) -> None:
    tr = message.find("translation")
    if tr is None:
        tr = ET.SubElement(message, "translation")
    if message.get("numerus") == "yes":
        forms = list(tr.iter("numerusform")) or [ET.SubElement(tr, "numerusform")]
        for form in forms:
            form.text = text
    else:
        tr.text = text
    tr.attrib.pop("type", None)


def apply(ts: Path, tables: list[Path], *, reuse: bool, quiet: bool = False) -> list[str]:
    """Fill ``ts`` in place; the list of (context, source) still unfinished."""
    wanted: dict[tuple[str, str], str] = {}
    for table in tables:
        for (context, source), text in read_table(table).items():
            wanted[(context, _key(source))] = text
    tree = ET.parse(ts)  # noqa: S314 - our own catalogue in the repository
    messages = [(c.findtext("name") or "", m) for c in tree.getroot().iter("context")
                for m in c.iter("message")]
    done_by_source: dict[str, str] = {}
    for _context, m in messages:
        tr = m.find("translation")
        if not _unfinished(m) and tr is not None and m.get("numerus") != "yes":
            done_by_source.setdefault(_key(m.findtext("source") or ""), tr.text or "")
    filled = reused = 0
    left = []
    for context, m in messages:
        if not _unfinished(m):
            continue
        source = _key(m.findtext("source") or "")
        text = wanted.get((context, source))
        if text is None and reuse and source in done_by_source:
            text = done_by_source[source]
            reused += 1
        if text is None:
            left.append(f"{context}: {source}")
            continue
        _set(m, text)
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    if not quiet:
        print(f"{ts.name}: filled {filled} ({reused} from the same source elsewhere), "
              f"{len(left)} still unfinished")
    return left


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="*", type=Path)
    parser.add_argument("--all", action="store_true",
                        help=f"every {TABLE_NAME} under mediator/ui")
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS)
    parser.add_argument("--reuse", action="store_true",
                        help="fill from the same source string in another context")
    args = parser.parse_args()
    tables = [*args.tables, *(find_tables() if args.all else [])]
    if not tables:
        parser.error("name the tables, or --all")
    for left in apply(args.ts, tables, reuse=args.reuse):
        print("  unfinished:", left)
    return 0


if __name__ == "__main__":
    sys.exit(main())
