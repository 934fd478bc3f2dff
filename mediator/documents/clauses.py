"""The fixed wording of the forms, kept in resources/documents/clauses.json.

Text lives in a resource, not in code, so a justice bureau's wording update is a
data change reviewed by a person who reads Chinese, not a code change.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from mediator.errors import DocumentError
from mediator.paths import resources_dir


@lru_cache(maxsize=1)
def _all() -> dict[str, Any]:
    path = resources_dir() / "documents" / "clauses.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DocumentError("文书条款文件缺失或已损坏，请重新安装本程序") from exc
    if not isinstance(data, dict):
        raise DocumentError("文书条款文件格式不正确，请重新安装本程序")
    return data


def text(key: str, **values: str) -> str:
    """One clause, with {placeholders} filled."""
    value = _all()[key]
    return str(value).format(**values) if values else str(value)


def sections(key: str) -> list[tuple[str, list[str]]]:
    return [(str(title), [str(i) for i in items]) for title, items in _all()[key]]
