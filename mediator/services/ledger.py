"""The case ledger (台账): one row per accepted case, as a formatted Excel workbook.

``mediator ledger --year Y [--month M] --out FILE.xlsx`` and the GUI's export both
call :func:`export_ledger`.  The ledger lists the cases *accepted* in the period
(受理日期 in it, 不予受理 left out), the same cases the report's "受理纠纷" counts,
so the two sheets of the workbook agree; a case's later facts (result, closing
date, performance, follow-up) are shown as they stand today.

The rows come from one SQL statement (correlated sub-queries on indexed
``case_id`` columns) plus one for the parties' names; the workbook is written
by :mod:`mediator.services.ledger_workbook`.  The file is written atomically: a
temporary file in the target folder, renamed over the target only when
complete, so a full disk or a crash never leaves half a ledger under the
name a person will open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, select

from mediator.domain.case_facts import GRADE_LABELS_ZH, Grade
from mediator.domain.statistics import Period
from mediator.domain.status import PARTY_ROLE_LABELS_ZH, STATUS_LABELS_ZH, CaseStatus, PartyRole
from mediator.errors import DiskFullError, ReadOnlyDataError, ValidationError
from mediator.services.ledger_row import LedgerRow
from mediator.services.statistics import (
    AGREEMENT_KINDS,
    SUCCESS_STATUSES,
    Report,
    StatisticsService,
)
from mediator.services.workflow.base import Context
from mediator.services.workflow.dto import SATISFACTION_LABELS_ZH
from mediator.store.database import Database
from mediator.store.models import Agreement, Case, CaseParty, FollowUp, Mediator, Party
from mediator.store.statistics_models import CaseStatistics
from mediator.store.workflow_models import (
    AgreementDetail,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
)

SATISFACTION_ZH = {k.value: v for k, v in SATISFACTION_LABELS_ZH.items()}


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    cases: int
    period: Period


def ledger_period(year: int, month: int | None) -> Period:
    if not 2000 <= year <= 2100:
        raise ValidationError("--year 应是 2000 到 2100 之间的年份。", field="year")
    if month is not None and not 1 <= month <= 12:
        raise ValidationError("--month 应在 1 到 12 之间。", field="month")
    return Period.month(year, month) if month else Period.year(year)


class LedgerService:
    def __init__(self, db: Database, context: Context,
                 label: Callable[[str, str], str]) -> None:
        self._db = db
        self._context = context
        self._label = label

    def rows(self, period: Period) -> list[LedgerRow]:
        with self._db.read() as s:
            cases = s.execute(_ledger_select(period)).all()
            names = _party_names(s, period)
        labels: dict[tuple[str, str], str] = {}

        def label(catalogue: str, code: str) -> str:
            key = (catalogue, code)
            if key not in labels:
                labels[key] = self._label(catalogue, code)
            return labels[key]

        return [_row(r, names.get(r.id, ""), label) for r in cases]

    def export(self, period: Period, out: Path, *, today: dt.date | None = None
               ) -> LedgerExport:
        """Write the ledger and the period's statistics report to ``out`` (atomically)."""
        from mediator.services.ledger_workbook import build_workbook  # noqa: PLC0415

        target = check_target(out)
        studio, _mediator = self._context()
        rows = self.rows(period)
        report: Report = StatisticsService(self._db, self._context, self._label).report(period)
        book = build_workbook(studio.committee_name, period, rows, report,
                              made_on=today or dt.date.today())
        write_atomically(target, book.save)
        return LedgerExport(target, len(rows), period)


# ------------------------------------------------------------------------ the query
_c, _cs, _wf = Case.__table__, CaseStatistics.__table__, CaseWorkflow.__table__
_ag, _ad, _ob = Agreement.__table__, AgreementDetail.__table__, Obligation.__table__
_fu, _ja, _cp = FollowUp.__table__, JudicialApplication.__table__, CaseParty.__table__
_p, _m = Party.__table__, Mediator.__table__


def _ledger_select(period: Period) -> Any:
    mine_ag = and_(_ag.c.case_id == _c.c.id, _ag.c.deleted.is_(False),
                   _ag.c.kind.in_(AGREEMENT_KINDS))
    reached = (select(func.min(func.coalesce(_ad.c.reached_on, _ag.c.effective_on)))
               .select_from(_ag.outerjoin(_ad, and_(_ad.c.agreement_id == _ag.c.id,
                                                    _ad.c.deleted.is_(False))))
               .where(mine_ag).scalar_subquery())
    form = select(func.max(_ag.c.kind)).where(mine_ag).scalar_subquery()
    fen = select(func.sum(_ag.c.amount_fen)).where(mine_ag).scalar_subquery()
    mine_ob = and_(_ob.c.case_id == _c.c.id, _ob.c.deleted.is_(False))
    obligations = select(func.count()).where(mine_ob).scalar_subquery()
    performed = select(func.count(_ob.c.performed_on)).where(mine_ob).scalar_subquery()
    mine_fu = and_(_fu.c.case_id == _c.c.id, _fu.c.deleted.is_(False))
    last_visit = (select(_fu.c.visited_on).where(mine_fu)
                  .order_by(_fu.c.visited_on.desc()).limit(1).scalar_subquery())
    visit_mood = (select(_fu.c.satisfaction).where(mine_fu)
                  .order_by(_fu.c.visited_on.desc()).limit(1).scalar_subquery())
    visit_performed = (select(_fu.c.performed).where(mine_fu)
                       .order_by(_fu.c.visited_on.desc()).limit(1).scalar_subquery())
    principals = (select(func.count()).where(_cp.c.case_id == _c.c.id, _cp.c.deleted.is_(False),
                                             _cp.c.role != PartyRole.AGENT.value)
                  .scalar_subquery())
    return (select(
        _c.c.id, _c.c.case_no, _c.c.registered_on, _c.c.source, _c.c.dispute_type,
        _c.c.summary, _c.c.status, _m.c.name.label("mediator"),
        case((_cs.c.people_involved > 0, _cs.c.people_involved),
             else_=principals).label("people"),
        _cs.c.grade, _wf.c.terminated_on, reached.label("reached"), form.label("form"),
        fen.label("fen"), obligations.label("obligations"), performed.label("performed"),
        last_visit.label("visited_on"), visit_mood.label("satisfaction"),
        visit_performed.label("visit_performed"), _ja.c.confirmed, _ja.c.applied_on)
        .select_from(_c.outerjoin(_m, _m.c.id == _c.c.mediator_id)
                     .outerjoin(_cs, and_(_cs.c.case_id == _c.c.id, _cs.c.deleted.is_(False)))
                     .outerjoin(_wf, and_(_wf.c.case_id == _c.c.id, _wf.c.deleted.is_(False)))
                     .outerjoin(_ja, and_(_ja.c.case_id == _c.c.id, _ja.c.deleted.is_(False))))
        .where(_c.c.deleted.is_(False), _c.c.status != CaseStatus.REFUSED.value,
               _c.c.registered_on.between(period.start, period.end))
        .order_by(_c.c.registered_on, _c.c.local_id))


