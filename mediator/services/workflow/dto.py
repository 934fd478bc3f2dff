"""What the workflow forms send in and get back: plain, immutable values.

No SQLAlchemy object crosses this line.  Parties are referred to by their
case–party id (``PartyRef.id``), the id the domain rules use too.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from mediator.domain.casefile import CaseFile
from mediator.domain.completeness import CompletenessReport
from mediator.domain.deadlines import Deadline
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, CaseStatus, PartyKind, PartyRole
from mediator.domain.steps import StepView
from mediator.domain.studio_time import DEFAULT_ZONE


class AgentPower(enum.StrEnum):
    """授权委托书 — what an agent may do for the party (checkboxes on the form)."""

    ATTEND = "attend"  # 代为参加调解
    STATE_FACTS = "state_facts"  # 代为陈述事实、提供证据
    CHANGE_CLAIMS = "change_claims"  # 代为承认、放弃、变更调解请求
    AGREE = "agree"  # 代为达成调解协议并签名
    RECEIVE = "receive"  # 代为签收法律文书
    APPLY_CONFIRMATION = "apply_confirmation"  # 代为申请司法确认

    @property
    def label_zh(self) -> str:
        return AGENT_POWER_LABELS_ZH[self]


AGENT_POWER_LABELS_ZH: dict[AgentPower, str] = {
    AgentPower.ATTEND: "代为参加调解",
    AgentPower.STATE_FACTS: "代为陈述事实、提供证据",
    AgentPower.CHANGE_CLAIMS: "代为承认、放弃、变更调解请求",
    AgentPower.AGREE: "代为达成调解协议并签名",
    AgentPower.RECEIVE: "代为签收法律文书",
    AgentPower.APPLY_CONFIRMATION: "代为申请司法确认",
}


class Satisfaction(enum.StrEnum):
    """回访: how satisfied the parties say they are."""

    SATISFIED = "satisfied"  # 满意
    FAIR = "fair"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意


SATISFACTION_LABELS_ZH: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.FAIR: "基本满意",
    Satisfaction.DISSATISFIED: "不满意",
}

#: The legal routes a mediator tells the parties of when mediation fails (offered as choices).
LEGAL_ROUTES_ZH: tuple[str, ...] = (
    "向人民法院起诉", "申请仲裁", "请求行政机关处理", "申请劳动争议仲裁",
)


# ------------------------------------------------------------------ views
@dataclass(frozen=True)
class PartyRef:
    """A party of the case as the forms show it (names are for the screen only)."""

    id: str  # case_party id
    role: PartyRole
    position: int  # within the role, from 1
    kind: PartyKind
    name: str
    represents: str | None = None
    notice_acknowledged_on: dt.date | None = None
    identity_proof: bool = False
    power_of_attorney: bool = False
    agent_powers: tuple[str, ...] = ()

    @property
    def is_principal(self) -> bool:
        return self.role is not PartyRole.AGENT

    @property
    def label_zh(self) -> str:
        return f"{PARTY_ROLE_LABELS_ZH[self.role]}（第{self.position}位）"


@dataclass(frozen=True)
class InvestigationView:
    id: str
    held_at: dt.datetime
    place: str
    investigator: str
    interviewee: str
    recorder: str
    qa: tuple[tuple[str, str], ...]
    signed_on: dt.date | None


@dataclass(frozen=True)
class SessionView:
    id: str
    held_at: dt.datetime
    place: str
    subject: str
    participants: str
    is_public: bool
    privacy_consent: str
    statements: tuple[tuple[str, str], ...]  # (case_party id, text)
    evidence: str
    risk_warning: str
    result: str
    recorder: str
    signed_on: dt.date | None


@dataclass(frozen=True)
class PaymentView:
    id: str
    obligation_id: str
    paid_on: dt.date
    amount_fen: int
    method: str
    note: str
    proof_attachment_id: str | None


@dataclass(frozen=True)
class ObligationView:
    id: str
    position: int
    description: str
    obligor_id: str | None
    amount_fen: int
    due: dt.date | None
    performed_on: dt.date | None
    payments: tuple[PaymentView, ...] = ()

    @property
    def paid_fen(self) -> int:
        return sum(p.amount_fen for p in self.payments)

    @property
    def has_proof(self) -> bool:
        return any(p.proof_attachment_id for p in self.payments)


@dataclass(frozen=True)
class AgreementView:
    id: str
    kind: str  # written | oral
    facts: str
    terms: tuple[str, ...]
    performance_method: str
    performance_deadline: dt.date | None
    amount_fen: int
    copies: int
    status: str
    effective_on: dt.date | None
    reached_on: dt.date | None
    signature_slots: frozenset[str]
    signed_by: frozenset[str]
    mediator_signed: bool
    recorder_signed: bool
    sealed: bool
    completed_on: dt.date | None
    proofread: bool
    acknowledged_terms: frozenset[str]
    recorder: str
    obligations: tuple[ObligationView, ...]


@dataclass(frozen=True)
class FollowUpView:
    id: str
    visited_on: dt.date
    performed: bool | None
    satisfaction: str
    lawsuit: str
    escalation: str
    measures: str
    visitor: str
    signed_on: dt.date | None


@dataclass(frozen=True)
class ExtensionView:
    id: str
    granted_on: dt.date
    new_due: dt.date
    consented_by: frozenset[str]
    reason: str


@dataclass(frozen=True)
class JudicialView:
    id: str
    applied_on: dt.date
    court_basis: str
    court: str
    applicants: frozenset[str]
    decided_on: dt.date | None
    confirmed: bool | None
    ruling_no: str


@dataclass(frozen=True)
class AttachmentView:
    id: str
    filename: str
    mime: str
    size: int
    kind: str
    sha256: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseOverview:
    """Everything the case workspace shows, read in one unit of work."""

    id: str
    case_no: str
    status: CaseStatus
    dispute_type: str
    source: str
    summary: str
    requests: tuple[str, ...]
    registered_on: dt.date
    mediator_name: str
    committee_name: str
    written_application: bool
    status_matters: frozenset[str]
    refused_on: dt.date | None
    refusal_reason: str
    terminated_on: dt.date | None
    termination_reason: str
    routes_explained: tuple[str, ...]
    retention_class: str
    legal_hold: bool
    archived_on: dt.date | None
    parties: tuple[PartyRef, ...]
    investigations: tuple[InvestigationView, ...]
    sessions: tuple[SessionView, ...]
    agreement: AgreementView | None
    follow_ups: tuple[FollowUpView, ...]
    extensions: tuple[ExtensionView, ...]
    judicial: JudicialView | None
    attachments: tuple[AttachmentView, ...]
    casefile: CaseFile
    today: dt.date
    steps: tuple[StepView, ...]
    report: CompletenessReport
    deadlines: tuple[Deadline, ...]
    allowed: tuple[CaseStatus, ...]
    mediation_due: dt.date | None
    judicial_last_day: dt.date | None
    court_bases: tuple[str, ...]
    judicial_blockers: tuple[str, ...]  # why no court would confirm (empty: eligible)
    time_zone: str = DEFAULT_ZONE  # the studio's clock: times are entered and shown on it

    @property
    def principals(self) -> tuple[PartyRef, ...]:
        return tuple(p for p in self.parties if p.is_principal)

    @property
    def agents(self) -> tuple[PartyRef, ...]:
        return tuple(p for p in self.parties if not p.is_principal)

    def party(self, party_id: str) -> PartyRef | None:
        return next((p for p in self.parties if p.id == party_id), None)


# ------------------------------------------------------------------ inputs
@dataclass(frozen=True)
class AcceptanceInput:
    """受理: the papers in the file at acceptance."""

    written_application: bool
    identity_proofs: dict[str, bool] = field(default_factory=dict)  # case_party id -> in file
    status_matters: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RefusalInput:
    on: dt.date
    reason: str


@dataclass(frozen=True)
class NoticeInput:
    """权利义务告知书 signed, per party (None: not yet)."""

    acknowledged: dict[str, dt.date | None]


@dataclass(frozen=True)
class AuthorisationInput:
    """授权委托书 of one agent."""

    agent_id: str
    power_of_attorney: bool
    powers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ExtensionInput:
    granted_on: dt.date
    new_due: dt.date
    consented_by: frozenset[str]
    reason: str = ""


@dataclass(frozen=True)
class InvestigationInput:
    held_at: dt.datetime
    place: str
    investigator: str
    interviewee: str
    recorder: str
    qa: tuple[tuple[str, str], ...]
    signed: bool = False


@dataclass(frozen=True)
class SessionInput:
    held_at: dt.datetime
    place: str
    subject: str
    participants: str
    is_public: bool
    privacy_consent: str
    statements: tuple[tuple[str, str], ...]  # (case_party id, text)
    evidence: str
    risk_warning: str
    result: str
    recorder: str
    signed: bool = False


@dataclass(frozen=True)
class TerminationInput:
    on: dt.date
    reason: str
    routes: tuple[str, ...]


@dataclass(frozen=True)
class ObligationInput:
    description: str
    obligor_id: str | None = None
    amount_fen: int = 0
    due: dt.date | None = None


@dataclass(frozen=True)
class AgreementInput:
    kind: str  # written | oral
    reached_on: dt.date
    facts: str
    terms: tuple[str, ...]
    performance_method: str
    amount_fen: int
    obligations: tuple[ObligationInput, ...]
    recorder: str = ""


@dataclass(frozen=True)
class SignatureInput:
    """Who has signed the agreement so far (the documents flow records the strokes)."""

    signed_by: frozenset[str]
    mediator_signed: bool
    recorder_signed: bool
    sealed: bool
    completed_on: dt.date | None = None


@dataclass(frozen=True)
class PaymentInput:
    obligation_id: str
    paid_on: dt.date
    amount_fen: int
    method: str = ""
    note: str = ""
    proof_attachment_id: str | None = None
    completes: bool = False  # the obligation is thereby fully performed


@dataclass(frozen=True)
class FollowUpInput:
    visited_on: dt.date
    performed: bool | None
    satisfaction: str
    lawsuit: str
    escalation: str
    measures: str
    visitor: str
    signed: bool = False


@dataclass(frozen=True)
class JudicialInput:
    applied_on: dt.date
    court_basis: str
    court: str
    applicants: frozenset[str]


@dataclass(frozen=True)
class RulingInput:
    decided_on: dt.date
    confirmed: bool
    ruling_no: str = ""


@dataclass(frozen=True)
class ArchiveInput:
    retention: str  # RetentionClass value
    legal_hold: bool
    archived_on: dt.date


@dataclass(frozen=True)
class TermWarningView:
    """One word the terminology check flags in the agreement terms."""

    term_index: int  # which term (0-based)
    code: str  # rule code, or "blank" for a 【】 left unfilled
    matched: str
    advice: str
    suggestion: str
    excerpt: str
    confirmed: bool = False  # ticked on the form for this very text (用语校对 remembered)

    @property
    def acknowledgeable(self) -> bool:
        """A blank must be filled; a flagged word may be confirmed as meant."""
        return self.code != "blank"


@dataclass(frozen=True)
class DueRow:
    """One line of the Today view."""

    case_id: str
    case_no: str
    parties: tuple[str, ...]
    kind: str  # DeadlineKind value
    label_zh: str
    due: dt.date
    state: str  # DeadlineState value
    days_left: int


@dataclass(frozen=True)
class DuePage:
    """What the Today view shows: the most urgent rows, and what it does not show.

    ``today`` is the day everything was judged by (the PC's date unless a caller
    names one); ``latest_registered`` is the newest registration date on file, so
    a PC whose clock was set back (due dates "in the future") can say so.
    """

    rows: tuple[DueRow, ...]
    total: int  # every deadline needing attention, shown or not
    overdue: int
    today: dt.date
    horizon_days: int
    latest_registered: dt.date | None = None

    @property
    def not_shown(self) -> int:
        return self.total - len(self.rows)

    @property
    def clock_behind(self) -> bool:
        """A case is registered after "today": the PC's date is probably wrong."""
        return self.latest_registered is not None and self.latest_registered > self.today
