"""卷宗完整性检查报告 — the completeness report of a case, on screen and on paper.

The findings come from :func:`mediator.domain.completeness.check_case`; this
module reads the case and lays the report out as plain text or as simple HTML
(the UI prints the HTML through QTextDocument).  Findings name parties by role
and position only; the header carries the case number, never a name.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping

from sqlalchemy import select

from mediator.domain.completeness import CompletenessReport, check_case
from mediator.domain.findings import Severity
from mediator.domain.status import CaseStatus
from mediator.store.database import Database
from mediator.store.models import Case

from .snapshot import load_casefile, load_casefiles


class CompletenessService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def report(self, case_id: str, today: dt.date | None = None, *,
               for_archive: bool | None = None) -> CompletenessReport:
        with self._db.read() as s:
            case = load_casefile(s, case_id)
        return check_case(case, today or dt.date.today(), for_archive=for_archive)

    def survey(self, today: dt.date | None = None,
               statuses: frozenset[CaseStatus] | None = None) -> dict[str, CompletenessReport]:
        """The report of every case (or those in ``statuses``): the studio's self-audit."""
        today = today or dt.date.today()
        q = select(Case.id).where(Case.deleted.is_(False))
        if statuses:
            q = q.where(Case.status.in_(sorted(s.value for s in statuses)))
        with self._db.read() as s:
            files = load_casefiles(s, q)
        return {cid: check_case(cf, today) for cid, cf in files.items()}


def report_text(case_no: str, status_zh: str, report: CompletenessReport,
                today: dt.date) -> str:
    lines = [f"卷宗完整性检查报告  {case_no}", f"案件状态：{status_zh}",
             f"检查日期：{today:%Y年%m月%d日}", ""]
    if not report.findings:
        lines.append("未发现问题：卷宗材料齐全。")
    for step, found in report.grouped():
        lines.append(f"【{step.label_zh}】")
        for f in found:
            mark = "缺失" if f.severity is Severity.ERROR else "提示"
            lines.append(f"  [{mark}] {f.message}")
    errors, warnings = len(report.errors), len(report.warnings)
    lines += ["", f"共 {errors} 项须补正，{warnings} 项提示。"]
    return "\n".join(lines) + "\n"


def report_html(case_no: str, status_zh: str, report: CompletenessReport, today: dt.date,
                *, committee: str = "", step_states: Mapping[str, str] | None = None) -> str:
    """A printable page: title, case, date, then the findings by step (errors first)."""
    e = html.escape
    out = [
        "<html><body>",
        f"<h2 style='text-align:center'>{e(committee)}<br/>卷宗完整性检查报告</h2>",
        f"<p>案号：{e(case_no)}　　案件状态：{e(status_zh)}　　检查日期：{today:%Y年%m月%d日}</p>",
    ]
    if step_states:
        out.append("<p>办理进度：" + " → ".join(
            f"{e(k)}（{e(v)}）" for k, v in step_states.items()) + "</p>")
    if not report.findings:
        out.append("<p><b>未发现问题：卷宗材料齐全。</b></p>")
    for step, found in report.grouped():
        out.append(f"<h3>{e(step.label_zh)}</h3><ul>")
        for f in found:
            if f.severity is Severity.ERROR:
                out.append(f"<li><b style='color:#b3261e'>缺失：</b>{e(f.message)}</li>")
            else:
                out.append(f"<li><span style='color:#8a5a00'>提示：</span>{e(f.message)}</li>")
        out.append("</ul>")
    out.append(f"<p>共 {len(report.errors)} 项须补正，{len(report.warnings)} 项提示。</p>")
    out.append("<p>检查人：____________　　　　日期：____________</p></body></html>")
    return "\n".join(out)
