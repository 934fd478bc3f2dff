"""Tables of the guided mediation workflow (issue 3, schema 0003).

The registration tables of :mod:`mediator.store.models` say *who* is in a case
and hold the records themselves (调查记录, 调解记录, 协议, 回访).  What a file
audit also asks — who signed the rights notice and when, which copies of
identity papers are in the file, who signed the agreement, what each party must
perform and what was paid, why mediation ended, whether a court was asked to
confirm — lives here, in rows of its own, so the existing tables keep their
columns and append-only records stay append-only (a signature is a new row,
never an edit of the record it signs).

Every table is synced (:class:`~mediator.store.models.Synced` columns) and is
listed in ``SYNCED_MODELS`` by :mod:`mediator.store.tables`, which imports this
module.  Free text here (reasons, notes) may hold personal data: it never goes
to the audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mediator.store.models import Base, Case, Synced, utcnow


class CaseWorkflow(Synced, Base):
    """A case's lifecycle facts beyond registration (one row per case, made on first use).

    受理: whether a written application (申请书) is in the file and which matters
    a court would not confirm; 不予受理 and 调解终止 with date, reason and the
    legal routes the parties were told of; 归档 date.
    """

    __tablename__ = "case_workflow"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), unique=True)
    written_application: Mapped[bool] = mapped_column(Boolean, default=False)
    status_matters: Mapped[list[Any]] = mapped_column(default=list)  # StatusMatter codes
    refused_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    terminated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    termination_reason: Mapped[str] = mapped_column(Text, default="")
    routes_explained: Mapped[list[Any]] = mapped_column(default=list)  # 诉讼, 仲裁 ...
    archived_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Optional steps skipped on purpose (Step codes: investigate, confirm; schema 0006).
    skipped_steps: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")


class CasePartyFile(Synced, Base):
    """What the dossier holds for one party of a case (one row per case_party).

    权利义务告知书 signed on; identity proof (身份证明 / 营业执照) copy in the file;
    for an agent (代理人) the power of attorney (授权委托书) and its powers.
    """

    __tablename__ = "case_party_file"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    case_party_id: Mapped[str] = mapped_column(ForeignKey("case_party.id"), unique=True)
    notice_acknowledged_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    identity_proof: Mapped[bool] = mapped_column(Boolean, default=False)
    power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    agent_powers: Mapped[list[Any]] = mapped_column(default=list)  # AgentPower codes


class RecordSignoff(Synced, Base):
    """A record read back and signed (调查记录, 调解记录, 回访记录) — its own row,
    because the records themselves are append-only."""

    __tablename__ = "record_signoff"
    __table_args__ = (UniqueConstraint("record_kind", "record_id", name="uq_signoff_record"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    record_kind: Mapped[str] = mapped_column(String(20))  # investigation | session | follow_up
    record_id: Mapped[str] = mapped_column(String(36))
    signed_on: Mapped[dt.date] = mapped_column(Date)


class AgreementDetail(Synced, Base):
    """The agreement's signing state (one row per agreement): date reached, who has a
    signature block, who signed, mediator/recorder signatures, committee seal, and
    the terminology check the mediator went through."""

    __tablename__ = "agreement_detail"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), unique=True)
    reached_on: Mapped[dt.date] = mapped_column(Date)
    signature_slots: Mapped[list[Any]] = mapped_column(default=list)  # case_party ids
    signed_by: Mapped[list[Any]] = mapped_column(default=list)  # case_party ids
    mediator_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    recorder_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    proofread: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged_terms: Mapped[list[Any]] = mapped_column(default=list)  # TermRule codes
    recorder: Mapped[str] = mapped_column(String(100), default="")


class Obligation(Synced, Base):
    """履行事项 — one thing a party undertook in the agreement, and whether it was done."""

    __tablename__ = "obligation"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    obligor_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # case_party id
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    performed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Payment(Synced, Base):
    """履行情况 — a payment or act of performance towards an obligation (append-only),
    with the proof (收条, 转账记录) as an attachment."""

    __tablename__ = "payment"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    obligation_id: Mapped[str] = mapped_column(ForeignKey("obligation.id"), index=True)
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    proof_attachment_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class TermExtension(Synced, Base):
    """延长调解期限 — agreed extension of the mediation term, with who consented."""

    __tablename__ = "term_extension"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    granted_on: Mapped[dt.date] = mapped_column(Date)
    new_due: Mapped[dt.date] = mapped_column(Date)
    consented_by: Mapped[list[Any]] = mapped_column(default=list)  # case_party ids
    reason: Mapped[str] = mapped_column(Text, default="")


class JudicialApplication(Synced, Base):
    """司法确认 — the joint application to a court and, later, its ruling."""

    __tablename__ = "judicial_application"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), unique=True)
    applied_on: Mapped[dt.date] = mapped_column(Date)
    court_basis: Mapped[str] = mapped_column(String(30))
    court: Mapped[str] = mapped_column(String(100), default="")
    applicants: Mapped[list[Any]] = mapped_column(default=list)  # case_party ids
    decided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    confirmed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    ruling_no: Mapped[str] = mapped_column(String(60), default="")


class PartyCorrection(Synced, Base):
    """更正 — one field of a party's details corrected after registration (append-only).

    The case's history of corrections: which field, old and new value, when and by
    whom.  The values are personal data: they stay in the case file and never go to
    the audit log, which records only the field names (schema 0006)."""

    __tablename__ = "party_correction"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("party.id"))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    corrected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    mediator_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


# The Today view reads open cases only (by status), then their rows by case_id.
Index("ix_case_status", Case.status, Case.deleted)

WORKFLOW_SYNCED_MODELS: dict[str, type[Synced]] = {
    "case_workflow": CaseWorkflow,
    "case_party_file": CasePartyFile,
    "record_signoff": RecordSignoff,
    "agreement_detail": AgreementDetail,
    "obligation": Obligation,
    "payment": Payment,
    "term_extension": TermExtension,
    "judicial_application": JudicialApplication,
    "party_correction": PartyCorrection,
}
