"""Times on screen are on the studio's clock, as the documents print them.

The PC's own zone does not matter: with TZ=UTC in this process (a PC set to UTC
in a studio in China), the session held at 9:30 on the studio's clock shows as
09:30 on the session page and prints as 9时30分 on the 人民调解记录.
"""

from __future__ import annotations

import datetime as dt
import subprocess

from PySide6.QtWidgets import QLabel

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.documents import DocumentService
from mediator.services.workflow import Workflow
from mediator.ui.cases.detail import CaseDetailView
from mediator.ui.labels import Labels
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import register, walk
from tests.ui.workflow.test_case_gui import TODAY, go


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, check=True,
                          capture_output=True)
    return done.stdout.decode("utf-8").replace(" ", "")


def test_a_session_time_on_screen_matches_its_record(qtbot, workspace, runner,
                                                     pc_on_utc) -> None:
    case_id = register(workspace)
    walk(workspace, Workflow(workspace), case_id, CaseStatus.MEDIATING)  # held 2026-03-06 9:30
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    page = go(w, Step.MEDIATE)
    assert "2026-03-06 09:30" in page.records.text()
    assert "2026年3月6日9时30分" in pdf_text(DocumentService(workspace).render(case_id,
                                                                            "session-1"))
    page = go(w, Step.INVESTIGATE)  # the investigation, at 15:00 on the studio's clock
    assert "2026-03-04 15:00" in page.records.text()


def test_the_case_details_show_when_it_was_entered_on_the_studio_clock(
        qtbot, workspace, pc_on_utc) -> None:
    case = workspace.cases.get(register(workspace))
    view = CaseDetailView(case, Labels("zh_CN", workspace.catalogue.dispute_types(),
                                       workspace.catalogue.case_sources()))
    qtbot.addWidget(view)
    footer = "\n".join(label.text() for label in view.findChildren(QLabel))
    china = case.created_at + dt.timedelta(hours=8)  # Asia/Shanghai, no daylight saving
    assert china.strftime("%Y-%m-%d %H:%M") in footer
    assert case.created_at.strftime("%Y-%m-%d %H:%M") not in footer  # not the PC's UTC


def test_a_new_session_starts_at_now_on_the_studio_clock(qtbot, workspace, runner,
                                                         pc_on_utc) -> None:
    case_id = register(workspace)
    walk(workspace, Workflow(workspace), case_id, CaseStatus.INVESTIGATING)
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    page = go(w, Step.MEDIATE)
    shown = page.held_at.time()
    china = dt.datetime.now(dt.UTC) + dt.timedelta(hours=8)
    apart = (shown.hour() * 60 + shown.minute() - china.hour * 60 - china.minute) % 1440
    assert min(apart, 1440 - apart) <= 2  # the studio's hour, not the PC's UTC hour
    assert page.held_at.date().toPython() == TODAY  # on the working day
