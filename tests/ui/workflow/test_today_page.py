"""The Today page says what it shows: the date it counted by, what it left out,
and that the computer's date looks wrong when a case is registered after it."""

from __future__ import annotations

import datetime as dt

from mediator.services import demo
from mediator.services.workspace import Workspace
from mediator.ui.workflow.today import TodayPage

TODAY = dt.date(2026, 11, 1)


def test_today_lists_the_most_urgent_and_counts_the_rest(qtbot, workspace: Workspace,
                                                          runner) -> None:
    workspace.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
    demo.generate(workspace, 120, seed=4, today=TODAY)
    page = TodayPage(workspace, runner, today=lambda: TODAY, limit=5)
    qtbot.addWidget(page)
    page.horizon.setValue(30)
    page.load()
    assert page.model.rowCount() == 5
    text = page.summary.text()
    assert "按本机日期2026-11-01计算" in text
    assert "只列出最紧急的5项，还有" in text
    assert page.clock_warning.isHidden()


def test_a_clock_set_back_a_year_is_named(qtbot, workspace: Workspace, runner) -> None:
    workspace.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
    demo.generate(workspace, 40, seed=4, today=TODAY)
    wrong = TODAY - dt.timedelta(days=365)
    page = TodayPage(workspace, runner, today=lambda: wrong)
    qtbot.addWidget(page)
    assert "按本机日期2025-11-01计算" in page.summary.text()
    assert not page.clock_warning.isHidden()
    assert "请检查电脑的日期" in page.clock_warning.text()
