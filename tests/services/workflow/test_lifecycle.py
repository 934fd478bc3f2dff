"""The water-leak case through every step, and the illegal moves refused whole."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mediator.domain.status import CaseStatus
from mediator.errors import TransitionError, ValidationError
from mediator.services.workflow.dto import (
    AcceptanceInput,
    ArchiveInput,
    JudicialInput,
    NoticeInput,
    RefusalInput,
    TerminationInput,
)
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement, AuditEvent, OutboxEntry, SessionRecord
from mediator.store.workflow_models import WORKFLOW_SYNCED_MODELS

from .walk import AGREED, ARCHIVED, NOTIFIED, SESSION, agreement_input, principals, session_input
from .walk import walk as walk_to

S = CaseStatus


def _count(ws: Workspace, model: type) -> int:
    with ws.db.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def _actions(ws: Workspace) -> list[str]:
    with ws.db.read() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_the_leak_case_goes_from_registration_to_archive(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.ARCHIVED)
    case = wf.overview(leak, ARCHIVED)
    assert case.status is S.ARCHIVED
    assert case.report.complete, [f.message for f in case.report.errors]
    assert case.agreement is not None and case.agreement.copies == 3
    assert case.agreement.effective_on == AGREED
    assert case.agreement.signature_slots == frozenset(p.id for p in case.principals)
    statuses = [a for a in _actions(workspace) if a == "case.status"]
    assert len(statuses) == 7  # every move audited
    with workspace.db.read() as s:
        moved = [e.detail["to"] for e in s.execute(
            select(AuditEvent).where(AuditEvent.action == "case.status")
            .order_by(AuditEvent.seq)).scalars()]
        queued = set(s.execute(select(OutboxEntry.entity)).scalars())
    assert moved == ["notified", "investigating", "mediating", "agreed", "performing",
                     "followed_up", "archived"]
    assert {"case", "case_workflow", "case_party_file", "investigation_record", "session_record",
            "record_signoff", "agreement", "agreement_detail", "obligation", "payment",
            "follow_up"} <= queued
    # Not used by this walk: an extension, a court, a party's details corrected.
    assert set(WORKFLOW_SYNCED_MODELS) - {"term_extension", "judicial_application",
                                          "party_correction"} <= queued


def test_the_failed_case_ends_terminated_with_routes_and_archives(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.TERMINATED)
    case = wf.overview(leak, SESSION)
    assert case.status is S.TERMINATED
    assert case.routes_explained == ("向人民法院起诉",)
    wf.archive.archive(leak, ArchiveInput("10y", False, SESSION), today=SESSION)
    assert wf.overview(leak, SESSION).status is S.ARCHIVED


def test_an_agreement_before_acceptance_is_refused_and_nothing_is_written(
        workspace, wf, leak) -> None:
    _a, b = principals(wf, leak)
    outbox_before = _count(workspace, OutboxEntry)
    with pytest.raises(TransitionError) as err:
        wf.agreement.save_draft(leak, agreement_input(b), today=AGREED)
    assert "不能录入调解协议" in err.value.message
    assert err.value.missing == ["案件须处于：调解中"]
    assert _count(workspace, Agreement) == 0
    assert _count(workspace, OutboxEntry) == outbox_before


def test_a_session_before_every_party_signed_the_notice_is_refused_whole(
        workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.NOTIFIED)
    a, b = principals(wf, leak)
    wf.notice.acknowledge(leak, NoticeInput({b: None}), today=NOTIFIED)  # withdrawn, re-sign
    audit_before = _count(workspace, AuditEvent)
    with pytest.raises(TransitionError) as err:
        wf.records.add_session(leak, session_input(a, b), today=SESSION)
    assert "被申请人（第1位）尚未签收权利义务告知书" in err.value.missing
    assert _count(workspace, SessionRecord) == 0
    assert _count(workspace, AuditEvent) == audit_before
    assert wf.overview(leak, SESSION).status is S.NOTIFIED


def test_archive_with_missing_documents_is_refused_with_the_list(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.PERFORMING)
    with pytest.raises(TransitionError) as err:
        wf.archive.archive(leak, ArchiveInput("10y", False, ARCHIVED), today=ARCHIVED)
    assert "不能录入保管期限" in err.value.message  # performing: not yet at the archive step
    # Follow-up recorded without saying whether it was performed: status stays, archive refused.
    case = wf.overview(leak, ARCHIVED)
    assert case.retention_class == "" and case.status is S.PERFORMING


def test_archive_names_what_is_missing(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.REGISTERED)
    a, b = principals(wf, leak)
    # Identity copy of the respondent withdrawn, then refused and archived: only a warning.
    wf.acceptance.save_acceptance(leak, AcceptanceInput(False, {b: False}))
    wf.notice.acknowledge(leak, NoticeInput({a: NOTIFIED, b: NOTIFIED}), today=NOTIFIED)
    wf.records.add_session(leak, session_input(a, b, signed=False), today=SESSION)
    ended = TerminationInput(SESSION, "申请人撤回调解申请。", ("向人民法院起诉",))
    wf.outcome.terminate(leak, ended, today=SESSION)
    with pytest.raises(TransitionError) as err:
        wf.archive.archive(leak, ArchiveInput("10y", False, ARCHIVED), today=ARCHIVED)
    assert "缺少被申请人（第1位）的身份证明" in err.value.missing
    assert "第1次调解记录未经当事人等签名" in err.value.missing
    case = wf.overview(leak, ARCHIVED)
    assert case.status is S.TERMINATED and case.retention_class == ""


def test_judicial_confirmation_of_a_marriage_matter_is_refused(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.AGREED)
    a, b = principals(wf, leak)
    wf.acceptance.save_acceptance(leak, AcceptanceInput(True, {a: True, b: True},
                                                        frozenset({"marriage"})))
    with pytest.raises(TransitionError) as err:
        wf.confirmation.apply(leak, JudicialInput(AGREED + dt.timedelta(days=3),
                                                  "committee_location", "佛山市南海区人民法院",
                                                  frozenset({a, b})),
                              today=AGREED + dt.timedelta(days=3))
    assert "协议涉及婚姻关系，人民法院不予司法确认" in err.value.missing
    assert wf.overview(leak, AGREED).judicial is None


def test_judicial_confirmation_within_the_window(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.AGREED)
    a, b = principals(wf, leak)
    day = AGREED + dt.timedelta(days=5)
    overview = wf.overview(leak, day)
    assert overview.judicial_last_day == dt.date(2026, 4, 9)
    assert "committee_location" in overview.court_bases
    wf.confirmation.apply(leak, JudicialInput(day, "party_domicile", "佛山市南海区人民法院",
                                              frozenset({a, b})), today=day)
    assert wf.overview(leak, day).status is S.CONFIRMING
    late = AGREED + dt.timedelta(days=40)
    with pytest.raises(TransitionError):
        other = _second_case(workspace, wf)
        wf.confirmation.apply(other, JudicialInput(late, "party_domicile", "某法院",
                                                   frozenset(principals(wf, other))), today=late)


def _second_case(workspace, wf) -> str:
    from .walk import register

    cid = register(workspace)
    walk_to(workspace, wf, cid, S.AGREED)
    return cid


def test_refusal_needs_a_reason_and_then_only_archives(workspace, wf, leak) -> None:
    with pytest.raises(ValidationError) as err:
        wf.acceptance.refuse(leak, RefusalInput(dt.date(2026, 3, 3), "  "),
                             today=dt.date(2026, 3, 3))
    assert err.value.problems[0][0] == "refusal.reason"
    assert "不予受理的理由" in err.value.problems[0][1]
    wf.acceptance.refuse(leak, RefusalInput(dt.date(2026, 3, 3), "纠纷已由人民法院受理。"),
                         today=dt.date(2026, 3, 3))
    case = wf.overview(leak, dt.date(2026, 3, 3))
    assert case.status is S.REFUSED and case.refusal_reason == "纠纷已由人民法院受理。"
    assert set(case.allowed) <= {S.ARCHIVED}


def test_a_private_session_needs_the_consent_behind_it(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.NOTIFIED)
    a, b = principals(wf, leak)
    with pytest.raises(ValidationError) as err:
        wf.records.add_session(leak, session_input(a, b, is_public=False), today=SESSION)
    assert ("privacy_consent", "不公开调解须写明是哪位当事人要求或同意的"
            "（人民调解法第二十三条）") in err.value.problems


def test_audit_details_never_hold_personal_data(workspace, wf, leak) -> None:
    walk_to(workspace, wf, leak, S.ARCHIVED)
    with workspace.db.read() as s:
        details = " ".join(str(e.detail) for e in s.execute(select(AuditEvent)).scalars())
    for secret in ("王𠮷", "李珺", "漏水", "3200元", "海三路", "陈调解", "防水层"):
        assert secret not in details
