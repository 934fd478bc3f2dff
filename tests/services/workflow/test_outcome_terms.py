"""The outcome form's terms as the services keep them, on a real workspace.

Who performs a term (义务人) follows the party the term names; clause templates
speak of 申请人 / 被申请人 (or the parties' names), never 甲方 / 乙方; a template's
【…】 placeholder left in is refused by name with nothing saved; a 用语校对 warning
confirmed on the form is not asked again by the finalise wizard, unless the term
changed since.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from mediator.documents import samples
from mediator.domain.clauses import ClauseLibrary
from mediator.domain.status import CaseStatus, PartyRole
from mediator.domain.term_parties import TermParty
from mediator.errors import ValidationError
from mediator.paths import resources_dir
from mediator.services.documents import AgreementSigning, install_seal
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import ObligationInput
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement
from mediator.store.workflow_models import Obligation

from .walk import AGREED, agreement_input, principals, walk

PAY = "被申请人于2026年3月31日前一次性赔偿申请人装修损失人民币3200元。"
MOVE = "申请人于2026年3月20日前清走堆放在公共楼道的杂物。"


@pytest.fixture
def mediating(workspace: Workspace, wf: Workflow, leak: str) -> str:
    walk(workspace, wf, leak, CaseStatus.MEDIATING)
    install_seal(workspace.data_dir, samples.sample_seal().png)
    return leak


def _obligors(ws: Workspace, case_id: str) -> list[str | None]:
    with ws.db.read() as s:
        return list(s.execute(select(Obligation.obligor_id).where(
            Obligation.case_id == case_id, Obligation.deleted.is_(False))
            .order_by(Obligation.position)).scalars())


def test_a_performance_item_without_an_obligor_is_the_party_it_names(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    applicant, respondent = principals(wf, mediating)
    inp = agreement_input(respondent, terms=(PAY, MOVE), obligations=(
        ObligationInput("被申请人赔偿装修损失3200元", None, 320000, dt.date(2026, 3, 31)),
        ObligationInput("申请人清走楼道杂物", None, 0, dt.date(2026, 3, 20)),
        ObligationInput("向申请人当面道歉", respondent, 0, dt.date(2026, 3, 20))))
    wf.agreement.save_draft(mediating, inp, today=AGREED)
    assert _obligors(workspace, mediating) == [respondent, applicant, respondent]


def test_bundled_clauses_speak_of_the_parties_roles_never_of_jia_and_yi() -> None:
    for clause in ClauseLibrary.load(resources_dir() / "clauses" / "default.json"):
        assert "甲方" not in clause.text and "乙方" not in clause.text, clause.code


def test_clauses_offered_for_a_case_name_its_parties(wf: Workflow) -> None:
    parties = [TermParty("a", PartyRole.APPLICANT, "王𠮷"),
               TermParty("b", PartyRole.RESPONDENT, "李珺")]
    texts = {code: text for code, _t, text in wf.agreement.clauses("neighbour", parties)}
    assert texts["pay_lump_sum"].startswith("被申请人李珺于【日期】前一次性向申请人王𠮷支付")
    two_respondents = [*parties, TermParty("c", PartyRole.RESPONDENT, "物业公司")]
    texts = {code: text for code, _t, text in wf.agreement.clauses("neighbour",
                                                                   two_respondents)}
    assert texts["pay_lump_sum"].startswith("被申请人于【日期】前一次性向申请人王𠮷支付")


def test_a_placeholder_left_in_is_named_and_nothing_is_saved(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    _, respondent = principals(wf, mediating)
    first = wf.agreement.save_draft(mediating, agreement_input(respondent), today=AGREED)
    with workspace.db.read() as s:
        before = s.get(Agreement, first)
        assert before is not None
        terms_before = list(before.terms)
    left = agreement_input(respondent, terms=(PAY, "被申请人于【日期】前修复防水层。"),
                           performance_method="以【现金/银行转账】方式支付。")
    with pytest.raises(ValidationError) as caught:
        wf.agreement.save_draft(mediating, left, today=AGREED)
    problems = dict(caught.value.problems)
    assert "【日期】" in problems["terms[1]"] and "第2条" in problems["terms[1]"]
    assert "【现金/银行转账】" in problems["performance_method"]
    with workspace.db.read() as s:
        after = s.get(Agreement, first)
        assert after is not None and list(after.terms) == terms_before  # nothing half-saved
        assert not any("【" in str(t) for a in s.execute(select(Agreement)).scalars()
                       for t in a.terms)


def _sign_to_approve(signing: AgreementSigning, agreement_id: str) -> None:
    for n, signer in enumerate(signing.state(agreement_id).signers, 1):
        signing.sign_party(agreement_id, signer.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))


def test_a_word_confirmed_on_the_form_is_not_asked_again_by_the_wizard(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    _, respondent = principals(wf, mediating)
    terms = (PAY, "双方确认本纠纷再无其他争议。")
    agreement_id = wf.agreement.save_draft(
        mediating, agreement_input(respondent, terms=terms, facts="楼上漏水致楼下受损。",
                                   performance_method="银行转账。"), today=AGREED)
    warnings = wf.agreement.check_terms(list(terms), case_id=mediating)
    assert [w.code for w in warnings] == ["peichang_liability"] and not warnings[0].confirmed
    wf.agreement.confirm_terms(mediating, [(warnings[0].code, terms[0])])
    assert wf.agreement.check_terms(list(terms), case_id=mediating)[0].confirmed

    signing = AgreementSigning(workspace)
    report = signing.proofread(agreement_id)
    assert report.issues == () and [i.matched for i in report.confirmed] == ["赔偿"]
    signing.confirm_proofread(agreement_id, set())  # nothing left to ask: it goes through
    _sign_to_approve(signing, agreement_id)
    signing.approve(agreement_id)
    assert signing.finalise(agreement_id).sha256


def test_a_term_changed_after_its_confirmation_is_asked_again(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    _, respondent = principals(wf, mediating)
    inp = agreement_input(respondent, terms=(PAY,), facts="楼上漏水致楼下受损。",
                          performance_method="银行转账。")
    wf.agreement.save_draft(mediating, inp, today=AGREED)
    wf.agreement.confirm_terms(mediating, [("peichang_liability", PAY)])
    changed = PAY.replace("3200", "3500")
    agreement_id = wf.agreement.save_draft(
        mediating, dataclasses.replace(inp, terms=(changed, "被申请人另赔偿申请人误工费500元。")),
        today=AGREED)
    assert not wf.agreement.check_terms([changed], case_id=mediating)[0].confirmed
    signing = AgreementSigning(workspace)
    report = signing.proofread(agreement_id)
    assert [(i.index, i.matched) for i in report.issues] == [(1, "赔偿"), (2, "赔偿")]
    with pytest.raises(ValidationError, match="用语提示未确认"):
        signing.confirm_proofread(agreement_id, set())

    # Only the first term confirmed again: the second, with the same word, is still asked.
    wf.agreement.confirm_terms(mediating, [("peichang_liability", changed)])
    report = signing.proofread(agreement_id)
    assert [(i.index, i.matched) for i in report.issues] == [(2, "赔偿")]
    with pytest.raises(ValidationError, match="用语提示未确认"):
        signing.confirm_proofread(agreement_id, set())
    signing.confirm_proofread(agreement_id, {"peichang_liability"})
    assert signing.state(agreement_id).proofread


def test_an_unticked_confirmation_is_asked_again(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    _, respondent = principals(wf, mediating)
    agreement_id = wf.agreement.save_draft(
        mediating, agreement_input(respondent, terms=(PAY,), facts="楼上漏水致楼下受损。",
                                   performance_method="银行转账。"), today=AGREED)
    wf.agreement.confirm_terms(mediating, [("peichang_liability", PAY)])
    wf.agreement.confirm_terms(mediating, [], withdrawn=[("peichang_liability", PAY)])
    assert [i.matched for i in AgreementSigning(workspace).proofread(agreement_id).issues] \
        == ["赔偿"]


def test_concluding_from_the_form_counts_the_words_confirmed_there(
        workspace: Workspace, wf: Workflow, mediating: str) -> None:
    _, respondent = principals(wf, mediating)
    terms = (PAY, "被申请人另赔偿申请人误工费500元。")
    wf.agreement.save_draft(mediating, agreement_input(
        respondent, terms=terms, facts="楼上漏水致楼下受损。", performance_method="银行转账。"),
        today=AGREED)
    wf.agreement.confirm_terms(mediating, [("peichang_liability", terms[0])])
    with pytest.raises(ValidationError, match="用语提示未确认"):  # the second 赔偿 is not
        wf.agreement.mark_proofread(mediating, [])
    wf.agreement.confirm_terms(mediating, [("peichang_liability", terms[1])])
    wf.agreement.mark_proofread(mediating, [])
    agreement = wf.overview(mediating, AGREED).agreement
    assert agreement is not None and agreement.proofread
