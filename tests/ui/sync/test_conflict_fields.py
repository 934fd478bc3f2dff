"""Every field a conflict can show has a name a mediator knows, in Chinese, and its
values read as the forms show them — never a column name or a code."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from mediator.sync.meaning import BOOKKEEPING
from mediator.sync.schema import SPECS, fields
from mediator.ui.labels import Labels
from mediator.ui.sync.fields import field_label, value_text
from tests.ui.sync.zh_table import chinese_sync_screens

CHINESE = re.compile(r"^[\u3400-\u9fff（）、：·]+$")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    with chinese_sync_screens():
        yield


@pytest.mark.usefixtures("chinese")
def test_every_synced_field_has_a_chinese_name() -> None:
    unnamed = []
    for entity in SPECS:
        for f in fields(entity):
            if f.name in BOOKKEEPING and f.name != "created_at":
                continue
            for kind in ("person", "organisation"):
                label = field_label(entity, f.name, {"kind": kind})
                if not CHINESE.match(label) or label == "其他信息":  # not the fallback
                    unnamed.append(f"{entity}.{f.name}: {label}")
    assert unnamed == []


@pytest.mark.usefixtures("chinese")
def test_a_party_is_named_as_its_kind_says() -> None:
    person, org = {"kind": "person"}, {"kind": "organisation"}
    assert [field_label("party", f, person) for f in ("name", "address", "id_number")] == [
        "姓名", "住址", "身份证号"]
    assert [field_label("party", f, org) for f in ("name", "address", "id_number")] == [
        "名称", "住所", "统一社会信用代码"]
    assert field_label("case", "summary") == "纠纷简要情况"
    assert field_label("case", "a_newer_column") == "其他信息"  # never the column name


@pytest.mark.usefixtures("chinese")
def test_values_read_as_the_forms_show_them() -> None:
    zh = Labels("zh_CN", [("neighbour", "邻里纠纷", "Neighbour dispute")], [])

    def show(entity: str, field: str, value: object, text: str = "") -> str:
        return value_text(zh, entity, field, value, text=text or str(value),
                          zone="Asia/Shanghai")

    assert show("case", "status", "mediating") == "调解中"
    assert show("case", "dispute_type", "neighbour") == "邻里纠纷"
    assert show("case_party", "role", "respondent") == "被申请人"
    assert show("party", "sex", "female") == "女"
    assert show("party", "representative_role", "principal") == "主要负责人"
    assert show("case", "legal_hold", True) == "是"
    assert show("follow_up", "performed", False) == "否"
    # A time on the studio's clock, whatever the PC's zone: 01:30 UTC is 09:30 in Beijing.
    assert show("session_record", "held_at", "2026-03-06T01:30:00+00:00") == "2026-03-06 09:30"
    assert show("agreement", "amount_fen", 320000) == "3,200.00 元"
    assert show("party", "address", "") == "（空）"
    assert show("case", "status", "a_newer_status") == "a_newer_status"  # shown, not hidden
    # A reference the core has named (a mediator's id → the name): the name.
    assert show("case", "mediator_id", "0190-…", "陈调解") == "陈调解"


@pytest.mark.usefixtures("chinese")
def test_a_long_value_keeps_the_field_name_and_choice_at_its_top(qtbot, studio_ws,
                                                                  runner) -> None:
    """A 300-character summary makes a row taller than the table: the field's name
    and the choice sit at the row's top, where its values start, and the table
    scrolls by the pixel so the whole row can be read."""
    from mediator.store.models import SyncConflict
    from mediator.ui.sync.conflicts import FIELD, KEEP, ConflictsPage

    long_text = "楼上卫生间防水层老化漏水，致申请人家天花板发霉、墙面脱落，多次协商未果。" * 30
    with studio_ws.db.write() as s:
        s.add(SyncConflict(entity="case", row_id="c" * 36,
                           mine={"case_no": "（2026）桂城人调字第1号", "summary": long_text},
                           theirs={"case_no": "（2026）桂城人调字第1号",
                                   "summary": "双方已和解。"}))
    page = ConflictsPage(studio_ws, runner, labels=Labels("zh_CN"))
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    table = page.table
    assert table.item(0, FIELD).text() == "纠纷简要情况"
    assert table.rowHeight(0) > table.viewport().height()  # taller than the table
    assert table.verticalScrollMode() == table.ScrollMode.ScrollPerPixel
    row_top = table.rowViewportPosition(0)
    choice = table.cellWidget(0, KEEP)
    mine_button = choice.findChildren(QRadioButton)[0]
    top = mine_button.mapTo(table.viewport(), mine_button.rect().topLeft()).y()
    assert row_top <= top < row_top + 2 * mine_button.height()  # at the top, in view
    assert table.item(0, FIELD).textAlignment() & Qt.AlignmentFlag.AlignTop


@pytest.mark.usefixtures("chinese")
def test_deleted_on_one_pc_is_a_choice_of_the_whole_record(qtbot, studio_ws, runner) -> None:
    from mediator.store.models import SyncConflict
    from mediator.ui.sync.conflicts import KEEP, ConflictsPage

    case = {"case_no": "（2026）桂城人调字第2号", "summary": "漏水"}
    with studio_ws.db.write() as s:
        s.add(SyncConflict(entity="case", row_id="d" * 36, mine=case, mine_deleted=True,
                           theirs={**case, "summary": "渗水"}))
    page = ConflictsPage(studio_ws, runner, labels=Labels("zh_CN"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    rows = [tuple(page.table.item(r, c).text() for c in range(3)) for r in range(2)]
    assert rows == [("已删除", "是", "否"), ("纠纷简要情况", "漏水", "渗水")]
    assert page.table.isColumnHidden(KEEP) and not page.keep_chosen.isVisible()
    assert page.keep_mine.isVisible() and page.keep_theirs.isVisible()
    assert "删除" in page.note.text()
