"""The case header's deadline line stays one line for a case with 20 instalments:
one entry per kind (the first date, the last and how many), not 20 dates wrapped over
six lines that left the step's form no height at 特大 (the screenshot test saw it)."""

from __future__ import annotations

from mediator.ui.workflow.workspace import CaseWorkspace
from tests.ui.screens.data import TERMS, take_bad_case


def test_twenty_instalments_are_one_entry_of_the_deadline_line(qtbot, workspace,
                                                                runner) -> None:
    case_id = take_bad_case(workspace)  # 20 obligations, due on 20 days in a row
    w = CaseWorkspace(workspace, runner, case_id)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitUntil(lambda: w.overview is not None)
    text = w.deadline.text()
    assert text.count("履行期限") == 1, text
    assert f"({TERMS})" in text and " … " in text
    assert "回访" in text  # the other kinds keep their own entry
    line = w.deadline.fontMetrics().lineSpacing()
    assert w.deadline.heightForWidth(w.deadline.width()) < 2 * line, text
