"""Agreements (copies, effect), judicial confirmation (courts, exclusions), retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mediator.domain.agreement import copies_required, copies_sentence, effective_on
from mediator.domain.archive import RetentionClass, review_due
from mediator.domain.casefile import AgreementForm, CourtBasis, StatusMatter
from mediator.domain.judicial import (
    allowed_court_bases,
    application_findings,
    eligibility_findings,
    window_last_day,
)
from tests.domain import casefiles as cf

D = dt.date


@pytest.mark.parametrize(("parties", "copies"), [(1, 2), (2, 3), (5, 6)])
def test_copies_are_parties_plus_one(parties: int, copies: int) -> None:
    assert copies_required(parties) == copies


def test_copies_sentence_in_the_agreement() -> None:
    assert copies_sentence(2) == "本协议一式3份，当事人、人民调解委员会各持一份。"
    with pytest.raises(ValueError):
        copies_required(0)


def test_written_agreement_takes_effect_when_the_last_signature_and_seal_are_on() -> None:
    assert effective_on(cf.agreed()) == D(2026, 3, 10)
    unsealed = replace(cf.agreed(), agreement=cf.written_agreement(sealed=False))
    assert effective_on(unsealed) is None
    no_mediator = replace(cf.agreed(), agreement=cf.written_agreement(mediator_signed=False))
    assert effective_on(no_mediator) is None
    later = replace(cf.agreed(), agreement=cf.written_agreement(completed_on=D(2026, 3, 12)))
    assert effective_on(later) == D(2026, 3, 12)


def test_oral_agreement_takes_effect_when_reached() -> None:
    oral = cf.written_agreement(form=AgreementForm.ORAL, signed_by=frozenset(), sealed=False)
    assert effective_on(replace(cf.agreed(), agreement=oral)) == D(2026, 3, 10)


def test_window_is_30_days_from_effect() -> None:
    assert window_last_day(cf.agreed()) == D(2026, 4, 9)
    assert window_last_day(cf.mediating()) is None


def test_court_entrusted_case_goes_back_to_the_inviting_court() -> None:
    assert allowed_court_bases(replace(cf.agreed(), source="court_entrusted")) == (
        CourtBasis.INVITING_COURT,
    )
    case = replace(cf.agreed(), source="court_entrusted", judicial=cf.judicial())
    assert [f.message for f in application_findings(case)] == [
        "受理法院不符：本案应向委托调解的人民法院申请"
    ]
    assert CourtBasis.INVITING_COURT not in allowed_court_bases(cf.agreed())


@pytest.mark.parametrize(
    ("matter", "label"),
    [
        (StatusMatter.MARRIAGE, "婚姻关系"),
        (StatusMatter.ADOPTION, "收养关系"),
        (StatusMatter.IDENTITY, "身份关系"),
        (StatusMatter.TITLE, "物权或知识产权确权"),
    ],
)
def test_excluded_matters(matter: StatusMatter, label: str) -> None:
    case = replace(cf.agreed(), status_matters=frozenset({matter}))
    assert [f.message for f in eligibility_findings(case)] == [
        f"协议涉及{label}，人民法院不予司法确认"
    ]


def test_oral_agreement_cannot_be_confirmed() -> None:
    oral = cf.written_agreement(form=AgreementForm.ORAL)
    assert [f.code for f in eligibility_findings(replace(cf.agreed(), agreement=oral))] == [
        "judicial.oral"
    ]


def test_application_must_be_joint_and_name_the_court() -> None:
    case = replace(
        cf.agreed(), judicial=cf.judicial(applicants=frozenset({cf.APPLICANT.id}), court=" ")
    )
    assert [f.message for f in application_findings(case)] == [
        "被申请人（第1位）未参加共同申请",
        "请填写受理申请的人民法院",
    ]


def test_application_before_the_agreement_took_effect() -> None:
    case = replace(cf.agreed(), judicial=cf.judicial(applied_on=D(2026, 3, 9)))
    assert [f.code for f in application_findings(case)] == ["judicial.before_effective"]


@pytest.mark.parametrize(
    ("retention", "hold", "due"),
    [
        (RetentionClass.SHORT, False, D(2037, 1, 1)),
        (RetentionClass.LONG, False, D(2057, 1, 1)),
        (RetentionClass.PERMANENT, False, None),
        (RetentionClass.SHORT, True, None),
    ],
)
def test_retention_review_dates(retention: RetentionClass, hold: bool, due: dt.date | None) -> None:
    assert review_due(D(2026, 6, 30), retention, legal_hold=hold) == due
    assert retention.label_zh in {"永久", "30年", "10年"}
