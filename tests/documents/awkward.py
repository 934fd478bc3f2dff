"""Awkward inputs for every document: the bad input issue 11 names.

Six parties (two of them organisations, one with a 60-character name, one an
unincorporated body with a 主要负责人), a 60-character committee name, twenty
terms, facts and a summary of 5,000 characters, rare characters (㙟 𠮷) and
punctuation placed where a careless wrap would start a line with it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from mediator.documents import samples
from mediator.documents.model import (
    AgreementInput,
    ConfirmationInput,
    DocCase,
    DocParty,
    PartyKind,
)


def _fill(seed: str, length: int) -> str:
    return (seed * (length // len(seed) + 1))[:length]


LONG_ORG = _fill("佛山市南海区桂城街道㙟头村东街八号楼业主委员会暨物业服务中心", 56) + "有限公司"
LONG_COMMITTEE = _fill("佛山市南海区桂城街道㙟头村东街社区联合", 53) + "人民调解委员会"
# Sentences whose commas and full stops fall at every possible line position.
_SENTENCE = "申请人称，楼上𠮷野家明家的卫生间自二月起反复渗水；物业到场查看后，认为防水层老化。"
LONG_FACTS = _fill(_SENTENCE, 5000)
LONG_CASE_NO = "（2026）佛山市南海区桂城街道㙟头村东街社区联合人调字第12345号"
TERM = "被申请人应于2026年3月31日前，委托有资质的施工单位重做402房卫生间防水层；施工前通知申请人"


def awkward_case() -> DocCase:
    base = samples.water_leak_case()
    parties = (
        *base.parties[:2],
        DocParty(role="申请人", name="欧阳㙟𠮷", sex="女", ethnicity="壮族", age=71,
                 occupation="退休", phone="13600136000",
                 address=_fill("佛山市南海区桂城街道㙟头村东街八号三零二房", 90),
                 id_number="440605195501011234"),
        DocParty(role="被申请人", name=LONG_ORG, kind=PartyKind.ORGANISATION,
                 phone="0757-86000001", address="佛山市南海区桂城街道南海大道北1号",
                 id_number="91440605MA4W000001", representative="司马𠮷祥",
                 representative_title="项目经理"),
        DocParty(role="第三人", name="㙟头村东街八号楼业主委员会", kind=PartyKind.ORGANISATION,
                 phone="0757-86000002", representative="黄丽",
                 representative_title="主任", representative_role="主要负责人"),
        base.parties[2],
    )
    return dataclasses.replace(base, committee_name=LONG_COMMITTEE, parties=parties,
                               case_no=LONG_CASE_NO,
                               summary=LONG_FACTS, recorder="",
                               requests=tuple(f"请求{i}：{TERM}" for i in range(1, 6)))


def awkward_agreement(base: AgreementInput, case: DocCase) -> AgreementInput:
    terms = tuple(f"{TERM}（第{i}项）。" for i in range(1, 21))
    return dataclasses.replace(base, case=case, signatures=(), facts=LONG_FACTS, terms=terms,
                               recorder_signature=None)


def awkward_documents() -> dict[str, Any]:
    """Every sample document, re-made with the awkward case."""
    case = awkward_case()
    docs: dict[str, Any] = {}
    for name, doc in samples.sample_documents().items():
        if isinstance(doc, AgreementInput):
            docs[name] = awkward_agreement(doc, case)
        elif isinstance(doc, ConfirmationInput):
            docs[name] = dataclasses.replace(doc, agreement=awkward_agreement(doc.agreement, case),
                                             signatures=())
        else:
            changes: dict[str, Any] = {"case": case}
            if any(f.name == "signatures" for f in dataclasses.fields(doc)):
                changes["signatures"] = ()
            docs[name] = dataclasses.replace(doc, **changes)
    docs["addendum"] = dataclasses.replace(
        docs["agreement"], number="（2026）桂城人调协字第12号（补充）",
        amends_number="（2026）桂城人调协字第12号", amends_date=dt.date(2026, 3, 16),
        terms=docs["agreement"].terms[:3], seal=None)
    return docs
