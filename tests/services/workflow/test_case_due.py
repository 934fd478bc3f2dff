"""The maintained due-date table (``case_due``) always equals the deadline rules.

Random case histories — service writes and the row edits a sync pull or a
correction makes (status, registration day, obligations performed or moved,
visits, extensions, terminations, applications, signatures, deletions), plus
writes by "an older app" that bypass the refresh — are applied to a real
database; after each one the table holds exactly what the rules give for every
open case, and the Today view equals judging every open case in full.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from mediator.domain.deadlines import OPEN_STATUSES
from mediator.domain.status import CaseStatus
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import ObligationInput, SignatureInput
from mediator.services.workflow.due_table import due_rows, open_cases
from mediator.services.workflow.snapshot import load_casefiles
from mediator.services.workspace import Workspace, open_workspace
from mediator.store.due_models import CaseDue, CaseDueStale
from mediator.store.models import Agreement, Case, CaseParty, FollowUp
from mediator.store.workflow_models import (
    AgreementDetail,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
    TermExtension,
)

from .test_today_fast import full_scan
from .walk import AGREED, agreement_input, principals, register, walk

TODAY = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed data dir with 30 demo cases in every stage (copied per example)."""
    root = tmp_path_factory.mktemp("due-template")
    with open_workspace(DataDir.resolve(root).ensure()) as ws:
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
        demo.generate(ws, 30, seed=15, today=TODAY)
    return root


def table(ws: Workspace) -> set[tuple[Any, ...]]:
    with ws.db.read() as s:
        return {tuple(r) for r in s.execute(select(
            CaseDue.case_id, CaseDue.kind, CaseDue.ref, CaseDue.seq, CaseDue.due_date,
            CaseDue.optional))}


def by_the_rules(ws: Workspace) -> set[tuple[Any, ...]]:
    with ws.db.read() as s:
        ids = list(s.execute(select(Case.id)).scalars())
        files = load_casefiles(s, open_cases(ids))
    return {(r["case_id"], r["kind"], r["ref"], r["seq"], r["due_date"], r["optional"])
            for r in due_rows(files.items())}


def stale(ws: Workspace) -> int:
    with ws.db.read() as s:
        return len(list(s.execute(select(CaseDueStale.case_id))))


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


offsets = st.integers(-150, 60)
maybe_day = st.none() | offsets
edit = st.one_of(
    st.tuples(st.just("status"), st.integers(0, 999), st.sampled_from(list(CaseStatus))),
    st.tuples(st.just("registered"), st.integers(0, 999), offsets),
    st.tuples(st.just("source"), st.integers(0, 999), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 999), st.booleans()),
    st.tuples(st.just("obligation"), st.integers(0, 999), maybe_day, maybe_day),
    st.tuples(st.just("visit"), st.integers(0, 999), offsets),
    st.tuples(st.just("extend"), st.integers(0, 999), offsets, offsets),
    st.tuples(st.just("apply"), st.integers(0, 999), maybe_day),
    st.tuples(st.just("terminate"), st.integers(0, 999), maybe_day),
    st.tuples(st.just("sign"), st.integers(0, 999), maybe_day, st.booleans()),
    st.tuples(st.just("agreement"), st.integers(0, 999), st.booleans(), st.booleans()),
    st.tuples(st.just("older_app"), st.integers(0, 999), offsets),
    st.tuples(st.just("new_case"), st.sampled_from([
        CaseStatus.REGISTERED, CaseStatus.MEDIATING, CaseStatus.AGREED,
        CaseStatus.PERFORMING, CaseStatus.TERMINATED])),
)


