"""The lifecycle state machine: every legal move of a water-leak case, and the refusals."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mediator.domain.casefile import AgreementForm, StatusMatter, TerminationRecord
from mediator.domain.lifecycle import (
    RECORDABLE_IN,
    TRANSITIONS,
    RecordKind,
    allowed_transitions,
    check_can_record,
    check_transition,
    missing_for,
)
from mediator.domain.status import CaseStatus as S
from mediator.errors import TransitionError, ValidationError
from tests.domain import casefiles as cf

TODAY = dt.date(2026, 5, 1)


def test_every_status_has_a_row_and_archived_is_final() -> None:
    assert set(TRANSITIONS) == set(S)
    assert TRANSITIONS[S.ARCHIVED] == frozenset()
    # Every status except archived can reach archived: no dead ends.
    for status in S:
        if status is not S.ARCHIVED:
            assert not any(
                f.code == "lifecycle.backwards"
                for f in missing_for(replace(cf.registered(), status=status), S.ARCHIVED, TODAY)
            ), status


@pytest.mark.parametrize(
    ("before", "after", "target"),
    [
        (cf.registered, cf.notified, S.NOTIFIED),
        (cf.notified, cf.investigating, S.INVESTIGATING),
        (cf.investigating, cf.mediating, S.MEDIATING),
        (cf.mediating, cf.agreed, S.AGREED),
        (cf.agreed, cf.performing, S.PERFORMING),
        (cf.performed, cf.followed_up, S.FOLLOWED_UP),
        (cf.followed_up, cf.ready_to_archive, S.ARCHIVED),
    ],
)
def test_complete_water_leak_case_moves_step_by_step(before, after, target) -> None:  # type: ignore[no-untyped-def]
    # The snapshot *with* the new records, still in the old status, may move on.
    proposed = replace(after(), status=before().status)
    check_transition(proposed, target, TODAY)


def test_agreement_before_acceptance_is_refused_naming_the_steps() -> None:
    case = replace(cf.agreed(), status=S.REGISTERED)
    with pytest.raises(TransitionError) as info:
        check_transition(case, S.AGREED, TODAY)
    assert info.value.missing == ["须先经过“已告知”阶段", "须先经过“调解中”阶段"]
    assert "不能从“已受理”转为“调解成功”" in info.value.message
    with pytest.raises(TransitionError, match="不能录入调解协议"):
        check_can_record(S.REGISTERED, RecordKind.AGREEMENT)


def test_transition_error_is_a_validation_error_for_the_ui() -> None:
    with pytest.raises(ValidationError) as info:
        check_transition(cf.registered(), S.NOTIFIED, TODAY)
    assert info.value.problems[0][0] == "status"


def test_notice_must_be_acknowledged_by_every_party() -> None:
    case = cf.notified()
    half = replace(case, status=S.REGISTERED, parties=(case.parties[0], cf.RESPONDENT))
    with pytest.raises(TransitionError) as info:
        check_transition(half, S.NOTIFIED, TODAY)
    assert info.value.missing == ["被申请人（第1位）尚未签收权利义务告知书"]


def test_mediation_needs_a_session_record_and_a_notice_signed_before_it() -> None:
    with pytest.raises(TransitionError) as info:
        check_transition(cf.notified(), S.MEDIATING, TODAY)
    assert info.value.missing == ["尚无人民调解记录"]

    case = cf.mediating()
    late = (replace(case.parties[0], notice_acknowledged_on=dt.date(2026, 3, 11)), case.parties[1])
    with pytest.raises(TransitionError) as info:
        check_transition(replace(case, status=S.NOTIFIED, parties=late), S.MEDIATING, TODAY)
    assert info.value.missing == ["申请人（第1位）签收权利义务告知书晚于首次调解"]


def test_private_session_needs_the_consent_behind_it() -> None:
    case = cf.mediating()
    private = (replace(case.sessions[0], private=True),)
    with pytest.raises(TransitionError, match="不公开"):
        check_transition(replace(case, status=S.NOTIFIED, sessions=private), S.MEDIATING, TODAY)
    consented = (replace(case.sessions[0], private=True, privacy_consent=True),)
    check_transition(replace(case, status=S.NOTIFIED, sessions=consented), S.MEDIATING, TODAY)


def test_agreement_not_signed_by_everyone_lists_what_is_missing() -> None:
    agreement = cf.written_agreement(
        signed_by=frozenset({cf.APPLICANT.id}), sealed=False, copies=2, completed_on=None
    )
    case = replace(cf.mediating(), agreement=agreement)
    with pytest.raises(TransitionError) as info:
        check_transition(case, S.AGREED, TODAY)
    assert info.value.missing == [
        "协议份数应为3份（当事人2方各一份、调委会一份），现为2份",
        "被申请人（第1位）尚未签名、盖章或按指印",
        "尚未加盖人民调解委员会印章",
    ]


def test_oral_agreement_registered_by_the_mediator_is_enough() -> None:
    oral = cf.written_agreement(
        form=AgreementForm.ORAL, signed_by=frozenset(), sealed=False, copies=0, mediator_signed=True
    )
    check_transition(replace(cf.mediating(), agreement=oral), S.AGREED, TODAY)


def test_termination_needs_reason_and_routes_told() -> None:
    bare = replace(cf.mediating(), termination=TerminationRecord(dt.date(2026, 3, 12), " ", ()))
    with pytest.raises(TransitionError) as info:
        check_transition(bare, S.TERMINATED, TODAY)
    assert info.value.missing == [
        "调解终止须写明原因",
        "须记录已告知当事人的其他解决途径（诉讼、仲裁等）",
    ]
    check_transition(replace(cf.terminated(), status=S.MEDIATING), S.TERMINATED, TODAY)


def test_party_refusing_mediation_right_after_registration() -> None:
    case = replace(cf.terminated(after_sessions=False), status=S.REGISTERED)
    check_transition(case, S.TERMINATED, TODAY)


def test_refusal_needs_a_reason() -> None:
    with pytest.raises(TransitionError, match="不予受理须写明理由"):
        check_transition(cf.registered(), S.REFUSED, TODAY)


def test_confirmation_of_a_marriage_matter_is_refused() -> None:
    case = replace(
        cf.agreed(), judicial=cf.judicial(), status_matters=frozenset({StatusMatter.MARRIAGE})
    )
    with pytest.raises(TransitionError) as info:
        check_transition(case, S.CONFIRMING, TODAY)
    assert info.value.missing == ["协议涉及婚姻关系，人民法院不予司法确认"]


def test_confirmation_after_the_30_day_window_is_refused() -> None:
    ok = replace(cf.agreed(), judicial=cf.judicial(applied_on=dt.date(2026, 4, 9)))
    check_transition(ok, S.CONFIRMING, TODAY)  # effective 10 March: the 30th day is 9 April
    late = replace(cf.agreed(), judicial=cf.judicial(applied_on=dt.date(2026, 4, 10)))
    with pytest.raises(TransitionError, match="已超过协议生效之日起30日"):
        check_transition(late, S.CONFIRMING, TODAY)


def test_archive_with_missing_documents_lists_every_one() -> None:
    case = cf.followed_up()
    no_id = (replace(case.parties[0], identity_proof=False), case.parties[1])
    unsigned = (replace(case.follow_ups[0], signed=False),)
    broken = replace(case, parties=no_id, follow_ups=unsigned, archive=None)
    with pytest.raises(TransitionError) as info:
        check_transition(broken, S.ARCHIVED, TODAY)
    assert info.value.missing == [
        "缺少申请人（第1位）的身份证明",
        "第1次回访记录未经回访人签名",
        "请选择卷宗保管期限",
    ]


def test_terminated_and_refused_cases_can_be_archived() -> None:
    from mediator.domain.archive import RetentionClass
    from mediator.domain.casefile import ArchiveRecord, RefusalRecord

    archive = ArchiveRecord(RetentionClass.SHORT)
    check_transition(replace(cf.terminated(), archive=archive), S.ARCHIVED, TODAY)
    refused = replace(
        cf.registered(),
        status=S.REFUSED,
        refusal=RefusalRecord(dt.date(2026, 3, 3), "属于已由法院受理的纠纷"),
        archive=archive,
    )
    check_transition(refused, S.ARCHIVED, TODAY)


def test_archived_case_is_final_and_same_status_is_not_a_move() -> None:
    archived = replace(cf.ready_to_archive(), status=S.ARCHIVED)
    with pytest.raises(TransitionError, match="已归档"):
        check_transition(archived, S.MEDIATING, TODAY)
    with pytest.raises(TransitionError, match="已经是"):
        check_transition(cf.mediating(), S.MEDIATING, TODAY)


def test_going_backwards_is_refused() -> None:
    with pytest.raises(TransitionError, match="退回"):
        check_transition(cf.agreed(), S.MEDIATING, TODAY)


def test_allowed_transitions_offer_only_what_is_ready() -> None:
    assert allowed_transitions(cf.registered(), TODAY) == []
    assert allowed_transitions(replace(cf.mediating(), status=S.NOTIFIED), TODAY) == [
        S.INVESTIGATING,
        S.MEDIATING,
    ]
    assert allowed_transitions(cf.agreed(), TODAY) == [S.PERFORMING]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_record_kind_is_allowed_somewhere(kind: RecordKind) -> None:
    assert RECORDABLE_IN[kind]


def test_follow_up_before_an_agreement_is_refused() -> None:
    with pytest.raises(TransitionError, match="不能录入回访记录"):
        check_can_record(S.MEDIATING, RecordKind.FOLLOW_UP)
    check_can_record(S.PERFORMING, RecordKind.FOLLOW_UP)
