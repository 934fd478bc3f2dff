"""The data dir the screenshot walk looks at: the demo studio plus the issue's bad input.

Why a bad-input case in the database as well as in the registration form: the
workspace pages, the case details and the finalise wizard show what was saved,
and "every page of the desk without clipping" must hold for a 6-party case with
an organisation of a 60-character name, 50-character names (the longest a
person's name may be), 5,000-character facts and 20 terms — not only for the
demo's tidy cases.  The committee's own name is 60 characters too: it heads the
window and the documents.
"""

from __future__ import annotations

import datetime as dt

from mediator.documents import samples
from mediator.domain.status import PartyKind, PartyRole, RepresentativeRole
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.documents import install_seal
from mediator.services.dto import PartyInput, RegistrationInput
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import (
    AcceptanceInput,
    AgreementInput,
    InvestigationInput,
    NoticeInput,
    ObligationInput,
    SessionInput,
)
from mediator.services.workspace import Workspace, open_workspace
from mediator.store.models import SyncConflict
from tests.ui.integration.screenshots import _all_cases, draft_an_agreement

#: 60 characters: the committee (and the organisation party) of the issue's bad input.
COMMITTEE = ("广东省佛山市南海区桂城街道平洲夏北社区居民委员会"
             "人民调解委员会第一调解工作室暨桂城街道矛盾纠纷多元化解中心驻点")[:60]
ORGANISATION = ("佛山市南海区桂城街道平洲夏北社区怡翠花园第八座业主委员会"
                "及其物业服务企业佛山市桂城物业管理有限公司第三分公司联合体")[:60]
NAME_MAX = 50
FACTS_LEN = 5_000
TERMS = 20
PARTIES = 6


FACTS = "楼上卫生间防水层老化漏水，致申请人家天花板发霉、墙面脱落，多次协商未果。"


def long_text(n: int, seed: str = FACTS) -> str:
    return (seed * (n // len(seed) + 1))[:n]


def name(n: int, stem: str) -> str:
    return (stem * (n // len(stem) + 1))[:n]


def bad_registration() -> RegistrationInput:
    """6 parties (an organisation among them), the longest names, 5,000-char facts."""
    parties = [
        PartyInput(role=PartyRole.APPLICANT, name=name(NAME_MAX, "欧阳·买买提艾力阿不都热合曼"),
                   phone="138 1234 5678",
                   address=long_text(200, "广东省佛山市南海区桂城街道海三路")),
        PartyInput(role=PartyRole.APPLICANT, name=name(NAME_MAX, "司马·古丽娜尔·吐尔逊"),
                   phone="139 1234 5678"),
        PartyInput(role=PartyRole.RESPONDENT, name=ORGANISATION, kind=PartyKind.ORGANISATION,
                   representative=name(NAME_MAX, "诸葛·阿依古丽·买合木提"),
                   representative_title="项目经理", phone="0757-86280000",
                   representative_role=RepresentativeRole.LEGAL,
                   address=long_text(200, "广东省佛山市南海区桂城街道南海大道北")),
        PartyInput(role=PartyRole.RESPONDENT, name=name(NAME_MAX, "上官·热依拉·阿不力孜"),
                   phone="0757-86281234"),
        PartyInput(role=PartyRole.THIRD_PARTY, name=name(NAME_MAX, "端木·帕尔哈提·伊力"),
                   phone="137 1234 5678"),
        PartyInput(role=PartyRole.THIRD_PARTY, name=name(NAME_MAX, "皇甫·迪丽娜尔·艾山"),
                   phone="136 1234 5678"),
    ]
    return RegistrationInput(
        dispute_type="neighbour", source="party_application", summary=long_text(FACTS_LEN),
        requests=[f"请求第{i + 1}项：" + long_text(80) for i in range(TERMS)],
        registered_on=dt.date.today() - dt.timedelta(days=5), parties=parties)


def add_bad_case(data_dir: DataDir) -> str:
    """Register the bad-input case and take it to mediation with a 20-term draft."""
    ws = open_workspace(data_dir)
    try:
        return take_bad_case(ws)
    finally:
        ws.close()


def take_bad_case(ws: Workspace) -> str:
    """:func:`add_bad_case` on an open workspace; returns the case's id."""
    case_id = ws.cases.register(bad_registration()).id
    wf = Workflow(ws)
    today = dt.date.today()
    principals = [p.id for p in wf.overview(case_id, today).principals]
    wf.acceptance.save_acceptance(case_id, AcceptanceInput(
        True, dict.fromkeys(principals, True)))
    wf.notice.acknowledge(case_id, NoticeInput(dict.fromkeys(principals, today)), today=today)
    now = dt.datetime.combine(today, dt.time(9, 30))
    wf.records.add_investigation(case_id, InvestigationInput(
        held_at=now, place=long_text(100, "怡翠花园8座1302房"), investigator="陈调解",
        interviewee=ORGANISATION, recorder="陈调解",
        qa=tuple((f"问题{i + 1}：" + long_text(200), long_text(600)) for i in range(6)),
        signed=True), today=today)
    wf.records.add_session(case_id, SessionInput(
        held_at=now, place=long_text(100, "桂城街道人民调解工作室"),
        subject=long_text(300), participants=long_text(200, "社区网格员梁伟明、"),
        is_public=True, privacy_consent="",
        statements=tuple((p, long_text(1_000)) for p in principals),
        evidence=long_text(1_000), risk_warning=long_text(500), result=long_text(500),
        recorder="陈调解", signed=True), today=today)
    obligor = principals[-1]
    wf.agreement.save_draft(case_id, AgreementInput(
        kind="written", reached_on=today, facts=long_text(FACTS_LEN),
        terms=tuple(f"第{i + 1}条：" + long_text(120) for i in range(TERMS)),
        performance_method=long_text(300), amount_fen=320000,
        obligations=tuple(ObligationInput(f"义务{i + 1}：" + long_text(60), obligor, 10000,
                                          today + dt.timedelta(days=20 + i))
                          for i in range(TERMS)),
        recorder="陈调解"), today=today)
    return case_id


def add_conflict(data_dir: DataDir) -> None:
    """One sync conflict on a real case (the settings page lists it side by side)."""
    ws = open_workspace(data_dir)
    try:
        row_id = _all_cases(ws)[0][0]
        with ws.db.write() as s:
            s.add(SyncConflict(
                entity="case", row_id=row_id,
                mine={"summary": long_text(300), "case_no": "（2026）桂城1号"},
                theirs={"summary": long_text(300, "双方已自行和解，申请撤回调解申请。"),
                        "case_no": "（2026）桂城1号"},
                created_at=dt.datetime.now(dt.UTC)))
    finally:
        ws.close()


def build(data_dir: DataDir, cases: int = 40) -> str:
    """The demo studio (60-char committee), the seal, a drafted agreement, the bad
    case and a conflict; returns the bad case's id."""
    data_dir.ensure()
    ws = open_workspace(data_dir)
    try:
        ws.studio.setup(COMMITTEE, "桂城", "李调解")
        demo.generate(ws, cases=cases, seed=11)
    finally:
        ws.close()
    install_seal(data_dir, samples.sample_seal().png)
    draft_an_agreement(data_dir)
    bad = add_bad_case(data_dir)
    add_conflict(data_dir)
    return bad

