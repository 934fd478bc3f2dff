"""Guided mediation (issue 3): the use cases of a case's lifecycle after registration.

One module per group — :mod:`.acceptance` (受理/不予受理), :mod:`.notice` (告知,
授权委托, 延期), :mod:`.records` (调查/调解记录), :mod:`.outcome` (终止),
:mod:`.agreement` (协议, 条款库, 用语校对), :mod:`.performance` (履行),
:mod:`.followup` (回访), :mod:`.confirmation` (司法确认), :mod:`.archive` (归档),
:mod:`.deadlines` (Today), :mod:`.completeness` (the printable report),
:mod:`.skip` (跳过此步 of an optional step).  Every
public method is one unit of work that writes its audit event and outbox
entries in the same transaction.  :class:`Workflow` bundles them for the UI.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .acceptance import AcceptanceService
from .agreement import AgreementService
from .archive import ArchiveService
from .completeness import CompletenessService
from .confirmation import ConfirmationService
from .deadlines import DeadlineService
from .dto import CaseOverview
from .followup import FollowUpService
from .notice import NoticeService
from .outcome import OutcomeService
from .overview import read_overview
from .performance import PerformanceService
from .records import RecordService
from .skip import StepSkipService

if TYPE_CHECKING:
    from mediator.services.workspace import Workspace

__all__ = ["Workflow"]


class Workflow:
    """The workflow services over one workspace (all methods do database work)."""

    def __init__(self, ws: Workspace) -> None:
        db, ctx = ws.db, ws.studio.context
        self._db = db
        self.acceptance = AcceptanceService(db, ctx)
        self.notice = NoticeService(db, ctx)
        self.records = RecordService(db, ctx)
        self.outcome = OutcomeService(db, ctx)
        self.agreement = AgreementService(db, ctx, ws.data_dir.root)
        self.performance = PerformanceService(db, ctx)
        self.follow_up = FollowUpService(db, ctx)
        self.confirmation = ConfirmationService(db, ctx)
        self.archive = ArchiveService(db, ctx)
        self.steps = StepSkipService(db, ctx)
        self.deadlines = DeadlineService(db)
        self.completeness = CompletenessService(db)
        # Imported here: attachments builds on workflow.base, so a module-level import
        # would be circular when mediator.services.attachments is imported first.
        from mediator.services.attachments import AttachmentService  # noqa: PLC0415
        from mediator.services.case_facts import CaseFactsService  # noqa: PLC0415 - the same

        self.attachments = AttachmentService(db, ctx, ws.data_dir)
        self.facts = CaseFactsService(db, ctx)  # 统计要素, asked again at the outcome

    def overview(self, case_id: str, today: dt.date | None = None) -> CaseOverview:
        with self._db.read() as s:
            return read_overview(s, case_id, today or dt.date.today())
