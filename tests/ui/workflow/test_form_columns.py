"""Grouped fields with one label column: on a step page with several groups (the
session's facts, one statement per party, the result) every field starts at the same
x, labels are not cut off, and that still holds after a larger type size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from mediator.domain.findings import Step
from mediator.ui import theme
from mediator.ui.theme import TypeSize
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import register

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def gui(qtbot, qapp, workspace, runner) -> Iterator[CaseWorkspace]:
    w = CaseWorkspace(workspace, runner, register(workspace), today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitUntil(lambda: w.overview is not None, timeout=10_000)
    yield w
    theme.set_type_size(qapp, TypeSize.STANDARD)


def columns(page: QWidget) -> tuple[set[int], list[str]]:
    """The x (in the page) where each form row's field starts; labels cut short."""
    QApplication.processEvents()
    xs: set[int] = set()
    cut: list[str] = []
    for form in page.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.widget() is None:
                continue
            if not label.widget().isVisible():
                continue
            owner = form.parentWidget()  # the item's geometry is in its coordinates
            xs.add(owner.mapTo(page, QPoint(field.geometry().x(), 0)).x())
            if label.widget().width() < label.widget().sizeHint().width():
                cut.append(label.widget().text())
    return xs, cut


def test_one_label_column_per_page_at_every_type_size(qtbot, qapp, gui: CaseWorkspace) -> None:
    page = gui.pages[Step.MEDIATE]
    gui.show_step(Step.MEDIATE.value)
    forms = [f for f in page.findChildren(QFormLayout) if f.rowCount()]
    assert len(forms) >= 3  # the facts, the parties' statements, the result
    xs, cut = columns(page)
    assert len(xs) == 1, xs
    assert cut == []
    standard = next(iter(xs))

    theme.set_type_size(qapp, TypeSize.EXTRA_LARGE)
    QApplication.processEvents()
    xs, cut = columns(page)
    assert len(xs) == 1, xs
    assert cut == []
    assert next(iter(xs)) > standard  # the label column grew with its text
