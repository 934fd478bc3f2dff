"""What the statistics page asks of the core besides the report itself.

* :func:`statistics_service` — the page's :class:`StatisticsService` on a workspace.
* :func:`drill_rows` — the cases (or screening visits) behind a number, as the
  drill-down list shows them: case number, type, status, accepted and closed dates.
* :func:`export_report` — the period's report as a PDF (the documents' embedded
  fonts, :mod:`mediator.documents.statistics_report`) or as an .xlsx (the ledger
  workbook's report sheet, :func:`mediator.services.ledger_workbook.build_report_workbook`).
  Written atomically; a path the file cannot go to is refused in Chinese before
  any work is done.

Everything here touches the database: the GUI calls it on its worker thread.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import and_, func, select

from mediator.domain.statistics import Period
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.services.statistics import AGREEMENT_KINDS, SUCCESS_STATUSES, StatisticsService
from mediator.store.models import Agreement, Case
from mediator.store.statistics_models import ScreeningVisit
from mediator.store.workflow_models import AgreementDetail, CaseWorkflow

EXPORT_KINDS = (".pdf", ".xlsx")


def statistics_service(ws: Any) -> StatisticsService:
    """The studio's statistics on ``ws`` (a Workspace); worker thread only."""
    return StatisticsService(ws.db, ws.studio.context, ws.catalogue.label)


class DrillRow(NamedTuple):
    """One line of a drill-down list.  ``case_id`` is empty for a screening visit.
    (A tuple: a year's list makes tens of thousands, built faster than dataclasses.)"""

    id: str
    case_id: str
    case_no: str  # for a visit: its place
    kind: str  # the dispute type's label; for a visit: 排查
    status: CaseStatus | None
    registered_on: dt.date  # for a visit: the visit's date
    closed_on: dt.date | None  # the agreement reached or the termination; None: open
    found: int = 0  # a visit's disputes found / prevented
    prevented: int = 0
    dispute_type: str = ""  # the code (the desk shows it in its language)


def drill_rows(ws: Any, entity: str, ids: Sequence[str]) -> list[DrillRow]:
    """The rows of ``ids`` in the order given (the drill-down's date order).

    The ids go to SQLite as one JSON array (``json_each``): a year's accepted cases
    are tens of thousands, past the limit of bound parameters; one statement reads
    them (benchmarks/bench_statistics_drill.py)."""
    if not ids:
        return []
    wanted = func.json_each(json.dumps(list(ids))).table_valued("value").alias("wanted")
    found: dict[str, DrillRow] = {}
    with ws.db.read() as s:
        if entity == "screening_visit":
            v = ScreeningVisit.__table__
            for r in s.execute(select(v.c.id, v.c.place, v.c.visited_on, v.c.disputes_found,
                                      v.c.disputes_prevented)
                               .select_from(wanted.join(v, v.c.id == wanted.c.value))):
                found[r.id] = DrillRow(r.id, "", r.place, "排查", None, r.visited_on, None,
                                       int(r.disputes_found or 0), int(r.disputes_prevented or 0))
        else:
            labels: dict[str, str] = {}
            for r in s.execute(_case_rows(wanted)):
                closed = r.terminated_on if r.terminated_on is not None else (
                    r.reached if r.status in SUCCESS_STATUSES else None)
                if r.dispute_type not in labels:
                    labels[r.dispute_type] = ws.catalogue.label("dispute_types", r.dispute_type)
                found[r.id] = DrillRow(r.id, r.id, r.case_no, labels[r.dispute_type],
                                       CaseStatus(r.status), r.registered_on, closed,
                                       dispute_type=r.dispute_type)
    return [found[i] for i in ids if i in found]


def _case_rows(wanted: Any) -> Any:
    c, ag, ad, wf = (Case.__table__, Agreement.__table__, AgreementDetail.__table__,
                     CaseWorkflow.__table__)
    # The day the case's first agreement was reached: per case, on the case_id index
    # (a grouped pass over the wanted cases' agreements measured half again slower).
    reached = (select(func.min(func.coalesce(ad.c.reached_on, ag.c.effective_on)))
               .select_from(ag.outerjoin(ad, and_(ad.c.agreement_id == ag.c.id,
                                                  ad.c.deleted.is_(False))))
               .where(ag.c.case_id == c.c.id, ag.c.deleted.is_(False),
                      ag.c.kind.in_(AGREEMENT_KINDS))
               .scalar_subquery())
    return (select(c.c.id, c.c.case_no, c.c.dispute_type, c.c.status, c.c.registered_on,
                   wf.c.terminated_on, reached.label("reached"))
            .select_from(wanted.join(c, c.c.id == wanted.c.value)
                         .outerjoin(wf, and_(wf.c.case_id == c.c.id, wf.c.deleted.is_(False)))))


# ------------------------------------------------------------------------ exports
def check_export_target(out: Path) -> Path:
    """Refuse a path a report cannot be saved to, in words a person can act on."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise ValidationError(f"这是一个文件夹，请写上文件名，如 {out / '统计表.pdf'}",
                              field="out")
    if out.suffix.lower() not in EXPORT_KINDS:
        raise ValidationError(f"统计表只能保存为 .pdf 或 .xlsx 文件：{out.name}", field="out")
    if not out.parent.is_dir():
        raise ValidationError(f"保存统计表的文件夹不存在：{out.parent}", field="out")
    return out


def export_report(ws: Any, period: Period, out: Path, *, today: dt.date | None = None) -> Path:
    """The period's report written to ``out`` (.pdf or .xlsx by its suffix), atomically."""
    from mediator.documents.builder import write_atomic  # noqa: PLC0415 - reportlab on use

    target = check_export_target(out)
    studio, _mediator = ws.studio.context()
    report = statistics_service(ws).report(period)
    made_on = today or dt.date.today()
    if target.suffix.lower() == ".pdf":
        from mediator.documents.statistics_report import (  # noqa: PLC0415
            render_statistics_report,
        )

        data = render_statistics_report(studio.committee_name, report, made_on)
    else:
        from mediator.services.ledger_workbook import build_report_workbook  # noqa: PLC0415

        buf = io.BytesIO()
        build_report_workbook(studio.committee_name, period, report, made_on=made_on).save(buf)
        data = buf.getvalue()
    return write_atomic(target, data)
