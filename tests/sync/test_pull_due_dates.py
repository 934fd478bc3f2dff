"""A pull brings the Today view's due dates with it: derived on the PC that pulls.

``case_due`` is never synced; the rows a pull applies mark their cases and the
page's transaction recomputes them, so the second PC's Today equals the first's
(and the rules over every open case) as soon as the pull is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mediator.domain.status import CaseStatus
from mediator.services.workflow import Workflow
from tests.services.workflow.test_case_due import by_the_rules, stale, table
from tests.services.workflow.walk import register, walk
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

DAY = dt.date(2026, 4, 10)  # the walked cases' deadlines are around March-April 2026


def test_pulled_cases_are_on_the_other_pcs_today(server: ServerProcess,
                                                 make_pc: Callable[..., Pc]) -> None:
    code_1 = server.new_studio(COMMITTEE_A, "桂城")
    code_2 = server.code(COMMITTEE_A)
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(server.url, code_1)
    a2.enrol(server.url, code_2)
    for pc in (a1, a2):
        pc.run_sync()
    wf1 = Workflow(a1.ws)
    for until in (CaseStatus.REGISTERED, CaseStatus.AGREED, CaseStatus.PERFORMING):
        walk(a1.ws, wf1, register(a1.ws), until)
    due_on_1 = wf1.deadlines.due(DAY, 30)
    assert {r.kind for r in due_on_1} >= {"mediation", "performance"}

    a1.run_sync()
    a2.run_sync()

    assert stale(a2.ws) == 0
    assert table(a2.ws) == by_the_rules(a2.ws) == table(a1.ws)
    assert Workflow(a2.ws).deadlines.due(DAY, 30) == due_on_1
