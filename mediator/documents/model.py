"""Plain inputs of the document renderers, independent of the database.

A service reads a case from the store and fills these frozen dataclasses; the
renderers only ever see them.  Labels are already in Chinese (纠纷类型 "邻里",
role "申请人"), so the documents layer never reads a catalogue.

Signatures keep only what is needed to draw them: polylines in a 0..1 box, no
timing and no pressure (those can count as biometric data under PIPL).
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from mediator.errors import DocumentError, ValidationError

Point = tuple[float, float]
Stroke = tuple[Point, ...]


class PartyKind(enum.StrEnum):
    PERSON = "person"  # 自然人
    ORGANISATION = "organisation"  # 法人或其他组织: signs by its representative plus seal


@dataclass(frozen=True)
class Signature:
    """A handwritten signature (pen strokes) or the choice to thumbprint on paper.

    ``strokes``: each stroke is a polyline of (x, y) points in the signature box,
    0..1 on both axes, x to the right and y downwards as on the signature pad.
    ``thumbprint=True``: the party chose 按指印; the box is marked for the print.
    """

    strokes: tuple[Stroke, ...] = ()
    thumbprint: bool = False

    def __post_init__(self) -> None:
        strokes = tuple(tuple((float(x), float(y)) for x, y in s) for s in self.strokes)
        object.__setattr__(self, "strokes", strokes)
        if self.thumbprint and strokes:
            raise ValidationError("签名与按指印只能选择一种", field="signature")
        if not self.thumbprint and not any(len(s) >= 1 for s in strokes):
            raise ValidationError("签名为空，请重新签名", field="signature")
        for stroke in strokes:
            for x, y in stroke:
                if not (math.isfinite(x) and math.isfinite(y) and 0 <= x <= 1 and 0 <= y <= 1):
                    raise ValidationError("签名笔迹坐标超出签名框范围", field="signature")


@dataclass(frozen=True)
class Seal:
    """The committee seal (印章): a PNG with a transparent background."""

    png: bytes

    def __post_init__(self) -> None:
        if not self.png.startswith(b"\x89PNG\r\n\x1a\n"):
            raise DocumentError("印章图片必须是PNG格式（透明背景）", field="seal")
        try:
            with Image.open(io.BytesIO(self.png)) as img:
                img.verify()
        except Exception as exc:  # Pillow raises many types for a damaged file
            raise DocumentError("印章图片已损坏，无法读取", field="seal") from exc

    @classmethod
    def from_file(cls, path: str | Path) -> Seal:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise DocumentError("无法读取印章图片文件", field="seal") from exc
        return cls(data)


@dataclass(frozen=True)
class DocParty:
    """One party (当事人) as printed: the 司法部 forms' fields, all display strings."""

    role: str  # 申请人 / 被申请人 / 第三人 / 当事人
    name: str
    kind: PartyKind = PartyKind.PERSON
    sex: str = ""  # 男 / 女
    ethnicity: str = ""  # 民族, e.g. 汉族
    age: int | None = None
    occupation: str = ""  # 职业或职务
    phone: str = ""
    address: str = ""  # 单位或住址
    id_number: str = ""  # 身份证号码 (or 统一社会信用代码 for an organisation)
    representative: str = ""  # the name of the organisation's 法定代表人 / 主要负责人
    representative_title: str = ""  # his 职务, e.g. 总经理 (printed as a value, never a label)
    #: 法定代表人 (a legal person) or 主要负责人 (an unincorporated organisation):
    #: the row label and the signature label of the representative.
    representative_role: str = "法定代表人"

    @property
    def is_organisation(self) -> bool:
        return self.kind is PartyKind.ORGANISATION


@dataclass(frozen=True)
class DocCase:
    """The case facts every document repeats."""

    case_no: str  # （2026）桂城人调字第12号
    committee_name: str  # 桂城街道人民调解委员会
    dispute_type: str  # label, e.g. 邻里纠纷
    source: str  # label, e.g. 当事人申请
    summary: str  # 纠纷简要情况
    parties: tuple[DocParty, ...]
    registered_on: dt.date
    mediator: str
    recorder: str = ""
    requests: tuple[str, ...] = ()  # 申请事项, numbered when printed

    def __post_init__(self) -> None:
        object.__setattr__(self, "parties", tuple(self.parties))
        object.__setattr__(self, "requests", tuple(self.requests))
        if not self.parties:
            raise ValidationError("案件没有当事人，无法生成文书", field="parties")

    def by_role(self, *roles: str) -> tuple[DocParty, ...]:
        return tuple(p for p in self.parties if p.role in roles)


