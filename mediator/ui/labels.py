"""Display names of coded values: statuses, dispute types, case sources, roles.

The codes (``registered``, ``neighbour``...) are stable data; what a mediator
reads depends on the language.  Status labels come from the domain's own
Chinese/English tables, dispute types and case sources from the versioned
catalogues, so a label is written once and the UI, CLI and PDFs agree.  Roles,
sexes, steps, deadlines, attachment and document kinds have only Chinese
names in the domain (the PDFs stay Chinese in both languages), so their
English forms go through Qt's tr() here: the module functions below, for
widgets that are not handed a :class:`Labels` (they read the desk's language
from the default QLocale that :func:`mediator.ui.i18n.install_translators` sets).

One :class:`Labels` is made at start-up (after the catalogues are read on the
worker) and handed to the widgets that need it: no module-level state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLocale

from mediator.domain.status import (
    PARTY_ROLE_LABELS_ZH,
    SEX_LABELS_ZH,
    STATUS_LABELS_EN,
    STATUS_LABELS_ZH,
    CaseStatus,
    PartyKind,
    PartyRole,
    Sex,
)

# The other domain tables are imported where used: this module is read before the
# first paint, and the case file, deadline and archive rules are not needed by then.
if TYPE_CHECKING:
    from mediator.domain.archive import RetentionClass
    from mediator.domain.case_facts import BodyType, Grade, Prevention
    from mediator.domain.casefile import CourtBasis, StatusMatter
    from mediator.domain.deadlines import DeadlineKind
    from mediator.domain.findings import Step
    from mediator.services.workflow.dto import AgentPower

Catalogue = list[tuple[str, str, str]]  # (code, zh, en)


@dataclass
class Labels:
    lang: str = "zh_CN"
    dispute_types: Catalogue = field(default_factory=list)
    case_sources: Catalogue = field(default_factory=list)

    @property
    def chinese(self) -> bool:
        return self.lang.startswith("zh")

    def _pick(self, catalogue: Catalogue, code: str) -> str:
        for c, zh, en in catalogue:
            if c == code:
                return zh if self.chinese else en
        return code  # an unknown (newer) code is still shown rather than hidden

    def dispute_type(self, code: str) -> str:
        return self._pick(self.dispute_types, code)

    def case_source(self, code: str) -> str:
        return self._pick(self.case_sources, code)

    def dispute_type_choices(self) -> list[tuple[str, str]]:
        return [(c, zh if self.chinese else en) for c, zh, en in self.dispute_types]

    def status(self, status: CaseStatus) -> str:
        return (STATUS_LABELS_ZH if self.chinese else STATUS_LABELS_EN)[status]

    def status_choices(self) -> list[tuple[CaseStatus, str]]:
        return [(s, self.status(s)) for s in CaseStatus]

    def role(self, role: PartyRole) -> str:
        if self.chinese:
            return PARTY_ROLE_LABELS_ZH[role]
        return {
            PartyRole.APPLICANT: QCoreApplication.translate("Labels", "Applicant"),
            PartyRole.RESPONDENT: QCoreApplication.translate("Labels", "Respondent"),
            PartyRole.THIRD_PARTY: QCoreApplication.translate("Labels", "Third party"),
            PartyRole.AGENT: QCoreApplication.translate("Labels", "Agent"),
        }[role]

    def sex(self, sex: Sex | None) -> str:
        if sex is None:
            return ""
        if self.chinese:
            return SEX_LABELS_ZH[sex]
        return (
            QCoreApplication.translate("Labels", "Male")
            if sex is Sex.MALE
            else QCoreApplication.translate("Labels", "Female")
        )

    def ethnicity(self, zh: str) -> str:
        """民族 (kept in Chinese) as this desk shows it."""
        return zh if self.chinese or not zh else _ethnicity_en(zh)

    def kind(self, kind: PartyKind) -> str:
        if kind is PartyKind.ORGANISATION:
            return QCoreApplication.translate("Labels", "Organisation")
        return QCoreApplication.translate("Labels", "Natural person")


# ------------------------------------------------------------ the desk's language
# Widgets deep in a page (the step rail, a form's combo) are not handed a Labels:
# the language is the app's, set once by i18n.install_translators as the default
# QLocale.  English is the only other language, so anything else (the C locale of
# a test that installed no translators) is the default zh_CN.


def chinese() -> bool:
    """Is the desk in Chinese?  (The default QLocale, set with the translators.)"""
    return QLocale().language() is not QLocale.Language.English


def step(value: Step) -> str:
    """A step of the rail: 受理 / "Acceptance"..."""
    from mediator.domain.findings import STEP_LABELS_ZH, Step  # noqa: PLC0415 - see above

    if chinese():
        return STEP_LABELS_ZH[value]
    return {
        Step.ACCEPT: QCoreApplication.translate("Labels", "Acceptance"),
        Step.NOTIFY: QCoreApplication.translate("Labels", "Notice"),
        Step.INVESTIGATE: QCoreApplication.translate("Labels", "Investigation"),
        Step.MEDIATE: QCoreApplication.translate("Labels", "Mediation"),
        Step.OUTCOME: QCoreApplication.translate("Labels", "Outcome"),
        Step.PERFORM: QCoreApplication.translate("Labels", "Performance"),
        Step.FOLLOW_UP: QCoreApplication.translate("Labels", "Follow-up"),
        Step.CONFIRM: QCoreApplication.translate("Labels", "Judicial confirmation"),
        Step.ARCHIVE: QCoreApplication.translate("Labels", "Archiving"),
    }[value]


def status(value: CaseStatus) -> str:
    """A case's status, from the domain's own two tables."""
    return (STATUS_LABELS_ZH if chinese() else STATUS_LABELS_EN)[value]


def deadline(kind: DeadlineKind | str) -> str:
    """调解期限 / "Mediation term"... (a DeadlineKind or its value)."""
    from mediator.domain.deadlines import DEADLINE_LABELS_ZH, DeadlineKind  # noqa: PLC0415 - see above

    kind = DeadlineKind(kind)
    if chinese():
        return DEADLINE_LABELS_ZH[kind]
    return {
        DeadlineKind.MEDIATION: QCoreApplication.translate("Labels", "Mediation term"),
        DeadlineKind.JUDICIAL_WINDOW: QCoreApplication.translate(
            "Labels", "Judicial confirmation window"),
        DeadlineKind.PERFORMANCE: QCoreApplication.translate("Labels", "Performance due"),
        DeadlineKind.FOLLOW_UP: QCoreApplication.translate("Labels", "Follow-up visit"),
    }[kind]


def attachment_kind(code: str) -> str:
    """证据材料 / "Evidence"...; an unknown (newer) code is shown as it is."""
    # Late: the services' module pulls the store in, which start-up does not need yet.
    from mediator.services.attachments import ATTACHMENT_KIND_LABELS_ZH  # noqa: PLC0415

    if chinese():
        return ATTACHMENT_KIND_LABELS_ZH.get(code, code)
    return {
        "evidence": QCoreApplication.translate("Labels", "Evidence"),
        "identity": QCoreApplication.translate("Labels", "Proof of identity"),
        "proof": QCoreApplication.translate("Labels", "Proof of performance"),
        "scan": QCoreApplication.translate("Labels", "Other scan"),
    }.get(code, code)


def document(key: str, title_zh: str) -> str:
    """A document of the case as listed on screen, from its file stem ("session-2").

    The PDF itself stays Chinese in both languages; only its name on screen
    follows the desk.  An unknown stem keeps the printed (Chinese) title."""
    if chinese():
        return title_zh
    stem, _, number = key.partition("-")
    if key.startswith("oral-agreement"):
        stem, number = "oral-agreement", ""
    names = {
        "application": QCoreApplication.translate("Labels", "Application for mediation"),
        "registration": QCoreApplication.translate("Labels", "Acceptance register form"),
        "notice": QCoreApplication.translate("Labels", "Notice of rights and duties"),
        "authorisation": QCoreApplication.translate("Labels", "Power of attorney"),
        "investigation": QCoreApplication.translate("Labels", "Investigation record"),
        "session": QCoreApplication.translate("Labels", "Mediation record"),
        "agreement": QCoreApplication.translate("Labels", "Mediation agreement"),
        "addendum": QCoreApplication.translate("Labels", "Mediation agreement (addendum)"),
        "oral-agreement": QCoreApplication.translate("Labels", "Oral agreement register"),
        "followup": QCoreApplication.translate("Labels", "Follow-up record"),
        "confirmation": QCoreApplication.translate(
            "Labels", "Application for judicial confirmation"),
        "refusal": QCoreApplication.translate("Labels", "Notice of refusal"),
        "termination": QCoreApplication.translate("Labels", "Notice of termination"),
        "dossier": QCoreApplication.translate("Labels", "Case dossier"),
    }
    name = names.get(stem)
    if name is None:
        return title_zh
    if number.isdigit() and stem in ("investigation", "session", "followup"):
        return QCoreApplication.translate("Labels", "%1 (no. %2)").replace(
            "%1", name).replace("%2", number)
    return name


class _Placed(Protocol):
    @property
    def role(self) -> PartyRole: ...

    @property
    def position(self) -> int: ...

    @property
    def label_zh(self) -> str: ...


def party(view: _Placed) -> str:
    """申请人（第1位） / "Applicant 1": a party by role and place, as the forms name them."""
    if chinese():
        return view.label_zh
    return f"{Labels(lang='en').role(view.role)} {view.position}"


def retention(value: RetentionClass) -> str:
    from mediator.domain.archive import RETENTION_LABELS_ZH, RetentionClass  # noqa: PLC0415 - see above

    if chinese():
        return RETENTION_LABELS_ZH[value]
    return {
        RetentionClass.PERMANENT: QCoreApplication.translate("Labels", "Permanent"),
        RetentionClass.LONG: QCoreApplication.translate("Labels", "30 years"),
        RetentionClass.SHORT: QCoreApplication.translate("Labels", "10 years"),
    }[value]


def status_matter(value: StatusMatter) -> str:
    """A matter a court will not confirm (婚姻关系...)."""
    from mediator.domain.casefile import STATUS_MATTER_LABELS_ZH, StatusMatter  # noqa: PLC0415 - see above

    if chinese():
        return STATUS_MATTER_LABELS_ZH[value]
    return {
        StatusMatter.MARRIAGE: QCoreApplication.translate("Labels", "Marriage"),
        StatusMatter.ADOPTION: QCoreApplication.translate("Labels", "Adoption"),
        StatusMatter.IDENTITY: QCoreApplication.translate("Labels", "Family status"),
        StatusMatter.TITLE: QCoreApplication.translate(
            "Labels", "Title to property or intellectual property"),
    }[value]


def court_basis(value: CourtBasis) -> str:
    """Why a court may hear the application for judicial confirmation."""
    from mediator.domain.casefile import COURT_BASIS_LABELS_ZH, CourtBasis  # noqa: PLC0415 - see above

    if chinese():
        return COURT_BASIS_LABELS_ZH[value]
    return {
        CourtBasis.INVITING_COURT: QCoreApplication.translate(
            "Labels", "The court that entrusted the mediation"),
        CourtBasis.PARTY_DOMICILE: QCoreApplication.translate(
            "Labels", "Basic court where a party lives"),
        CourtBasis.SUBJECT_LOCATION: QCoreApplication.translate(
            "Labels", "Basic court where the subject matter is"),
        CourtBasis.COMMITTEE_LOCATION: QCoreApplication.translate(
            "Labels", "Basic court where the committee is"),
    }[value]


def satisfaction(value: str) -> str:
    """回访: 满意 / 基本满意 / 不满意 (a Satisfaction value)."""
    from mediator.services.workflow.dto import SATISFACTION_LABELS_ZH, Satisfaction  # noqa: PLC0415

    if chinese():
        return SATISFACTION_LABELS_ZH.get(Satisfaction(value), value)
    return {
        "satisfied": QCoreApplication.translate("Labels", "Satisfied"),
        "fair": QCoreApplication.translate("Labels", "Fairly satisfied"),
        "dissatisfied": QCoreApplication.translate("Labels", "Dissatisfied"),
    }.get(value, value)


def agent_power(value: AgentPower) -> str:
    """What an agent may do for a party (代为参加调解...)."""
    from mediator.services.workflow.dto import AGENT_POWER_LABELS_ZH, AgentPower  # noqa: PLC0415

    if chinese():
        return AGENT_POWER_LABELS_ZH[value]
    return {
        AgentPower.ATTEND: QCoreApplication.translate("Labels", "Attend the mediation"),
        AgentPower.STATE_FACTS: QCoreApplication.translate(
            "Labels", "State the facts and give evidence"),
        AgentPower.CHANGE_CLAIMS: QCoreApplication.translate(
            "Labels", "Admit, waive or change claims"),
        AgentPower.AGREE: QCoreApplication.translate(
            "Labels", "Reach and sign the agreement"),
        AgentPower.RECEIVE: QCoreApplication.translate("Labels", "Receive legal documents"),
        AgentPower.APPLY_CONFIRMATION: QCoreApplication.translate(
            "Labels", "Apply for judicial confirmation for the party"),
    }.get(value, AGENT_POWER_LABELS_ZH.get(value, str(value)))


def legal_route(zh: str) -> str:
    """A legal route told to the parties when mediation fails (recorded in Chinese)."""
    from mediator.services.workflow.dto import LEGAL_ROUTES_ZH  # noqa: PLC0415

    if chinese():
        return zh
    english = (  # in the order of LEGAL_ROUTES_ZH
        QCoreApplication.translate("Labels", "Sue in a people's court"),
        QCoreApplication.translate("Labels", "Apply for arbitration"),
        QCoreApplication.translate("Labels", "Ask an administrative authority to decide"),
        QCoreApplication.translate("Labels", "Apply for labour dispute arbitration"),
    )
    return dict(zip(LEGAL_ROUTES_ZH, english, strict=True)).get(zh, zh)


def clause_title(code: str, title_zh: str) -> str:
    """A clause template's name; a studio's own clause keeps the name it was given."""
    if chinese():
        return title_zh
    return {
        "pay_lump_sum": QCoreApplication.translate("Labels", "Lump-sum payment"),
        "pay_instalments": QCoreApplication.translate("Labels", "Payment in instalments"),
        "pay_on_signing": QCoreApplication.translate("Labels", "Paid in full on signing"),
        "apology": QCoreApplication.translate("Labels", "Apology"),
        "settled_in_full": QCoreApplication.translate("Labels", "Dispute settled in full"),
        "breach_routes": QCoreApplication.translate("Labels", "Remedies for non-performance"),
        "judicial_confirmation": QCoreApplication.translate(
            "Labels", "Apply for judicial confirmation"),
        "leak_repair": QCoreApplication.translate("Labels", "Repair of the leak"),
        "leak_compensation": QCoreApplication.translate(
            "Labels", "Compensation for leak damage"),
        "leak_access": QCoreApplication.translate("Labels", "Access for repairs"),
        "noise_quiet_hours": QCoreApplication.translate("Labels", "Quiet hours"),
        "pet_leash": QCoreApplication.translate("Labels", "Responsible dog keeping"),
        "parking_clear": QCoreApplication.translate("Labels", "Parking space and passage"),
        "property_fees": QCoreApplication.translate("Labels", "Back payment of property fees"),
        "child_custody_support": QCoreApplication.translate("Labels", "Child support"),
        "elder_support": QCoreApplication.translate("Labels", "Support of parents"),
        "wage_arrears": QCoreApplication.translate("Labels", "Wage arrears"),
        "traffic_compensation": QCoreApplication.translate(
            "Labels", "Traffic accident compensation"),
        "consumer_refund": QCoreApplication.translate("Labels", "Return and refund"),
    }.get(code, title_zh)


def term_advice(code: str, advice_zh: str) -> str:
    """用语校对: why a word was flagged.  The words discussed stay in Chinese quotes
    (the agreement is Chinese); a studio's own rule keeps the advice it was given."""
    if chinese():
        return advice_zh
    return {
        "dingjin_refundable": QCoreApplication.translate(
            "Labels", "“订金” (a deposit) is not under the deposit penalty rule: on breach it "
            "is normally just returned. If the payer is to lose it and the recipient to pay "
            "back double on breach, write “定金”, at most 20% of the main contract's value."),
        "dingjin_penalty": QCoreApplication.translate(
            "Labels", "“定金” (an earnest deposit) is under the penalty rule: a payer in breach "
            "loses it, a recipient in breach pays back double; at most 20% of the main "
            "contract's value. For a simple payment in advance write “预付款” or “订金”."),
        "fuyang_children": QCoreApplication.translate(
            "Labels", "“抚养” is what parents owe their children. Between spouses or siblings "
            "write “扶养”; children towards their parents, “赡养”."),
        "fuyang_spouses": QCoreApplication.translate(
            "Labels", "“扶养” is between spouses or siblings. Parents towards their children: "
            "“抚养”; children towards their parents: “赡养”."),
        "shanyang_parents": QCoreApplication.translate(
            "Labels", "“赡养” is what children owe their parents (grandchildren their "
            "grandparents). Parents towards their children: “抚养”."),
        "buchang_no_fault": QCoreApplication.translate(
            "Labels", "“补偿” does not presuppose fault (neither party is at fault and a loss "
            "is shared fairly). If one party is liable for a tort or a breach, write “赔偿”."),
        "peichang_liability": QCoreApplication.translate(
            "Labels", "“赔偿” means one party is liable for a tort or a breach. If neither is "
            "at fault and a loss is only shared, write “补偿”."),
        "jiezhi_until": QCoreApplication.translate(
            "Labels", "For “up to a time” write “截至” (as in “截至2026年3月31日”); “截止” means "
            "to stop on expiry and takes no time after it."),
        "zhang_money": QCoreApplication.translate(
            "Labels", "For accounts and sums of money (“账户”, “账目”, “账款”) write “账”."),
        "quanli_rights": QCoreApplication.translate(
            "Labels", "In “权利义务” (rights and duties), “权利” is written with “利” "
            "(benefit)."),
        "qianding_sign": QCoreApplication.translate(
            "Labels", "For concluding an agreement or a contract write “签订”."),
        "court_terms": QCoreApplication.translate(
            "Labels", "In people's mediation the parties are “申请人” and “被申请人” (or their "
            "names), not “原告” and “被告”."),
    }.get(code, advice_zh)


