"""Synthetic sample inputs: the water-leak case, synthetic signature strokes, a demo seal.

Used by the tests, the benchmark, reference images and ``mediator demo``.
Every person here is invented; the rare characters 珺, 㙟 and 𠮷 are deliberate,
so each document proves the font fallback works.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from mediator.documents.model import (
    QA,
    AgreementInput,
    ApplicationInput,
    AuthorisationInput,
    ConfirmationInput,
    DocCase,
    DocParty,
    DossierCategory,
    DossierEntry,
    DossierInput,
    FollowUpInput,
    InvestigationInput,
    PartyKind,
    Power,
    RefusalNoticeInput,
    RegistrationFormInput,
    RightsNoticeInput,
    Seal,
    SessionRecordInput,
    Signature,
    Statement,
    TerminationNoticeInput,
)
from mediator.paths import resources_dir

COMMITTEE = "桂城街道人民调解委员会"
SAMPLE_SEAL_FILE = "sample-seal.png"


def sample_seal() -> Seal:
    """A demo seal (clearly marked 样章), for demos and tests only."""
    return Seal.from_file(resources_dir() / "documents" / SAMPLE_SEAL_FILE)


def synthetic_signature(seed: int, strokes: int = 4) -> Signature:
    """Pen strokes that look handwritten enough for a demo: wavy loops, deterministic."""
    rng = random.Random(seed)
    result = []
    for k in range(strokes):
        x0 = 0.08 + k * (0.84 / strokes)
        width = 0.84 / strokes * 0.9
        points = []
        phase = rng.uniform(0, math.pi)
        for i in range(14):
            t = i / 13
            x = x0 + width * t
            y = 0.5 + 0.32 * math.sin(phase + t * rng.uniform(4, 8)) * rng.uniform(0.6, 1)
            points.append((round(min(max(x, 0), 1), 4), round(min(max(y, 0.05), 0.95), 4)))
        result.append(tuple(points))
    return Signature(strokes=tuple(result))


def water_leak_case() -> DocCase:
    """楼上漏水 neighbour dispute: two people and a property-management company."""
    return DocCase(
        case_no="（2026）桂城人调字第12号",
        committee_name=COMMITTEE,
        dispute_type="邻里纠纷",
        source="当事人申请",
        summary=(
            "申请人王珺居住的桂城街道㙟头村东街8号302房，自2026年2月起因楼上402房卫生间"
            "防水层老化多次渗水，导致天花板及墙面发霉、木地板起拱。申请人多次与被申请人"
            "协商未果，物业公司曾到场查看。"
        ),
        parties=(
            DocParty(role="申请人", name="王珺", sex="女", ethnicity="汉族", age=46,
                     occupation="教师", phone="13800138000",
                     address="佛山市南海区桂城街道㙟头村东街8号302房",
                     id_number="440605198001011234"),
            DocParty(role="被申请人", name="𠮷野家明", sex="男", ethnicity="汉族", age=52,
                     occupation="个体经营者", phone="13900139000",
                     address="佛山市南海区桂城街道㙟头村东街8号402房",
                     id_number="440605197401022345"),
            DocParty(role="第三人", name="佛山市南海区安居物业管理有限公司",
                     kind=PartyKind.ORGANISATION, phone="0757-86000000",
                     address="佛山市南海区桂城街道南海大道北1号",
                     id_number="91440605MA4W000000",
                     representative="李志强", representative_title="总经理"),
        ),
        registered_on=dt.date(2026, 3, 2),
        mediator="陈建国",
        recorder="刘晓敏",
        requests=(
            "请求被申请人修复402房卫生间防水层，停止渗水；",
            "请求被申请人赔偿302房天花板、墙面及木地板修复费用人民币8600元。",
        ),
    )


AGREEMENT_ID = "01960a1e-7c3b-7a2e-9d4f-2b6c8e0f1a23"


def water_leak_agreement(*, signed: bool = True, sealed: bool = True) -> AgreementInput:
    case = water_leak_case()
    sigs = tuple(synthetic_signature(i + 1) for i in range(len(case.parties))) if signed else ()
    return AgreementInput(
        case=case,
        date=dt.date(2026, 3, 16),
        signatures=sigs,
        agreement_id=AGREEMENT_ID,
        number="（2026）桂城人调协字第12号",
        facts=(
            "被申请人𠮷野家明所有的402房卫生间防水层老化，自2026年2月起多次向楼下"
            "申请人王珺居住的302房渗水，造成302房天花板、墙面发霉及木地板起拱。双方就"
            "维修责任及损失数额发生争议。第三人安居物业公司为该楼物业服务企业。"
        ),
        terms=(
            "被申请人于2026年3月31日前自行委托有资质的施工单位重做402房卫生间防水层，"
            "施工前通知申请人及第三人，第三人派员现场见证；",
            "被申请人一次性赔偿申请人302房修复费用人民币陆仟元整（¥6000.00）；",
            "第三人协助安排施工时间并开放公共管井，不收取额外费用；",
            "本协议履行完毕后，各方就本纠纷再无其他争议。",
        ),
        performance=(
            "第二项款项于2026年3月20日前由被申请人通过银行转账一次性支付至申请人指定账户；"
            "防水工程完工后由三方共同验收，经闭水试验四十八小时无渗漏为合格。"
        ),
        mediator_signature=synthetic_signature(11) if signed else None,
        recorder_signature=synthetic_signature(12) if signed else None,
        seal=sample_seal() if sealed else None,
    )


def sample_documents() -> dict[str, object]:
    """One input per document of the water-leak case, keyed by its export file stem."""
    case = water_leak_case()
    sigs = tuple(synthetic_signature(i + 1) for i in range(len(case.parties)))
    thumb = (synthetic_signature(1), Signature(thumbprint=True), synthetic_signature(3))
    agreement = water_leak_agreement()
    seal = agreement.seal
    agent = DocParty(role="受托人", name="赵𠮷祥", sex="男", ethnicity="汉族", age=38,
                     occupation="律师", phone="13700137000",
                     address="广东某某律师事务所", id_number="440605198801013456")
    routes = "可以依法申请仲裁，或者向有管辖权的人民法院提起诉讼。"
    return {
        "application": ApplicationInput(case=case, date=dt.date(2026, 3, 2), signatures=sigs),
        "registration": RegistrationFormInput(
            case=case, date=dt.date(2026, 3, 2), signatures=thumb, registrar="刘晓敏",
            registrar_signature=synthetic_signature(12), seal=seal),
        "notice": RightsNoticeInput(case=case, date=dt.date(2026, 3, 2), signatures=sigs),
        "authorisation": AuthorisationInput(
            case=case, principal_index=1, agent=agent,
            powers=frozenset({Power.PARTICIPATE, Power.STATE, Power.AGREE}),
            term="自本委托书签署之日起至本纠纷调解终结之日止", date=dt.date(2026, 3, 3),
            principal_signature=synthetic_signature(2), agent_signature=synthetic_signature(7)),
        "investigation-1": InvestigationInput(
            case=case, index=1, started_at=dt.datetime(2026, 3, 4, 9, 30),
            ended_at=dt.datetime(2026, 3, 4, 10, 15), place="㙟头村东街8号302房",
            investigator="陈建国", interviewee="王珺",
            interviewee_details="女，46岁，教师，住㙟头村东街8号302房", recorder="刘晓敏",
            entries=(QA("渗水是什么时候开始的？", "今年二月初，下雨后更明显。"),
                     QA("有没有和楼上协商过？", "找过𠮷野家明三次，他说要等物业来看。")),
            interviewee_signature=synthetic_signature(1),
            investigator_signature=synthetic_signature(11),
            recorder_signature=synthetic_signature(12)),
        "session-1": SessionRecordInput(
            case=case, date=dt.date(2026, 3, 16), signatures=sigs, index=1,
            started_at=dt.datetime(2026, 3, 16, 14, 0), place="桂城街道人民调解工作室",
            matter="402房卫生间渗水致302房受损的赔偿与维修", participants="社区网格员黄丽",
            statements=(Statement("申请人王珺", "楼上漏水一个多月，天花板发霉，要求修好并赔偿。"),
                        Statement("被申请人𠮷野家明", "愿意维修，但赔偿金额过高。"),
                        Statement("第三人物业公司代表李志强", "可以协助安排施工并开放管井。")),
            evidence="现场照片12张、维修报价单1份",
            risk_warning="协议达成后应按期履行，否则对方可依法起诉。",
            succeeded=True, outcome="被申请人维修防水层并赔偿6000元，详见人民调解协议书。",
            mediator_signature=synthetic_signature(11), recorder_signature=synthetic_signature(12),
            seal=seal),
        "agreement": agreement,
        "oral-agreement": agreement,
        "followup-1": FollowUpInput(
            case=case, index=1, visited_on=dt.date(2026, 4, 10), agreement_no=agreement.number,
            matter="402房渗水维修及赔偿",
            performed="已履行：赔偿款已于3月19日转账，防水工程3月28日验收合格。",
            satisfaction="满意", visitor="陈建国", visitor_signature=synthetic_signature(11)),
        "refusal": RefusalNoticeInput(
            case=case, number="（2026）桂城人调不受字第3号",
            reason="该纠纷已由人民法院受理，依法不属于人民调解委员会受理范围。",
            routes=routes, date=dt.date(2026, 3, 3), seal=seal),
        "termination": TerminationNoticeInput(
            case=case, number="（2026）桂城人调终字第2号",
            reason="被申请人明确表示拒绝继续调解。", routes=routes, date=dt.date(2026, 3, 20),
            seal=seal),
        "confirmation": ConfirmationInput(
            agreement=agreement, court="佛山市南海区人民法院", date=dt.date(2026, 3, 18),
            attachments=("申请人身份证复印件", "被申请人身份证复印件",
                         "第三人营业执照复印件及法定代表人身份证明"),
            signatures=sigs),
        "dossier": DossierInput(
            case=case, title="王珺与𠮷野家明等邻里纠纷", mediators="陈建国",
            date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 4, 10), filed_by="刘晓敏",
            filed_on=dt.date(2026, 4, 12), retention="长期",
            entries=(
                DossierEntry(DossierCategory.AGREEMENT, "人民调解协议书", dt.date(2026, 3, 16), 2),
                DossierEntry(DossierCategory.APPLICATION, "人民调解申请书", dt.date(2026, 3, 2), 1),
                DossierEntry(DossierCategory.RIGHTS_NOTICE, "当事人权利义务告知书",
                             dt.date(2026, 3, 2), 1),
                DossierEntry(DossierCategory.INVESTIGATION, "调查记录", dt.date(2026, 3, 4), 1),
                DossierEntry(DossierCategory.SESSION, "人民调解记录", dt.date(2026, 3, 16), 2),
                DossierEntry(DossierCategory.FOLLOW_UP, "回访记录", dt.date(2026, 4, 10), 1),
            )),
    }