def apply(ws: Workspace, op: tuple[Any, ...]) -> None:
    """One write, as the app or a pulled row would make it (each its own unit of work)."""
    kind = op[0]
    if kind == "new_case":
        case_id = register(ws)
        walk(ws, Workflow(ws), case_id, op[1])
        return
    with ws.db.read() as s:
        cases = list(s.execute(select(Case.id, Case.studio_id).order_by(Case.id)))
        obligations = list(s.execute(select(Obligation.id).order_by(Obligation.id)).scalars())
    cid, studio = cases[op[1] % len(cases)]
    if kind == "older_app":  # a plain connection: no refresh before its commit
        db = sqlite3.connect(ws.data_dir.database)
        with db:
            db.execute('UPDATE "case" SET registered_on = ? WHERE id = ?',
                       (day(op[2]).isoformat(), cid))
        db.close()
        return
    with ws.db.write() as s:
        if kind == "status":
            s.execute(update(Case).where(Case.id == cid).values(status=op[2].value))
        elif kind == "registered":
            s.execute(update(Case).where(Case.id == cid).values(registered_on=day(op[2])))
        elif kind == "source":
            s.execute(update(Case).where(Case.id == cid).values(
                source="court_entrusted" if op[2] else "application"))
        elif kind == "delete":
            s.execute(update(Case).where(Case.id == cid).values(deleted=op[2]))
        elif kind == "obligation" and obligations:
            oid = obligations[op[1] % len(obligations)]
            s.execute(update(Obligation).where(Obligation.id == oid).values(
                performed_on=None if op[2] is None else day(op[2]),
                due=None if op[3] is None else day(op[3])))
        elif kind == "visit":
            s.add(FollowUp(case_id=cid, studio_id=studio, visited_on=day(op[2])))
        elif kind == "extend":
            s.add(TermExtension(case_id=cid, studio_id=studio, granted_on=day(op[2]),
                                new_due=day(op[3]), consented_by=_principals(s, cid)))
        elif kind == "apply":
            s.execute(JudicialApplication.__table__.delete().where(
                JudicialApplication.case_id == cid))
            if op[2] is not None:
                s.add(JudicialApplication(case_id=cid, studio_id=studio, applied_on=day(op[2]),
                                          court_basis="committee_location"))
        elif kind == "terminate":
            wf = s.execute(select(CaseWorkflow).where(CaseWorkflow.case_id == cid)).scalar()
            if wf is None:
                wf = CaseWorkflow(case_id=cid, studio_id=studio)
                s.add(wf)
            wf.terminated_on = None if op[2] is None else day(op[2])
        elif kind == "sign":
            s.execute(update(AgreementDetail).where(AgreementDetail.case_id == cid).values(
                completed_on=None if op[2] is None else day(op[2]), sealed=op[3]))
        elif kind == "agreement":
            s.execute(update(Agreement).where(Agreement.case_id == cid).values(
                kind="written" if op[2] else "oral", status="final" if op[3] else "draft"))


def _principals(s: Any, case_id: str) -> list[str]:
    return list(s.execute(select(CaseParty.id).where(
        CaseParty.case_id == case_id, CaseParty.role != "agent")).scalars())


def copy_of(template: Path) -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(template, tmp, dirs_exist_ok=True)
        with open_workspace(DataDir.resolve(tmp)) as ws:
            yield ws


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(edit, min_size=1, max_size=6), when=st.integers(-60, 60),
       horizon=st.sampled_from([0, 3, 7, 30]))
def test_the_table_equals_the_rules_after_any_history(template: Path, history: list[Any],
                                                      when: int, horizon: int) -> None:
    for ws in copy_of(template):
        assert table(ws) == by_the_rules(ws)
        for op in history:
            apply(ws, op)
            if op[0] == "older_app":
                # Left marked until the next unit of work; Today judges it live meanwhile.
                assert stale(ws) >= 1
            else:
                assert stale(ws) == 0
                assert table(ws) == by_the_rules(ws)
            wf = Workflow(ws)
            assert wf.deadlines.due(day(when), horizon) == full_scan(ws, day(when), horizon)
            page = wf.deadlines.due_page(day(when), horizon, limit=5)
            every = wf.deadlines.due(day(when), horizon)
            assert list(page.rows) == every[:5]
            assert page.total == len(every)
            assert page.overdue == sum(1 for r in every if r.state == "overdue")


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "db"


