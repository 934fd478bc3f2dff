"""The documents a walked case prints, from the records the services stored.

These guard the assembly of a document's data (services/documents/inputs):
who made each statement, the follow-up's values in Chinese, the studio's clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from zoneinfo import ZoneInfo

import pytest

from mediator.documents import samples
from mediator.domain.status import CaseStatus, PartyRole, RepresentativeRole
from mediator.domain.studio_time import wall_clock
from mediator.errors import ValidationError
from mediator.services.documents import AgreementSigning, DocumentService
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import InvestigationInput
from mediator.services.workspace import Workspace
from tests.services.helpers import company, water_leak

from .walk import agreement_input, principals, session_input
from .walk import walk as walk_to


def _text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; `make test` installs it")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True, timeout=60).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def test_session_record_says_who_made_each_statement(workspace: Workspace, wf: Workflow,
                                                     leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.MEDIATING)
    text = _text(DocumentService(workspace).render(leak, "session-1"))
    assert "申请人王𠮷陈述：天花板发霉" in text
    assert "被申请人李珺陈述：同意维修" in text
    assert "当事人陈述" not in text


def test_follow_up_record_prints_its_values_in_chinese(workspace: Workspace, wf: Workflow,
                                                       leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.FOLLOWED_UP)
    text = _text(DocumentService(workspace).render(leak, "followup-1"))
    assert "当事人满意度满意" in text
    assert not re.search(r"[A-Za-z]{3,}", text), text


def test_times_print_on_the_studio_clock(workspace: Workspace, wf: Workflow, leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.INVESTIGATING)
    a, b = principals(wf, leak)
    held = dt.datetime(2026, 3, 6, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    wf.records.add_session(leak, session_input(a, b, held_at=held), today=dt.date(2026, 3, 6))
    text = _text(DocumentService(workspace).render(leak, "session-1"))
    assert "2026年3月6日9时30分" in text  # whatever the PC's own zone


def test_wall_clock_reads_utc_in_the_studio_zone() -> None:
    utc = dt.datetime(2026, 3, 5, 17, 30, tzinfo=dt.UTC)
    assert wall_clock(utc) == dt.datetime(2026, 3, 6, 1, 30)  # Asia/Shanghai by default
    assert wall_clock(utc.replace(tzinfo=None)) == dt.datetime(2026, 3, 6, 1, 30)
    assert wall_clock(utc, "Asia/Urumqi") == dt.datetime(2026, 3, 5, 23, 30)
    assert wall_clock(utc, "No/Such_Zone") == dt.datetime(2026, 3, 6, 1, 30)


def test_an_organisation_prints_the_office_its_representative_holds(
        workspace: Workspace) -> None:
    owners = dataclasses.replace(
        company(PartyRole.THIRD_PARTY), name="怡翠花园业主委员会", representative="梁伟明",
        representative_title="主任", representative_role=RepresentativeRole.PRINCIPAL)
    reg = water_leak()
    reg.parties = [*reg.parties, company(), owners]
    case_id = workspace.cases.register(reg).id
    text = _text(DocumentService(workspace).render(case_id, "registration"))
    assert "法定代表人陈志强职务经理" in text  # the office is the label, the post a value
    assert "主要负责人梁伟明职务主任" in text
    assert "主要负责人：梁伟明（签名）" in text and "经理：" not in text
    assert "统一社会信用代码" not in text and "住所" not in text  # none registered: no empty rows


@pytest.mark.parametrize("recorder", ["刘晓敏", "陈调解", ""])
def test_agreement_prints_the_recorder_line_only_for_a_named_recorder(
        workspace: Workspace, wf: Workflow, leak: str, recorder: str) -> None:
    """Only a separate 记录人 prints a line: none named, or the mediator (陈调解, who
    signs as 人民调解员 already) recording himself, prints none and signs nothing."""
    walk_to(workspace, wf, leak, CaseStatus.MEDIATING)
    _, b = principals(wf, leak)
    agreement_id = wf.agreement.save_draft(leak, agreement_input(b, recorder=recorder),
                                           today=dt.date(2026, 3, 10))
    signing = AgreementSigning(workspace)
    report = signing.proofread(agreement_id)
    signing.confirm_proofread(agreement_id, {i.code for i in report.issues})
    separate = recorder == "刘晓敏"
    assert signing.state(agreement_id).recorder == (recorder if separate else "")
    if separate:
        signing.sign_recorder(agreement_id, samples.synthetic_signature(12))
        assert signing.state(agreement_id).recorder_signed
    else:
        with pytest.raises(ValidationError):
            signing.sign_recorder(agreement_id, samples.synthetic_signature(12))
    text = _text(DocumentService(workspace).render(leak, "agreement"))
    assert ("记录人：刘晓敏（签名）" in text) is separate
    assert ("记录人" in text) is separate


def test_the_studio_clock_is_a_setting(workspace: Workspace, wf: Workflow, leak: str) -> None:
    with pytest.raises(ValidationError):
        workspace.studio.set_time_zone("Asia/Shanghia")
    assert workspace.studio.set_time_zone("Asia/Urumqi") == "Asia/Urumqi"  # UTC+6
    walk_to(workspace, wf, leak, CaseStatus.INVESTIGATING)
    a, b = principals(wf, leak)
    held = dt.datetime(2026, 3, 6, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    wf.records.add_session(leak, session_input(a, b, held_at=held), today=dt.date(2026, 3, 6))
    text = _text(DocumentService(workspace).render(leak, "session-1"))
    assert "2026年3月6日7时30分" in text


def test_investigation_of_a_party_prints_their_particulars(workspace: Workspace, wf: Workflow,
                                                           leak: str) -> None:
    walk_to(workspace, wf, leak, CaseStatus.NOTIFIED)
    wf.records.add_investigation(leak, InvestigationInput(
        held_at=dt.datetime(2026, 3, 4, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
        place="怡翠花园8座1202房", investigator="陈调解", interviewee="王𠮷", recorder="陈调解",
        qa=(("漏水从什么时候开始？", "二月初。"),)), today=dt.date(2026, 3, 4))
    text = _text(DocumentService(workspace).render(leak, "investigation-1"))
    assert "申请人，男" in text and "怡翠花园8座1202房" in text
    assert "2026年3月4日15时00分" in text and "至" not in text.split("地点")[0]
