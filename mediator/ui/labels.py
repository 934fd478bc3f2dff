"""Display names of coded values: statuses, dispute types, case sources, roles.

The codes (``registered``, ``neighbour``...) are stable data; what a mediator
reads depends on the language.  Status labels come from the domain's own
Chinese/English tables, dispute types and case sources from the versioned
catalogues, so a label is written once and the UI, CLI and PDFs agree.  Roles
and sexes have only Chinese names in the domain, so their English forms go
through Qt's tr() here.

One :class:`Labels` is made at start-up (after the catalogues are read on the
worker) and handed to the widgets that need it: no module-level state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

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

    def kind(self, kind: PartyKind) -> str:
        if kind is PartyKind.ORGANISATION:
            return QCoreApplication.translate("Labels", "Organisation")
        return QCoreApplication.translate("Labels", "Natural person")
