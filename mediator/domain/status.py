"""Stable status codes of a case's lifecycle (DOMAIN.md, "Lifecycle of a case").

The English codes are stored in the database, travel over the sync protocol and
appear in ``mediator cases --json``; never rename one.  Chinese labels are for
display (the UI translates them through Qt).
"""

from __future__ import annotations

import enum


class CaseStatus(enum.StrEnum):
    REGISTERED = "registered"  # 受理 (application, own initiative or referral)
    NOTIFIED = "notified"  # 告知: rights-and-duties notice acknowledged
    INVESTIGATING = "investigating"  # 调查
    MEDIATING = "mediating"  # 调解: one or more sessions
    AGREED = "agreed"  # 调解成功: written or oral agreement reached
    TERMINATED = "terminated"  # 调解不成/终止, with reason and the routes explained
    PERFORMING = "performing"  # 履行: performance being tracked
    FOLLOWED_UP = "followed_up"  # 回访 done
    CONFIRMING = "confirming"  # 司法确认 applied for
    ARCHIVED = "archived"  # 归档: dossier closed
    REFUSED = "refused"  # 不予受理, with reason

    @property
    def label_zh(self) -> str:
        return STATUS_LABELS_ZH[self]


STATUS_LABELS_ZH: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "已受理",
    CaseStatus.NOTIFIED: "已告知",
    CaseStatus.INVESTIGATING: "调查中",
    CaseStatus.MEDIATING: "调解中",
    CaseStatus.AGREED: "调解成功",
    CaseStatus.TERMINATED: "调解终止",
    CaseStatus.PERFORMING: "履行中",
    CaseStatus.FOLLOWED_UP: "已回访",
    CaseStatus.CONFIRMING: "司法确认中",
    CaseStatus.ARCHIVED: "已归档",
    CaseStatus.REFUSED: "不予受理",
}

STATUS_LABELS_EN: dict[CaseStatus, str] = {
    CaseStatus.REGISTERED: "Registered",
    CaseStatus.NOTIFIED: "Notified",
    CaseStatus.INVESTIGATING: "Investigating",
    CaseStatus.MEDIATING: "Mediating",
    CaseStatus.AGREED: "Agreed",
    CaseStatus.TERMINATED: "Terminated",
    CaseStatus.PERFORMING: "Performing",
    CaseStatus.FOLLOWED_UP: "Followed up",
    CaseStatus.CONFIRMING: "Judicial confirmation",
    CaseStatus.ARCHIVED: "Archived",
    CaseStatus.REFUSED: "Refused",
}


class PartyRole(enum.StrEnum):
    APPLICANT = "applicant"  # 申请人
    RESPONDENT = "respondent"  # 被申请人
    THIRD_PARTY = "third_party"  # 第三人
    AGENT = "agent"  # 代理人


PARTY_ROLE_LABELS_ZH: dict[PartyRole, str] = {
    PartyRole.APPLICANT: "申请人",
    PartyRole.RESPONDENT: "被申请人",
    PartyRole.THIRD_PARTY: "第三人",
    PartyRole.AGENT: "代理人",
}


class PartyKind(enum.StrEnum):
    PERSON = "person"  # 自然人
    ORGANISATION = "organisation"  # 法人或其他组织 (signs by its representative + seal)


class RepresentativeRole(enum.StrEnum):
    """The office through which an organisation acts (the documents' row label).

    A legal person (法人) acts through its 法定代表人; an unincorporated
    organisation (非法人组织, e.g. a branch or an owners' committee) through its
    主要负责人.  The representative's job title is a separate value (职务).
    """

    LEGAL = "legal"  # 法定代表人
    PRINCIPAL = "principal"  # 主要负责人


REPRESENTATIVE_ROLE_LABELS_ZH: dict[RepresentativeRole, str] = {
    RepresentativeRole.LEGAL: "法定代表人",
    RepresentativeRole.PRINCIPAL: "主要负责人",
}


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


SEX_LABELS_ZH: dict[Sex, str] = {Sex.MALE: "男", Sex.FEMALE: "女"}
