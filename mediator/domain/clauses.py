"""条款库 — the clause library the agreement form inserts terms from.

Clauses are data (``resources/clauses/*.json``), grouped by the dispute types
they fit (``"*"`` for any), so a studio can add the wording it has found to
work.  A clause's text marks what the mediator must fill in with 【】, e.g.
``被申请人于【日期】前向申请人支付人民币【金额】元``; :func:`unfilled_blanks` finds any
left before the agreement is finalised, so a printed agreement never carries a
blank.

Like the catalogues, this module reads what it is given; the service decides
where the bundled and the studio's files are, and merges them with
:meth:`ClauseLibrary.merged_with` (a studio clause replaces a bundled one with
the same code).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediator.errors import ValidationError

ANY_TYPE = "*"
_BLANK = re.compile(r"【([^【】]*)】")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


def unfilled_blanks(text: str) -> list[str]:
    """The 【…】 placeholders still in ``text`` (their inner labels, in order)."""
    return [m.group(1) for m in _BLANK.finditer(text)]


@dataclass(frozen=True)
class Clause:
    code: str
    title: str  # shown in the picker, e.g. 一次性付款
    text: str
    dispute_types: frozenset[str]  # dispute_types codes, or {"*"}

    def fits(self, dispute_type: str) -> bool:
        return ANY_TYPE in self.dispute_types or dispute_type in self.dispute_types

    @property
    def blanks(self) -> list[str]:
        return unfilled_blanks(self.text)


@dataclass(frozen=True)
class ClauseLibrary:
    version: int
    clauses: tuple[Clause, ...]

    def __iter__(self) -> Iterator[Clause]:
        return iter(self.clauses)

    def get(self, code: str) -> Clause | None:
        return next((c for c in self.clauses if c.code == code), None)

    def for_dispute_type(self, dispute_type: str) -> tuple[Clause, ...]:
        """Clauses for this type first (the specific wording), then the general ones."""
        specific = [c for c in self.clauses if dispute_type in c.dispute_types]
        general = [c for c in self.clauses if ANY_TYPE in c.dispute_types and c not in specific]
        return (*specific, *general)

    def merged_with(self, studio: ClauseLibrary) -> ClauseLibrary:
        """This library with a studio's clauses added; same code: the studio's wins."""
        theirs = {c.code: c for c in studio.clauses}
        kept = [theirs.pop(c.code, c) for c in self.clauses]
        added = [c for c in studio.clauses if c.code in theirs]
        return ClauseLibrary(max(self.version, studio.version), (*kept, *added))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "clauses") -> ClauseLibrary:
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _bad(source, "version 应为正整数")
        raw = data.get("clauses")
        if not isinstance(raw, list):
            raise _bad(source, "应含 clauses 列表")
        clauses = tuple(_clause(source, i, item) for i, item in enumerate(raw, start=1))
        codes = [c.code for c in clauses]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise _bad(source, "条款代码重复：" + "、".join(dupes))
        return cls(version, clauses)

    @classmethod
    def load(cls, path: Path) -> ClauseLibrary:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _bad(path.name, f"无法读取：{type(exc).__name__}") from exc
        if not isinstance(data, dict):
            raise _bad(path.name, "应为JSON对象")
        return cls.from_mapping(data, source=path.name)


def _bad(source: str, problem: str) -> ValidationError:
    return ValidationError(f"条款库文件{source}有误：{problem}", field=f"clauses:{source}")


def _clause(source: str, index: int, item: object) -> Clause:
    where = f"第{index}条"
    if not isinstance(item, dict):
        raise _bad(source, f"{where}应为对象")
    code, title, text = item.get("code"), item.get("title"), item.get("text")
    types = item.get("dispute_types", [ANY_TYPE])
    if not isinstance(code, str) or not _CODE.match(code):
        raise _bad(source, f"{where}的代码应为小写英文字母、数字和下划线")
    if not isinstance(title, str) or not title.strip():
        raise _bad(source, f"{where}缺少标题 title")
    if not isinstance(text, str) or not text.strip():
        raise _bad(source, f"{where}缺少条款内容 text")
    if text.count("【") != text.count("】"):
        raise _bad(source, f"{where}的【】不成对")
    if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
        raise _bad(source, f"{where}的 dispute_types 应为纠纷类型代码列表")
    return Clause(code, title.strip(), text.strip(), frozenset(types))