def _party_names(s: Any, period: Period) -> dict[str, str]:
    """``申请人：王某、张某；被申请人：李某`` per case of the period (agents left out)."""
    q = (select(_cp.c.case_id, _cp.c.role, _p.c.name)
         .select_from(_cp.join(_p, _p.c.id == _cp.c.party_id).join(_c, _c.c.id == _cp.c.case_id))
         .where(_cp.c.deleted.is_(False), _cp.c.role != PartyRole.AGENT.value,
                _c.c.deleted.is_(False), _c.c.registered_on.between(period.start, period.end))
         .order_by(_cp.c.case_id, _cp.c.position))
    grouped: dict[str, dict[str, list[str]]] = {}
    for case_id, role, name in s.execute(q):
        grouped.setdefault(case_id, {}).setdefault(role, []).append(name)
    order = [r.value for r in (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY)]
    return {cid: "；".join(f"{PARTY_ROLE_LABELS_ZH[PartyRole(role)]}：{'、'.join(roles[role])}"
                          for role in order if role in roles)
            for cid, roles in grouped.items()}


def _row(r: Any, parties: str, label: Callable[[str, str], str]) -> LedgerRow:
    status = CaseStatus(r.status)
    success = r.status in SUCCESS_STATUSES and r.terminated_on is None and r.reached is not None
    if r.terminated_on is not None:
        result, closed = "调解不成", r.terminated_on
    elif success:
        result, closed = "调解成功", r.reached
    else:
        result, closed = "调解中", None
    agreed = success and r.form is not None
    if not agreed:
        performance = ""
    elif r.obligations:
        performance = ("已履行" if r.performed == r.obligations
                       else "部分履行" if r.performed else "未履行")
    elif r.visit_performed is not None:
        performance = "已履行" if r.visit_performed else "未履行"
    else:
        performance = "待回访"
    follow_up = ""
    if r.visited_on is not None:
        mood = SATISFACTION_ZH.get(r.satisfaction or "", "")
        follow_up = f"{r.visited_on:%Y-%m-%d}已回访" + (f"，{mood}" if mood else "")
    judicial = ("" if r.applied_on is None else "已确认" if r.confirmed
                else "不予确认" if r.confirmed is False else "申请中")
    try:
        grade = GRADE_LABELS_ZH[Grade(r.grade or Grade.SIMPLE)]
    except ValueError:
        grade = ""
    return LedgerRow(
        case_no=r.case_no, registered_on=r.registered_on, source=label("case_sources", r.source),
        parties=parties, dispute_type=label("dispute_types", r.dispute_type), summary=r.summary,
        people=int(r.people or 0), result=result,
        agreement_form={"written": "书面", "oral": "口头"}.get(r.form or "", "") if agreed else "",
        amount_yuan=int(r.fen or 0) / 100 if agreed else None, performance=performance,
        mediator=r.mediator or "", closed_on=closed, follow_up=follow_up, judicial=judicial,
        grade=grade, status=STATUS_LABELS_ZH[status])


# ------------------------------------------------------------------- writing a file
def check_target(out: Path) -> Path:
    """Refuse an --out a workbook cannot be written to, before any work is done."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise ValidationError(f"输出路径是一个文件夹，请写上文件名，如 {out / '台账.xlsx'}",
                              field="out")
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"台账文件名应以 .xlsx 结尾：{out.name}", field="out")
    parent = out.parent
    if not parent.is_dir():
        raise ValidationError(f"保存台账的文件夹不存在：{parent}", field="out")
    return out


def write_atomically(target: Path, save: Callable[[str], None]) -> None:
    """``save(path)`` into a temporary file beside ``target``, then rename it over
    ``target``; on any failure the temporary file is removed and ``target`` is
    left as it was.  Disk full and permission errors become Chinese messages."""
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".台账-", suffix=".xlsx.tmp", dir=target.parent)
        os.close(fd)
        save(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        # mkstemp makes the file private; a ledger is handed on like any document.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
        tmp = ""
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError("磁盘空间不足，台账未能保存（原有文件未改动）。"
                                "请腾出空间或换一个位置后再试。") from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise ReadOnlyDataError(f"没有权限在这个位置保存台账：{target.parent}。"
                                    "请换一个文件夹（如“文档”）后再试。") from exc
        if exc.errno == errno.EISDIR:
            raise ValidationError(f"输出路径是一个文件夹：{target}", field="out") from exc
        raise
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
