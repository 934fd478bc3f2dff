"""归档 — choose the retention class (保管期限), set or lift a legal hold, close the file.

Archiving runs the full completeness check (for_archive): a file with a missing
document is refused with the list of what is missing."""

from __future__ import annotations

import datetime as dt

from mediator.domain.archive import RetentionClass
from mediator.domain.lifecycle import RecordKind
from mediator.domain.status import CaseStatus

from .base import WorkflowPart
from .checks import Problems
from .dto import ArchiveInput


class ArchiveService(WorkflowPart):
    def archive(self, case_id: str, inp: ArchiveInput, *, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.RETENTION)
            p = Problems()
            if inp.retention not in {r.value for r in RetentionClass}:
                p.add("retention", "请选择卷宗保管期限")
            p.date("archived_on", inp.archived_on, "归档日期", today=today,
                   not_before=u.case.registered_on)
            p.raise_if_any()
            u.case.retention_class = inp.retention
            u.case.legal_hold = inp.legal_hold
            wf = u.workflow()
            wf.archived_on = inp.archived_on
            u.touch(wf)
            u.touch(u.case)
            u.move(CaseStatus.ARCHIVED, today)
            u.audit("case.archived", {"retention": inp.retention, "legal_hold": inp.legal_hold})

    def set_legal_hold(self, case_id: str, hold: bool) -> None:
        """诉讼保留: a dossier under hold is never due for disposal; lifted by a person."""
        with self._unit(case_id, archived_ok=True) as u:
            u.require(RecordKind.LEGAL_HOLD)
            if u.case.legal_hold != hold:
                u.case.legal_hold = hold
                u.touch(u.case)
                u.audit("case.legal_hold", {"hold": hold})
