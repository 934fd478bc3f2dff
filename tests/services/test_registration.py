"""Registering a case (受理登记): what a mediator sees succeed, and what is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from mediator.domain.status import CaseStatus, PartyKind, PartyRole, Sex
from mediator.errors import NotFoundError, ValidationError
from mediator.services.dto import CaseFilter, PartyInput
from mediator.services.workspace import Workspace
from mediator.store.audit import verify_chain
from mediator.store.models import AuditEvent, Case, OutboxEntry, Party
from tests.services.helpers import LI_ID, WANG_ID, company, water_leak


def _count(ws: Workspace, model: type) -> int:
    with ws.db.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_register_two_party_case_gets_committee_number_and_reads_back(workspace: Workspace) -> None:
    ref = workspace.cases.register(water_leak())
    assert ref.case_no == "（2026）桂城人调字第1号"
    detail = workspace.cases.get(ref.id)
    assert detail.status is CaseStatus.REGISTERED
    assert [p.name for p in detail.parties] == ["王𠮷", "李珺"]
    wang = detail.parties[0]
    # Sex and birth date come from the ID number when not typed.
    assert wang.sex is Sex.MALE and wang.birth_date == dt.date(1990, 3, 7)
    assert wang.phone == "13812345678"
    assert detail.requests == ("请求被申请人修复防水层", "请求赔偿装修损失3200元")
    assert detail.committee_name.endswith("人民调解委员会")
    assert detail.mediator_name == "陈调解"


def test_numbers_count_per_year(workspace: Workspace) -> None:
    a = workspace.cases.register(water_leak())
    b = workspace.cases.register(water_leak())
    c = workspace.cases.register(water_leak(registered_on=dt.date(2025, 12, 30)))
    assert (a.case_no, b.case_no, c.case_no) == (
        "（2026）桂城人调字第1号", "（2026）桂城人调字第2号", "（2025）桂城人调字第1号")


def test_every_problem_is_reported_by_field_and_nothing_is_saved(workspace: Workspace) -> None:
    outbox_before = _count(workspace, OutboxEntry)
    reg = water_leak(summary="x" * 20_000, dispute_type="")
    reg.parties[0].name = "王😀"
    reg.parties[1].id_number = LI_ID[:-1] + ("0" if LI_ID[-1] != "0" else "1")
    reg.parties[1].phone = "12345"
    with pytest.raises(ValidationError) as err:
        workspace.cases.register(reg)
    fields = {f for f, _ in err.value.problems}
    assert {"summary", "dispute_type", "parties[0].name", "parties[1].id_number",
            "parties[1].phone"} <= fields
    messages = dict(err.value.problems)
    assert "5000" in messages["summary"] and "20000" in messages["summary"]
    assert "校验" in messages["parties[1].id_number"]
    # The wrong ID number itself never appears in a message (it may be shown or logged).
    assert all(LI_ID[:10] not in m for m in messages.values())
    assert _count(workspace, Case) == 0 and _count(workspace, Party) == 0
    assert _count(workspace, OutboxEntry) == outbox_before


def test_control_characters_and_missing_sides_are_refused(workspace: Workspace) -> None:
    reg = water_leak(summary="漏水\x07严重")
    reg.parties = [reg.parties[0]]
    problems = dict(workspace.cases.validate(reg))
    assert "summary" in problems
    assert problems["parties"] == "至少需要一名申请人和一名被申请人。"


def test_rare_characters_are_kept_exactly(workspace: Workspace) -> None:
    reg = water_leak()
    reg.parties[1].name = "欧阳㙟生"
    ref = workspace.cases.register(reg)
    assert [p.name for p in workspace.cases.get(ref.id).parties] == ["王𠮷", "欧阳㙟生"]


def test_sex_contradicting_the_id_number_is_refused(workspace: Workspace) -> None:
    reg = water_leak()
    reg.parties[0].sex = Sex.FEMALE  # WANG_ID encodes a man
    assert dict(workspace.cases.validate(reg))["parties[0].sex"] == "性别与身份证号码不一致。"


def test_organisation_needs_its_representative(workspace: Workspace) -> None:
    reg = water_leak()
    reg.parties[1] = dataclasses.replace(company(), representative="")
    assert "parties[1].representative" in dict(workspace.cases.validate(reg))
    reg.parties[1] = company()
    ref = workspace.cases.register(reg)
    org = workspace.cases.get(ref.id).parties[1]
    assert org.kind is PartyKind.ORGANISATION and org.representative == "陈志强"
    assert org.sex is None


def test_agent_must_name_whom_it_represents(workspace: Workspace) -> None:
    reg = water_leak()
    reg.parties.append(PartyInput(role=PartyRole.AGENT, name="张律师", represents=None))
    assert "parties[2].represents" in dict(workspace.cases.validate(reg))
    reg.parties[2].represents = 0
    ref = workspace.cases.register(reg)
    roles = [p.role for p in workspace.cases.get(ref.id).parties]
    assert roles == [PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.AGENT]
    # An agent is not a disputing party: the list shows only the two sides.
    row = workspace.cases.rows(workspace.cases.ids(CaseFilter()))[0]
    assert row.parties == ("王𠮷", "李珺")


def test_list_masks_id_numbers(workspace: Workspace) -> None:
    workspace.cases.register(water_leak())
    row = workspace.cases.rows(workspace.cases.ids(CaseFilter()))[0]
    assert row.masked_id_numbers[0] == WANG_ID[:6] + "********" + WANG_ID[-4:]
    assert WANG_ID not in repr(row)


def test_registration_writes_outbox_and_audit_in_the_same_transaction(
    workspace: Workspace,
) -> None:
    before = _count(workspace, OutboxEntry)
    ref = workspace.cases.register(water_leak())
    with workspace.db.read() as s:
        entities = [e.entity for e in s.execute(select(OutboxEntry)).scalars()][before:]
        event = s.execute(select(AuditEvent).where(AuditEvent.entity_id == ref.id)).scalar_one()
        blob = str(event.detail) + event.action
        assert verify_chain(s) is None
    assert entities.count("case") == 1 and entities.count("party") == 2
    assert entities.count("case_party") == 2
    # The audit trail says what happened without personal data.
    assert "王" not in blob and WANG_ID not in blob and "case.register" in blob


def test_filters_by_status_type_and_date(workspace: Workspace) -> None:
    workspace.cases.register(water_leak(registered_on=dt.date(2026, 1, 5)))
    workspace.cases.register(water_leak(registered_on=dt.date(2026, 2, 5), dispute_type="contract"))
    assert len(workspace.cases.ids(CaseFilter(dispute_type="contract"))) == 1
    assert len(workspace.cases.ids(CaseFilter(registered_from=dt.date(2026, 2, 1)))) == 1
    assert len(workspace.cases.ids(CaseFilter(statuses=frozenset({CaseStatus.REFUSED})))) == 0
    newest_first = workspace.cases.rows(workspace.cases.ids(CaseFilter()))
    assert [r.registered_on.month for r in newest_first] == [2, 1]


def test_unknown_case_is_a_clear_not_found(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="找不到"):
        workspace.cases.get("0190f000-0000-7000-8000-000000000000")


def test_referral_needs_the_referring_body(workspace: Workspace) -> None:
    problems = dict(workspace.cases.validate(water_leak(source="police_referral")))
    assert "referral_note" in problems
    ok = water_leak(source="police_referral", referral_note="桂城派出所移交")
    assert workspace.cases.validate(ok) == []
