"""调解协议 — drafting the agreement, the clause library, the terminology check, signing.

The documents-integration flow (signature pad, preview, finalisation) calls
:func:`check_terms` / :meth:`AgreementService.check_terms` before the agreement
is finalised and :meth:`AgreementService.record_signatures` as signatures come
in; :meth:`AgreementService.conclude` then moves the case to 调解成功 once the
agreement is complete (art. 29: every party, the mediator, the seal).

Drafting is only possible while the case is in mediation (调解中); after the
agreement is concluded it is immutable — a correction is an addendum.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Sequence
from functools import cache
from pathlib import Path

from sqlalchemy import select

from mediator.domain.agreement import copies_required, effective_on
from mediator.domain.casefile import AgreementForm
from mediator.domain.clauses import ClauseLibrary, unfilled_blanks
from mediator.domain.lifecycle import RecordKind
from mediator.domain.money import MAX_FEN
from mediator.domain.status import CaseStatus, PartyRole
from mediator.domain.term_parties import TermParty, obligor_mention, speak_of_parties
from mediator.domain.text import LONG_TEXT_MAX
from mediator.errors import ValidationError
from mediator.paths import resources_dir
from mediator.store.database import Database
from mediator.store.models import Agreement, CaseParty, Mediator, Party
from mediator.store.workflow_models import AgreementDetail, Obligation

from . import confirmations
from .base import Context, Unit, WorkflowPart
from .checks import SUMMARY_MAX, Problems
from .dto import AgreementInput, SignatureInput, TermWarningView
from .finalised import agreement_warnings, proofread_in_unit
from .snapshot import AGREEMENT_KINDS
from .term_check import check_terms, term_rules

MAX_TERMS = 100
STUDIO_CLAUSES = "clauses.json"  # in the data dir: the studio's own clauses


@cache
def _bundled_clauses() -> ClauseLibrary:
    return ClauseLibrary.load(resources_dir() / "clauses" / "default.json")


def clause_library(data_root: Path | None) -> ClauseLibrary:
    """The bundled clauses merged with the studio's ``clauses.json`` (if any)."""
    lib = _bundled_clauses()
    if data_root is not None and (data_root / STUDIO_CLAUSES).is_file():
        lib = lib.merged_with(ClauseLibrary.load(data_root / STUDIO_CLAUSES))
    return lib


