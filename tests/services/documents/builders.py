"""The water-leak case as a studio would have it in the database, with a draft agreement.

The agreement row is written the way the workflow service drafts one (facts,
terms, performance); the documents services take it from there.  Names and
addresses carry the rare characters 珺, 㙟 and 𠮷 on purpose.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.idcard import make_citizen_id
from mediator.domain.status import PartyKind, PartyRole, Sex
from mediator.services.dto import PartyInput, RegistrationInput
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement

APPLICANT = "王珺"
RESPONDENT = "𠮷野家明"
COMPANY = "佛山市南海区安居物业管理有限公司"
ADDRESS = "佛山市南海区桂城街道㙟头村东街8号302房"
SUMMARY = "楼上402房卫生间防水层老化多次渗水，导致302房天花板发霉、木地板起拱。"
TERMS = [
    "被申请人于2026年3月31日前重做402房卫生间防水层；",
    "被申请人一次性赔偿申请人修复费用人民币陆仟元整；",
    "本协议履行完毕后，各方就本纠纷再无其他争议。",
]
FACTS = "被申请人𠮷野家明的402房卫生间渗水，造成申请人王珺居住的302房受损，双方就赔偿发生争议。"
PERFORMANCE = "款项于2026年3月20日前通过银行转账一次性支付。"


def register_water_leak(ws: Workspace, *, company: bool = False) -> tuple[str, str]:
    parties = [
        PartyInput(role=PartyRole.APPLICANT, name=APPLICANT, sex=Sex.FEMALE, ethnicity="汉族",
                   birth_date=dt.date(1980, 1, 1),
                   id_number=make_citizen_id("440605", dt.date(1980, 1, 1), 124),
                   phone="13800138000", address=ADDRESS, occupation="教师"),
        PartyInput(role=PartyRole.RESPONDENT, name=RESPONDENT, sex=Sex.MALE, ethnicity="汉族",
                   phone="13900139000", address="佛山市南海区桂城街道㙟头村东街8号402房"),
    ]
    if company:
        parties.append(PartyInput(role=PartyRole.THIRD_PARTY, kind=PartyKind.ORGANISATION,
                                  name=COMPANY, representative="李志强",
                                  representative_title="总经理", phone="0757-86000000"))
    ref = ws.cases.register(RegistrationInput(
        dispute_type="neighbour", source="party_application", summary=SUMMARY,
        requests=["请求被申请人修复防水层", "请求赔偿修复费用8600元"],
        registered_on=dt.date(2026, 3, 2), parties=parties))
    return ref.id, ref.case_no


def draft_agreement(ws: Workspace, case_id: str, *, terms: list[str] | None = None) -> str:
    studio, _ = ws.studio.context()
    with ws.db.write() as s:
        a = Agreement(studio_id=studio.id, case_id=case_id, kind="written", facts=FACTS,
                      terms=list(terms or TERMS), performance_method=PERFORMANCE,
                      amount_fen=600000, status="draft")
        s.add(a)
        s.flush()
        return a.id
