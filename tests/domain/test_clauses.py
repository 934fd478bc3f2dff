"""The clause library: bundled clauses per dispute type, studio additions, blanks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediator.domain.catalogues import Catalogues
from mediator.domain.clauses import ClauseLibrary, unfilled_blanks
from mediator.errors import ValidationError
from mediator.paths import resources_dir


@pytest.fixture(scope="module")
def bundled() -> ClauseLibrary:
    return ClauseLibrary.load(resources_dir() / "clauses" / "default.json")


def test_bundled_clauses_name_only_catalogued_dispute_types(bundled: ClauseLibrary) -> None:
    codes = {item.code for item in Catalogues.load(resources_dir() / "catalogues").dispute_types}
    for clause in bundled:
        assert clause.dispute_types <= codes | {"*"}, clause.code
        assert clause.blanks or "【" not in clause.text


def test_water_leak_clauses_come_before_the_general_ones(bundled: ClauseLibrary) -> None:
    codes = [c.code for c in bundled.for_dispute_type("neighbour")]
    assert codes[:3] == ["leak_repair", "leak_compensation", "leak_access"]
    assert "pay_lump_sum" in codes and "child_custody_support" not in codes


def test_every_dispute_type_has_clauses(bundled: ClauseLibrary) -> None:
    assert bundled.for_dispute_type("other")  # the general clauses at least


def test_blanks_are_found_until_filled() -> None:
    assert unfilled_blanks("乙方于【日期】前支付人民币【金额】元") == ["日期", "金额"]
    assert unfilled_blanks("乙方于2026年3月31日前支付人民币3000元") == []


def test_studio_clause_replaces_and_adds(bundled: ClauseLibrary, tmp_path: Path) -> None:
    studio_file = tmp_path / "clauses.json"
    studio_file.write_text(
        json.dumps(
            {
                "version": 1,
                "clauses": [
                    {"code": "apology", "title": "赔礼道歉", "text": "乙方向甲方当面赔礼道歉。"},
                    {
                        "code": "guicheng_water_meter",
                        "title": "分户水表",
                        "dispute_types": ["neighbour"],
                        "text": "双方于【日期】前申请分户安装水表。",
                    },
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    merged = bundled.merged_with(ClauseLibrary.load(studio_file))
    apology = merged.get("apology")
    assert apology is not None and apology.text == "乙方向甲方当面赔礼道歉。"
    assert "guicheng_water_meter" in [c.code for c in merged.for_dispute_type("neighbour")]
    assert len(merged.clauses) == len(bundled.clauses) + 1


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"version": 0, "clauses": []}, "正整数"),
        ({"version": 1}, "clauses 列表"),
        ({"version": 1, "clauses": [{"code": "A", "title": "t", "text": "x"}]}, "代码"),
        ({"version": 1, "clauses": [{"code": "a", "title": "", "text": "x"}]}, "标题"),
        ({"version": 1, "clauses": [{"code": "a", "title": "t", "text": "【日期前"}]}, "不成对"),
        (
            {"version": 1, "clauses": [{"code": "a", "title": "t", "text": "x"}] * 2},
            "重复",
        ),
        (
            {
                "version": 1,
                "clauses": [{"code": "a", "title": "t", "text": "x", "dispute_types": []}],
            },
            "dispute_types",
        ),
    ],
)
def test_broken_library_files_are_refused(data: dict, fragment: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as info:
        ClauseLibrary.from_mapping(data)
    assert fragment in info.value.message
