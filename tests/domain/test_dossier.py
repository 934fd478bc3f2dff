"""The dossier's contents list (卷内目录) in the prescribed order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mediator.domain.casefile import PartyRecord
from mediator.domain.dossier import DocumentKind, dossier_contents, dossier_period
from mediator.domain.status import PartyRole
from tests.domain import casefiles as cf


def test_contents_of_a_complete_water_leak_dossier() -> None:
    agent = PartyRecord(
        "p-ag", PartyRole.AGENT, 1, represents=cf.RESPONDENT.id, power_of_attorney=True
    )
    case = replace(
        cf.followed_up(),
        written_application=True,
        evidence_items=4,
        parties=(*cf.followed_up().parties, agent),
    )
    lines = [(e.number, e.title, e.count) for e in dossier_contents(case, case_notes=True)]
    assert lines == [
        (1, "人民调解申请书", 1),
        (2, "人民调解受理登记表", 1),
        (3, "当事人权利义务告知书", 2),
        (4, "当事人身份证明", 2),
        (5, "授权委托书", 1),
        (6, "调查记录", 1),
        (7, "证据材料", 4),
        (8, "人民调解记录", 1),
        (9, "人民调解协议书", 1),
        (10, "履行凭证", 2),
        (11, "回访记录", 1),
        (12, "结案报告", 1),
        (13, "封底（备考表）", 1),
    ]


def test_terminated_case_has_no_agreement_entries() -> None:
    kinds = [e.kind for e in dossier_contents(cf.terminated())]
    assert DocumentKind.AGREEMENT not in kinds and DocumentKind.FOLLOW_UP not in kinds
    assert kinds[0] is DocumentKind.REGISTRATION and kinds[-1] is DocumentKind.BACK_COVER


def test_dossier_period_runs_to_the_last_entry() -> None:
    assert dossier_period(cf.followed_up()) == (dt.date(2026, 3, 2), dt.date(2026, 4, 10))
    assert dossier_period(cf.registered()) == (dt.date(2026, 3, 2), dt.date(2026, 3, 2))