def _aligned(signatures: Sequence[Signature | None], parties: int) -> tuple[Signature | None, ...]:
    sigs = tuple(signatures)
    if sigs and len(sigs) != parties:
        raise ValidationError("签名数量与当事人数量不一致", field="signatures")
    return sigs or (None,) * parties


@dataclass(frozen=True, kw_only=True)
class Signed:
    """Mixin data: per-party signatures aligned with ``case.parties`` (None = sign on paper)."""

    case: DocCase
    date: dt.date
    signatures: tuple[Signature | None, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "signatures", _aligned(self.signatures, len(self.case.parties))
        )


@dataclass(frozen=True, kw_only=True)
class ApplicationInput(Signed):
    """人民调解申请书."""


@dataclass(frozen=True, kw_only=True)
class RegistrationFormInput(Signed):
    """人民调解受理登记表; ``registrar`` signs (登记人), the committee seals."""

    registrar: str = ""
    registrar_signature: Signature | None = None
    seal: Seal | None = None


@dataclass(frozen=True, kw_only=True)
class RightsNoticeInput(Signed):
    """当事人权利义务告知书, acknowledged by every party."""


class Power(enum.StrEnum):
    """授权委托书 powers, printed as checkboxes in this order."""

    PARTICIPATE = "代为参加调解"
    STATE = "代为陈述事实、提交证据"
    CHANGE_REQUESTS = "代为提出、承认、放弃、变更调解请求"
    AGREE = "代为达成调解协议并签署人民调解协议书"
    RECEIVE = "代为签收有关文书"
    CONFIRM = "代为申请司法确认"


@dataclass(frozen=True)
class AuthorisationInput:
    """授权委托书: a party (principal) appoints an agent (代理人)."""

    case: DocCase
    principal_index: int  # index into case.parties
    agent: DocParty  # role "受托人"; relation goes into occupation if wanted
    powers: frozenset[Power]
    term: str  # 委托期限, e.g. 自本委托书签署之日起至本纠纷调解终结之日止
    date: dt.date
    principal_signature: Signature | None = None
    agent_signature: Signature | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "powers", frozenset(self.powers))
        if not 0 <= self.principal_index < len(self.case.parties):
            raise ValidationError("委托人不是本案当事人", field="principal")
        if not self.powers:
            raise ValidationError("请至少选择一项委托权限", field="powers")


@dataclass(frozen=True)
class QA:
    question: str
    answer: str


@dataclass(frozen=True)
class InvestigationInput:
    """调查记录 — one interview (number ``index`` within the case)."""

    case: DocCase
    index: int
    started_at: dt.datetime
    ended_at: dt.datetime
    place: str
    investigator: str
    interviewee: str  # 被调查人 name
    interviewee_details: str  # 性别、年龄、单位或住址、联系方式 as one line
    recorder: str
    entries: tuple[QA, ...]
    interviewee_signature: Signature | None = None
    investigator_signature: Signature | None = None
    recorder_signature: Signature | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", tuple(self.entries))


@dataclass(frozen=True)
class Statement:
    speaker: str  # e.g. 申请人张三
    text: str


@dataclass(frozen=True, kw_only=True)
class SessionRecordInput(Signed):
    """人民调解记录 — one mediation session."""

    index: int = 1
    started_at: dt.datetime
    place: str
    matter: str  # 事由
    participants: str = ""  # 参加人 (besides the parties)
    public: bool = False  # 公开调解 (with the parties' consent) or not
    statements: tuple[Statement, ...] = ()
    evidence: str = ""  # 核实的证据
    risk_warning: str = ""  # 风险提示
    succeeded: bool = False
    outcome: str = ""  # terms agreed, or why it failed
    routes: str = ""  # 告知的其他途径 when it failed
    mediator_signature: Signature | None = None
    recorder_signature: Signature | None = None
    seal: Seal | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "statements", tuple(self.statements))


