"""Where the documents flow (定稿) meets the workflow: one proofread, one conclusion.

The agreement is proofread once, whichever screen does it: :func:`proofread_in_unit`
runs the workflow's terminology check (built-in rules plus the studio's
``terminology.json``, unfilled 【】 blanks) over everything the agreement prints
(facts, terms, performance), refuses a character no bundled font can draw, and
records the result for both sides in the same transaction — the workflow's
agreement detail (``proofread``, ``acknowledged_terms``) and the documents flow's
collected-signatures draft (``proofread``).

When the documents flow makes an agreement final (signed on screen and digitally
signed, or the wet-ink original received), :func:`settle_final` records in the
same transaction that every party, the mediator and the seal have signed
(case-party ids, as the workflow counts them) and moves a case still in
mediation to 调解成功.  :func:`check_can_settle` asks the same question before
the expensive rendering and signing, so a refusal costs nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediator.domain.agreement import effective_on as rule_effective_on
from mediator.domain.casefile import AgreementForm
from mediator.domain.lifecycle import check_not_archived, missing_for
from mediator.domain.status import CaseStatus, PartyRole
from mediator.domain.terminology import TermRule
from mediator.errors import DocumentError, NotFoundError, TransitionError, ValidationError
from mediator.store.models import Agreement, Case, Draft, Mediator, Studio
from mediator.store.workflow_models import AgreementDetail

from .base import Unit
from .dto import TermWarningView
from .snapshot import AGREEMENT_KINDS, load_casefile
from .term_check import check_terms

#: Draft.kind of the signatures the documents flow collects before finalising.
DRAFT_KIND = "agreement-signatures"
#: The statuses from which a final agreement moves the case to 调解成功.
BEFORE_AGREED = frozenset({CaseStatus.MEDIATING})

Where = tuple[str, int]  # ("facts" | "term" | "performance", term number from 1 or 0)


def text_hash(a: Agreement) -> str:
    """What the parties sign: the agreement's words (not its status or blob)."""
    words = {"facts": a.facts, "terms": [str(t) for t in a.terms],
             "method": a.performance_method,
             "deadline": a.performance_deadline.isoformat() if a.performance_deadline else ""}
    return hashlib.sha256(json.dumps(words, ensure_ascii=False, sort_keys=True)
                          .encode("utf-8")).hexdigest()


def agreement_warnings(a: Agreement, rules: Sequence[TermRule], *,
                       acknowledged: Collection[str] = ()
                       ) -> list[tuple[Where, TermWarningView]]:
    """Terminology warnings and 【】 blanks in everything the agreement prints."""
    out: list[tuple[Where, TermWarningView]] = []
    for w in check_terms([a.facts or ""], acknowledged=acknowledged, rules=rules):
        out.append((("facts", 0), w))
    for w in check_terms([str(t) for t in a.terms or []], acknowledged=acknowledged,
                         rules=rules):
        out.append((("term", w.term_index + 1), w))
    for w in check_terms([a.performance_method or ""], acknowledged=acknowledged, rules=rules):
        out.append((("performance", 0), w))
    return out


def _place(where: Where) -> str:
    kind, index = where
    return {"facts": "纠纷事实", "performance": "履行方式"}.get(kind, f"第{index}条")


def proofread_in_unit(u: Unit, agreement: Agreement, acknowledged: Collection[str], *,
                      rules: Sequence[TermRule], printed_text: str = "",
                      today: dt.date | None = None) -> None:
    """The one proofread: refuse what is left, else record it for both flows, audited.

    ``printed_text``: every other string the document prints (names, addresses),
    checked with the agreement's words for characters no bundled font can draw.
    """
    from mediator.documents import fonts  # noqa: PLC0415 - reportlab only when proofreading

    today = today or dt.date.today()
    ack = sorted(set(acknowledged))
    words = "".join([agreement.facts or "", *map(str, agreement.terms or []),
                     agreement.performance_method or "", printed_text])
    bad = fonts.undrawable_chars(words)
    if bad:
        raise DocumentError(f"以下字符无法用内置字体打印：{fonts.describe_chars(bad)}。"
                            "请修改协议内容后再校对。", field="terms")
    left = agreement_warnings(agreement, rules, acknowledged=ack)
    blanks = [(where, w) for where, w in left if w.code == "blank"]
    if blanks:
        raise ValidationError(
            "协议中还有未填写的【】内容：" + "；".join(
                f"{_place(where)}“{w.matched}”" for where, w in blanks[:5]),
            field="terms",
            problems=[(f"terms[{where[1] - 1}]" if where[0] == "term" else where[0],
                       f"“{w.matched}”：{w.advice}") for where, w in blanks])
    if left:
        codes = {w.code for _, w in left}
        raise ValidationError(
            f"还有{len(codes)}类用语提示未确认：" + "；".join(
                f"{_place(where)}“{w.matched}”" for where, w in left[:5]),
            field="terms",
            problems=[(f"terms[{where[1] - 1}]" if where[0] == "term" else where[0],
                       f"“{w.matched}”：{w.advice}") for where, w in left])
    if agreement.kind in AGREEMENT_KINDS:
        detail = _detail(u, agreement, today)
        detail.proofread = True
        detail.acknowledged_terms = ack
        u.touch(detail)
    _mark_draft(u.s, agreement, ack, today)
    u.touch(agreement)
    u.audit("agreement.proofread", {"acknowledged": ack}, entity="agreement",
            entity_id=agreement.id)


