"""A pull brings the statistics with it: the report's maintained sums are derived on
the PC that pulls (never synced), so the second PC's report equals the first's and
a recount from its own rows as soon as the pull is done — and facts stated later
move the figures on both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mediator.domain.case_facts import CaseFacts
from mediator.domain.statistics import Period
from mediator.domain.status import CaseStatus
from mediator.services.case_facts import CaseFactsService
from mediator.services.statistics import StatisticsService
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace
from tests.services.test_statistics_day import assert_maintained
from tests.services.workflow.walk import register, walk
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

ALL = Period.custom(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def _report(ws: Workspace) -> tuple[object, object]:
    r = StatisticsService(ws.db, ws.studio.context, ws.catalogue.label).report(ALL)
    return r.totals, r.breakdowns


def test_pulled_cases_count_in_the_other_pcs_report(server: ServerProcess,
                                                    make_pc: Callable[..., Pc]) -> None:
    code_1 = server.new_studio(COMMITTEE_A, "桂城")
    code_2 = server.code(COMMITTEE_A)
    a1, a2 = make_pc("a1"), make_pc("a2", mediator="李调解")
    a1.enrol(server.url, code_1)
    a2.enrol(server.url, code_2)
    for pc in (a1, a2):
        pc.run_sync()
    wf1 = Workflow(a1.ws)
    ids = []
    for until in (CaseStatus.REGISTERED, CaseStatus.AGREED, CaseStatus.PERFORMING):
        ids.append(register(a1.ws))
        walk(a1.ws, wf1, ids[-1], until)
    a1.run_sync()
    a2.run_sync()
    totals, _ = _report(a2.ws)
    assert totals["accepted"] == 3 and totals["succeeded"] == 2  # type: ignore[index]
    assert _report(a2.ws) == _report(a1.ws)
    assert_maintained(a2.ws)
    # The statistics facts stated later on the first PC move the second's figures.
    CaseFactsService(a1.ws.db, a1.ws.studio.context).save(ids[0], CaseFacts(people_involved=15))
    a1.run_sync()
    a2.run_sync()
    assert _report(a2.ws) == _report(a1.ws)
    assert _report(a2.ws)[0]["group"] == 1  # type: ignore[index]
    assert_maintained(a2.ws)
