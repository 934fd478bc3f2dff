"""A record's date is the studio's date, whatever zone the PC is set to.

A session held at 00:30 on 6 March on the studio's clock (Asia/Shanghai) is on
5 March in UTC: on a PC set to UTC it must still count as held on 6 March for
the rules (time limits, the order of steps), as its document says.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.status import CaseStatus
from mediator.services.workflow import Workflow
from mediator.services.workflow.snapshot import load_casefile
from mediator.services.workspace import Workspace
from tests.services.workflow.walk import SESSION, principals, register, session_input, walk


def test_a_session_after_midnight_is_on_the_studio_date(workspace: Workspace,
                                                        pc_on_utc: None) -> None:
    wf = Workflow(workspace)
    case_id = register(workspace)
    walk(workspace, wf, case_id, CaseStatus.INVESTIGATING)
    a, b = principals(wf, case_id)
    wf.records.add_session(case_id, session_input(a, b, held_at=dt.datetime(2026, 3, 6, 0, 30)),
                           today=SESSION)
    with workspace.db.read() as s:
        held = load_casefile(s, case_id).sessions[0]
    assert held.held_on == dt.date(2026, 3, 6)
    shown = wf.overview(case_id, today=SESSION).sessions[0].held_at
    assert shown == dt.datetime(2026, 3, 6, 0, 30)
