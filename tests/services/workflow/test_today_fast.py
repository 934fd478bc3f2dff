"""The Today view narrowed in SQL gives exactly what the deadline rules give over
every open case (the full scan it replaced), on demo data on many days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import select

from mediator.domain.deadlines import due_items
from mediator.services import demo
from mediator.services.workflow import Workflow
from mediator.services.workflow.deadlines import OPEN_STATUSES
from mediator.services.workflow.dto import DueRow
from mediator.services.workflow.snapshot import load_casefiles
from mediator.services.workspace import Workspace
from mediator.store.models import Case, CaseParty, Party

TODAY = dt.date(2026, 11, 1)


def full_scan(ws: Workspace, today: dt.date, horizon: int) -> list[DueRow]:
    """Every open case loaded and judged: the reference."""
    open_ids = select(Case.id).where(Case.status.in_(sorted(OPEN_STATUSES)),
                                     Case.deleted.is_(False))
    with ws.db.read() as s:
        items = due_items(load_casefiles(s, open_ids).items(), today, horizon_days=horizon)
        numbers = {cid: no for cid, no in s.execute(select(Case.id, Case.case_no))}
        names: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for cid, pos, name in s.execute(
                select(CaseParty.case_id, CaseParty.position, Party.name)
                .join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.deleted.is_(False), CaseParty.role != "agent")):
            names[cid].append((pos, name))
    return [DueRow(i.case_id, numbers[i.case_id], tuple(n for _p, n in sorted(names[i.case_id])),
                   i.deadline.kind.value, i.deadline.label_zh, i.deadline.due, i.state.value,
                   i.days_left) for i in items]


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory):
    from mediator.paths import DataDir
    from mediator.services.workspace import open_workspace

    ws = open_workspace(DataDir.resolve(tmp_path_factory.mktemp("today")).ensure())
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
    demo.generate(ws, 1500, seed=21, today=TODAY)
    yield ws
    ws.close()


@pytest.mark.parametrize("offset", [-40, -9, 0, 6, 11, 17, 45])
@pytest.mark.parametrize("horizon", [0, 7, 30])
def test_today_equals_the_rules_over_every_open_case(demo_ws: Workspace, offset: int,
                                                     horizon: int) -> None:
    day = TODAY + dt.timedelta(days=offset)
    fast = Workflow(demo_ws).deadlines.due(day, horizon_days=horizon)
    assert fast == full_scan(demo_ws, day, horizon)


def test_today_has_every_kind_of_deadline_on_demo_data(demo_ws: Workspace) -> None:
    kinds = set()
    for offset in (0, 6, 11, 30):
        rows = Workflow(demo_ws).deadlines.due(TODAY + dt.timedelta(days=offset), 30)
        kinds |= {r.kind for r in rows}
    assert {"mediation", "performance", "follow_up"} <= kinds
