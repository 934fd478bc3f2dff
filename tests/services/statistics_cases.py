"""A fixed set of cases whose statistics were counted by hand (tests/services/test_statistics.py).

Registered through the real service, then carried to their stage by writing the
workflow rows the workflow services would have written (real SQLite file).
March 2026, by hand:

=====  ===============  ============  ==========  ==========================================
case   type / source    registered    mediator    stage
=====  ===============  ============  ==========  ==========================================
c1     neighbour/app    2026-03-02    陈          written agreement 3,200 元 reached 03-05,
                                                  performed 03-20, followed up; 2 people
c2     marriage/init.   2026-03-10    林          terminated 03-25; 12 people, 防止群体性上访
                                                  12 (group, 重大疑难), body 行业性专业性
c3     contract/court   2026-02-20    陈          oral agreement 5,000 元 effective 03-01,
                                                  confirmed by the court 03-15; no facts,
                                                  3 principals + 1 agent
c4     neighbour/app    2026-03-15    陈          refused (counts nowhere)
c5     neighbour/grid   2026-03-28    林          mediating, draft agreement 03-29;
                                                  防止民转刑 2
c6     labour/app       2026-04-02    陈          agreed 04-05 (April)
c7     neighbour/app    2026-03-03    陈          deleted
c8     neighbour/init.  2026-03-06    陈          registered from screening v1; 4 people
=====  ===============  ============  ==========  ==========================================

Screening: v1 2026-03-05 found 3 prevented 2; v2 2026-02-10 found 1; v3 03-06 deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import update

from mediator.domain.case_facts import BodyType, CaseFacts, Prevention
from mediator.domain.status import PartyRole
from mediator.services.case_facts import CaseFactsService
from mediator.services.dto import PartyInput
from mediator.services.screening import ScreeningInput, ScreeningService
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement, Case, FollowUp, Mediator
from mediator.store.statistics_models import ScreeningVisit
from mediator.store.workflow_models import (
    AgreementDetail,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
)
from tests.services.helpers import water_leak

D = dt.date


def build(ws: Workspace) -> dict[str, str]:
    """Make the case set; returns {name: case id} (and v1, v2 for the visits)."""
    studio, me = ws.studio.context()
    facts = CaseFactsService(ws.db, ws.studio.context)
    screening = ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)
    with ws.db.write() as s:
        lin = Mediator(studio_id=studio.id, name="林调解")
        s.add(lin)
        s.flush()
        lin_id = lin.id

    def reg(day: D, dispute: str = "neighbour", source: str = "party_application",
            **kw: object) -> str:
        base = water_leak(registered_on=day, dispute_type=dispute, source=source)
        if source == "court_entrusted":
            base.referral_note = "佛山市南海区人民法院委托"
        for k, v in kw.items():
            setattr(base, k, v)
        return ws.cases.register(base).id

    ids: dict[str, str] = {}
    ids["c1"] = reg(D(2026, 3, 2))
    ids["c2"] = reg(D(2026, 3, 10), "marriage_family", "committee_initiative")
    extra = [PartyInput(role=PartyRole.THIRD_PARTY, name="赵敏"),
             PartyInput(role=PartyRole.AGENT, name="钱律师", represents=0)]
    ids["c3"] = reg(D(2026, 2, 20), "contract", "court_entrusted",
                    parties=[*water_leak().parties, *extra])
    ids["c4"] = reg(D(2026, 3, 15))
    ids["c5"] = reg(D(2026, 3, 28), "neighbour", "grid_worker")
    ids["c6"] = reg(D(2026, 4, 2), "labour")
    ids["c7"] = reg(D(2026, 3, 3))
    v1 = screening.record(ScreeningInput(D(2026, 3, 5), "平洲村", "陈调解", 3, 2),
                          today=D(2026, 12, 1))
    v2 = screening.record(ScreeningInput(D(2026, 2, 10), "夏西社区", "陈调解", 1, 0),
                          today=D(2026, 12, 1))
    v3 = screening.record(ScreeningInput(D(2026, 3, 6), "作废", "", 5, 5), today=D(2026, 12, 1))
    pre = screening.prefill(v1, today=D(2026, 3, 6))
    pre = replace(pre, dispute_type="neighbour", parties=water_leak().parties)
    ids["c8"] = screening.register_case(v1, pre, CaseFacts(people_involved=4)).id
    ids["v1"], ids["v2"] = v1, v2

    facts.save(ids["c1"], CaseFacts(people_involved=2))
    facts.save(ids["c2"], CaseFacts(people_involved=12, prevented={Prevention.PETITION: 12},
                                    body_type=BodyType.SECTOR))
    facts.save(ids["c5"], CaseFacts(people_involved=2, prevented={Prevention.CRIMINAL: 2}))

    sync = {"studio_id": studio.id}
    with ws.db.write() as s:
        def status(name: str, value: str, **kw: object) -> None:
            s.execute(update(Case).where(Case.id == ids[name]).values(status=value, **kw))

        def agreement(name: str, kind: str, fen: int, reached: D | None,
                      effective: D | None = None) -> str:
            ag = Agreement(case_id=ids[name], kind=kind, amount_fen=fen,
                           effective_on=effective, **sync)
            s.add(ag)
            s.flush()
            if reached is not None:
                s.add(AgreementDetail(case_id=ids[name], agreement_id=ag.id,
                                      reached_on=reached, **sync))
            return ag.id

        status("c1", "followed_up")
        ag1 = agreement("c1", "written", 320000, D(2026, 3, 5), D(2026, 3, 6))
        s.add(Obligation(case_id=ids["c1"], agreement_id=ag1, amount_fen=320000,
                         performed_on=D(2026, 3, 20), **sync))
        s.add(FollowUp(case_id=ids["c1"], visited_on=D(2026, 3, 25), performed=True, **sync))
        status("c2", "terminated", mediator_id=lin_id)
        s.add(CaseWorkflow(case_id=ids["c2"], terminated_on=D(2026, 3, 25), **sync))
        status("c3", "confirming")
        agreement("c3", "oral", 500000, None, D(2026, 3, 1))
        s.add(JudicialApplication(case_id=ids["c3"], applied_on=D(2026, 3, 3),
                                  court_basis="inviting_court", decided_on=D(2026, 3, 15),
                                  confirmed=True, **sync))
        status("c4", "refused")
        status("c5", "mediating", mediator_id=lin_id)
        agreement("c5", "written", 100000, D(2026, 3, 29))
        status("c6", "agreed")
        agreement("c6", "written", 80000, D(2026, 4, 5), D(2026, 4, 5))
        s.execute(update(Case).where(Case.id == ids["c7"]).values(deleted=True))
        s.execute(update(ScreeningVisit).where(ScreeningVisit.id == v3).values(deleted=True))
    del me
    return ids
