"""Tables the statistics and the screening register need (issue 13, schema 0007).

* ``case_statistics`` — one row per case (made when first stated): 涉及人数,
  群体性纠纷, the prevention outcomes with their people, 标的额, the mediating
  body's kind when it is not the studio's, and the difficulty grade.  The grade
  and the group flag are *derived* by :mod:`mediator.domain.case_facts` when the
  row is written and stored beside the facts, so a report counts them with plain
  SQL and a PC that syncs the row reads the same grade the writer saw.
* ``screening_visit`` — 排查: a visit looking for disputes before they come in
  (date, place, who went, disputes found and prevented, notes).  A case
  registered from a dispute found there names the visit (``screening_id``).

Both are synced (``Synced`` columns) and listed in ``SYNCED_MODELS`` by
:mod:`mediator.store.tables`.  A case
without a ``case_statistics`` row reads as "nothing stated": the reports count
its parties as the people involved and give it the studio's kind of body.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mediator.store.models import Agreement, Base, Case, FollowUp, Synced
from mediator.store.workflow_models import AgreementDetail, CaseWorkflow, Obligation


class ScreeningVisit(Synced, Base):
    """排查 — one screening visit of the register (矛盾纠纷排查登记)."""

    __tablename__ = "screening_visit"
    visited_on: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(Text, default="")
    visitors: Mapped[str] = mapped_column(String(200), default="")  # who went
    disputes_found: Mapped[int] = mapped_column(Integer, default=0)
    disputes_prevented: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediator.id"), nullable=True)


class CaseStatistics(Synced, Base):
    """统计要素 — a case's statistics facts (see :class:`mediator.domain.case_facts.CaseFacts`).

    ``prevented_*`` hold the number of people of each prevention outcome; 0 means
    the outcome was not recorded for this case."""

    __tablename__ = "case_statistics"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), unique=True)
    people_involved: Mapped[int] = mapped_column(Integer, default=0)  # 0: not stated
    group_marked: Mapped[bool] = mapped_column(Boolean, default=False)
    group_dispute: Mapped[bool] = mapped_column(Boolean, default=False)  # derived
    prevented_criminal: Mapped[int] = mapped_column(Integer, default=0)  # 防止民转刑
    prevented_petition: Mapped[int] = mapped_column(Integer, default=0)  # 防止群体性上访
    prevented_fight: Mapped[int] = mapped_column(Integer, default=0)  # 防止群体性械斗
    prevented_suicide: Mapped[int] = mapped_column(Integer, default=0)  # 防止自杀
    amount_in_dispute_fen: Mapped[int] = mapped_column(Integer, default=0)  # 标的额
    body_type: Mapped[str] = mapped_column(String(20), default="")  # "": the studio's kind
    grade: Mapped[str] = mapped_column(String(20), default="simple")  # derived or override
    grade_override: Mapped[str] = mapped_column(String(20), default="")
    grade_reason: Mapped[str] = mapped_column(Text, default="")
    screening_id: Mapped[str | None] = mapped_column(ForeignKey("screening_visit.id"),
                                                     nullable=True)


STATISTICS_SYNCED_MODELS: dict[str, type[Synced]] = {
    # The visit first: a case's statistics row may name it.
    "screening_visit": ScreeningVisit,
    "case_statistics": CaseStatistics,
}


# Covering indexes of the statistics report (schema 0008): each family of figures
# reads only these, never the wide rows (summaries, terms), and the case scan of a
# period is a range of the first one.

STATISTICS_INDEXES = (
    Index("ix_case_stats_range", Case.registered_on, Case.deleted, Case.status,
          Case.dispute_type, Case.source, Case.mediator_id, Case.id),
    Index("ix_case_stats_by_id", Case.id, Case.deleted, Case.status, Case.dispute_type,
          Case.source, Case.mediator_id, Case.registered_on),
    Index("ix_case_statistics_cover", CaseStatistics.case_id, CaseStatistics.deleted,
          CaseStatistics.people_involved, CaseStatistics.group_dispute,
          CaseStatistics.body_type, CaseStatistics.grade, CaseStatistics.prevented_criminal,
          CaseStatistics.prevented_petition, CaseStatistics.prevented_fight,
          CaseStatistics.prevented_suicide),
    Index("ix_agreement_stats", Agreement.case_id, Agreement.deleted, Agreement.kind,
          Agreement.amount_fen, Agreement.effective_on, Agreement.id),
    Index("ix_agreement_detail_stats", AgreementDetail.agreement_id, AgreementDetail.deleted,
          AgreementDetail.reached_on),
    Index("ix_case_workflow_stats", CaseWorkflow.case_id, CaseWorkflow.deleted,
          CaseWorkflow.terminated_on),
    Index("ix_obligation_stats", Obligation.case_id, Obligation.deleted, Obligation.performed_on),
    Index("ix_follow_up_stats", FollowUp.case_id, FollowUp.deleted, FollowUp.performed,
          FollowUp.visited_on),
)
