"""The sync page lists the records sync set aside (issue 12): a bad row no longer
stops a sync, so a person must see what was left out."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mediator.services.workspace import Workspace
from mediator.sync import aside
from mediator.ui.sync.conflicts import ConflictsPage
from mediator.ui.tasks import TaskRunner


def test_set_aside_rows_are_listed_and_the_list_hides_when_empty(
        qtbot: QtBot, studio_ws: Workspace, runner: TaskRunner) -> None:
    page = ConflictsPage(studio_ws, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.aside_list.count() == 0 and page.aside_list.isHidden())

    with studio_ws.db.write() as s:
        aside.put(s, entity="case", row_id="01a2520a-03b6-72dc-aabd-2d83a36d74a7",
                  version=12, kind="pulled", reason="missing:case_no 缺少必填字段 case_no。",
                  data={})
        aside.put(s, entity="party", row_id="01a2520a-03b6-72dc-aabd-2d83a36d74a8",
                  version=0, kind="local", reason="too_long:name 字段 name 超过 100 个字。")
    page.reload()
    qtbot.waitUntil(lambda: page.aside_list.count() == 2)
    assert page.aside_list.isVisible() and page.aside_title.isVisible()
    texts = [page.aside_list.item(i).text() for i in range(2)]
    assert any("缺少必填字段 case_no" in t and "01a2520a" in t and "Case" in t for t in texts)
    assert any("超过 100 个字" in t for t in texts)
    assert not any("missing:" in t for t in texts)  # the code stays out of sight
