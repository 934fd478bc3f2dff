"""卷宗 — a read-only snapshot of one case's file, the input of every lifecycle rule.

The state machine, the completeness checker, the deadline engine and the step
rail all reason over the same plain, immutable picture of a case: who the
parties are, which records exist, what the agreement says and who signed it.
The service layer builds a :class:`CaseFile` from the database (or a test builds
one by hand) and asks the rules; the rules never touch a database, a clock or
Qt.  A rule asked about a *proposed* change is given the snapshot with the
change applied (``dataclasses.replace``), so "would this be allowed?" and "is
this allowed?" are the same question.

Records refer to parties by their ``PartyRecord.id`` (the case–party row id).
Nothing here holds names, ID numbers or addresses: the rules do not need them,
and their messages therefore cannot leak them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from mediator.domain.archive import RetentionClass
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, CaseStatus, PartyKind, PartyRole


class AgreementForm(enum.StrEnum):
    WRITTEN = "written"  # 人民调解协议书 (art. 29)
    ORAL = "oral"  # 口头协议, registered by the mediator (art. 28)


class StatusMatter(enum.StrEnum):
    """Matters a court will not confirm (司法确认), whatever the parties agreed."""

    MARRIAGE = "marriage"  # 婚姻关系的效力或解除
    ADOPTION = "adoption"  # 收养关系
    IDENTITY = "identity"  # 亲子等其他身份关系
    TITLE = "title"  # 物权、知识产权的确权


STATUS_MATTER_LABELS_ZH: dict[StatusMatter, str] = {
    StatusMatter.MARRIAGE: "婚姻关系",
    StatusMatter.ADOPTION: "收养关系",
    StatusMatter.IDENTITY: "身份关系",
    StatusMatter.TITLE: "物权或知识产权确权",
}


class CourtBasis(enum.StrEnum):
    """Why a court may hear the application for judicial confirmation (民事诉讼法 art. 205)."""

    INVITING_COURT = "inviting_court"  # the court that entrusted the mediation
    PARTY_DOMICILE = "party_domicile"  # 当事人住所地
    SUBJECT_LOCATION = "subject_location"  # 标的物所在地
    COMMITTEE_LOCATION = "committee_location"  # 调解组织所在地


COURT_BASIS_LABELS_ZH: dict[CourtBasis, str] = {
    CourtBasis.INVITING_COURT: "委托调解的人民法院",
    CourtBasis.PARTY_DOMICILE: "当事人住所地基层人民法院",
    CourtBasis.SUBJECT_LOCATION: "标的物所在地基层人民法院",
    CourtBasis.COMMITTEE_LOCATION: "调解组织所在地基层人民法院",
}


@dataclass(frozen=True)
class PartyRecord:
    """A party's place in the file (not the person's details)."""

    id: str
    role: PartyRole
    position: int = 0  # order within the role, from 1: 申请人（第1位）
    kind: PartyKind = PartyKind.PERSON
    represents: str | None = None  # an agent: the id of the party represented
    identity_proof: bool = False  # 身份证明 copy in the file (for an organisation: licence)
    notice_acknowledged_on: dt.date | None = None  # 权利义务告知书 signed on
    power_of_attorney: bool = False  # 授权委托书 in the file (agents)

    @property
    def is_principal(self) -> bool:
        """A party to the dispute itself, as opposed to an agent acting for one."""
        return self.role is not PartyRole.AGENT

    @property
    def label(self) -> str:
        """How messages name the party without naming the person: 被申请人（第2位）."""
        role = PARTY_ROLE_LABELS_ZH[self.role]
        return f"{role}（第{self.position}位）" if self.position else role


@dataclass(frozen=True)
class InvestigationRecord:
    """调查记录 — only what the rules look at."""

    id: str
    held_on: dt.date
    signed: bool = False  # read back and signed by the person questioned and the recorder


@dataclass(frozen=True)
class SessionRecord:
    """人民调解记录 of one session."""

    id: str
    held_on: dt.date
    private: bool = False  # 不公开调解
    privacy_consent: bool = False  # the request or consent behind a private session (art. 23)
    signed: bool = False  # signed by parties, mediator, participants and recorder


@dataclass(frozen=True)
class Obligation:
    """One performance item of the agreement (履行事项): who does what by when."""

    id: str
    due: dt.date | None  # 履行期限; None for "immediately on signing"
    performed_on: dt.date | None = None
    proof: bool = False  # proof of payment / performance attached
    amount_fen: int = 0


@dataclass(frozen=True)
class AgreementRecord:
    """The agreement reached: 人民调解协议书 or 口头协议登记表."""

    form: AgreementForm
    reached_on: dt.date
    terms: int  # number of agreed terms (协议内容条款)
    obligations: tuple[Obligation, ...] = ()
    states_performance: bool = False  # 履行方式、时限 written down
    signature_slots: frozenset[str] = frozenset()  # party ids with a signature block
    signed_by: frozenset[str] = frozenset()  # party ids that signed / sealed / thumbprinted
    mediator_signed: bool = False
    recorder_signed: bool = False
    sealed: bool = False  # committee seal applied
    copies: int = 0  # 本协议一式N份
    completed_on: dt.date | None = None  # the day the last signature or the seal was applied
    amount_fen: int = 0  # 协议涉及金额
    proofread: bool = False  # terminology check passed or its warnings acknowledged
    # 定稿: the dossier holds the signed agreement (signed PDF or the scan of the signed
    # paper); False while it holds only the draft, whatever signatures were recorded.
    final: bool = True


@dataclass(frozen=True)
class TerminationRecord:
    """调解不成/终止 — with the reason and the legal routes the parties were told of."""

    on: dt.date
    reason: str
    routes_explained: tuple[str, ...] = ()  # e.g. 诉讼, 仲裁, 行政处理


@dataclass(frozen=True)
class RefusalRecord:
    """不予受理 — with its reason."""

    on: dt.date
    reason: str


@dataclass(frozen=True)
class FollowUpRecord:
    """回访记录."""

    id: str
    on: dt.date
    performed: bool | None = None  # None: performance not asked about
    signed: bool = False  # the visiting mediator signed


@dataclass(frozen=True)
class Extension:
    """Agreed extension of the mediation term (延长调解期限)."""

    granted_on: dt.date
    new_due: dt.date
    consented_by: frozenset[str] = frozenset()  # ids of the parties who consented


@dataclass(frozen=True)
class JudicialRecord:
    """司法确认 — the joint application to a court and, later, its ruling."""

    applied_on: dt.date
    court_basis: CourtBasis
    court: str  # the court's name
    applicants: frozenset[str] = frozenset()  # party ids that joined the application
    decided_on: dt.date | None = None
    confirmed: bool | None = None  # 裁定确认有效 / 驳回


@dataclass(frozen=True)
class ArchiveRecord:
    retention: RetentionClass | None
    legal_hold: bool = False
    archived_on: dt.date | None = None


@dataclass(frozen=True)
class LedgerOrigin:
    """The case came in from a studio's Excel ledger (台账, ``mediator import``) and
    stays at 受理 until the mediator records the rest: what the ledger said of it."""

    row: int | None = None  # the sheet row (None: only the placeholder summary tells)
    result: str = ""  # the ledger's outcome: succeeded / failed / refused / pending / ""
    closed_on: dt.date | None = None
    summary_missing: bool = False  # the ledger had no 纠纷简要情况


@dataclass(frozen=True)
class CaseFile:
    """Everything the lifecycle rules need to know about one case."""

    status: CaseStatus
    source: str  # case_sources code
    dispute_type: str  # dispute_types code
    registered_on: dt.date
    parties: tuple[PartyRecord, ...]
    investigations: tuple[InvestigationRecord, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    agreement: AgreementRecord | None = None
    termination: TerminationRecord | None = None
    refusal: RefusalRecord | None = None
    follow_ups: tuple[FollowUpRecord, ...] = ()
    extensions: tuple[Extension, ...] = ()
    judicial: JudicialRecord | None = None
    archive: ArchiveRecord | None = None
    status_matters: frozenset[StatusMatter] = field(default_factory=frozenset)
    written_application: bool = False  # 人民调解申请书 signed (else an oral application)
    evidence_items: int = 0  # 证据材料 attached
    # Optional steps the mediator skipped on purpose (findings.Step codes: investigate,
    # confirm); the rail shows them skipped and the guide moves past them.
    skipped_steps: frozenset[str] = field(default_factory=frozenset)
    ledger: LedgerOrigin | None = None  # imported from an Excel ledger

    @property
    def principals(self) -> tuple[PartyRecord, ...]:
        """The parties to the dispute (申请人, 被申请人, 第三人), agents excluded."""
        return tuple(p for p in self.parties if p.is_principal)

    @property
    def agents(self) -> tuple[PartyRecord, ...]:
        return tuple(p for p in self.parties if not p.is_principal)

    def party(self, party_id: str) -> PartyRecord | None:
        return next((p for p in self.parties if p.id == party_id), None)

    @property
    def first_session_on(self) -> dt.date | None:
        return min((s.held_on for s in self.sessions), default=None)

    @property
    def mediation_concluded_on(self) -> dt.date | None:
        """When mediation ended: agreement reached, or termination/refusal recorded."""
        if self.agreement is not None:
            return self.agreement.reached_on
        if self.termination is not None:
            return self.termination.on
        if self.refusal is not None:
            return self.refusal.on
        return None

    @property
    def court_entrusted(self) -> bool:
        return self.source == "court_entrusted"
