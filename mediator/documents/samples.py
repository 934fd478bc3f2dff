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
    AgreementInput,
    DocCase,
    DocParty,
    PartyKind,
    Seal,
    Signature,
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