def _mark_draft(s: Session, agreement: Agreement, ack: list[str], today: dt.date) -> None:
    """Mark the documents flow's collected signatures as proofread (signatures kept
    while the words are unchanged)."""
    draft = s.get(Draft, (DRAFT_KIND, agreement.id))
    # A deep copy: the JSON column only notices a value that differs from the old one.
    payload: dict[str, Any] = json.loads(json.dumps(draft.payload)) if draft is not None else {}
    current = text_hash(agreement)
    if payload.get("text_hash") != current:
        payload = {"text_hash": current}
    payload["proofread"] = {"acknowledged": ack, "at": today.isoformat()}
    if draft is None:
        s.add(Draft(kind=DRAFT_KIND, key=agreement.id, payload=payload))
    else:
        draft.payload = payload


def _detail(u: Unit, agreement: Agreement, on: dt.date) -> AgreementDetail:
    row = u.s.execute(select(AgreementDetail).where(
        AgreementDetail.agreement_id == agreement.id, AgreementDetail.deleted.is_(False))
    ).scalar_one_or_none()
    if row is None:
        row = u.add(AgreementDetail(case_id=u.case.id, agreement_id=agreement.id,
                                    reached_on=min(on, agreement.effective_on or on)))
    return row


def unit_for(s: Session, case_id: str, studio: Studio, mediator: Mediator) -> Unit:
    """A workflow unit over ``case_id`` inside the caller's transaction."""
    case = s.execute(select(Case).where(Case.id == case_id, Case.deleted.is_(False))
                     ).scalar_one_or_none()
    if case is None:
        raise NotFoundError("找不到这个案件，可能已被删除。")
    check_not_archived(CaseStatus(case.status))
    return Unit(s, case, studio, mediator)


def settle_final(u: Unit, agreement: Agreement, on: dt.date, *,
                 today: dt.date | None = None) -> None:
    """The agreement was just made final on ``on``: every party, the mediator and the
    seal have signed; a case still in mediation moves to 调解成功 (TransitionError
    with what is missing otherwise, and the caller's transaction rolls back)."""
    today = today or dt.date.today()
    if agreement.kind not in AGREEMENT_KINDS:  # an addendum amends; the case stays put
        return
    u.s.flush()
    principals = sorted(u.party_ids(principals_only=True))
    detail = _detail(u, agreement, on)
    detail.signature_slots = sorted(set(detail.signature_slots or []) | set(principals))
    detail.signed_by = principals
    detail.mediator_signed = True
    detail.sealed = True
    detail.proofread = True
    detail.completed_on = detail.reached_on if agreement.kind == AgreementForm.ORAL else on
    u.touch(detail)
    u.audit("agreement.signatures", {
        "signed": len(principals), "parties": len(principals), "mediator": True,
        "recorder": bool(detail.recorder_signed), "sealed": True, "final": True},
        entity="agreement", entity_id=agreement.id)
    if u.status in BEFORE_AGREED:
        u.move(CaseStatus.AGREED, today)
    agreement.effective_on = rule_effective_on(u.snapshot()) or on
    u.touch(agreement)


def check_can_settle(s: Session, agreement: Agreement, today: dt.date | None = None) -> None:
    """Refuse now (before rendering and signing) what :func:`settle_final` would refuse."""
    if agreement.kind not in AGREEMENT_KINDS:
        return
    case = load_casefile(s, agreement.case_id)
    if case.status not in BEFORE_AGREED:
        return
    record = case.agreement
    if record is None:
        return
    principals = frozenset(p.id for p in case.parties if p.role is not PartyRole.AGENT)
    done = dataclasses.replace(
        record, signature_slots=record.signature_slots | principals, signed_by=principals,
        mediator_signed=True, recorder_signed=True, sealed=True, proofread=True,
        completed_on=record.completed_on or today or dt.date.today())
    missing = missing_for(dataclasses.replace(case, agreement=done), CaseStatus.AGREED,
                          today or dt.date.today())
    if missing:
        lines = [f.message for f in missing]
        raise TransitionError("协议定稿后案件须转为“调解成功”，但还缺少：" + "；".join(lines[:3])
                              + ("等" if len(lines) > 3 else ""), missing=lines)
