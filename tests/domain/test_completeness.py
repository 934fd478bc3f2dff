"""The completeness checker over case files at every stage, as a file audit sees them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mediator.domain.archive import RetentionClass
from mediator.domain.casefile import (
    AgreementForm,
    ArchiveRecord,
    CaseFile,
    Extension,
    FollowUpRecord,
    PartyRecord,
    RefusalRecord,
    SessionRecord,
)
from mediator.domain.completeness import check_case
from mediator.domain.findings import Severity, Step
from mediator.domain.status import CaseStatus as S
from mediator.domain.status import PartyKind, PartyRole
from tests.domain import casefiles as cf

D = dt.date
TODAY = D(2026, 3, 11)


@pytest.mark.parametrize(
    "build",
    [cf.registered, cf.notified, cf.investigating, cf.mediating, cf.agreed, cf.terminated],
)
def test_a_properly_kept_file_is_complete_at_every_stage(build) -> None:  # type: ignore[no-untyped-def]
    report = check_case(build(), TODAY)
    assert report.complete, report.codes()
    assert report.findings == ()


def test_archived_file_is_judged_as_closed() -> None:
    report = check_case(replace(cf.ready_to_archive(), status=S.ARCHIVED), D(2026, 5, 1))
    assert report.complete and not report.warnings


def test_stage_matters_a_case_in_mediation_owes_no_follow_up() -> None:
    assert check_case(cf.mediating(), TODAY).complete
    report = check_case(cf.mediating(), TODAY, for_archive=True)
    assert report.codes() == ["outcome.missing", "archive.retention"]


def test_every_party_needs_a_signature_slot_and_copies_are_parties_plus_one() -> None:
    third = PartyRecord(
        "p-3", PartyRole.THIRD_PARTY, 1, identity_proof=True, notice_acknowledged_on=D(2026, 3, 3)
    )
    case = cf.agreed()
    case = replace(case, parties=(*case.parties, third))
    report = check_case(case, TODAY)
    assert [f.message for f in report.errors] == [
        "第三人（第1位）没有签名栏",
        "协议份数应为4份（当事人3方各一份、调委会一份），现为3份",
        "第三人（第1位）尚未签名、盖章或按指印",
    ]
    assert {f.step for f in report.errors} == {Step.OUTCOME}
    assert report.errors[0].party_id == "p-3"


def test_agent_needs_power_of_attorney_and_gets_no_copy() -> None:
    agent = PartyRecord(
        "p-agent", PartyRole.AGENT, 1, represents=cf.RESPONDENT.id, identity_proof=True
    )
    case = replace(cf.agreed(), parties=(*cf.agreed().parties, agent))
    report = check_case(case, TODAY)
    assert [f.message for f in report.errors] == ["缺少代理人（第1位）的授权委托书"]
    with_poa = replace(case, parties=(*cf.agreed().parties, replace(agent, power_of_attorney=True)))
    assert check_case(with_poa, TODAY).complete  # still 3 copies: the agent is no party


def test_organisation_party_needs_its_licence() -> None:
    company = PartyRecord(
        "p-co",
        PartyRole.RESPONDENT,
        2,
        PartyKind.ORGANISATION,
        notice_acknowledged_on=D(2026, 3, 3),
    )
    case = replace(cf.notified(), parties=(*cf.notified().parties, company))
    assert [f.message for f in check_case(case, TODAY).errors] == [
        "缺少被申请人（第2位）的营业执照或登记证明"
    ]


def test_rights_notice_must_precede_the_first_session() -> None:
    case = cf.mediating()
    late = replace(case.parties[1], notice_acknowledged_on=D(2026, 3, 10) + dt.timedelta(days=1))
    report = check_case(replace(case, parties=(case.parties[0], late)), TODAY)
    assert report.codes() == ["notice.late"]
    assert report.errors[0].step is Step.NOTIFY


def test_unsigned_records_and_private_session_without_consent() -> None:
    case = cf.mediating()
    case = replace(
        case,
        investigations=(replace(case.investigations[0], signed=False),),
        sessions=(*case.sessions, SessionRecord("s-2", D(2026, 3, 11), private=True, signed=True)),
    )
    assert [f.message for f in check_case(case, TODAY).errors] == [
        "第1份调查记录未经签名确认",
        "第2次调解不公开进行，但未记录当事人的要求或同意",
    ]


def test_overdue_performance_must_be_recorded_and_proof_is_asked_for() -> None:
    case = cf.performing()
    report = check_case(case, D(2026, 3, 25))
    assert report.codes() == ["performance.unrecorded"]
    assert report.errors[0].message == "第1项履行期限已到，未记录履行情况"
    # A follow-up visit that found it unpaid is a record of non-performance.
    told = replace(
        case, follow_ups=(FollowUpRecord("fu", D(2026, 3, 24), performed=False, signed=True),)
    )
    assert check_case(told, D(2026, 3, 25)).complete
    assert case.agreement is not None
    paid = replace(case.agreement.obligations[0], performed_on=D(2026, 3, 19))
    no_proof = replace(
        case, agreement=replace(case.agreement, obligations=(paid, case.agreement.obligations[1]))
    )
    report = check_case(no_proof, D(2026, 3, 25))
    assert report.complete
    assert [(f.code, f.severity) for f in report.warnings] == [
        ("performance.proof", Severity.WARNING)
    ]


def test_follow_up_overdue_then_late() -> None:
    report = check_case(cf.performed(), D(2026, 4, 16))
    assert report.codes() == ["follow_up.overdue"]
    late_visit = replace(
        cf.followed_up(), follow_ups=(FollowUpRecord("fu", D(2026, 4, 20), True, True),)
    )
    report = check_case(late_visit, D(2026, 4, 21))
    assert report.complete and report.codes() == ["follow_up.late"]


def test_mediation_term_exceeded_is_an_audit_warning() -> None:
    report = check_case(cf.mediating(), D(2026, 4, 3))
    assert [f.message for f in report.warnings] == [
        "调解尚未结束，已超过调解期限（2026年04月02日）"
    ]
    extended = replace(
        cf.mediating(), extensions=(Extension(D(2026, 3, 30), D(2026, 4, 30), cf.BOTH),)
    )
    assert check_case(extended, D(2026, 4, 3)).findings == ()


def test_judicial_application_must_have_a_ruling_before_archiving() -> None:
    case = replace(cf.ready_to_archive(), judicial=cf.judicial(), status=S.CONFIRMING)
    assert check_case(case, D(2026, 5, 1), for_archive=True).codes() == ["judicial.undecided"]
    decided = replace(case, judicial=cf.judicial(decided_on=D(2026, 4, 1), confirmed=True))
    assert check_case(decided, D(2026, 5, 1), for_archive=True).complete


def test_refused_case_needs_only_its_reason() -> None:
    refused = replace(cf.registered(), status=S.REFUSED, refusal=RefusalRecord(D(2026, 3, 3), ""))
    assert [f.message for f in check_case(refused, TODAY).errors] == ["不予受理须写明理由"]


def test_report_groups_by_step_for_the_rail() -> None:
    case: CaseFile = replace(
        cf.agreed(), agreement=cf.written_agreement(sealed=False, proofread=False)
    )
    report = check_case(case, TODAY)
    assert [f.code for f in report.for_step(Step.OUTCOME)] == [
        "agreement.seal",
        "agreement.proofread",
    ]
    assert report.for_step(Step.NOTIFY) == ()


def test_retention_is_asked_for_at_archive_only() -> None:
    case = cf.followed_up()
    assert check_case(case, D(2026, 5, 1)).complete
    assert check_case(case, D(2026, 5, 1), for_archive=True).codes() == ["archive.retention"]
    kept = replace(case, archive=ArchiveRecord(RetentionClass.LONG))
    assert check_case(kept, D(2026, 5, 1), for_archive=True).complete


def test_printable_report_groups_by_step_in_rail_order() -> None:
    case = cf.mediating()
    late = replace(case.parties[1], notice_acknowledged_on=D(2026, 3, 11))
    case = replace(
        case,
        parties=(replace(case.parties[0], identity_proof=False), late),
        sessions=(replace(case.sessions[0], signed=False),),
    )
    grouped = check_case(case, D(2026, 4, 3)).grouped()
    assert [(step.label_zh, [f.code for f in found]) for step, found in grouped] == [
        ("受理", ["parties.identity_proof"]),
        ("告知", ["notice.late"]),
        ("调解", ["session.unsigned", "term.exceeded"]),
    ]


def test_refused_application_only_notes_missing_identity_copies() -> None:
    bare = tuple(replace(p, identity_proof=False) for p in cf.registered().parties)
    refused = replace(
        cf.registered(),
        parties=bare,
        status=S.REFUSED,
        refusal=RefusalRecord(D(2026, 3, 3), "已由法院受理"),
        archive=ArchiveRecord(RetentionClass.SHORT),
    )
    report = check_case(refused, TODAY, for_archive=True)
    assert report.complete
    assert [f.code for f in report.warnings] == ["parties.identity_proof"] * 2


def test_archived_case_whose_dossier_holds_only_the_draft_agreement_fails() -> None:
    """Issue 12 item 7: signatures recorded on a draft are not a signed agreement in
    the dossier; archiving (and the check of an archived file) says so."""
    closed = replace(cf.ready_to_archive(), status=S.ARCHIVED)
    assert closed.agreement is not None
    draft = replace(closed, agreement=replace(closed.agreement, final=False))
    report = check_case(draft, D(2026, 5, 1))
    assert not report.complete
    assert "agreement.draft" in report.codes()
    assert any("草稿" in f.message for f in report.errors)
    # Before archiving, a draft with signatures recorded is not faulted for being one.
    open_case = replace(draft, status=S.FOLLOWED_UP)
    assert "agreement.draft" not in check_case(open_case, D(2026, 5, 1)).codes()
    # An oral agreement has no document to finalise.
    oral = replace(draft, agreement=replace(draft.agreement, form=AgreementForm.ORAL,
                                             mediator_signed=True))
    assert "agreement.draft" not in check_case(oral, D(2026, 5, 1)).codes()