class AgreementService(WorkflowPart):
    def __init__(self, db: Database, context: Context, data_root: Path | None = None) -> None:
        super().__init__(db, context)
        self._root = data_root

    # ------------------------------------------------------------- reference data
    def clauses(self, dispute_type: str, parties: Sequence[TermParty] = ()
                ) -> list[tuple[str, str, str]]:
        """(code, title, text) of the clauses that fit the dispute type, specific first,
        in the case's words: 申请人 / 被申请人 (never 甲方 / 乙方), a sole party's name
        after its role."""
        return [(c.code, c.title, speak_of_parties(c.text, parties))
                for c in clause_library(self._root).for_dispute_type(dispute_type)]

    def check_terms(self, terms: Sequence[str], acknowledged: Collection[str] = (),
                    case_id: str | None = None) -> list[TermWarningView]:
        """The check of the form's terms; with ``case_id``, each warning says whether it
        was already confirmed on the form for this very text."""
        found = check_terms(terms, acknowledged=acknowledged, rules=term_rules(self._root))
        if case_id is None:
            return found
        with self._db.read() as s:
            done = confirmations.load(s, case_id)
        return [dataclasses.replace(w, confirmed=confirmations.is_confirmed(
                    done, w.code, terms[w.term_index]))
                if w.acknowledgeable else w for w in found]

    def confirm_terms(self, case_id: str, confirmed: Sequence[tuple[str, str]],
                      withdrawn: Sequence[tuple[str, str]] = ()) -> None:
        """Remember the warnings ticked (and unticked) on the form as (rule code, text
        of the term), so the finalise wizard does not ask them again for that text."""
        def pairs(items: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
            return [(code, confirmations.fingerprint(text)) for code, text in items
                    if code != "blank"]  # a blank is filled, never confirmed

        with self._unit(case_id) as u:
            confirmations.store(u.s, case_id, pairs(confirmed), pairs(withdrawn))

    # ------------------------------------------------------------------ drafting
    def save_draft(self, case_id: str, inp: AgreementInput, *,
                   today: dt.date | None = None) -> str:
        """Write (or rewrite) the agreement being drafted, with its obligations.

        Copies (parties + 1) and a signature block for every party are computed
        here, never typed.  Rewriting terms clears the proofreading and any
        signatures already collected: people sign what they read.
        """
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.AGREEMENT)
            principals = sorted(u.party_ids(principals_only=True))
            p = Problems()
            if inp.kind not in {f.value for f in AgreementForm}:
                p.add("kind", "请选择书面协议或口头协议")
            p.date("reached_on", inp.reached_on, "达成协议日期", today=today,
                   not_before=u.case.registered_on)
            facts = p.text("facts", inp.facts, "纠纷主要事实、争议事项", max_len=SUMMARY_MAX,
                           required=True, multiline=True)
            terms = [p.text(f"terms[{i}]", t, f"第{i + 1}条", max_len=LONG_TEXT_MAX,
                            multiline=True) for i, t in enumerate(inp.terms)]
            terms = [t for t in terms if t.strip()]
            if not terms:
                p.add("terms", "请至少写一条协议内容")
            if len(terms) > MAX_TERMS:
                p.add("terms", f"协议条款最多{MAX_TERMS}条")
            method = p.text("performance_method", inp.performance_method, "履行方式",
                            max_len=SUMMARY_MAX, multiline=True,
                            required=inp.kind == AgreementForm.WRITTEN)
            if not 0 <= inp.amount_fen <= MAX_FEN:
                p.add("amount", "协议涉及金额不正确")
            if inp.kind == AgreementForm.WRITTEN and not inp.obligations:
                p.add("obligations", "请至少列出一项履行事项（谁、做什么、何时前）")
            recorder = p.text("recorder", inp.recorder, "记录人").strip()
            case_mediator = u.s.get(Mediator, u.case.mediator_id) if u.case.mediator_id else None
            if case_mediator is not None and recorder == case_mediator.name.strip():
                recorder = ""  # the mediator recording himself: no separate 记录人 line
            _refuse_blanks(p, inp)
            parties = _term_parties(u)
            obligations = []
            for i, given in enumerate(inp.obligations):
                desc = p.text(f"obligations[{i}].description", given.description, "履行事项",
                              max_len=500, required=True)
                ob = given if given.obligor_id is not None else dataclasses.replace(
                    given, obligor_id=obligor_mention(desc, parties))  # the party it names
                if ob.obligor_id is not None and ob.obligor_id not in principals:
                    p.add(f"obligations[{i}].obligor", "履行人不是本案当事人")
                if ob.due is not None and ob.due < inp.reached_on:
                    p.add(f"obligations[{i}].due", "履行期限不能早于达成协议的日期")
                if not 0 <= ob.amount_fen <= MAX_FEN:
                    p.add(f"obligations[{i}].amount", "金额不正确")
                obligations.append((desc, ob))
            p.raise_if_any()

            agreement = latest_agreement(u)
            if agreement is None:
                agreement = u.add(Agreement(case_id=u.case.id))
            elif agreement.status == "final":
                raise ValidationError("协议已经定稿，不能再修改；如需修改，请制作补充协议。",
                                      field="agreement")
            detail = _detail(u, agreement.id, inp.reached_on)
            rewritten = list(agreement.terms or []) != terms
            agreement.kind = inp.kind
            agreement.facts = facts
            agreement.terms = terms
            agreement.performance_method = method
            agreement.performance_deadline = max(
                (ob.due for _d, ob in obligations if ob.due is not None), default=None)
            agreement.amount_fen = inp.amount_fen
            agreement.copies = copies_required(len(principals)) if principals else 0
            agreement.status = "draft"
            agreement.effective_on = None
            u.touch(agreement)
            detail.reached_on = inp.reached_on
            detail.signature_slots = principals
            detail.recorder = recorder
            if rewritten:
                detail.proofread = False
                detail.acknowledged_terms = []
                detail.signed_by = []
                detail.mediator_signed = detail.recorder_signed = detail.sealed = False
                detail.completed_on = None
            u.touch(detail)
            old = u.s.execute(select(Obligation).where(Obligation.agreement_id == agreement.id,
                                                       Obligation.deleted.is_(False))).scalars()
            for row in old:  # tombstones: the obligations are rewritten with the draft
                row.deleted = True
                u.touch(row)
            for pos, (desc, ob) in enumerate(obligations, start=1):
                u.add(Obligation(case_id=u.case.id, agreement_id=agreement.id, position=pos,
                                 description=desc, obligor_id=ob.obligor_id,
                                 amount_fen=ob.amount_fen, due=ob.due))
            u.audit("agreement.draft", {"kind": inp.kind, "terms": len(terms),
                                        "obligations": len(obligations),
                                        "copies": agreement.copies, "rewritten": rewritten},
                    entity="agreement", entity_id=agreement.id)
            return str(agreement.id)

    def mark_proofread(self, case_id: str, acknowledged: Collection[str], *,
                       today: dt.date | None = None) -> None:
        """The terminology check was gone through; refused while any warning or blank remains.

        The same proofread as the documents flow's (:mod:`.finalised`): facts, terms
        and performance method, the studio's rules, printable characters; recorded
        for both, so the finalise dialog does not ask again.
        """
        rules = term_rules(self._root)
        with self._unit(case_id) as u:
            u.require(RecordKind.AGREEMENT)
            agreement, _detail_row = _current(u)
            terms = [str(t) for t in agreement.terms or []]
            codes = confirmations.with_confirmed(  # the ticks remembered from the form too
                ((w.code, confirmations.place_text(agreement.facts or "", terms,
                                                   agreement.performance_method or "",
                                                   where, index))
                 for (where, index), w in agreement_warnings(agreement, rules)
                 if w.acknowledgeable), confirmations.load(u.s, case_id), acknowledged)
            proofread_in_unit(u, agreement, codes, rules=rules, today=today)

    def record_signatures(self, case_id: str, inp: SignatureInput, *,
                          today: dt.date | None = None) -> None:
        """Who has signed, sealed or thumbprinted so far; the mediator, recorder and seal."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.AGREEMENT)
            agreement, detail = _current(u)
            u.check_parties(list(inp.signed_by), "signed_by")
            p = Problems()
            p.date("completed_on", inp.completed_on, "签章完成日期", today=today,
                   not_before=detail.reached_on, not_before_label="达成协议日期",
                   required=False)
            p.raise_if_any()
            principals = u.party_ids(principals_only=True)
            complete = (principals <= set(inp.signed_by) and inp.mediator_signed and inp.sealed)
            detail.signed_by = sorted(inp.signed_by)
            detail.mediator_signed = inp.mediator_signed
            detail.recorder_signed = inp.recorder_signed
            detail.sealed = inp.sealed
            detail.completed_on = inp.completed_on or (today if complete else None)
            if agreement.kind == AgreementForm.ORAL:
                detail.completed_on = detail.reached_on if inp.mediator_signed else None
            u.touch(detail)
            agreement.effective_on = effective_on(u.snapshot())
            u.touch(agreement)
            u.audit("agreement.signatures", {
                "signed": len(inp.signed_by), "parties": len(principals),
                "mediator": inp.mediator_signed, "recorder": inp.recorder_signed,
                "sealed": inp.sealed}, entity="agreement", entity_id=agreement.id)

    def conclude(self, case_id: str, *, today: dt.date | None = None) -> None:
        """调解成功: the agreement is complete and in force; the case moves to 调解成功."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            agreement, _detail = _current(u)
            u.move(CaseStatus.AGREED, today)
            agreement.effective_on = effective_on(u.snapshot())
            u.touch(agreement)


