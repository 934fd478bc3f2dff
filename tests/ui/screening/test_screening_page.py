"""矛盾排查 driven as a mediator drives it: record a visit through the form, be told
what is wrong with a bad one, and register a dispute found on a visit as a case
that the register then names.  A real data dir, the real task runner."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from mediator.domain.statistics import Period
from mediator.services.case_facts import CaseFactsService
from mediator.services.screening import ScreeningInput, ScreeningService
from mediator.services.statistics import StatisticsService
from mediator.services.workspace import Workspace
from mediator.ui.screening import ScreeningPage
from mediator.ui.tasks import TaskRunner
from tests.ui.registration.helpers import choose, type_into
from tests.ui.screening.conftest import idle, on_worker

TODAY = dt.date.today()


def _screening(ws: Workspace) -> ScreeningService:
    return ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)


def _row(page: ScreeningPage, row: int) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_visit_recorded_through_the_form_is_listed_and_counted(
        qtbot: Any, page: ScreeningPage, studio_ws: Workspace, runner: TaskRunner) -> None:
    assert page.empty_label.isVisible() and not page.table.isVisible()
    assert page.month_label.text() == f"{TODAY.year}年{TODAY.month:02d}月"
    _click(qtbot, page.record_button)
    form = page.dialog
    assert form is not None and form.isVisible()
    assert form.visitors.text() == "李调解"  # the signed-in mediator, already written in
    assert form.visited_on.date().toPython() == TODAY
    type_into(qtbot, form.place, "平洲村文化室")
    form.found.setValue(3)
    form.prevented.setValue(2)
    type_into(qtbot, form.notes, "走访了三户，邻里漏水纠纷一件待调解，另两件当场说和。")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.dialog is None and len(page.visits) == 1, timeout=10_000)
    idle(qtbot, runner)

    assert page.table.isVisible() and not page.empty_label.isVisible()
    date, place, who, found, prevented, notes, case = _row(page, 0)
    assert (date, place, who, found, prevented, case) == (
        TODAY.isoformat(), "平洲村文化室", "李调解", "3", "2", "")
    assert notes.startswith("走访了三户") and notes.endswith("…")  # short; whole in the tooltip
    assert page.table.item(0, 5).toolTip().endswith("另两件当场说和。")
    assert page.totals_label.text() == "排查次数：1次　　发现纠纷：3件　　当场化解：2件"
    assert page.banner.text() == "排查记录已保存。"
    # The page's totals are what the monthly report counts.
    report = on_worker(qtbot, runner, lambda: StatisticsService(
        studio_ws.db, studio_ws.studio.context, studio_ws.catalogue.label).totals(
        Period.month(TODAY.year, TODAY.month)))
    assert (report["screenings"], report["disputes_found"], report["disputes_prevented"]) \
        == (1, 3, 2)


def test_a_bad_visit_shows_the_chinese_messages_and_saves_nothing(
        qtbot: Any, page: ScreeningPage, studio_ws: Workspace, runner: TaskRunner) -> None:
    _click(qtbot, page.record_button)
    form = page.dialog
    assert form is not None
    form.found.setValue(1)
    form.prevented.setValue(2)  # more settled than found
    _click(qtbot, form.save_button)  # and no place
    idle(qtbot, runner)
    assert form.isVisible() and page.dialog is form
    assert form.errors() == {"place": "请填写排查地点",
                             "disputes_prevented": "化解（防止）的纠纷数不能多于发现的纠纷数。"}
    assert form.save_button.isEnabled()
    assert on_worker(qtbot, runner, lambda: _screening(studio_ws).visits(
        dt.date(2000, 1, 1), TODAY)) == []
    # Corrected, it saves, and the messages are gone.
    type_into(qtbot, form.place, "桂城市场")
    form.prevented.setValue(1)
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.dialog is None and len(page.visits) == 1, timeout=10_000)
    assert _row(page, 0)[1:5] == ["桂城市场", "李调解", "1", "1"]


def test_a_dispute_found_becomes_a_case_the_register_names(
        qtbot: Any, page: ScreeningPage, studio_ws: Workspace, runner: TaskRunner) -> None:
    visit = on_worker(qtbot, runner, lambda: _screening(studio_ws).record(
        ScreeningInput(TODAY, "夏西社区", "李调解、网格员", 2, 1)))
    page.load()
    idle(qtbot, runner)
    assert not page.register_button.isEnabled()  # nothing chosen yet
    page.table.selectRow(0)
    _click(qtbot, page.register_button)
    qtbot.waitUntil(lambda: page.registration is not None, timeout=10_000)
    view = page.registration
    assert view is not None
    form = view.form
    qtbot.waitUntil(lambda: form.dispute_type.count() > 0 and form.content.isEnabled(),
                    timeout=10_000)
    assert "夏西社区" in view.origin.text()
    # Prefilled from the visit: the committee's own screening, the visit in the account.
    assert form.source.currentText() == "调委会主动调解"
    assert form.summary.toPlainText().startswith(
        f"{TODAY.year}年{TODAY.month}月{TODAY.day}日在夏西社区排查时发现的纠纷。")
    choose(qtbot, form.dispute_type, "邻里纠纷")
    applicant, respondent = form.parties.cards()
    type_into(qtbot, applicant.name, "王𠮷")
    type_into(qtbot, applicant.phone, "13823456789")
    type_into(qtbot, respondent.name, "李珺")
    form.facts.people.setValue(5)  # 涉及人数 asked on the same form
    with qtbot.waitSignal(page.registered, timeout=10_000) as signal:
        _click(qtbot, form.save_button)
    case_id, case_no = signal.args
    qtbot.waitUntil(lambda: page.registration is None and bool(page.visits)
                    and page.visits[0].case_nos == (case_no,), timeout=10_000)
    idle(qtbot, runner)

    # Back on the register: the visit's row names the case; the banner says so.
    assert page.stack.currentWidget() is page.register_view
    assert _row(page, 0)[6] == f"已登记为案件{case_no}"
    assert case_no in page.banner.text() and "夏西社区" in page.banner.text()
    case = on_worker(qtbot, runner, lambda: studio_ws.cases.get(case_id))
    assert case.source == "committee_initiative" and case.dispute_type == "neighbour"
    assert {p.name for p in case.parties} == {"王𠮷", "李珺"}
    [linked] = on_worker(qtbot, runner, lambda: _screening(studio_ws).visits(TODAY, TODAY))
    assert linked.id == visit and linked.case_nos == (case_no,)
    facts = on_worker(qtbot, runner, lambda: CaseFactsService(
        studio_ws.db, studio_ws.studio.context).read(case_id))
    assert facts.screening_id == visit and facts.facts.people_involved == 5
    # The visit's own draft is gone; the new-case form's draft was never touched.
    drafts = on_worker(qtbot, runner, lambda: studio_ws.drafts.keys("registration"))
    assert drafts == []


def test_leaving_the_form_keeps_what_was_typed_for_that_visit(
        qtbot: Any, page: ScreeningPage, studio_ws: Workspace, runner: TaskRunner) -> None:
    on_worker(qtbot, runner, lambda: _screening(studio_ws).record(
        ScreeningInput(TODAY, "叠滘村", "李调解", 1, 0)))
    page.load()
    idle(qtbot, runner)
    page.table.selectRow(0)
    _click(qtbot, page.register_button)
    qtbot.waitUntil(lambda: page.registration is not None, timeout=10_000)
    form = page.registration.form
    qtbot.waitUntil(form.content.isEnabled, timeout=10_000)
    type_into(qtbot, form.parties.cards()[0].name, "欧阳珺")
    _click(qtbot, page.registration.back_button)
    idle(qtbot, runner)
    assert page.registration is None and page.stack.currentWidget() is page.register_view
    keys = on_worker(qtbot, runner, lambda: studio_ws.drafts.keys("registration"))
    assert keys == [f"screening:{page.visits[0].id}"]  # never the new-case draft ("new")

    page.table.selectRow(0)
    _click(qtbot, page.register_button)
    qtbot.waitUntil(lambda: page.registration is not None, timeout=10_000)
    again = page.registration.form
    qtbot.waitUntil(again.content.isEnabled, timeout=10_000)
    assert again.parties.cards()[0].name.text() == "欧阳珺"
    assert again.source.currentText() == "调委会主动调解"


def test_the_months_move_and_the_future_is_closed(
        qtbot: Any, page: ScreeningPage, studio_ws: Workspace, runner: TaskRunner) -> None:
    earlier = TODAY.replace(day=1) - dt.timedelta(days=1)  # last day of last month
    on_worker(qtbot, runner, lambda: _screening(studio_ws).record(
        ScreeningInput(earlier, "灯湖社区", "", 4, 0)))
    assert not page.next_button.isEnabled() and page.this_month_button.isHidden()
    _click(qtbot, page.previous_button)
    idle(qtbot, runner)
    assert [v.place for v in page.visits] == ["灯湖社区"]
    assert page.totals_label.text() == "排查次数：1次　　发现纠纷：4件　　当场化解：0件"
    assert page.next_button.isEnabled() and not page.this_month_button.isHidden()
    _click(qtbot, page.this_month_button)
    idle(qtbot, runner)
    assert page.visits == [] and page.empty_label.isVisible()
