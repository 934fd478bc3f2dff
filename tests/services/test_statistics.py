"""The statistics report against hand-counted cases (tests/services/statistics_cases.py),
and the property that every breakdown adds up to its total."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mediator.domain.case_facts import BodyType, CaseFacts, Prevention
from mediator.domain.statistics import FIGURES, Dimension, Period
from mediator.errors import ValidationError
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.case_facts import CaseFactsService
from mediator.services.screening import ScreeningInput, ScreeningService
from mediator.services.statistics import StatisticsService
from mediator.services.workspace import Workspace, open_workspace
from mediator.store.models import Case
from tests.conftest import COMMITTEE
from tests.services.statistics_cases import build

MARCH = Period.month(2026, 3)


def _stats(ws: Workspace) -> StatisticsService:
    return StatisticsService(ws.db, ws.studio.context, ws.catalogue.label)


@pytest.mark.parametrize("how", ["report", "totals"])
def test_march_counts_as_counted_by_hand(workspace: Workspace, how: str) -> None:
    build(workspace)
    stats = _stats(workspace)
    t = stats.report(MARCH).totals if how == "report" else stats.totals(MARCH)
    assert (t["accepted"], t["people"], t["group"]) == (4, 20, 1)
    assert (t["closed"], t["succeeded"], t["terminated"], t["success_rate"]) == (3, 2, 1, 66.7)
    assert t["amount"] == 820000  # 3,200 + 5,000 元; c5's draft and April's c6 not counted
    assert (t["prevented_petition"], t["prevented_petition_people"]) == (1, 12)
    assert t["prevented_criminal"] == 0  # c5 has not closed
    assert (t["grade_simple"], t["grade_ordinary"], t["grade_major"]) == (2, 0, 1)
    assert (t["performed"], t["confirmed"]) == (1, 1)
    assert (t["screenings"], t["disputes_found"], t["disputes_prevented"]) == (1, 3, 2)


def test_a_quarter_takes_february_in_and_april_stays_out(workspace: Workspace) -> None:
    build(workspace)
    t = _stats(workspace).report(Period.quarter(2026, 1)).totals
    assert (t["accepted"], t["people"]) == (5, 23)  # c3: 3 principals, its agent not counted
    assert (t["screenings"], t["disputes_found"]) == (2, 4)
    assert t["succeeded"] == 2
    april = _stats(workspace).report(Period.month(2026, 4)).totals
    assert (april["accepted"], april["succeeded"], april["amount"]) == (1, 1, 80000)
    empty = _stats(workspace).report(Period.month(2025, 3)).totals
    assert empty["success_rate"] is None and empty["accepted"] == 0


def test_breakdowns_by_type_mediator_and_body(workspace: Workspace) -> None:
    ids = build(workspace)
    studio, me = workspace.studio.context()
    r = _stats(workspace).report(MARCH)
    by_type = r.breakdowns[Dimension.DISPUTE_TYPE]
    assert by_type["neighbour"]["accepted"] == 3 and by_type["marriage_family"]["accepted"] == 1
    assert by_type["contract"]["succeeded"] == 1 and by_type["contract"]["success_rate"] == 100.0
    assert r.labels[Dimension.DISPUTE_TYPE]["neighbour"] == "邻里纠纷"
    by_mediator = r.breakdowns[Dimension.MEDIATOR]
    assert by_mediator[me.id]["accepted"] == 2 and by_mediator[me.id]["screenings"] == 1
    assert sorted(r.labels[Dimension.MEDIATOR].values()) == ["林调解", "陈调解"]
    by_body = r.breakdowns[Dimension.BODY_TYPE]
    assert (by_body["village"]["accepted"], by_body["sector"]["accepted"]) == (3, 1)
    assert r.labels[Dimension.BODY_TYPE]["sector"] == "行业性专业性"
    assert list(r.breakdowns[Dimension.MONTH]) == ["2026-03"]
    assert any(f == "调解成功（件）" and basis == "结案日期" for f, basis, _ in r.definitions)
    del ids, studio


def test_a_drill_down_names_the_cases_behind_a_number(workspace: Workspace) -> None:
    ids = build(workspace)
    name = {v: k for k, v in ids.items()}
    stats = _stats(workspace)
    assert [name[i] for i in stats.drill_down(MARCH, "succeeded").ids] == ["c3", "c1"]
    assert [name[i] for i in stats.drill_down(MARCH, "accepted").ids] == ["c1", "c8", "c2", "c5"]
    assert [name[i] for i in stats.drill_down(
        MARCH, "accepted", {Dimension.DISPUTE_TYPE: "marriage_family"}).ids] == ["c2"]
    assert [name[i] for i in stats.drill_down(MARCH, "prevented_petition_people").ids] == ["c2"]
    assert [name[i] for i in stats.drill_down(MARCH, "amount").ids] == ["c3", "c1"]
    assert [name[i] for i in stats.drill_down(MARCH, "group").ids] == ["c2"]
    found = stats.drill_down(MARCH, "disputes_found")
    assert found.entity == "screening_visit" and [name[i] for i in found.ids] == ["v1"]
    with pytest.raises(ValidationError):
        stats.drill_down(MARCH, "no_such_figure")


def test_the_studio_kind_of_body_counts_cases_without_their_own(workspace: Workspace) -> None:
    build(workspace)
    CaseFactsService(workspace.db, workspace.studio.context).set_studio_body_type(
        BodyType.TOWNSHIP)
    by_body = _stats(workspace).report(MARCH).breakdowns[Dimension.BODY_TYPE]
    assert (by_body["township"]["accepted"], by_body["sector"]["accepted"]) == (3, 1)


# ------------------------------------------------------------------------- property
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), cases=st.integers(0, 40), visits=st.integers(0, 4),
       month=st.integers(1, 12))
def test_every_breakdown_sums_to_its_total(seed: int, cases: int, visits: int,
                                           month: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir.resolve(Path(tmp) / "d").ensure()
        with open_workspace(data) as ws:
            ws.studio.setup(COMMITTEE, "桂城", "陈调解")
            today = dt.date(2026, 12, 1)
            demo.generate(ws, cases, seed=seed, today=today)
            rng = random.Random(seed)
            facts = CaseFactsService(ws.db, ws.studio.context)
            with ws.db.read() as s:
                case_ids = list(s.execute(select(Case.id).where(Case.status != "archived")
                                          ).scalars())
            for cid in rng.sample(case_ids, min(len(case_ids), 8)):
                facts.save(cid, CaseFacts(
                    people_involved=rng.choice([0, 2, 5, 15]),
                    prevented={p: rng.randint(1, 9) for p in Prevention if rng.random() < 0.3},
                    body_type=rng.choice([None, *BodyType])))
            screening = ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)
            for _ in range(visits):
                found = rng.randint(0, 5)
                screening.record(ScreeningInput(today - dt.timedelta(days=rng.randint(0, 400)),
                                                "平洲村", disputes_found=found,
                                                disputes_prevented=rng.randint(0, found)),
                                 today=today)
            for period in (Period.year(2026), Period.month(2026, month),
                           Period.custom(dt.date(2025, 6, 1), today)):
                report = _stats(ws).report(period)
                counted_apart = _stats(ws).totals(period)  # no GROUP BY at all
                assert report.totals == counted_apart, period
                for dim, rows in report.breakdowns.items():
                    for f in FIGURES:
                        if f.additive:
                            assert sum(int(r[f.code] or 0) for r in rows.values()) == \
                                counted_apart[f.code], (period, dim, f.code)