def _refuse_blanks(p: Problems, inp: AgreementInput) -> None:
    """A clause's 【日期】, 【金额】 … left in: named, and nothing saved (a saved
    agreement never carries a placeholder, so no document can print one)."""
    places = [("facts", inp.facts, "纠纷主要事实"),
              *((f"terms[{i}]", t, f"第{i + 1}条") for i, t in enumerate(inp.terms)),
              ("performance_method", inp.performance_method, "履行方式"),
              *((f"obligations[{i}].description", ob.description, f"第{i + 1}项履行事项")
                for i, ob in enumerate(inp.obligations))]
    for path, text, label in places:
        blanks = unfilled_blanks(text or "")
        if blanks:
            named = "、".join(f"【{b}】" for b in dict.fromkeys(blanks))
            p.add(path, f"{label}中的{named}还没有填写，请改为实际内容后再保存")


def _term_parties(u: Unit) -> list[TermParty]:
    """The case's principals as a term names them (role, name), in the case's order."""
    rows = u.s.execute(select(CaseParty.id, CaseParty.role, Party.name)
                       .join(Party, Party.id == CaseParty.party_id)
                       .where(CaseParty.case_id == u.case.id, CaseParty.deleted.is_(False))
                       .order_by(CaseParty.position)).all()
    return [TermParty(str(pid), PartyRole(role), name or "") for pid, role, name in rows
            if role != PartyRole.AGENT.value]


def latest_agreement(u: Unit) -> Agreement | None:
    """The case's agreement (the newest, addenda aside)."""
    return u.s.execute(select(Agreement).where(
        Agreement.case_id == u.case.id, Agreement.deleted.is_(False),
        Agreement.kind.in_(AGREEMENT_KINDS)).order_by(Agreement.id.desc()).limit(1)
    ).scalar_one_or_none()


def _detail(u: Unit, agreement_id: str, reached_on: dt.date) -> AgreementDetail:
    row = u.s.execute(select(AgreementDetail).where(AgreementDetail.agreement_id == agreement_id)
                      ).scalar_one_or_none()
    if row is None:
        row = u.add(AgreementDetail(case_id=u.case.id, agreement_id=agreement_id,
                                    reached_on=reached_on))
    return row


def _current(u: Unit) -> tuple[Agreement, AgreementDetail]:
    agreement = latest_agreement(u)
    if agreement is None:
        raise ValidationError("尚未起草调解协议", field="agreement")
    detail = _detail(u, agreement.id, u.case.registered_on)
    return agreement, detail
