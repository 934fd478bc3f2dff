"""The dispute-type and case-source catalogues shipped in resources/, and edits to them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mediator.domain.catalogues import Catalogue, Catalogues
from mediator.errors import ValidationError
from mediator.paths import resources_dir

# DOMAIN.md, "Classifications".
DOMAIN_DISPUTE_TYPES = [
    "婚姻家庭",
    "邻里",
    "房屋宅基地",
    "合同",
    "生产经营",
    "损害赔偿",
    "山林土地",
    "征地拆迁",
    "环境污染",
    "劳动争议",
    "消费",
    "医疗",
    "道路交通事故",
    "物业",
    "其他",
]
DOMAIN_CASE_SOURCES = [
    "当事人申请",
    "调委会主动调解",
    "公安机关移交",
    "人民法院委托",
    "政府部门指定",
    "12345热线",
    "网格员上报",
    "其他",
]


@pytest.fixture(scope="module")
def shipped() -> Catalogues:
    return Catalogues.load(resources_dir() / "catalogues")


def test_shipped_dispute_types_are_the_domain_list(shipped: Catalogues) -> None:
    labels = [item.zh.removesuffix("纠纷") for item in shipped.dispute_types]
    assert labels == DOMAIN_DISPUTE_TYPES
    assert shipped.dispute_types.version >= 1


def test_shipped_case_sources_are_the_domain_list(shipped: Catalogues) -> None:
    assert [item.zh for item in shipped.case_sources] == DOMAIN_CASE_SOURCES


def test_labels_in_both_languages(shipped: Catalogues) -> None:
    assert shipped.dispute_types.label("neighbour") == "邻里纠纷"
    assert shipped.dispute_types.label("neighbour", "en") == "Neighbours"
    assert shipped.dispute_types.label("from_a_newer_edition") == "from_a_newer_edition"


def test_require_names_the_field(shipped: Catalogues) -> None:
    assert shipped.case_sources.require("court_entrusted", field="source").zh == "人民法院委托"
    with pytest.raises(ValidationError) as info:
        shipped.dispute_types.require("water_leak", field="dispute_type")
    assert info.value.field == "dispute_type"
    assert "纠纷类型" in info.value.message


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "dispute_types.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _edition(version: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "catalogue": "dispute_types",
        "version": version,
        "valid_from": "2027-01-01",
        "items": items,
    }


def test_retired_item_shows_on_old_cases_but_not_for_new_ones(tmp_path: Path) -> None:
    items = [
        {"code": "neighbour", "zh": "邻里纠纷", "en": "Neighbours"},
        {"code": "land_requisition", "zh": "征地拆迁纠纷", "en": "Land", "retired": True},
    ]
    cat = Catalogue.load(_write(tmp_path, _edition(2, items)), expected_name="dispute_types")
    assert [i.code for i in cat.active()] == ["neighbour"]
    assert cat.label("land_requisition") == "征地拆迁纠纷"
    with pytest.raises(ValidationError, match="已停用"):
        cat.require("land_requisition", field="dispute_type")
    assert cat.require("land_requisition", field="dispute_type", allow_retired=True)


def test_successor_may_not_drop_codes_or_go_backwards(shipped: Catalogues) -> None:
    old = shipped.dispute_types
    kept = [{"code": i.code, "zh": i.zh, "en": i.en} for i in old.items]
    newer = Catalogue.from_mapping(
        _edition(old.version + 1, [*kept, {"code": "pets", "zh": "宠物纠纷"}])
    )
    old.check_successor(newer)  # adding is fine
    assert newer.get("pets") is not None and newer.label("pets", "en") == "pets"
    dropped = Catalogue.from_mapping(_edition(old.version + 1, kept[1:]))
    with pytest.raises(ValidationError, match="请改为停用"):
        old.check_successor(dropped)
    same = Catalogue.from_mapping(_edition(old.version, kept))
    with pytest.raises(ValidationError, match="不比现有版本"):
        old.check_successor(same)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"catalogue": "case_sources", "version": 1, "valid_from": "2026-01-01",
          "items": [{"code": "a", "zh": "甲"}]}, "目录名是case_sources"),
        (_edition(0, [{"code": "a", "zh": "甲"}]), "正整数"),
        (_edition(1, []), "非空列表"),
        (_edition(1, [{"code": "Neighbour", "zh": "邻里"}]), "第1项的代码"),
        (_edition(1, [{"code": "a", "zh": ""}]), "缺少中文名称"),
        (_edition(1, [{"code": "a", "zh": "甲"}, {"code": "a", "zh": "乙"}]), "重复"),
        ({**_edition(1, [{"code": "a", "zh": "甲"}]), "valid_from": "soon"}, "valid_from"),
    ],
)  # fmt: skip
def test_broken_files_are_refused_with_the_problem(
    tmp_path: Path, data: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Catalogue.load(_write(tmp_path, data), expected_name="dispute_types")
    assert fragment in info.value.message


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "dispute_types.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="无法读取"):
        Catalogue.load(path)
