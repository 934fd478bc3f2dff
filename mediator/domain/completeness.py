"""卷宗完整性检查 — the completeness checker, mirroring a file audit.

Audits of People's Mediation files check: lawful acceptance, every required
document present, standard forms, signatures/thumbprints/seal on every copy,
timely follow-up (DOMAIN.md).  :func:`check_case` walks the same list over a
:class:`CaseFile` and reports :class:`Finding` s: ERRORs an auditor would fail
(they block archiving) and WARNINGs worth a look.

It only asks for what the case's stage calls for: a case in mediation is not
faulted for lacking a follow-up visit.  ``for_archive=True`` asks the closing
questions too (follow-up done, performance recorded, court ruling in, retention
class chosen) — the check the ARCHIVED transition runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from mediator.domain.agreement import agreement_findings
from mediator.domain.casefile import AgreementForm, CaseFile
from mediator.domain.deadlines import (
    DEFAULT_POLICY,
    DeadlinePolicy,
    base_mediation_due,
    extension_problems,
    follow_up_due,
    mediation_due,
)
from mediator.domain.findings import STEP_ORDER, Finding, Severity, Step
from mediator.domain.judicial import application_findings
from mediator.domain.status import CaseStatus, PartyKind

# Statuses grouped by how far the case has come.
_IN_MEDIATION = frozenset({CaseStatus.NOTIFIED, CaseStatus.INVESTIGATING, CaseStatus.MEDIATING})
_AGREED_OR_LATER = frozenset(
    {
        CaseStatus.AGREED,
        CaseStatus.PERFORMING,
        CaseStatus.FOLLOWED_UP,
        CaseStatus.CONFIRMING,
    }
)


def _f(
    step: Step, code: str, message: str, party_id: str | None = None, *, warn: bool = False
) -> Finding:
    severity = Severity.WARNING if warn else Severity.ERROR
    return Finding(code, message, step, severity, party_id)


def acceptance_findings(case: CaseFile) -> list[Finding]:
    """受理: the parties are there and each is identified; agents are authorised.

    A refused application (不予受理) never became a case the parties had to
    prove their identity for: missing identity copies are only noted there.
    """
    refused = case.refusal is not None or case.status is CaseStatus.REFUSED
    out: list[Finding] = []
    principals = case.principals
    if len(principals) < 2:
        out.append(_f(Step.ACCEPT, "parties.too_few", "纠纷至少需要两方当事人"))
    for p in principals:
        if not p.identity_proof:
            what = "营业执照或登记证明" if p.kind is PartyKind.ORGANISATION else "身份证明"
            out.append(
                _f(
                    Step.ACCEPT,
                    "parties.identity_proof",
                    f"缺少{p.label}的{what}",
                    p.id,
                    warn=refused,
                )
            )
    for agent in case.agents:
        target = case.party(agent.represents) if agent.represents else None
        if target is None or not target.is_principal:
            out.append(
                _f(
                    Step.ACCEPT,
                    "parties.agent_target",
                    f"{agent.label}未指明代理哪位当事人",
                    agent.id,
                )
            )
        if not agent.power_of_attorney:
            out.append(
                _f(
                    Step.ACCEPT,
                    "parties.power_of_attorney",
                    f"缺少{agent.label}的授权委托书",
                    agent.id,
                )
            )
        if not agent.identity_proof:
            out.append(
                _f(Step.ACCEPT, "parties.identity_proof", f"缺少{agent.label}的身份证明", agent.id)
            )
    return out


def ledger_findings(case: CaseFile) -> list[Finding]:
    """A case imported from the studio's Excel ledger: what the ledger recorded and
    this file does not hold yet.  The ledger's outcome is only a note (the case is
    at 受理 here, and its outcome comes with the records); a missing summary is a gap."""
    origin = case.ledger
    if origin is None:
        return []
    out: list[Finding] = []
    if origin.summary_missing:
        out.append(_f(Step.ACCEPT, "ledger.summary",
                      "台账中没有纠纷简要情况，请补录纠纷简要情况"))
    if origin.result == "succeeded" and case.agreement is None:
        out.append(_f(Step.OUTCOME, "ledger.agreement",
                      "台账记载调解成功，卷宗中尚无调解协议：请补录调解记录和协议", warn=True))
    elif origin.result == "failed" and case.termination is None:
        out.append(_f(Step.OUTCOME, "ledger.termination",
                      "台账记载调解不成，卷宗中尚无终止调解的记录：请补录", warn=True))
    elif origin.result == "refused" and case.refusal is None and \
            case.status is not CaseStatus.REFUSED:
        out.append(_f(Step.ACCEPT, "ledger.refusal",
                      "台账记载不予受理，卷宗中尚无不予受理的记录：请补录", warn=True))
    return out


def refusal_findings(case: CaseFile) -> list[Finding]:
    if case.refusal is None or not case.refusal.reason.strip():
        return [_f(Step.ACCEPT, "refusal.reason", "不予受理须写明理由")]
    if case.refusal.on < case.registered_on:
        return [_f(Step.ACCEPT, "refusal.date", "不予受理日期早于登记日期")]
    return []


def _notice_due(case: CaseFile) -> bool:
    """The notice is owed once the case went past acceptance into mediation work.

    A case terminated straight after registration (a party refused mediation)
    never got that far and owes no notice.
    """
    return bool(
        case.status in _IN_MEDIATION
        or case.status in _AGREED_OR_LATER
        or case.sessions
        or case.investigations
        or case.agreement
    )


def notice_findings(case: CaseFile) -> list[Finding]:
    """告知: every party acknowledged the rights-and-duties notice, before the first session."""
    out: list[Finding] = []
    first = case.first_session_on
    for p in case.principals:
        on = p.notice_acknowledged_on
        if on is None:
            out.append(_f(Step.NOTIFY, "notice.missing", f"{p.label}尚未签收权利义务告知书", p.id))
        elif first is not None and on > first:
            out.append(
                _f(Step.NOTIFY, "notice.late", f"{p.label}签收权利义务告知书晚于首次调解", p.id)
            )
        elif on < case.registered_on:
            out.append(
                _f(
                    Step.NOTIFY,
                    "notice.before_registration",
                    f"{p.label}告知书日期早于受理日期",
                    p.id,
                )
            )
    return out


def investigation_findings(case: CaseFile) -> list[Finding]:
    out: list[Finding] = []
    for n, rec in enumerate(sorted(case.investigations, key=lambda r: r.held_on), start=1):
        if not rec.signed:
            out.append(
                _f(Step.INVESTIGATE, "investigation.unsigned", f"第{n}份调查记录未经签名确认")
            )
        if rec.held_on < case.registered_on:
            out.append(
                _f(Step.INVESTIGATE, "investigation.date", f"第{n}份调查记录日期早于受理日期")
            )
    return out


def session_findings(case: CaseFile) -> list[Finding]:
    """调解: session records exist when mediation took place; each signed; privacy consented."""
    out: list[Finding] = []
    if not case.sessions:
        # A termination may come before any session (a party refuses, art. 17);
        # an agreement never does.
        if case.agreement is not None:
            out.append(_f(Step.MEDIATE, "session.missing", "缺少人民调解记录"))
        return out
    for n, s in enumerate(sorted(case.sessions, key=lambda r: r.held_on), start=1):
        if not s.signed:
            out.append(_f(Step.MEDIATE, "session.unsigned", f"第{n}次调解记录未经当事人等签名"))
        if s.private and not s.privacy_consent:
            out.append(
                _f(
                    Step.MEDIATE,
                    "session.privacy",
                    f"第{n}次调解不公开进行，但未记录当事人的要求或同意",
                )
            )
        if s.held_on < case.registered_on:
            out.append(_f(Step.MEDIATE, "session.date", f"第{n}次调解日期早于受理日期"))
    return out


def termination_findings(case: CaseFile) -> list[Finding]:
    t = case.termination
    if t is None:
        return [_f(Step.OUTCOME, "termination.missing", "尚未录入调解终止的情况")]
    out: list[Finding] = []
    if not t.reason.strip():
        out.append(_f(Step.OUTCOME, "termination.reason", "调解终止须写明原因"))
    if not [r for r in t.routes_explained if r.strip()]:
        out.append(
            _f(
                Step.OUTCOME,
                "termination.routes",
                "须记录已告知当事人的其他解决途径（诉讼、仲裁等）",
            )
        )
    return out


def performance_findings(case: CaseFile, today: dt.date, *, for_archive: bool) -> list[Finding]:
    """履行: every obligation past due is recorded as performed, or as not performed at a visit."""
    a = case.agreement
    if a is None:
        return []
    out: list[Finding] = []
    if case.status in _AGREED_OR_LATER and not a.obligations:
        out.append(_f(Step.PERFORM, "performance.none", "协议没有列出履行事项"))
    for n, ob in enumerate(a.obligations, start=1):
        due = ob.due or a.reached_on
        if ob.performed_on is not None:
            if not ob.proof:
                out.append(
                    _f(
                        Step.PERFORM,
                        "performance.proof",
                        f"第{n}项履行缺少凭证（收条、转账记录等）",
                        warn=True,
                    )
                )
            continue
        if due >= today and not for_archive:
            continue
        told = [f for f in case.follow_ups if f.on >= due and f.performed is False]
        if not told:
            out.append(
                _f(Step.PERFORM, "performance.unrecorded", f"第{n}项履行期限已到，未记录履行情况")
            )
    return out


def follow_up_findings(
    case: CaseFile, today: dt.date, policy: DeadlinePolicy, *, for_archive: bool
) -> list[Finding]:
    """回访: a visit after the agreement, on time, signed."""
    a = case.agreement
    if a is None:
        return []
    out: list[Finding] = []
    visits = sorted((f for f in case.follow_ups if f.on >= a.reached_on), key=lambda f: f.on)
    due = follow_up_due(case, policy)
    if not visits:
        if for_archive:
            out.append(_f(Step.FOLLOW_UP, "follow_up.missing", "尚未进行回访"))
        elif due is not None and due < today:
            out.append(
                _f(Step.FOLLOW_UP, "follow_up.overdue", f"回访已逾期（应于{due:%Y年%m月%d日}前）")
            )
        return out
    if due is not None and visits[0].on > due:
        out.append(_f(Step.FOLLOW_UP, "follow_up.late", "回访不及时", warn=True))
    for n, v in enumerate(visits, start=1):
        if not v.signed:
            out.append(_f(Step.FOLLOW_UP, "follow_up.unsigned", f"第{n}次回访记录未经回访人签名"))
    if for_archive and all(v.performed is None for v in visits):
        out.append(_f(Step.FOLLOW_UP, "follow_up.performance", "回访记录未写明协议是否履行"))
    return out


def term_findings(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    """调解期限: concluded in time, and any extension consented to by every party."""
    if case.refusal is not None:
        return []
    out: list[Finding] = []
    due = base_mediation_due(case, policy)
    for ext in sorted(case.extensions, key=lambda e: e.granted_on):
        problems = extension_problems(case, ext, due, policy)
        if problems:
            out.extend(_f(Step.MEDIATE, "term.extension", p, warn=True) for p in problems)
        else:
            due = ext.new_due
    final = mediation_due(case, policy)
    concluded = case.mediation_concluded_on
    if (concluded or today) > final:
        verb = "结束" if concluded else "尚未结束"
        out.append(
            _f(
                Step.MEDIATE,
                "term.exceeded",
                f"调解{verb}，已超过调解期限（{final:%Y年%m月%d日}）",
                warn=True,
            )
        )
    return out


def archive_findings(case: CaseFile) -> list[Finding]:
    out: list[Finding] = []
    a = case.agreement
    if a is not None and a.form is AgreementForm.WRITTEN and not a.final:
        # What an auditor opens is the dossier: a draft there is not an agreement in
        # force, even if signatures on paper were recorded.
        out.append(_f(Step.OUTCOME, "agreement.draft",
                      "卷宗中的人民调解协议书仍是未定稿的草稿：请定稿（签名盖章后的协议书"
                      "或其扫描件）后再归档"))
    if case.archive is None or case.archive.retention is None:
        out.append(_f(Step.ARCHIVE, "archive.retention", "请选择卷宗保管期限"))
    return out


@dataclass(frozen=True)
class CompletenessReport:
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def complete(self) -> bool:
        """No ERROR: the file would pass an audit at its current stage."""
        return not self.errors

    def for_step(self, step: Step) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.step is step)

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def grouped(self) -> list[tuple[Step, tuple[Finding, ...]]]:
        """Findings by step in rail order, errors before warnings: the printable report."""
        out: list[tuple[Step, tuple[Finding, ...]]] = []
        for step in STEP_ORDER:
            found = sorted(self.for_step(step), key=lambda f: f.severity is not Severity.ERROR)
            if found:
                out.append((step, tuple(found)))
        return out


def _outcome_findings(case: CaseFile, *, for_archive: bool) -> Iterable[Finding]:
    status = case.status
    if case.agreement is not None and (status in _AGREED_OR_LATER or for_archive):
        yield from agreement_findings(case)
    if status is CaseStatus.TERMINATED or (case.termination is not None and for_archive):
        yield from termination_findings(case)


def check_case(
    case: CaseFile,
    today: dt.date,
    policy: DeadlinePolicy = DEFAULT_POLICY,
    *,
    for_archive: bool | None = None,
) -> CompletenessReport:
    """The completeness report of ``case`` as of ``today``.

    ``for_archive`` defaults to whether the case is archived (an archived file is
    judged as a closed file).
    """
    closing = case.status is CaseStatus.ARCHIVED if for_archive is None else for_archive
    out: list[Finding] = list(acceptance_findings(case))
    out.extend(ledger_findings(case))
    if case.refusal is not None or case.status is CaseStatus.REFUSED:
        out.extend(refusal_findings(case))
    else:
        if _notice_due(case):
            out.extend(notice_findings(case))
        out.extend(investigation_findings(case))
        out.extend(session_findings(case))
        out.extend(_outcome_findings(case, for_archive=closing))
        out.extend(term_findings(case, today, policy))
        if case.agreement is not None and case.termination is None:
            out.extend(performance_findings(case, today, for_archive=closing))
            out.extend(follow_up_findings(case, today, policy, for_archive=closing))
        if case.judicial is not None:
            out.extend(application_findings(case, is_rest_day=policy.is_rest_day))
            if closing and case.judicial.decided_on is None:
                out.append(_f(Step.CONFIRM, "judicial.undecided", "司法确认尚无人民法院的裁定结果"))
        if closing and case.agreement is None and case.termination is None:
            out.append(_f(Step.OUTCOME, "outcome.missing", "案件尚无调解结果（协议或终止）"))
    if closing:
        out.extend(archive_findings(case))
    return CompletenessReport(tuple(out))
