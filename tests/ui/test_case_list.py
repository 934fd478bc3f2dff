"""The case list on a real workspace: demo cases, search as you type, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from mediator.domain.status import CaseStatus
from mediator.services.dto import CaseFilter
from mediator.services.workspace import Workspace
from mediator.ui.cases.listpage import CaseListPage
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner
from tests.ui.conftest import DEMO_CASES, LEAK_APPLICANT

COL = {"case_no": 0, "parties": 1, "dispute_type": 2, "status": 3, "registered_on": 4, "id": 5}


@pytest.fixture
def page(qtbot, demo_ws: Workspace, runner: TaskRunner, labels: Labels) -> CaseListPage:
    p = CaseListPage(runner, demo_ws.cases, labels)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.refresh()
    settle(qtbot, p)
    return p


def type_chinese(widget, text: str) -> None:
    """Type as a Chinese input method does: each character committed by the IME.

    (QTest.keyClicks cannot produce characters outside Latin-1.)
    """
    widget.setFocus()
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def settle(qtbot, page: CaseListPage) -> None:
    """Wait for the latest query and for the first visible block of rows."""
    qtbot.waitUntil(page.is_current, timeout=10_000)
    if page.model.rowCount():
        page.model.data(page.model.index(0, 0))  # what a paint would ask for
        qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=10_000)


def load_rows(qtbot, page: CaseListPage, n: int) -> None:
    """Ask for rows 0..n-1 as scrolling over them would, and wait until they arrive."""
    model = page.model
    for r in range(n):
        model.data(model.index(r, 0))
    qtbot.waitUntil(lambda: all(model.is_loaded(r) for r in range(n)), timeout=10_000)


def shown_column(page: CaseListPage, column: int, rows: int) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column)) for r in range(min(rows, model.rowCount()))]


def test_list_shows_all_demo_cases_newest_first(qtbot, page: CaseListPage, demo_ws) -> None:
    total = DEMO_CASES + 1
    assert page.model.rowCount() == total
    assert str(total) in page.count_label.text()
    first = demo_ws.cases.rows(demo_ws.cases.ids(CaseFilter())[:1])[0]
    assert page.model.data(page.model.index(0, COL["case_no"])) == first.case_no
    dates = [dt.date.fromisoformat(d) for d in shown_column(page, COL["registered_on"], 150)]
    assert dates == sorted(dates, reverse=True)


def test_id_numbers_are_masked_in_the_list(qtbot, page: CaseListPage, demo_ws) -> None:
    page.filters.search.setText(LEAK_APPLICANT)
    settle(qtbot, page)
    cell = page.model.data(page.model.index(0, COL["id"]))
    assert cell.startswith("440604") and "*" in cell
    detail = demo_ws.cases.get(page.model.case_at(0).id)
    assert detail.parties[0].id_number not in cell


def _all_text(detail) -> str:
    parts = [detail.case_no, detail.summary, *detail.requests]
    for p in detail.parties:
        parts += [p.name, p.address, p.phone, p.id_number, p.representative]
    return "\n".join(parts)


def test_two_character_search_finds_exactly_the_matching_cases(
    qtbot, page: CaseListPage, demo_ws: Workspace
) -> None:
    type_chinese(page.filters.search, "漏水")
    settle(qtbot, page)
    # Brute force over every case's text: the list shows exactly those that contain it.
    expected = {
        cid
        for cid in (r.id for r in demo_ws.cases.rows(demo_ws.cases.ids(CaseFilter())))
        if "漏水" in _all_text(demo_ws.cases.get(cid))
    }
    assert 1 < len(expected) < DEMO_CASES  # the query really narrows the list
    assert page.model.rowCount() == len(expected)
    load_rows(qtbot, page, page.model.rowCount())
    shown = {page.model.case_at(r).id for r in range(page.model.rowCount())}
    assert shown == expected
    assert "漏水" not in page.count_label.text()
    assert str(len(expected)) in page.count_label.text()


def test_one_character_search_and_rare_character_names(
    qtbot, page: CaseListPage, demo_ws: Workspace
) -> None:
    page.filters.search.setText("珺")
    settle(qtbot, page)
    n = page.model.rowCount()
    load_rows(qtbot, page, n)
    assert 0 < n < DEMO_CASES
    assert all("珺" in _all_text(demo_ws.cases.get(page.model.case_at(r).id)) for r in range(n))
    parties = shown_column(page, COL["parties"], n)
    assert any(LEAK_APPLICANT in p for p in parties)


def test_stale_search_results_are_dropped(qtbot, page: CaseListPage, demo_ws) -> None:
    search = page.filters.search
    for text in ("漏", "漏水", "噪", "噪音"):
        search.setText(text)
        page.refresh()  # no debounce: every query really goes to the worker
    settle(qtbot, page)
    want = demo_ws.cases.ids(CaseFilter(text="噪音"))
    assert [page.model.row_id(r) for r in range(page.model.rowCount())] == want


def test_typing_is_debounced(qtbot, page: CaseListPage) -> None:
    before = page._query_seq
    type_chinese(page.filters.search, "欧阳珺")
    settle(qtbot, page)
    assert page._query_seq - before == 1  # one query for three keystrokes
    assert page.model.rowCount() == 1


def test_filter_by_status(qtbot, page: CaseListPage, labels: Labels, demo_ws) -> None:
    combo = page.filters.status
    combo.setCurrentIndex(combo.findText(labels.status(CaseStatus.MEDIATING)))
    settle(qtbot, page)
    n = page.model.rowCount()
    assert 0 < n < DEMO_CASES
    load_rows(qtbot, page, n)
    assert set(shown_column(page, COL["status"], n)) == {"调解中"}
    assert n == len(demo_ws.cases.ids(CaseFilter(statuses=frozenset({CaseStatus.MEDIATING}))))


def test_filter_by_dispute_type_and_search_together(qtbot, page: CaseListPage) -> None:
    combo = page.filters.dispute_type
    combo.setCurrentIndex(combo.findText("邻里纠纷"))
    settle(qtbot, page)
    neighbours = page.model.rowCount()
    load_rows(qtbot, page, neighbours)
    assert set(shown_column(page, COL["dispute_type"], neighbours)) == {"邻里纠纷"}
    page.filters.search.setText("漏水")
    page.refresh()
    settle(qtbot, page)
    assert 0 < page.model.rowCount() <= neighbours
    load_rows(qtbot, page, page.model.rowCount())
    assert set(shown_column(page, COL["dispute_type"], page.model.rowCount())) == {"邻里纠纷"}


def test_filter_by_registration_dates_and_clear(qtbot, page: CaseListPage) -> None:
    page.filters.date_from.setDate(QDate(2026, 3, 1))
    page.filters.date_to.setDate(QDate(2026, 3, 31))
    settle(qtbot, page)
    n = page.model.rowCount()
    assert n >= 1  # the leak case was registered on 2026-03-02
    load_rows(qtbot, page, n)
    dates = shown_column(page, COL["registered_on"], n)
    assert all("2026-03-01" <= d <= "2026-03-31" for d in dates)

    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert page.model.rowCount() == DEMO_CASES + 1
    assert page.filters.date_from.value() is None


def test_no_match_says_so(qtbot, page: CaseListPage) -> None:
    page.filters.search.setText("没有这样的案件内容")
    page.refresh()
    settle(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
