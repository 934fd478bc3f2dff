"""The domain stays pure: it imports only itself and mediator.errors, and no I/O-heavy libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import mediator.domain

DOMAIN_DIR = Path(mediator.domain.__file__).parent
ALLOWED_PROJECT = ("mediator.domain", "mediator.errors")
FORBIDDEN_TOP = {
    "PySide6",
    "shiboken6",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "pyhanko",
    "httpx",
    "fastapi",
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_domain_modules_import_only_the_domain_and_errors() -> None:
    modules = sorted(DOMAIN_DIR.glob("*.py"))
    assert len(modules) > 10
    for path in modules:
        for name in _imports(path):
            top = name.split(".")[0]
            assert top not in FORBIDDEN_TOP, f"{path.name} imports {name}"
            if top == "mediator":
                assert name.startswith(ALLOWED_PROJECT), f"{path.name} imports {name}"
