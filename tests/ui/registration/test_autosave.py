"""Nothing typed is lost: drafts are saved on the worker and come back on reopening.

These tests use the real :class:`TaskRunner` (a worker thread), because what
they protect is the path a real crash would take.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt

from mediator.ui.registration import RegistrationPage
from mediator.ui.registration.autosave import AUTOSAVE_DELAY_MS, DRAFT_KEY, DRAFT_KIND
from mediator.ui.tasks import TaskRunner
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases, valid_id
from tests.ui.registration.helpers import choose, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def real_runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def crash(page: RegistrationPage) -> None:
    """Destroy the page the hard way: no hide, no close, no last save."""
    shiboken6.delete(page)


def open_page(qtbot, workspace, runner) -> RegistrationPage:
    page = RegistrationPage(workspace, runner)
    qtbot.addWidget(page)
    page.resize(1100, 1300)
    page.show()
    qtbot.waitUntil(page.content.isEnabled, timeout=5000)  # catalogues loaded
    return page


def test_typing_is_saved_after_a_pause_and_restored_after_a_crash(
    qtbot, workspace, real_runner
):
    page = open_page(qtbot, workspace, real_runner)
    fill_dispute(qtbot, page, summary="三楼空调外机滴水到二楼阳台。")
    applicant = page.parties.cards()[0]
    type_into(qtbot, applicant.name, "王𠮷")
    type_into(qtbot, applicant.id_number, valid_id(dt.date(1971, 5, 20), 123))
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.parties.cards()[2].name, "李珺")

    # A couple of seconds after the last key, the draft is on disk...
    qtbot.waitUntil(lambda: workspace.drafts.load(DRAFT_KIND, DRAFT_KEY) is not None,
                    timeout=AUTOSAVE_DELAY_MS + 3000)
    status = page.draft_status
    qtbot.waitUntil(lambda: "自动保存" in status.text(), timeout=3000)
    # ...so the page can die without a goodbye (no hide, no save) and nothing is lost.
    crash(page)
    del page
    gc.collect()  # and the Python side: after a real crash nothing of it remains

    again = open_page(qtbot, workspace, real_runner)
    assert again.summary.toPlainText() == "三楼空调外机滴水到二楼阳台。"
    assert again.dispute_type.currentText() == "邻里纠纷"
    assert [c.name.text() for c in again.parties.cards()] == ["王𠮷", "", "李珺"]
    assert again.parties.cards()[0].sex.currentText() == "男"
    assert again.requests.values() == ["请求被申请人修好漏水的水管"]
    assert again.draft_banner.text() == "已恢复上次未完成的登记。"


def test_hiding_the_page_saves_at_once(qtbot, workspace, real_runner):
    page = open_page(qtbot, workspace, real_runner)
    type_into(qtbot, page.summary, "欠薪三个月")
    page.hide()  # the mediator switches to the case list, or closes the window
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    draft = workspace.drafts.load(DRAFT_KIND, DRAFT_KEY)
    assert draft is not None and draft["summary"] == "欠薪三个月"


def test_discarding_the_restored_draft(qtbot, workspace, real_runner):
    page = open_page(qtbot, workspace, real_runner)
    type_into(qtbot, page.summary, "噪音扰民")
    page.hide()
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    crash(page)
    del page
    gc.collect()  # and the Python side: after a real crash nothing of it remains

    again = open_page(qtbot, workspace, real_runner)
    assert again.summary.toPlainText() == "噪音扰民"
    [discard] = again.draft_banner.buttons()
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert again.summary.toPlainText() == ""
    assert not again.draft_banner.isVisible()
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    assert workspace.drafts.load(DRAFT_KIND, DRAFT_KEY) is None


def test_empty_page_leaves_no_draft_and_no_notice(qtbot, workspace, real_runner):
    page = open_page(qtbot, workspace, real_runner)
    page.hide()
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    assert workspace.drafts.load(DRAFT_KIND, DRAFT_KEY) is None
    assert not page.draft_banner.isVisible()


def test_registering_on_the_worker_disables_the_button_and_clears_the_draft(
    qtbot, workspace, real_runner
):
    page = open_page(qtbot, workspace, real_runner)
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")

    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
        # Straight after the click the work is on the worker: no second submit.
        assert not page.save_button.isEnabled()
        save(qtbot, page)
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)

    assert len(all_cases(workspace)) == 1
    assert page.save_button.isEnabled()
    assert workspace.drafts.load(DRAFT_KIND, DRAFT_KEY) is None
    # The next case starts from a clean page, and that is what reopening shows.
    page.hide()
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    assert workspace.drafts.load(DRAFT_KIND, DRAFT_KEY) is None


def test_a_refused_save_keeps_everything_and_the_draft(qtbot, workspace, real_runner):
    page = open_page(qtbot, workspace, real_runner)
    choose(qtbot, page.source, "当事人申请")
    type_into(qtbot, page.summary, "宠物狗夜间吠叫")
    save(qtbot, page)  # no dispute type, no names
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5000)
    qtbot.waitUntil(real_runner.is_idle, timeout=5000)
    assert all_cases(workspace) == []
    assert page.summary.toPlainText() == "宠物狗夜间吠叫"
    assert "纠纷类型" in page.boxes["dispute_type"].error()
    draft = workspace.drafts.load(DRAFT_KIND, DRAFT_KEY)
    assert draft is not None and draft["summary"] == "宠物狗夜间吠叫"
