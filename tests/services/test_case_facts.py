"""A case's statistics facts and the screening register, against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from mediator.domain.case_facts import BodyType, CaseFacts, Grade, Prevention
from mediator.errors import NotFoundError, ValidationError
from mediator.services.case_facts import CaseFactsService
from mediator.services.screening import ScreeningInput, ScreeningService
from mediator.services.workspace import Workspace
from mediator.store.models import AuditEvent, OutboxEntry
from mediator.store.statistics_models import CaseStatistics
from tests.services.helpers import water_leak


def _facts(ws: Workspace) -> CaseFactsService:
    return CaseFactsService(ws.db, ws.studio.context)


def _screening(ws: Workspace) -> ScreeningService:
    return ScreeningService(ws.db, ws.studio.context, ws.catalogue.codes)


def test_nothing_stated_reads_as_the_parties_and_the_studio_kind(workspace: Workspace) -> None:
    ref = workspace.cases.register(water_leak())
    stated = _facts(workspace).read(ref.id)
    assert not stated.stated and stated.parties == 2
    assert stated.grade is Grade.SIMPLE and stated.body_type is BodyType.VILLAGE
    _facts(workspace).set_studio_body_type(BodyType.TOWNSHIP)
    assert _facts(workspace).read(ref.id).body_type is BodyType.TOWNSHIP


def test_a_group_dispute_is_derived_graded_major_and_queued_for_sync(
        workspace: Workspace) -> None:
    ref = workspace.cases.register(water_leak())
    stated = _facts(workspace).save(ref.id, CaseFacts(
        people_involved=12, prevented={Prevention.PETITION: 12},
        amount_in_dispute_fen=3_200_00, body_type=BodyType.SECTOR))
    assert stated.stated and stated.group_dispute and stated.grade is Grade.MAJOR
    assert stated.facts.prevented == {Prevention.PETITION: 12}
    assert stated.body_type is BodyType.SECTOR
    with workspace.db.read() as s:
        row = s.execute(select(CaseStatistics)).scalar_one()
        assert (row.group_dispute, row.grade, row.prevented_petition) == (True, "major", 12)
        queued = set(s.execute(select(OutboxEntry.entity, OutboxEntry.entity_id)).all())
        assert ("case_statistics", row.id) in queued
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "case.statistics")
                          ).scalar_one()
        assert event.detail["grade"] == "major"


def test_an_override_needs_a_reason_and_the_reason_stays_out_of_the_audit(
        workspace: Workspace) -> None:
    ref = workspace.cases.register(water_leak())
    with pytest.raises(ValidationError) as err:
        _facts(workspace).save(ref.id, CaseFacts(people_involved=2, grade_override=Grade.MAJOR))
    assert err.value.field == "grade_reason" and "理由" in err.value.message
    stated = _facts(workspace).save(ref.id, CaseFacts(
        people_involved=2, grade_override=Grade.MAJOR, grade_reason="王某多次扬言报复"))
    assert stated.grade is Grade.MAJOR and stated.derived_grade is Grade.SIMPLE
    with workspace.db.read() as s:
        details = [e.detail for e in s.execute(select(AuditEvent)).scalars()]
    assert not any("王某" in str(d) for d in details)


def test_every_bad_number_is_reported_at_once(workspace: Workspace) -> None:
    ref = workspace.cases.register(water_leak())
    with pytest.raises(ValidationError) as err:
        _facts(workspace).save(ref.id, CaseFacts(people_involved=-3,
                                                 prevented={Prevention.CRIMINAL: 0}))
    assert [f for f, _ in err.value.problems] == ["people_involved", "prevented.criminal"]


def test_a_screened_dispute_becomes_a_linked_case_in_one_step(workspace: Workspace) -> None:
    screening = _screening(workspace)
    visit = screening.record(ScreeningInput(dt.date(2026, 3, 1), "桂城街道平洲村",
                                            "陈调解、网格员张某", disputes_found=3,
                                            disputes_prevented=2),
                             today=dt.date(2026, 3, 10))
    reg = screening.prefill(visit, today=dt.date(2026, 3, 2))
    assert reg.source == "committee_initiative" and "平洲村" in reg.summary
    base = water_leak()
    reg.dispute_type, reg.parties = base.dispute_type, base.parties
    ref = screening.register_case(visit, reg, CaseFacts(people_involved=4))
    assert _facts(workspace).read(ref.id).screening_id == visit
    [view] = screening.visits(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert (view.disputes_found, view.disputes_prevented, view.cases_registered) == (3, 2, 1)


def test_a_screening_visit_is_checked_field_by_field(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as err:
        _screening(workspace).record(ScreeningInput(dt.date(2030, 1, 1), "", disputes_found=1,
                                                    disputes_prevented=2),
                                     today=dt.date(2026, 3, 10))
    assert [f for f, _ in err.value.problems] == ["visited_on", "place", "disputes_prevented"]
    with pytest.raises(NotFoundError):
        _screening(workspace).prefill("0" * 36)


def test_registration_writes_its_facts_in_the_same_transaction(workspace: Workspace) -> None:
    """涉及人数 and 标的额 stated at registration: one unit with the case, queued for sync,
    and read back by the case detail (raw SQL) with the grade they give."""
    reg = replace(water_leak(),
                  facts=CaseFacts(people_involved=12, amount_in_dispute_fen=5_000_00))
    ref = workspace.cases.register(reg)
    stated = _facts(workspace).read(ref.id)
    assert stated.stated and stated.facts.people_involved == 12
    assert stated.group_dispute and stated.grade is Grade.MAJOR
    with workspace.db.read() as s:
        queued = {e.entity for e in s.execute(select(OutboxEntry)).scalars()}
    assert "case_statistics" in queued
    detail = workspace.cases.get(ref.id)
    assert detail.facts is not None and detail.facts.people_involved == 12
    assert detail.facts.amount_in_dispute_fen == 5_000_00


def test_registration_with_bad_facts_writes_nothing(workspace: Workspace) -> None:
    reg = replace(water_leak(), facts=CaseFacts(people_involved=-1))
    assert ("facts.people_involved", "涉及人数应在0到100000之间。") in workspace.cases.validate(reg)
    with pytest.raises(ValidationError) as caught:
        workspace.cases.register(reg)
    assert caught.value.field == "facts.people_involved"
    assert workspace.cases.count_all() == 0
    assert workspace.cases.get(workspace.cases.register(water_leak()).id).facts is None
