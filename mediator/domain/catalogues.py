"""纠纷类型 and 案件来源 — the classification lists, as versioned data files.

The lists live in ``resources/catalogues/*.json`` so that a bureau can adjust
them without a code change.  Each file carries a ``version``; items are keyed by
a stable English ``code`` that is what the database, the sync protocol and the
statistics store.  A code is never reused or removed: an item that is no longer
offered is marked ``"retired": true`` so old cases still show their label while
new registrations cannot pick it.  :meth:`Catalogue.check_successor` enforces
that when a new edition replaces an old one.

This module reads a file it is given; where the files are is the caller's
business (``mediator.paths.resources_dir() / "catalogues"``), which keeps the
domain free of paths and platform code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediator.errors import ValidationError

DISPUTE_TYPES = "dispute_types"
CASE_SOURCES = "case_sources"
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_LABELS_ZH = {DISPUTE_TYPES: "纠纷类型", CASE_SOURCES: "案件来源"}


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    zh: str
    en: str
    retired: bool = False

    def label(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class Catalogue:
    """One versioned list, in display order."""

    name: str  # "dispute_types" | "case_sources" | ...
    version: int
    valid_from: dt.date
    items: tuple[CatalogueItem, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.items:
            if item.code in seen:
                raise _bad(self.name, f"代码“{item.code}”重复")
            seen.add(item.code)

    @property
    def label_zh(self) -> str:
        """What the list is called in messages (纠纷类型, 案件来源)."""
        return _LABELS_ZH.get(self.name, self.name)

    def __iter__(self) -> Iterator[CatalogueItem]:
        return iter(self.items)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    def get(self, code: str) -> CatalogueItem | None:
        return next((item for item in self.items if item.code == code), None)

    def active(self) -> tuple[CatalogueItem, ...]:
        """Items a new case may choose (retired ones are only shown on old cases)."""
        return tuple(item for item in self.items if not item.retired)

    def label(self, code: str, lang: str = "zh") -> str:
        """The display label; an unknown code (from a newer edition) shows as itself."""
        item = self.get(code)
        return item.label(lang) if item else code

    def require(self, code: str, *, field: str, allow_retired: bool = False) -> CatalogueItem:
        """The item for ``code``, or a ValidationError naming ``field``.

        New registrations pass ``allow_retired=False``; imports of old files and
        already stored cases pass ``True``.
        """
        item = self.get(code)
        if item is None:
            raise ValidationError(
                f"{self.label_zh}“{code}”不在第{self.version}版目录中", field=field
            )
        if item.retired and not allow_retired:
            raise ValidationError(f"{self.label_zh}“{item.zh}”已停用，请另选", field=field)
        return item

    def check_successor(self, newer: Catalogue) -> None:
        """Refuse a new edition that goes backwards or drops a code old cases use."""
        if newer.name != self.name:
            raise _bad(newer.name, f"不能替代目录{self.name}")
        if newer.version <= self.version:
            raise _bad(newer.name, f"版本{newer.version}不比现有版本{self.version}新")
        dropped = [item.code for item in self.items if item.code not in newer]
        if dropped:
            raise _bad(newer.name, "删除了已使用的代码：" + "、".join(dropped) + "（请改为停用）")

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, expected_name: str | None = None
    ) -> Catalogue:
        """Build from the parsed JSON of a catalogue file, checking every field."""
        name = data.get("catalogue")
        if not isinstance(name, str) or not _CODE.match(name):
            raise _bad(str(expected_name or "?"), "缺少目录名 catalogue")
        if expected_name is not None and name != expected_name:
            raise _bad(expected_name, f"文件中的目录名是{name}")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _bad(name, "version 应为正整数")
        try:
            valid_from = dt.date.fromisoformat(str(data.get("valid_from")))
        except ValueError:
            raise _bad(name, "valid_from 应为日期，如2026-01-01") from None
        raw_items = data.get("items")
        if not isinstance(raw_items, list) or not raw_items:
            raise _bad(name, "items 应为非空列表")
        items = tuple(_item(name, i, raw) for i, raw in enumerate(raw_items))
        return cls(name=name, version=version, valid_from=valid_from, items=items)

    @classmethod
    def load(cls, path: Path, *, expected_name: str | None = None) -> Catalogue:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _bad(expected_name or path.stem, f"无法读取：{type(exc).__name__}") from exc
        if not isinstance(data, dict):
            raise _bad(expected_name or path.stem, "应为JSON对象")
        return cls.from_mapping(data, expected_name=expected_name)


def _bad(name: str, problem: str) -> ValidationError:
    return ValidationError(f"目录文件{name}有误：{problem}", field=f"catalogue:{name}")


def _item(name: str, index: int, raw: object) -> CatalogueItem:
    where = f"第{index + 1}项"
    if not isinstance(raw, dict):
        raise _bad(name, f"{where}应为对象")
    code, zh, en = raw.get("code"), raw.get("zh"), raw.get("en", "")
    if not isinstance(code, str) or not _CODE.match(code):
        raise _bad(name, f"{where}的代码应为小写英文字母、数字和下划线")
    if not isinstance(zh, str) or not zh.strip():
        raise _bad(name, f"{where}缺少中文名称 zh")
    if not isinstance(en, str):
        raise _bad(name, f"{where}的英文名称 en 应为文字")
    retired = raw.get("retired", False)
    if not isinstance(retired, bool):
        raise _bad(name, f"{where}的 retired 应为 true 或 false")
    return CatalogueItem(code=code, zh=zh.strip(), en=en.strip() or code, retired=retired)


@dataclass(frozen=True)
class Catalogues:
    """The two lists every case refers to."""

    dispute_types: Catalogue
    case_sources: Catalogue

    @classmethod
    def load(cls, directory: Path) -> Catalogues:
        """Load ``dispute_types.json`` and ``case_sources.json`` from ``directory``."""
        return cls(
            dispute_types=Catalogue.load(
                directory / f"{DISPUTE_TYPES}.json", expected_name=DISPUTE_TYPES
            ),
            case_sources=Catalogue.load(
                directory / f"{CASE_SOURCES}.json", expected_name=CASE_SOURCES
            ),
        )
