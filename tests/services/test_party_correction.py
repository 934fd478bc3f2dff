"""更正: a party's details corrected after registration are checked as at registration,
kept in the case's history (who, when, which field, old -> new), never put in the
audit log, refused on an archived case, and used by every document made afterwards.
Also: registration warns (never refuses) about an organisation's missing 住所 or
统一社会信用代码, and an agent's 授权委托书 can be handed in at registration."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess

import pytest
from sqlalchemy import select, update

from mediator.domain.credit_code import credit_code_check_character
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.errors import CaseArchivedError, ValidationError
from mediator.services.documents import DocumentService
from mediator.services.dto import CaseFilter, PartyInput, PartyView
from mediator.services.workflow import Workflow
from mediator.store.models import AuditEvent, Case
from mediator.store.workflow_models import CasePartyFile
from tests.services.helpers import company, water_leak

NEW_ADDRESS = "广东省佛山市南海区桂城街道南海大道北88号"
CREDIT_CODE = "91440605MA4UJ6QX3" + credit_code_check_character("91440605MA4UJ6QX3")


def _text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True, timeout=60).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def _as_input(p: PartyView, **changes: object) -> PartyInput:
    base = PartyInput(role=p.role, kind=p.kind, name=p.name, sex=p.sex, ethnicity=p.ethnicity,
                      birth_date=p.birth_date, id_number=p.id_number, phone=p.phone,
                      address=p.address, occupation=p.occupation,
                      representative=p.representative,
                      representative_title=p.representative_title,
                      representative_role=p.representative_role)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_a_correction_is_checked_kept_in_history_and_printed_afterwards(workspace) -> None:
    ref = workspace.cases.register(water_leak())
    respondent = workspace.cases.get(ref.id).parties[1]
    old_address, old_phone = respondent.address, respondent.phone

    with pytest.raises(ValidationError) as err:  # the same rules as at registration
        workspace.cases.correct_party(ref.id, respondent.id,
                                      _as_input(respondent, phone="12345", id_number="123"))
    assert {path for path, _m in err.value.problems} == {"phone", "id_number"}
    assert workspace.cases.corrections(ref.id) == []

    before = dt.datetime.now(dt.UTC)
    changed = workspace.cases.correct_party(
        ref.id, respondent.id, _as_input(respondent, address=NEW_ADDRESS, phone="13912345678"))
    assert changed == ["phone", "address"]
    now = workspace.cases.get(ref.id).parties[1]
    assert (now.address, now.phone) == (NEW_ADDRESS, "13912345678")

    history = workspace.cases.corrections(ref.id)
    assert [(h.field, h.old_value, h.new_value) for h in history] == [
        ("phone", old_phone, "13912345678"), ("address", old_address, NEW_ADDRESS)]
    assert all(h.by == "陈调解" and h.role is PartyRole.RESPONDENT for h in history)
    assert all(before <= h.at <= dt.datetime.now(dt.UTC) for h in history)
    # Nothing changed: nothing recorded.
    again = workspace.cases.get(ref.id).parties[1]
    assert workspace.cases.correct_party(ref.id, again.id, _as_input(again)) == []
    assert len(workspace.cases.corrections(ref.id)) == 2

    with workspace.db.read() as s:
        details = s.execute(select(AuditEvent.detail).where(
            AuditEvent.action == "party.correct")).scalars().all()
    assert len(details) == 1 and details[0]["fields"] == ["phone", "address"]
    assert NEW_ADDRESS not in json.dumps(details[0], ensure_ascii=False)
    assert "13912345678" not in json.dumps(details[0])

    text = _text(DocumentService(workspace).render(ref.id, "registration"))
    assert re.sub(r"\s+", "", NEW_ADDRESS) in text or "南海大道北88号" in text
    assert "怡翠花园8座1302房" not in text
    assert workspace.cases.ids(CaseFilter(text="南海大道北"))  # the search finds the new one


def test_a_correction_of_an_archived_case_is_refused(workspace) -> None:
    ref = workspace.cases.register(water_leak())
    with workspace.db.write() as s:  # archived (the walk to it is tested elsewhere)
        s.execute(update(Case).where(Case.id == ref.id).values(status=CaseStatus.ARCHIVED.value))
    party = workspace.cases.get(ref.id).parties[0]
    with pytest.raises(CaseArchivedError, match="已归档"):
        workspace.cases.correct_party(ref.id, party.id, _as_input(party, phone="13912345678"))
    assert workspace.cases.corrections(ref.id) == []


def test_an_organisation_without_address_or_credit_code_is_registered_with_warnings(
        workspace) -> None:
    reg = water_leak(parties=[water_leak().parties[0], company()])
    assert workspace.cases.validate(reg) == []  # not an error
    warnings = workspace.cases.warnings(reg)
    assert [path for path, _m in warnings] == ["parties[1].address", "parties[1].id_number"]
    assert "住所" in warnings[0][1] and "统一社会信用代码" in warnings[1][1]
    ref = workspace.cases.register(reg)
    org = workspace.cases.get(ref.id).parties[1]
    assert org.kind is PartyKind.ORGANISATION
    # Found out later: corrected, and the documents print it.
    workspace.cases.correct_party(ref.id, org.id,
                                  _as_input(org, id_number=CREDIT_CODE,
                                            address=NEW_ADDRESS))
    assert {h.field for h in workspace.cases.corrections(ref.id)} == {"id_number", "address"}


def test_an_agent_with_a_power_of_attorney_at_registration(workspace) -> None:
    base = water_leak()
    agent = PartyInput(role=PartyRole.AGENT, name="张律师", phone="13800001111", represents=0,
                       power_of_attorney=True)
    ref = workspace.cases.register(water_leak(parties=[*base.parties, agent]))
    with workspace.db.read() as s:
        files = s.execute(select(CasePartyFile.power_of_attorney).where(
            CasePartyFile.case_id == ref.id)).scalars().all()
    assert files == [True]
    overview = Workflow(workspace).overview(ref.id)
    assert [a.power_of_attorney for a in overview.agents] == [True]