@dataclass(frozen=True, kw_only=True)
class AgreementInput(Signed):
    """人民调解协议书 (and, with ``oral=True`` renderers, 口头协议登记表).

    ``agreement_id`` is the UUIDv7 of the agreement row: it goes into the QR.
    """

    agreement_id: str
    number: str  # 编号, e.g. （2026）桂城人调协字第12号
    facts: str  # 纠纷主要事实、争议事项
    terms: tuple[str, ...]  # 经调解，自愿达成如下协议 (numbered)
    performance: str  # 履行方式、时限
    mediator_signature: Signature | None = None
    recorder_signature: Signature | None = None
    seal: Seal | None = None
    #: For an addendum (补充协议): the 编号 and date of the agreement it amends,
    #: printed under the number; empty for an agreement of its own.
    amends_number: str = ""
    amends_date: dt.date | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "terms", tuple(self.terms))
        if not self.agreement_id:
            raise ValidationError("协议缺少编号标识", field="agreement_id")
        if not self.terms:
            raise ValidationError("协议内容为空，请填写协议条款", field="terms")

    @property
    def copies(self) -> int:
        """本协议一式N份: one per party plus one for the committee."""
        return len(self.case.parties) + 1


@dataclass(frozen=True)
class FollowUpInput:
    """回访记录 — follow-up visit record."""

    case: DocCase
    index: int
    visited_on: dt.date
    agreement_no: str
    matter: str
    performed: str  # 履行情况
    satisfaction: str  # 当事人满意度
    lawsuit: str = "无"  # 是否起诉及结果
    escalation: str = "无"  # 矛盾激化迹象及采取的措施
    notes: str = ""
    visitor: str = ""
    visitor_signature: Signature | None = None


@dataclass(frozen=True)
class NoticeInput:
    """不予受理 or 终止调解 notice (通知书), addressed to the parties."""

    case: DocCase
    number: str  # 文书编号
    reason: str
    routes: str  # the other legal routes the parties were told of
    date: dt.date
    seal: Seal | None = None


@dataclass(frozen=True)
class RefusalNoticeInput(NoticeInput):
    """不予受理通知书."""


@dataclass(frozen=True)
class TerminationNoticeInput(NoticeInput):
    """终止调解通知书."""


class DossierCategory(enum.IntEnum):
    """卷内目录 order (DOMAIN.md, item 10)."""

    APPLICATION = 1  # 申请书或受理登记表
    RIGHTS_NOTICE = 2
    IDENTITY = 3
    AUTHORISATION = 4
    INVESTIGATION = 5
    EVIDENCE = 6
    SESSION = 7
    AGREEMENT = 8
    PERFORMANCE = 9
    FOLLOW_UP = 10
    CONFIRMATION = 11
    NOTES = 12
    BACK_COVER = 13


@dataclass(frozen=True)
class DossierEntry:
    category: DossierCategory
    title: str
    date: dt.date | None = None
    pages: int | None = None
    remark: str = ""


@dataclass(frozen=True)
class DossierInput:
    """卷宗 cover (封面) with 卷内目录."""

    case: DocCase
    title: str  # 卷名, e.g. 张三与李四邻里纠纷
    mediators: str
    date_from: dt.date
    date_to: dt.date
    filed_by: str  # 立卷人
    filed_on: dt.date  # 立卷日期
    retention: str  # 保管期限, e.g. 长期 / 10年
    entries: tuple[DossierEntry, ...] = field(default=())
    remarks: str = ""

    def __post_init__(self) -> None:
        ordered = sorted(self.entries, key=lambda e: e.category)  # stable within a category
        object.__setattr__(self, "entries", tuple(ordered))


@dataclass(frozen=True)
class ConfirmationInput:
    """司法确认申请书 packet: joint application, the agreement, materials list."""

    agreement: AgreementInput
    court: str  # e.g. 佛山市南海区人民法院
    date: dt.date
    attachments: tuple[str, ...] = ()  # 身份证明, 授权委托书 ... as listed materials
    signatures: tuple[Signature | None, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "attachments", tuple(self.attachments))
        object.__setattr__(
            self, "signatures", _aligned(self.signatures, len(self.agreement.case.parties))
        )
