"""Checking a registration (受理登记) before anything is written.

Collects *every* problem as (field path, Chinese message) so a form can mark all
of them at once beside their fields; field paths look like ``summary``,
``requests[0]``, ``parties[1].id_number``.  Returns the cleaned values to store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from mediator.domain.credit_code import parse_credit_code
from mediator.domain.idcard import parse_citizen_id
from mediator.domain.phone import parse_phone
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, PartyKind, PartyRole, Sex
from mediator.domain.text import (
    ADDRESS_MAX,
    SHORT_TEXT_MAX,
    SUMMARY_MAX,
    clean_org_name,
    clean_person_name,
    clean_text,
)
from mediator.errors import ValidationError
from mediator.services.dto import PartyInput, RegistrationInput

MAX_PARTIES = 200
MAX_REQUESTS = 50
REFERRAL_SOURCES = frozenset(
    {"police_referral", "court_entrusted", "government_assigned", "hotline_12345"}
)


@dataclass
class CleanRegistration:
    reg: RegistrationInput  # with every text cleaned and ID-derived facts filled in
    problems: list[tuple[str, str]]


class _Collector:
    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def text(self, path: str, value: str, label: str, **kw: object) -> str:
        try:
            return clean_text(value, field=path, label=label, **kw)  # type: ignore[arg-type]
        except ValidationError as exc:
            self.add(path, exc.message)
            return value

    def add(self, path: str, message: str) -> None:
        self.problems.append((path, message))


def check_registration(
    reg: RegistrationInput,
    *,
    dispute_types: frozenset[str],
    sources: frozenset[str],
    today: dt.date | None = None,
) -> CleanRegistration:
    today = today or dt.date.today()
    c = _Collector()
    if reg.dispute_type not in dispute_types:
        c.add("dispute_type", "请选择纠纷类型。")
    if reg.source not in sources:
        c.add("source", "请选择案件来源。")
    summary = c.text("summary", reg.summary, "纠纷简要情况", max_len=SUMMARY_MAX,
                     required=True, multiline=True)
    requests: list[str] = []
    if len(reg.requests) > MAX_REQUESTS:
        c.add("requests", f"申请事项最多 {MAX_REQUESTS} 项。")
    for i, item in enumerate(reg.requests[:MAX_REQUESTS]):
        cleaned = c.text(f"requests[{i}]", item, f"申请事项第{i + 1}项", max_len=SUMMARY_MAX,
                         multiline=True)
        if cleaned:
            requests.append(cleaned)
    registered_on = reg.registered_on or today
    if registered_on > today:
        c.add("registered_on", "登记日期不能晚于今天。")
    elif registered_on.year < 2000:
        c.add("registered_on", "登记日期不正确（早于2000年）。")
    referral = c.text("referral_note", reg.referral_note, "移交/委托说明", max_len=1000,
                      multiline=True)
    if reg.source in REFERRAL_SOURCES and not referral:
        c.add("referral_note", "移交、委托或指派的案件，请填写由哪个单位移交（委托）。")

    parties = [_check_party(c, i, p, today) for i, p in enumerate(reg.parties[:MAX_PARTIES])]
    if len(reg.parties) > MAX_PARTIES:
        c.add("parties", f"当事人最多 {MAX_PARTIES} 人。")
    roles = [p.role for p in parties]
    if PartyRole.APPLICANT not in roles or PartyRole.RESPONDENT not in roles:
        c.add("parties", "至少需要一名申请人和一名被申请人。")
    for i, p in enumerate(parties):
        if p.role is PartyRole.AGENT:
            target = p.represents
            if (target is None or not 0 <= target < len(parties) or target == i
                    or parties[target].role is PartyRole.AGENT):
                c.add(f"parties[{i}].represents", "请选择代理人所代理的当事人。")
    ids = [p.id_number for p in parties if p.id_number]
    for i, p in enumerate(parties):
        if p.id_number and ids.count(p.id_number) > 1:
            c.add(f"parties[{i}].id_number", "同一身份证号码在本案中出现了不止一次。")
    clean = replace(reg, summary=summary, requests=requests, registered_on=registered_on,
                    referral_note=referral, parties=parties)
    return CleanRegistration(clean, c.problems)


def check_party(problems: list[tuple[str, str]], i: int, p: PartyInput,
                today: dt.date) -> PartyInput:
    """One party checked as at registration (paths ``parties[i].<field>``); the same
    rules serve a correction (更正) after registration."""
    c = _Collector()
    clean = _check_party(c, i, p, today)
    problems.extend(c.problems)
    return clean


def organisation_gaps(parties: list[PartyInput]) -> list[tuple[str, str]]:
    """Warnings, not errors: an organisation registered without its 住所 or its
    统一社会信用代码 (the studio may not know them yet; the documents print them)."""
    gaps = []
    for i, p in enumerate(parties):
        if p.kind is not PartyKind.ORGANISATION:
            continue
        label = PARTY_ROLE_LABELS_ZH.get(p.role, "当事人")
        if not p.address.strip():
            gaps.append((f"parties[{i}].address",
                         f"{label}（单位）的住所未填写，文书上将空着；知道后请更正补上。"))
        if not p.id_number.strip():
            gaps.append((f"parties[{i}].id_number",
                         f"{label}（单位）的统一社会信用代码未填写，文书上将空着；知道后请更正补上。"))
    return gaps


def _check_party(c: _Collector, i: int, p: PartyInput, today: dt.date) -> PartyInput:
    path = f"parties[{i}]"
    label = PARTY_ROLE_LABELS_ZH.get(p.role, "当事人")
    is_org = p.kind is PartyKind.ORGANISATION
    name = p.name
    try:
        if is_org:
            name = clean_org_name(p.name, field=f"{path}.name", label=f"{label}单位名称")
        else:
            name = clean_person_name(p.name, field=f"{path}.name", label=f"{label}姓名")
    except ValidationError as exc:
        c.add(f"{path}.name", exc.message)
    sex, birth = p.sex, p.birth_date
    id_number = p.id_number.strip()
    if id_number:
        try:
            if is_org:
                id_number = parse_credit_code(id_number, field=f"{path}.id_number")
            else:
                cid = parse_citizen_id(id_number, field=f"{path}.id_number", today=today)
                id_number = cid.number
                if sex is not None and sex is not cid.sex:
                    c.add(f"{path}.sex", "性别与身份证号码不一致。")
                if birth is not None and birth != cid.birth_date:
                    c.add(f"{path}.birth_date", "出生日期与身份证号码不一致。")
                sex = sex or cid.sex
                birth = birth or cid.birth_date
        except ValidationError as exc:
            c.add(f"{path}.id_number", exc.message)
    if birth is not None and birth > today:
        c.add(f"{path}.birth_date", "出生日期不能晚于今天。")
    phone = p.phone.strip()
    if phone:
        try:
            phone = parse_phone(phone, field=f"{path}.phone").canonical
        except ValidationError as exc:
            c.add(f"{path}.phone", exc.message)
    address = c.text(f"{path}.address", p.address, "单位或住址", max_len=ADDRESS_MAX)
    occupation = c.text(f"{path}.occupation", p.occupation, "职业或职务", max_len=SHORT_TEXT_MAX)
    ethnicity = c.text(f"{path}.ethnicity", p.ethnicity, "民族", max_len=20)
    representative, rep_title = p.representative, p.representative_title
    if is_org:
        try:
            representative = clean_person_name(
                p.representative, field=f"{path}.representative", label="法定代表人/负责人姓名"
            )
        except ValidationError as exc:
            c.add(f"{path}.representative", exc.message)
        rep_title = c.text(f"{path}.representative_title", p.representative_title, "职务",
                           max_len=SHORT_TEXT_MAX)
    return replace(
        p, name=name, sex=sex if not is_org else None, birth_date=birth if not is_org else None,
        id_number=id_number, phone=phone, address=address, occupation=occupation,
        ethnicity=ethnicity, representative=representative, representative_title=rep_title,
    )


def sex_label(sex: Sex | None) -> str:
    return {Sex.MALE: "男", Sex.FEMALE: "女"}.get(sex, "") if sex else ""
