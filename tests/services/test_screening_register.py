"""The screening register names the cases registered from each visit (the GUI's
"已登记为案件" column), against a real SQLite file."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from mediator.services.screening import ScreeningInput, ScreeningService
from mediator.services.workspace import Workspace
from mediator.store.models import Case
from tests.services.helpers import water_leak

D = dt.date


def _screening(ws: Workspace) -> ScreeningService:
    return ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)


def _register_from(screening: ScreeningService, visit: str, day: dt.date) -> str:
    reg = screening.prefill(visit, today=day)
    base = water_leak()
    reg.dispute_type, reg.parties = base.dispute_type, base.parties
    return screening.register_case(visit, reg).case_no


def test_each_visit_lists_its_cases_in_the_order_they_were_registered(
        workspace: Workspace) -> None:
    screening = _screening(workspace)
    market = screening.record(ScreeningInput(D(2026, 3, 2), "桂城市场", "陈调解", 3, 1),
                              today=D(2026, 3, 10))
    village = screening.record(ScreeningInput(D(2026, 3, 5), "平洲村", "陈调解", 1, 0),
                               today=D(2026, 3, 10))
    first = _register_from(screening, market, D(2026, 3, 3))
    second = _register_from(screening, market, D(2026, 3, 4))
    views = {v.place: v for v in screening.visits(D(2026, 3, 1), D(2026, 3, 31))}
    assert views["桂城市场"].case_nos == (first, second)
    assert views["桂城市场"].cases_registered == 2
    assert views["平洲村"].case_nos == () and views["平洲村"].cases_registered == 0
    assert village == views["平洲村"].id

    # A case deleted since is no longer shown as coming from the visit.
    with workspace.db.write() as s:
        s.execute(update(Case).where(Case.case_no == first).values(deleted=True))
    [market_view] = [v for v in screening.visits(D(2026, 3, 1), D(2026, 3, 31))
                     if v.place == "桂城市场"]
    assert market_view.case_nos == (second,) and market_view.cases_registered == 1