def test_upgrading_a_database_fills_the_table_by_the_rules(tmp_path: Path) -> None:
    """Schema 0009 backfills every open case of an existing database (fixture 0008)."""
    data = DataDir.resolve(tmp_path / "d").ensure()
    shutil.copyfile(FIXTURES / "schema-0008.sqlite3", data.database)
    with open_workspace(data) as ws:
        rows = table(ws)
        assert rows and rows == by_the_rules(ws)
        assert stale(ws) == 0
        for offset in (-30, 0, 30):
            assert Workflow(ws).deadlines.due(day(offset), 7) == full_scan(ws, day(offset), 7)


def test_a_case_with_200_deadlines_is_listed_in_order_and_counted(workspace: Workspace) -> None:
    wf = Workflow(workspace)
    case_id = register(workspace)
    walk(workspace, wf, case_id, CaseStatus.MEDIATING)
    a, b = principals(wf, case_id)
    obligations = tuple(ObligationInput(f"第{i + 1}期付款", b, 10000, AGREED + dt.timedelta(days=i))
                        for i in range(200))
    wf.agreement.save_draft(case_id, agreement_input(b, obligations=obligations), today=AGREED)
    wf.agreement.record_signatures(case_id, SignatureInput(
        frozenset({a, b}), True, True, True, AGREED), today=AGREED)
    wf.agreement.conclude(case_id, today=AGREED)
    assert len(table(workspace)) >= 200 and table(workspace) == by_the_rules(workspace)

    on = AGREED + dt.timedelta(days=100)  # 100 instalments overdue, one due today
    page = wf.deadlines.due_page(on, 7, limit=30)
    every = wf.deadlines.due(on, 7)
    assert [r.state for r in every].count("overdue") == 100 == page.overdue
    assert page.total == len(every) == 108 and page.not_shown == 78
    assert list(page.rows) == every[:30]
    assert [r.due for r in every] == sorted(r.due for r in every)


def test_many_due_today_are_cut_and_counted(template: Path) -> None:
    """Every case in mediation with its term ending today: the page says how many more."""
    for ws in copy_of(template):
        with ws.db.write() as s:
            s.execute(update(Case).values(status=CaseStatus.MEDIATING.value, source="application",
                                          registered_on=dt.date(2026, 10, 1)))
            s.execute(update(Agreement).values(deleted=True))
            s.execute(update(CaseWorkflow).values(terminated_on=None, refused_on=None))
            s.execute(TermExtension.__table__.delete())
        page = Workflow(ws).deadlines.due_page(TODAY, 0, limit=10)
        assert page.total == 30 and page.not_shown == 20 and page.overdue == 0
        assert {r.state for r in page.rows} == {"due_today"}
        assert page.today == TODAY and not page.clock_behind


def test_a_clock_set_back_a_year_says_so(template: Path) -> None:
    for ws in copy_of(template):
        wrong = TODAY - dt.timedelta(days=365)
        page = Workflow(ws).deadlines.due_page(wrong, 7)
        assert page.today == wrong and page.clock_behind
        assert page.latest_registered is not None and page.latest_registered > wrong
        assert list(page.rows) == full_scan(ws, wrong, 7)
        assert not Workflow(ws).deadlines.due_page(TODAY, 7).clock_behind


def test_a_case_whose_file_cannot_be_read_does_not_stop_the_write(template: Path) -> None:
    """A value of a newer version (pulled) in one case: the write commits, the case
    is listed without deadlines, every other case as the rules say."""
    for ws in copy_of(template):
        with ws.db.read() as s:
            first, second = list(s.execute(select(Case.id, Case.studio_id).where(
                Case.status.in_(sorted(OPEN_STATUSES))).order_by(Case.id).limit(2)))
        with ws.db.write() as s:
            s.add(JudicialApplication(case_id=first[0], studio_id=first[1], applied_on=TODAY,
                                      court_basis="a_basis_of_a_newer_version"))
            s.execute(update(Case).where(Case.id == second[0]).values(
                registered_on=dt.date(2026, 10, 1)))
        assert not {r for r in table(ws) if r[0] == first[0]}
        assert stale(ws) == 0
        assert {r for r in table(ws) if r[0] == second[0]}
