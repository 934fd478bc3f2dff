"""A studio's feed: idempotent push with optimistic concurrency, paged pull, digest,
case-number leases and district referrals.

Each applied change takes the studio's next feed sequence number, which is also
the row's new version.  Every function here runs in one transaction that first
locks the studio row, so pushes of one studio are serialised across processes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from mediator.domain.case_number import format_case_number, parse_case_number
from mediator.domain.ids import new_id
from mediator.errors import ValidationError
from mediator.server.db import ServerDB
from mediator.server.models import (
    AuditCopy,
    Blob,
    CaseNumber,
    Conflict,
    NumberCounter,
    NumberLease,
    PushBatch,
    Row,
    Studio,
)
from mediator.sync.protocol import (
    APPEND_ONLY,
    Change,
    ChangeResult,
    ConflictInfo,
    DigestInfo,
    Lease,
    PushRequest,
    PushResult,
    WireRow,
    digest_add,
)


class FeedError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


def _locked(db: ServerDB, s: Session, studio_id: str) -> Studio:
    studio = db.lock_studio(s, studio_id)
    if studio is None:
        raise FeedError(404, "no_studio", "找不到该调解工作室。")
    return studio


def wire(row: Row) -> WireRow:
    return WireRow(entity=row.entity, id=row.id, version=row.version, deleted=row.deleted,
                   data=row.data)


def blob_refs(entity: str, data: dict[str, Any]) -> list[str]:
    """The blobs a row refers to (they must be complete before the row is accepted)."""
    if entity == "attachment" and isinstance(data.get("sha256"), str):
        return [data["sha256"]]
    if entity == "agreement" and isinstance(data.get("signed_blob"), str):
        return [data["signed_blob"]]
    return []


def _bump(studio: Studio, row: Row | None, entity: str, row_id: str) -> int:
    studio.feed_seq += 1
    if row is not None:
        studio.digest = digest_add(studio.digest, row.entity, row.id, row.version, -1)
    else:
        studio.row_count += 1
    studio.digest = digest_add(studio.digest, entity, row_id, studio.feed_seq)
    return studio.feed_seq


def push(db: ServerDB, studio_id: str, device_id: str, req: PushRequest) -> PushResult:
    with db.write() as s:
        studio = _locked(db, s, studio_id)
        done = s.get(PushBatch, (studio_id, req.batch_id))
        if done is not None:
            stored = PushResult.model_validate(done.result)
            stored.replayed = True
            stored.page = None
            return stored
        ids = [c.id for c in req.changes]
        rows = {r.id: r for r in s.execute(
            select(Row).where(Row.studio_id == studio_id, Row.id.in_(ids))).scalars()}
        needed = {sha for c in req.changes if not c.deleted for sha in blob_refs(c.entity, c.data)}
        complete = set(s.execute(select(Blob.sha256).where(
            Blob.studio_id == studio_id, Blob.sha256.in_(needed), Blob.complete.is_(True))
        ).scalars()) if needed else set()
        numbers = _Numbers(s, studio_id, req)
        results: list[ChangeResult] = []
        fresh: dict[str, dict[str, Any]] = {}  # new rows, inserted in bulk below
        for c in req.changes:
            row = rows.get(c.id)
            if c.id in fresh or (row is not None and row.entity != c.entity):
                # The same new row twice in one batch, or another entity's id: refused.
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="rejected",
                                            server=wire(row) if row else None))
                continue
            if not c.deleted and any(sha not in complete for sha in blob_refs(c.entity, c.data)):
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="missing_blob"))
                continue
            if numbers.taken(c, row):
                # Another case of the studio holds this number: the PC renumbers its case.
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="case_no_taken",
                                            version=row.version if row else 0,
                                            server=wire(row) if row else None))
                continue
            if row is None:
                numbers.claim(c)
                seq = _bump(studio, None, c.entity, c.id)
                fresh[c.id] = {"studio_id": studio_id, "id": c.id, "entity": c.entity,
                               "version": seq, "seq": seq, "deleted": c.deleted,
                               "data": c.data, "device_id": device_id}
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="applied",
                                            version=seq))
            elif row.data == c.data and row.deleted == c.deleted:
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="unchanged",
                                            version=row.version))
            elif c.entity in APPEND_ONLY or _replaces_signed(row, c.data):
                # Append-only rows and signed documents are never replaced.
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="rejected",
                                            version=row.version, server=wire(row)))
            elif c.base_version != row.version:
                conflict = Conflict(id=new_id(), studio_id=studio_id, entity=c.entity,
                                    row_id=c.id, server_version=row.version,
                                    server_data=row.data, server_deleted=row.deleted,
                                    client_data=c.data, client_deleted=c.deleted,
                                    client_base=c.base_version, device_id=device_id)
                s.add(conflict)
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="conflict",
                                            version=row.version, server=wire(row),
                                            conflict_id=conflict.id))
            else:
                numbers.claim(c)
                seq = _bump(studio, row, c.entity, c.id)
                row.version = seq
                row.seq = seq
                row.data = c.data
                row.deleted = c.deleted
                row.device_id = device_id
                results.append(ChangeResult(id=c.id, entity=c.entity, outcome="applied",
                                            version=seq))
        if fresh:
            s.execute(insert(Row), list(fresh.values()))
        numbers.save()
        stored_audit = 0
        if req.audit:
            have = set(s.execute(select(AuditCopy.id).where(
                AuditCopy.studio_id == studio_id,
                AuditCopy.id.in_([a.id for a in req.audit]))).scalars())
            for a in req.audit:
                if a.id not in have:
                    s.add(AuditCopy(studio_id=studio_id, id=a.id, device_id=device_id,
                                    data=a.data))
                    have.add(a.id)
                    stored_audit += 1
        result = PushResult(batch_id=req.batch_id, results=results, audit_stored=stored_audit)
        s.add(PushBatch(studio_id=studio_id, batch_id=req.batch_id,
                        result=json.loads(result.model_dump_json())))  # the fast path
        return result


class _Numbers:
    """The case numbers of one push: which are held (``case_number``), the new claims,
    and the number counters moved past every pushed serial, so a lease never hands
    out a number a case already carries (a PC numbering on its own before enrolment
    pushes cases 1..50: the studio's counter for that year goes to 51)."""

    def __init__(self, s: Session, studio_id: str, req: PushRequest) -> None:
        self.s = s
        self.studio_id = studio_id
        wanted = {n for c in req.changes if (n := _case_no(c.entity, c.data))}
        self.holders: dict[str, str] = dict(s.execute(select(
            CaseNumber.case_no, CaseNumber.case_id).where(
            CaseNumber.studio_id == studio_id, CaseNumber.case_no.in_(wanted))).tuples().all()
        ) if wanted else {}
        self.claims: dict[str, str] = {}
        self.top: dict[tuple[str, int], int] = {}

    def taken(self, c: Change, row: Row | None) -> bool:
        no = _case_no(c.entity, c.data)
        if no is None or (row is not None and row.data.get("case_no") == no):
            return False  # not a case, or its number already
        return self.holders.get(no, c.id) != c.id

    def claim(self, c: Change) -> None:
        no = _case_no(c.entity, c.data)
        if no is None:
            return
        if no not in self.holders:
            self.holders[no] = self.claims[no] = c.id
        try:
            number = parse_case_number(no)
        except ValidationError:
            return  # an imported number of another scheme: held, but no counter
        key = (number.prefix, number.year)
        self.top[key] = max(self.top.get(key, 0), number.serial)

    def save(self) -> None:
        if self.claims:
            self.s.execute(insert(CaseNumber), [
                {"studio_id": self.studio_id, "case_no": no, "case_id": case_id}
                for no, case_id in self.claims.items()])
        for (prefix, year), serial in self.top.items():
            counter = self.s.get(NumberCounter, (self.studio_id, prefix, year))
            if counter is None:
                self.s.add(NumberCounter(studio_id=self.studio_id, prefix=prefix, year=year,
                                         next_free=serial + 1))
            elif counter.next_free <= serial:
                counter.next_free = serial + 1


def _case_no(entity: str, data: dict[str, Any]) -> str | None:
    no = data.get("case_no") if entity == "case" else None
    return no if isinstance(no, str) and no else None


def _replaces_signed(row: Row, data: dict[str, Any]) -> bool:
    return (row.entity == "agreement" and bool(row.data.get("signed_blob"))
            and data.get("signed_blob") != row.data.get("signed_blob"))


def pull(db: ServerDB, studio_id: str, cursor: int, limit: int, *,
         skip_device: str = "") -> dict[str, Any]:
    """A page of the feed as a plain dict shaped like :class:`PullPage` (Core rows
    straight to JSON: a first sync moves every row of the studio through here).

    Rows whose current version ``skip_device`` wrote itself are left out of the page
    (it learnt their versions from its push results); the cursor still passes them."""
    t = Row.__table__
    with db.read() as s:
        scanned = s.execute(
            select(t.c.entity, t.c.id, t.c.version, t.c.deleted, t.c.data, t.c.seq,
                   t.c.device_id)
            .where(t.c.studio_id == studio_id, t.c.seq > cursor)
            .order_by(t.c.seq).limit(limit + 1)).all()
        more = len(scanned) > limit
        scanned = scanned[:limit]
        rows = [r for r in scanned if r.device_id != skip_device] if skip_device else scanned
        digest = None if more else s.execute(
            select(Studio.digest).where(Studio.id == studio_id)).scalar_one_or_none()
        return {"rows": [{"entity": r.entity, "id": r.id, "version": r.version,
                          "deleted": bool(r.deleted), "data": r.data} for r in rows],
                "cursor": scanned[-1].seq if scanned else cursor, "more": more,
                "digest": digest}


def digest(db: ServerDB, studio_id: str) -> DigestInfo:
    with db.read() as s:
        studio = s.get(Studio, studio_id)
        if studio is None:
            raise FeedError(404, "no_studio", "找不到该调解工作室。")
        return DigestInfo(digest=studio.digest, count=studio.row_count, cursor=studio.feed_seq)


def lease(db: ServerDB, studio_id: str, device_id: str, *, prefix: str, year: int, count: int,
          used_max: int) -> Lease:
    with db.write() as s:
        _locked(db, s, studio_id)
        first, last = _take_numbers(s, studio_id, prefix, year, count=count, used_max=used_max)
        s.add(NumberLease(studio_id=studio_id, device_id=device_id, prefix=prefix, year=year,
                          first=first, last=last))
        return Lease(prefix=prefix, year=year, first=first, last=last)


def _take_numbers(s: Session, studio_id: str, prefix: str, year: int, *, count: int,
                  used_max: int) -> tuple[int, int]:
    counter = s.get(NumberCounter, (studio_id, prefix, year))
    if counter is None:
        counter = NumberCounter(studio_id=studio_id, prefix=prefix, year=year, next_free=1)
        s.add(counter)
    first = max(counter.next_free, used_max + 1)
    counter.next_free = first + count
    return first, first + count - 1


def conflicts(db: ServerDB, studio_id: str, *, open_only: bool = True) -> list[ConflictInfo]:
    with db.read() as s:
        q = select(Conflict).where(Conflict.studio_id == studio_id)
        if open_only:
            q = q.where(Conflict.resolved_at.is_(None))
        out = []
        for c in s.execute(q.order_by(Conflict.created_at)).scalars():
            out.append(ConflictInfo(
                id=c.id, entity=c.entity, row_id=c.row_id, server_version=c.server_version,
                server=WireRow(entity=c.entity, id=c.row_id, version=c.server_version,
                               deleted=c.server_deleted, data=c.server_data),
                client=c.client_data, client_deleted=c.client_deleted,
                created_at=c.created_at.isoformat(), resolved=c.resolved_at is not None))
        return out


def resolve_conflict(db: ServerDB, studio_id: str, conflict_id: str) -> None:
    with db.write() as s:
        c = s.get(Conflict, conflict_id)
        if c is None or c.studio_id != studio_id:  # another studio's: as if absent
            raise FeedError(404, "no_conflict", "找不到这条冲突记录。")
        if c.resolved_at is None:
            c.resolved_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def assign_case(db: ServerDB, studio_id: str, *, dispute_type: str, source: str, summary: str,
                applicants: list[str], respondents: list[str], note: str = "",
                today: dt.date | None = None) -> tuple[str, str]:
    """A district referral (委托移送): a case with its parties in the studio's feed.
    Its number comes from the studio's own number space, so it collides with no lease."""
    today = today or dt.date.today()
    with db.write() as s:
        studio = _locked(db, s, studio_id)
        if not studio.case_prefix:
            raise FeedError(409, "no_prefix", "该工作室还没有案号字头：请先注册一台电脑，"
                                              "或用 studio add --prefix 指定。")
        seq, _ = _take_numbers(s, studio_id, studio.case_prefix, today.year, count=1,
                               used_max=0)
        case_id = new_id()
        case_no = format_case_number(today.year, studio.case_prefix, seq)
        now = dt.datetime.now(dt.UTC).isoformat()
        rows: list[tuple[str, str, dict[str, Any]]] = [("case", case_id, {
            "case_no": case_no, "year": today.year, "seq": seq, "status": "registered",
            "dispute_type": dispute_type, "source": source, "summary": summary,
            "requests": [], "registered_on": today.isoformat(), "referral_note": note,
            "mediator_id": None, "created_at": now, "updated_at": now, "status_reason": "",
            "retention_class": "", "legal_hold": False})]
        position = 0
        for role, names in (("applicant", applicants), ("respondent", respondents)):
            for name in names:
                party_id = new_id()
                rows.append(("party", party_id, {
                    "kind": "person", "name": name, "sex": None, "ethnicity": "",
                    "birth_date": None, "id_number": "", "phone": "", "address": "",
                    "occupation": "", "representative": "", "representative_title": "",
                    "updated_at": now}))
                rows.append(("case_party", new_id(), {
                    "case_id": case_id, "party_id": party_id, "role": role,
                    "position": position, "represents_id": None, "updated_at": now}))
                position += 1
        s.add(CaseNumber(studio_id=studio_id, case_no=case_no, case_id=case_id))
        for entity, row_id, data in rows:
            seq_row = _bump(studio, None, entity, row_id)
            s.add(Row(studio_id=studio_id, id=row_id, entity=entity, version=seq_row,
                      seq=seq_row, deleted=False, data=data, device_id="district"))
        return case_id, case_no


def studio_by_name(s: Session, name: str) -> Studio | None:
    return s.execute(select(Studio).where(Studio.name == name)).scalar_one_or_none()


def row_count(db: ServerDB, studio_id: str) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(Row)
                             .where(Row.studio_id == studio_id)).scalar_one())
