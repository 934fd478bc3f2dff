"""The step rail and the step page say the same about a step, and the rail never cuts
its count off (issue 11: the rail showed 「受理 (已完成)…」, its 「缺2项」 elided, while the
page said only 「本步骤：已完成」 above two missing proofs)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from mediator.domain.findings import Step
from mediator.ui.workflow.rail import ROW_PADDING, missing_count, step_summary
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.ui.workflow.test_case_gui import case_id, gui  # noqa: F401 - fixtures


def _rows_fit(w: CaseWorkspace) -> list[str]:
    """The rail rows whose wrapped text is taller than the row Qt gives it."""
    rail = w.rail
    assert rail.textElideMode() == Qt.TextElideMode.ElideNone
    cut = []
    for i in range(rail.count()):
        item = rail.item(i)
        rect = rail.visualItemRect(item)
        needed = QFontMetrics(item.font()).boundingRect(
            QRect(0, 0, rect.width() - ROW_PADDING, 10_000),
            int(Qt.TextFlag.TextWordWrap),
            item.text(),
        )
        if needed.height() > rect.height():
            cut.append(item.text())
    return cut


def test_rail_and_page_agree_on_done_and_missing(qtbot, gui: CaseWorkspace) -> None:  # noqa: F811
    w = gui
    qtbot.waitUntil(lambda: w.overview is not None)
    assert w.overview is not None
    accept = next(v for v in w.overview.steps if v.step is Step.ACCEPT)
    assert missing_count(accept) == 2  # the two parties' ID proofs
    summary = step_summary(accept)
    assert "2" in summary and summary != step_summary(
        next(v for v in w.overview.steps if v.step is Step.NOTIFY)
    )
    rail_text = w.rail.item(0).text()
    assert accept.label_zh in rail_text and summary in rail_text
    w.show_step(Step.ACCEPT.value)
    head, *listed = w.findings.text().splitlines()
    assert head.endswith(summary), head  # the same words as the rail
    assert sum(1 for line in listed if line.startswith("●")) == 2  # and the same count
    QApplication.processEvents()
    assert _rows_fit(w) == []


def test_a_narrow_rail_in_large_type_wraps_rather_than_elides(qtbot, gui: CaseWorkspace) -> None:  # noqa: F811
    w = gui
    qtbot.waitUntil(lambda: w.overview is not None)
    font = QFont(w.rail.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)  # the 特大 type size
    w.rail.setFont(font)
    assert w.overview is not None
    w.rail.show_steps(w.overview.steps)
    w.rail.setFixedWidth(w.rail.minimumWidth())
    QApplication.processEvents()
    first = w.rail.item(0)
    assert w.rail.visualItemRect(first).height() > QFontMetrics(first.font()).height() * 1.5
    assert _rows_fit(w) == []


def test_rows_still_fit_when_the_rail_needs_a_scroll_bar(qtbot, gui: CaseWorkspace) -> None:  # noqa: F811
    w = gui
    qtbot.waitUntil(lambda: w.overview is not None)
    font = QFont(w.rail.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    w.rail.setFont(font)
    w.rail.setFixedSize(w.rail.minimumWidth(), 160)  # a low window: the rail scrolls
    assert w.overview is not None
    w.rail.show_steps(w.overview.steps)
    QApplication.processEvents()
    assert w.rail.verticalScrollBar().isVisible()
    assert _rows_fit(w) == []
