"""Every string the page shows is translatable and has its Chinese in the table.

The shell engineer copies TRANSLATIONS_zh_CN.md into the .ts catalogue; a
``tr()`` string missing there would show up in English on a Chinese desktop.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.ui.registration.conftest import translation_table

PACKAGE = Path(__file__).resolve().parents[3] / "mediator/ui/registration"


def tr_strings() -> set[tuple[str, str]]:
    """(class, source) of every ``self.tr("...")`` call, as lupdate would extract them."""
    found: set[tuple[str, str]] = set()
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                func = call.func
                if isinstance(func, ast.Attribute) and func.attr == "tr":
                    assert isinstance(func.value, ast.Name) and func.value.id == "self", (
                        f"{path.name}: tr() on another object gets the wrong context"
                    )
                    [arg] = call.args
                    assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                        f"{path.name}: tr() needs one literal string for lupdate"
                    )
                    found.add((cls.name, arg.value))
    return found


def test_every_string_has_a_chinese_translation():
    missing = tr_strings() - set(translation_table())
    assert not missing, f"add these to TRANSLATIONS_zh_CN.md: {sorted(missing)}"


def test_the_table_has_no_stale_rows():
    stale = set(translation_table()) - tr_strings()
    assert not stale, f"no longer used, remove from TRANSLATIONS_zh_CN.md: {sorted(stale)}"


def test_placeholders_survive_translation():
    for (_context, source), chinese in translation_table().items():
        for placeholder in ("%1", "%2"):
            assert (placeholder in source) == (placeholder in chinese), (source, chinese)
