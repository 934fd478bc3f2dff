"""Writing cases: numbering and the registration unit of work (SQLAlchemy).

Kept apart from :mod:`mediator.services.cases` (reads, raw SQL) so that opening
the app and painting the case list never imports the ORM.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediator.domain.case_number import (
    DESIGNATOR,
    NumbersExhaustedError,
    check_prefix,
    format_case_number,
)
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.search_fields import searchable_fields
from mediator.store import audit, outbox, search
from mediator.store.models import (
    Case,
    CaseNumberCounter,
    CaseParty,
    LeasedNumberBlock,
    Mediator,
    Meta,
    Party,
    Studio,
    SyncState,
)
from mediator.store.workflow_models import CasePartyFile


def next_case_seq(s: Session, studio_id: str, prefix: str, year: int) -> int:
    """Take the next case number of (studio, prefix, year) inside the caller's transaction.

    Never below a number already used (an import may have brought higher ones).
    A PC enrolled with the district server takes its numbers from the blocks the
    server leased to it, so two PCs of one studio never collide, even offline."""
    if s.get(SyncState, 1) is not None:
        return _leased_seq(s, studio_id, prefix, year)
    counter = s.get(CaseNumberCounter, (studio_id, prefix, year))
    if counter is None:
        used = s.execute(select(func.max(Case.seq)).where(
            Case.studio_id == studio_id, Case.year == year)).scalar_one_or_none() or 0
        counter = CaseNumberCounter(studio_id=studio_id, prefix=prefix, year=year,
                                    next_seq=used + 1)
        s.add(counter)
    seq = counter.next_seq
    counter.next_seq = seq + 1
    s.flush()
    return seq


def _leased_seq(s: Session, studio_id: str, prefix: str, year: int) -> int:
    """The next serial of this PC's leased blocks, skipping any already on a case here
    (numbers written outside the leases, e.g. by sample data, are never reused)."""
    while True:
        block = s.execute(select(LeasedNumberBlock).where(
            LeasedNumberBlock.studio_id == studio_id, LeasedNumberBlock.prefix == prefix,
            LeasedNumberBlock.year == year, LeasedNumberBlock.next_seq <= LeasedNumberBlock.last,
        ).order_by(LeasedNumberBlock.first).limit(1)).scalar_one_or_none()
        if block is None:
            raise NumbersExhaustedError(
                f"本机{year}年的案号已用完（案号由区级服务器分段发放，以免两台电脑重号）。"
                "请联网同步一次以领取新的案号段。", field="registered_on")
        seq = block.next_seq
        block.next_seq = seq + 1
        s.flush()
        taken = s.execute(select(Case.id).where(
            Case.studio_id == studio_id, Case.year == year, Case.seq == seq).limit(1)).first()
        if taken is None:
            return seq


META_PROVISIONAL = "provisional_case_no:{year}"  # the last provisional serial of a year


def is_provisional(seq: int) -> bool:
    """A provisional number (seq below 1) waits for the next sync to become final."""
    return seq < 1


def provisional_case_number(year: int, prefix: str, n: int) -> str:
    """``（2025）桂城人调字临时第3号``: plainly not a number of the committee's sequence,
    so nobody mistakes it for the final one, and it never parses as one (the server
    would count it)."""
    return f"（{year}）{check_prefix(prefix)}{DESIGNATOR}临时第{n}号"


def take_case_number(s: Session, studio_id: str, prefix: str, year: int) -> tuple[int, str]:
    """The (seq, case number) of a new case of ``year`` inside the caller's transaction.

    An enrolled PC with no leased number left for that year (a case of last year
    typed in now, or offline after using up this year's block) does not refuse the
    case: it gets a provisional number (negative seq), which the next sync makes
    final from a block leased for that year (:mod:`mediator.sync.engine`).  The
    provisional serials of a year only ever grow, so two cases never share one on
    paper either."""
    try:
        seq = next_case_seq(s, studio_id, prefix, year)
        return seq, format_case_number(year, prefix, seq)
    except NumbersExhaustedError:
        if s.get(SyncState, 1) is None:
            raise
    key = META_PROVISIONAL.format(year=year)
    row = s.get(Meta, key)
    n = (int(row.value) if row is not None and row.value.isdigit() else 0) + 1
    s.merge(Meta(key=key, value=str(n)))
    s.flush()
    return -n, provisional_case_number(year, prefix, n)


def insert_registration(s: Session, clean: RegistrationInput, studio: Studio, mediator: Mediator,
                        *, status: CaseStatus = CaseStatus.REGISTERED,
                        status_reason: str = "", action: str = "case.register") -> CaseRef:
    """Write one checked registration in the caller's transaction: the case with its
    number, parties, roles, search text, outbox entries and an audit event."""
    assert clean.registered_on is not None
    year = clean.registered_on.year
    seq, case_no = take_case_number(s, studio.id, studio.case_prefix, year)
    case = Case(
        studio_id=studio.id, case_no=case_no,
        year=year, seq=seq, status=status.value, status_reason=status_reason,
        dispute_type=clean.dispute_type, source=clean.source, summary=clean.summary,
        requests=list(clean.requests), registered_on=clean.registered_on,
        referral_note=clean.referral_note, mediator_id=mediator.id,
    )
    s.add(case)
    party_rows = [
        Party(studio_id=studio.id, kind=p.kind.value, name=p.name,
              sex=p.sex.value if p.sex else None, ethnicity=p.ethnicity,
              birth_date=p.birth_date, id_number=p.id_number, phone=p.phone,
              address=p.address, occupation=p.occupation, representative=p.representative,
              representative_title=p.representative_title,
              representative_role=p.representative_role.value
              if p.kind is PartyKind.ORGANISATION else "")
        for p in clean.parties
    ]
    s.add_all(party_rows)
    s.flush()
    links = [CaseParty(studio_id=studio.id, case_id=case.id, party_id=party.id,
                       role=p.role.value, position=pos)
             for pos, (p, party) in enumerate(zip(clean.parties, party_rows, strict=True))]
    s.add_all(links)
    s.flush()
    files = []
    for p, link in zip(clean.parties, links, strict=True):
        if p.role is PartyRole.AGENT and p.represents is not None:
            link.represents_id = links[p.represents].id
        if p.role is PartyRole.AGENT and p.power_of_attorney:
            # 授权委托书 in the file from the start; its powers are ticked at 告知.
            files.append(CasePartyFile(studio_id=studio.id, case_id=case.id,
                                       case_party_id=link.id, power_of_attorney=True,
                                       agent_powers=[]))
    s.add_all(files)
    s.flush()
    search.upsert_case_text(s.connection(), case.local_id, searchable_fields(
        case.case_no, case.summary, case.requests, case.referral_note, party_rows))
    outbox.enqueue(s, "case", case.id)
    for party in party_rows:
        outbox.enqueue(s, "party", party.id)
    for link in links:
        outbox.enqueue(s, "case_party", link.id)
    for pf in files:
        outbox.enqueue(s, "case_party_file", pf.id)
    audit.record(s, studio_id=studio.id, actor=mediator.id, action=action,
                 entity="case", entity_id=case.id,
                 detail={"status": case.status, "parties": len(links),
                         "dispute_type": case.dispute_type, "source": case.source})
    return CaseRef(case.id, case.case_no)
