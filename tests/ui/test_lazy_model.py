"""The lazy model at 100k rows: placeholders at once, one block per fetch, flat memory."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from PySide6.QtWidgets import QTableView

from mediator.services.dto import CaseFilter, CaseRow
from mediator.services.workspace import Workspace
from mediator.ui.cases.model import BLOCK_SIZE, CACHE_ROWS, CaseTableModel
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner

ROWS = 100_000


class CountingRows:
    """The real ``ws.cases.rows``, counting how often and how much is fetched."""

    def __init__(self, ws: Workspace) -> None:
        self._rows = ws.cases.rows
        self.calls: list[int] = []

    def __call__(self, rowids: Sequence[int]) -> list[CaseRow]:
        self.calls.append(len(rowids))
        return self._rows(rowids)


@pytest.fixture
def big_model(demo_ws: Workspace, runner: TaskRunner, labels: Labels):
    """100k rows over the real cases (their row ids repeated), as a 100k search returns."""
    real = demo_ws.cases.ids(CaseFilter())
    fetch = CountingRows(demo_ws)
    model = CaseTableModel(runner, fetch, labels)
    model.set_ids([real[i % len(real)] for i in range(ROWS)])
    return model, fetch, real


def test_unfetched_rows_answer_instantly_with_a_placeholder(qtbot, big_model) -> None:
    model, fetch, real = big_model
    start = time.perf_counter()
    values = [model.data(model.index(r, 0)) for r in range(ROWS - 1000, ROWS)]
    elapsed = time.perf_counter() - start
    assert set(values) == {"Loading…"}
    assert elapsed < 0.5  # 1,000 cells; the GUI thread never waits for the database
    qtbot.waitUntil(lambda: model.is_loaded(ROWS - 1), timeout=10_000)
    # 1,000 rows touched = 5 or 6 blocks of 200 fetched, not 1,000 queries.
    assert len(fetch.calls) <= 1000 // BLOCK_SIZE + 1
    assert all(n == BLOCK_SIZE for n in fetch.calls)
    row = model.case_at(ROWS - 1)
    assert row is not None and row.rowid == real[(ROWS - 1) % len(real)]
    assert model.data(model.index(ROWS - 1, 0)) == row.case_no


def test_scrolling_through_100k_rows_keeps_the_cache_bounded(qtbot, big_model) -> None:
    model, fetch, _real = big_model
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    for step in range(0, 101, 5):  # drag the scroll bar from top to bottom
        bar.setValue(bar.maximum() * step // 100)
        view.viewport().repaint()
    qtbot.waitUntil(lambda: model.is_loaded(ROWS - 1), timeout=10_000)
    assert len(model._cache) <= CACHE_ROWS
    assert len(fetch.calls) <= 21 * 2  # about one block per position, never per row


def test_a_new_search_drops_blocks_still_in_flight(qtbot, demo_ws, runner, labels) -> None:
    fetch = CountingRows(demo_ws)
    model = CaseTableModel(runner, fetch, labels)
    ids = demo_ws.cases.ids(CaseFilter())
    model.set_ids(ids)
    model.data(model.index(0, 0))  # requests block 0 of the old list
    leak = demo_ws.cases.ids(CaseFilter(text="欧阳珺"))
    model.set_ids(leak)
    qtbot.waitUntil(runner.is_idle, timeout=10_000)
    assert model.rowCount() == 1
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=10_000)
    assert model.case_at(0).rowid == leak[0]
    assert set(model._cache) == {leak[0]}  # the superseded block was never stored
