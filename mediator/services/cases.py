"""Case use cases: register (受理登记), list, search, read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mediator.domain.case_number import NumbersExhaustedError, format_case_number
from mediator.domain.idcard import age_on, mask_id_number
from mediator.domain.status import CaseStatus, PartyKind, PartyRole, Sex
from mediator.errors import NotFoundError, ValidationError
from mediator.services.dto import (
    CaseDetail,
    CaseFilter,
    CaseRef,
    CaseRow,
    PartyView,
    RegistrationInput,
)
from mediator.services.registration import check_registration
from mediator.store import audit, outbox, search
from mediator.store.database import Database
from mediator.store.models import (
    Case,
    CaseNumberCounter,
    CaseParty,
    LeasedNumberBlock,
    Mediator,
    Party,
    Studio,
    SyncState,
)

ROLE_ORDER = {PartyRole.APPLICANT: 0, PartyRole.RESPONDENT: 1, PartyRole.THIRD_PARTY: 2,
              PartyRole.AGENT: 3}


class _PartyText(Protocol):
    name: str
    id_number: str
    phone: str
    address: str
    representative: str


def searchable_fields(case_no: str, summary: str, requests: Sequence[object],
                      referral_note: str, parties: Sequence[_PartyText]) -> list[str]:
    """What the full-text index covers: case number, names, ID numbers, phones,
    addresses and the facts (纠纷简要情况, 申请事项)."""
    fields = [case_no, summary, *[str(r) for r in requests], referral_note]
    for p in parties:
        fields += [p.name, p.id_number, p.phone, p.phone.replace("-", ""), p.address,
                   p.representative]
    return fields


class CaseService:
    #: A text search returns at most this many cases (the newest); the list says so.
    SEARCH_LIMIT = search.MAX_RESULTS

    def __init__(self, db: Database, context: Callable[[], tuple[Studio, Mediator]],
                 catalogue_codes: Callable[[], tuple[frozenset[str], frozenset[str]]]) -> None:
        self._db = db
        self._context = context
        self._codes = catalogue_codes

    # ------------------------------------------------------------------ writing
    def validate(self, reg: RegistrationInput) -> list[tuple[str, str]]:
        types, sources = self._codes()
        return check_registration(reg, dispute_types=types, sources=sources).problems

    def register(self, reg: RegistrationInput) -> CaseRef:
        """Register (受理) a case atomically: number, parties, search index, audit, outbox."""
        types, sources = self._codes()
        checked = check_registration(reg, dispute_types=types, sources=sources)
        if checked.problems:
            raise ValidationError(checked.problems[0][1], field=checked.problems[0][0],
                                  problems=checked.problems)
        studio, mediator = self._context()
        with self._db.write() as s:
            return insert_registration(s, checked.reg, studio, mediator)

    # ------------------------------------------------------------------ reading
    def count_all(self) -> int:
        with self._db.read() as s:
            return int(s.execute(select(func.count()).select_from(Case)
                                 .where(Case.deleted.is_(False))).scalar_one())

    def ids(self, flt: CaseFilter) -> list[int]:
        """Local ids of the cases matching ``flt``, newest registration first.

        One SQL statement: the full-text match is a sub-query, so no id list
        travels through Python between the index and the ordering."""
        where = ["c.deleted = 0"]
        params: dict[str, object] = {}
        source = '"case" c'
        built = search.match_query(flt.text)
        if built is not None:
            sub, params = built
            where.append(f"c.local_id IN ({sub})")
            source = '"case" c INDEXED BY ix_case_list'  # hits by id, never the wide rows
        if flt.statuses:
            names = [f"st{i}" for i in range(len(flt.statuses))]
            where.append(f"c.status IN ({', '.join(':' + n for n in names)})")
            params |= dict(zip(names, sorted(st.value for st in flt.statuses), strict=True))
        if flt.dispute_type:
            where.append("c.dispute_type = :dispute_type")
            params["dispute_type"] = flt.dispute_type
        if flt.registered_from:
            where.append("c.registered_on >= :reg_from")
            params["reg_from"] = flt.registered_from.isoformat()
        if flt.registered_to:
            where.append("c.registered_on <= :reg_to")
            params["reg_to"] = flt.registered_to.isoformat()
        sql = (f'SELECT c.local_id FROM {source} WHERE {" AND ".join(where)} '
               "ORDER BY c.registered_on DESC, c.local_id DESC")
        with self._db.read() as s:
            return [int(r[0]) for r in s.connection().execute(text(sql), params)]

    def rows(self, rowids: Sequence[int]) -> list[CaseRow]:
        if not rowids:
            return []
        with self._db.read() as s:
            cases = s.execute(select(Case).where(Case.local_id.in_(list(rowids)))).scalars()
            by_id = {c.local_id: c for c in cases}
            out = []
            for rid in rowids:
                c = by_id.get(rid)
                if c is None:
                    continue
                links = sorted((lk for lk in c.parties if not lk.deleted),
                               key=lambda lk: (ROLE_ORDER[PartyRole(lk.role)], lk.position))
                named = [lk for lk in links if lk.role != PartyRole.AGENT]
                out.append(CaseRow(
                    rowid=c.local_id, id=c.id, case_no=c.case_no, status=CaseStatus(c.status),
                    dispute_type=c.dispute_type,
                    parties=tuple(lk.party.name for lk in named),
                    masked_id_numbers=tuple(mask_id_number(lk.party.id_number)
                                            for lk in named if lk.party.id_number),
                    phones=tuple(lk.party.phone for lk in named if lk.party.phone),
                    registered_on=c.registered_on, updated_at=c.updated_at,
                ))
            return out

    def get(self, case_id: str) -> CaseDetail:
        with self._db.read() as s:
            c = s.execute(select(Case).where(Case.id == case_id, Case.deleted.is_(False))
                          ).scalar_one_or_none()
            if c is None:
                raise NotFoundError("找不到这个案件，可能已被删除。")
            mediator = s.get(Mediator, c.mediator_id) if c.mediator_id else None
            studio = s.execute(select(Studio).where(Studio.id == c.studio_id)).scalar_one()
            today = dt.date.today()
            parties = tuple(
                PartyView(
                    id=lk.party.id, role=PartyRole(lk.role), kind=PartyKind(lk.party.kind),
                    name=lk.party.name, sex=Sex(lk.party.sex) if lk.party.sex else None,
                    ethnicity=lk.party.ethnicity, birth_date=lk.party.birth_date,
                    age=age_on(lk.party.birth_date, today) if lk.party.birth_date else None,
                    id_number=lk.party.id_number, phone=lk.party.phone,
                    address=lk.party.address, occupation=lk.party.occupation,
                    representative=lk.party.representative,
                    representative_title=lk.party.representative_title,
                )
                for lk in c.parties if not lk.deleted
            )
            return CaseDetail(
                id=c.id, case_no=c.case_no, status=CaseStatus(c.status),
                dispute_type=c.dispute_type, source=c.source, summary=c.summary,
                requests=tuple(str(r) for r in c.requests), registered_on=c.registered_on,
                referral_note=c.referral_note, mediator_name=mediator.name if mediator else "",
                committee_name=studio.committee_name, parties=parties,
                created_at=c.created_at, updated_at=c.updated_at, version=c.version,
            )


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
    return seq


def insert_registration(s: Session, clean: RegistrationInput, studio: Studio, mediator: Mediator,
                        *, status: CaseStatus = CaseStatus.REGISTERED,
                        status_reason: str = "", action: str = "case.register") -> CaseRef:
    """Write one checked registration in the caller's transaction: the case with its
    number, parties, roles, search text, outbox entries and an audit event."""
    assert clean.registered_on is not None
    year = clean.registered_on.year
    seq = next_case_seq(s, studio.id, studio.case_prefix, year)
    case = Case(
        studio_id=studio.id, case_no=format_case_number(year, studio.case_prefix, seq),
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
              representative_title=p.representative_title)
        for p in clean.parties
    ]
    s.add_all(party_rows)
    s.flush()
    links = [CaseParty(studio_id=studio.id, case_id=case.id, party_id=party.id,
                       role=p.role.value, position=pos)
             for pos, (p, party) in enumerate(zip(clean.parties, party_rows, strict=True))]
    s.add_all(links)
    s.flush()
    for p, link in zip(clean.parties, links, strict=True):
        if p.role is PartyRole.AGENT and p.represents is not None:
            link.represents_id = links[p.represents].id
    search.upsert_case_text(s.connection(), case.local_id, searchable_fields(
        case.case_no, case.summary, case.requests, case.referral_note, party_rows))
    outbox.enqueue(s, "case", case.id)
    for party in party_rows:
        outbox.enqueue(s, "party", party.id)
    for link in links:
        outbox.enqueue(s, "case_party", link.id)
    audit.record(s, studio_id=studio.id, actor=mediator.id, action=action,
                 entity="case", entity_id=case.id,
                 detail={"status": case.status, "parties": len(links),
                         "dispute_type": case.dispute_type, "source": case.source})
    return CaseRef(case.id, case.case_no)