def ethnicity(zh: str) -> str:
    """民族 as shown: the catalogue's English name in the English desk.  The value
    kept (and printed) is the Chinese; one typed in by hand is shown as typed."""
    return zh if chinese() else _ethnicity_en(zh)


def _ethnicity_en(zh: str) -> str:
    from mediator.services.catalogue import load_catalogue  # noqa: PLC0415 - cached, on use

    item = next((i for i in load_catalogue("ethnicities") if i.zh == zh), None)
    return item.en if item is not None else zh


def grade(value: Grade) -> str:
    """案件难易程度 (以案定补): 简单 / 一般 / 重大疑难."""
    from mediator.domain.case_facts import GRADE_LABELS_ZH, Grade  # noqa: PLC0415 - see above

    if chinese():
        return GRADE_LABELS_ZH[value]
    return {Grade.SIMPLE: QCoreApplication.translate("Labels", "Simple"),
            Grade.ORDINARY: QCoreApplication.translate("Labels", "Ordinary"),
            Grade.MAJOR: QCoreApplication.translate("Labels", "Major or difficult")}[value]


def body_type(value: BodyType) -> str:
    """调解组织类型: 村(居) / 乡镇(街道) / 企事业单位 / 行业性专业性."""
    from mediator.domain.case_facts import BODY_TYPE_LABELS_ZH, BodyType  # noqa: PLC0415 - see above

    if chinese():
        return BODY_TYPE_LABELS_ZH[value]
    return {
        BodyType.VILLAGE: QCoreApplication.translate("Labels", "Village (residents') committee"),
        BodyType.TOWNSHIP: QCoreApplication.translate("Labels", "Township (sub-district)"),
        BodyType.ENTERPRISE: QCoreApplication.translate("Labels", "Enterprise or institution"),
        BodyType.SECTOR: QCoreApplication.translate("Labels", "Sector or professional"),
    }[value]


def prevention(value: Prevention) -> str:
    """防止激化: 防止民转刑 / 防止群体性上访 / 防止群体性械斗 / 防止自杀."""
    from mediator.domain.case_facts import PREVENTION_LABELS_ZH, Prevention  # noqa: PLC0415 - see above

    if chinese():
        return PREVENTION_LABELS_ZH[value]
    return {
        Prevention.CRIMINAL: QCoreApplication.translate(
            "Labels", "Kept a civil dispute from turning criminal"),
        Prevention.PETITION: QCoreApplication.translate("Labels", "Prevented a group petition"),
        Prevention.FIGHT: QCoreApplication.translate("Labels", "Prevented a group fight"),
        Prevention.SUICIDE: QCoreApplication.translate("Labels", "Prevented a suicide"),
    }[value]
