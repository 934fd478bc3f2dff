"""Correcting case numbers that clash with another PC of the studio.

Two PCs of one studio that registered cases before they were enrolled each
numbered from 1, so their numbers can clash.  The district server is the
authority: it keeps the first case to arrive with a number and answers
``case_no_taken`` for any other.  The PC whose case the server has not accepted
(local version 0) gives that case a fresh number from its leased blocks, in one
local transaction with the case's outbox entry and an audit event
("案号由 X 更正为 Y"); the case remembers the old number (``former_case_no``),
which documents printed or signed earlier still carry.  Signed PDFs are never
touched.  A case the server has accepted is never renumbered here.

The corrections wait in ``meta`` until a round completes, so the mediator is told
about every one even if the round that made it failed afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload

from mediator.domain.case_number import format_case_number
from mediator.store import audit, outbox
from mediator.store.models import Agreement, Case, Meta, Studio
from mediator.sync.protocol import WireRow

CaseNumberer = Callable[[Session, str, str, int], int]
"""Takes the next case serial of (studio, prefix, year): services.case_writes.next_case_seq."""

META_RENUMBERED = "sync_renumbered"  # JSON list of [old, new] not yet reported
ACTOR = "sync"


def clashes(s: Session, studio_id: str, rows: Iterable[WireRow]) -> dict[str, Case]:
    """Local cases carrying the number of a pulled case row that is another case
    (by the pulled row's id)."""
    wanted: dict[str, str] = {}
    for r in rows:
        no = r.data.get("case_no") if r.entity == "case" else None
        if isinstance(no, str) and no:
            wanted[no] = r.id
    if not wanted:
        return {}
    local = s.execute(select(Case).where(Case.studio_id == studio_id,
                                         Case.case_no.in_(list(wanted)))
                      .options(lazyload("*"))).scalars()
    return {c.case_no: c for c in local if c.id != wanted[c.case_no]}


def renumber(s: Session, case: Case, numberer: CaseNumberer, *,
             avoid: Collection[object] = (), reason: str = "case_no_taken") -> tuple[str, str]:
    """Give ``case`` (not accepted by the server) a fresh number in the caller's
    transaction, none of ``avoid`` (numbers of a pulled page not yet stored);
    returns (old, new).  ``reason``: "case_no_taken", or "provisional" for a number
    given offline that this sync makes final."""
    assert case.version == 0, "a case the server accepted keeps its number"
    studio = s.get(Studio, case.studio_id)
    assert studio is not None
    old = case.case_no
    while True:
        seq = numberer(s, case.studio_id, studio.case_prefix, case.year)
        if seq < 1:
            raise ValueError("renumbering needs a leased number, not a provisional one")
        new = format_case_number(case.year, studio.case_prefix, seq)
        if new not in avoid:
            break
    case.case_no, case.seq = new, seq
    if not case.former_case_no:
        case.former_case_no = old  # the number on documents printed before
    signed = int(s.execute(select(func.count()).select_from(Agreement).where(
        Agreement.case_id == case.id, Agreement.signed_blob.is_not(None))).scalar_one())
    outbox.enqueue(s, "case", case.id)
    audit.record(s, studio_id=case.studio_id, actor=ACTOR, action="case.renumber",
                 entity="case", entity_id=case.id,
                 detail={"from": old, "to": new, "reason": reason,
                         "signed_agreements": signed, "note": f"案号由 {old} 更正为 {new}"})
    row = s.get(Meta, META_RENUMBERED)
    waiting = json.loads(row.value) if row is not None and row.value else []
    s.merge(Meta(key=META_RENUMBERED, value=json.dumps([*waiting, [old, new]],
                                                       ensure_ascii=False)))
    s.flush()
    return old, new


def take_reported(s: Session) -> list[tuple[str, str]]:
    """The corrections not yet reported (and forget them)."""
    row = s.get(Meta, META_RENUMBERED)
    if row is None:
        return []
    s.delete(row)
    out: list[tuple[str, str]] = []
    for old, new in json.loads(row.value or "[]"):
        # A case renumbered twice (its first new number was held too) shows once.
        out = [(o, new) if n == old else (o, n) for o, n in out]
        if not any(n == new for _, n in out):
            out.append((old, new))
    return out
