"""Plain data passed between the services and their clients (UI, CLI, importer).

No SQLAlchemy objects cross this line: the UI never holds a session.
Dates are ``datetime.date``; timestamps are timezone-aware UTC ``datetime``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mediator.domain.case_facts import BodyType, CaseFacts
from mediator.domain.status import CaseStatus, PartyKind, PartyRole, RepresentativeRole, Sex
from mediator.domain.studio_time import DEFAULT_ZONE


@dataclass(frozen=True)
class StudioSetup:
    """What the first run asks for: the committee, its case-number prefix, the mediator."""

    studio_id: str
    committee_name: str  # e.g. 桂城街道人民调解委员会 / 某某人民调解工作室
    case_prefix: str  # e.g. 桂城 -> （2026）桂城人调字第12号
    mediator_id: str
    mediator_name: str


@dataclass
class PartyInput:
    """One party as typed into the registration form or an import file (当事人)."""

    role: PartyRole
    name: str
    kind: PartyKind = PartyKind.PERSON
    sex: Sex | None = None
    ethnicity: str = ""  # 民族, e.g. 汉族
    birth_date: dt.date | None = None
    id_number: str = ""  # 公民身份号码 (18 or legacy 15 digits); optional
    phone: str = ""  # mobile or landline
    address: str = ""  # 单位或住址
    occupation: str = ""  # 职业或职务
    # Organisation parties sign by their representative (法定代表人/负责人) plus seal.
    representative: str = ""
    representative_title: str = ""  # his 职务 (e.g. 总经理), not the office
    # The office he holds: 法定代表人 (a legal person) or 主要负责人 (other organisations).
    representative_role: RepresentativeRole = RepresentativeRole.LEGAL
    # For an agent (代理人): index into RegistrationInput.parties of the party represented.
    represents: int | None = None
    # An agent's 授权委托书 handed in at registration (its powers are ticked at 告知).
    power_of_attorney: bool = False


@dataclass
class RegistrationInput:
    """人民调解受理登记 — everything needed to register (accept) a case."""

    dispute_type: str  # code from resources/catalogues/dispute_types.json
    source: str  # code from resources/catalogues/case_sources.json
    summary: str  # 纠纷简要情况
    parties: list[PartyInput]
    requests: list[str] = field(default_factory=list)  # 申请事项, numbered in documents
    registered_on: dt.date | None = None  # default: today
    referral_note: str = ""  # who referred it (court/police/...), when a referral
    # 统计要素 asked at registration (涉及人数, 标的额, 群体性, body): written with the
    # case in the same transaction; None: nothing stated (reports count the parties).
    facts: CaseFacts | None = None


@dataclass(frozen=True)
class CaseRef:
    id: str
    case_no: str


@dataclass(frozen=True)
class CaseFilter:
    """Filters of the case list; ``None`` means "any"."""

    text: str = ""  # full-text search, any length from one character
    statuses: frozenset[CaseStatus] | None = None
    dispute_type: str | None = None
    registered_from: dt.date | None = None
    registered_to: dt.date | None = None


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list. ID numbers appear only masked here."""

    rowid: int  # local integer key, stable, used by the lazy list model
    id: str
    case_no: str
    status: CaseStatus
    dispute_type: str  # code
    parties: tuple[str, ...]  # names, applicants first
    masked_id_numbers: tuple[str, ...]  # e.g. 440602********1234
    phones: tuple[str, ...]
    registered_on: dt.date
    updated_at: dt.datetime


@dataclass(frozen=True)
class PartyView:
    id: str
    role: PartyRole
    kind: PartyKind
    name: str
    sex: Sex | None
    ethnicity: str
    birth_date: dt.date | None
    age: int | None
    id_number: str  # full: the detail view shows it on request, the list never does
    phone: str
    address: str
    occupation: str
    representative: str
    representative_title: str
    representative_role: RepresentativeRole = RepresentativeRole.LEGAL


@dataclass(frozen=True)
class CaseDetail:
    id: str
    case_no: str
    status: CaseStatus
    dispute_type: str
    source: str
    summary: str
    requests: tuple[str, ...]
    registered_on: dt.date
    referral_note: str
    mediator_name: str
    committee_name: str
    parties: tuple[PartyView, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    # The number it carried before sync corrected a clash with another PC ("" if none).
    former_case_no: str = ""
    # The studio's clock (studio.time_zone): the times shown are read on it, as printed.
    time_zone: str = DEFAULT_ZONE
    # 统计要素 as stated (None: nothing stated yet) and the studio's kind of body.
    facts: CaseFacts | None = None
    studio_body_type: BodyType = BodyType.VILLAGE
