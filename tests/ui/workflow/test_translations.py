"""Every string the workflow screens translate has a row in TRANSLATIONS_zh_CN.md."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.ui.workflow.conftest import translation_table

SOURCES = Path(__file__).resolve().parents[3] / "mediator/ui/workflow"


def translated_literals() -> set[str]:
    found: set[str] = set()
    for path in SOURCES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            arg = {"tr": 0, "save_button": 0, "field": 2}.get(name)
            if arg is not None and len(node.args) > arg:
                value = node.args[arg]
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                    found.add(value.value)
    return found


def test_every_string_has_a_chinese_row() -> None:
    table = {src for (_ctx, src) in translation_table()}
    assert translated_literals() - table == set()


def test_rows_are_chinese() -> None:
    for (ctx, src), zh in translation_table().items():
        assert ctx == "Workflow"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), src
