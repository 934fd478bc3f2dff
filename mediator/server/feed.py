"""A studio's feed: idempotent push with optimistic concurrency, paged pull, digest,
case-number leases and district referrals.

Each applied change takes the studio's next feed sequence number, which is also
the row's new version.  Every function here runs in one transaction that first
locks the studio row, so pushes of one studio are serialised across processes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import typing
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, Text, and_, bindparam, cast, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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
    utcnow,
)
from mediator.sync.protocol import (
    APPEND_ONLY,
    DEFAULT_PULL_LIMIT,
    DIGEST_MOD,
    Change,
    ConflictInfo,
    DigestInfo,
    Lease,
    PushRequest,
    PushResult,
    WireRow,
    check,
    digest_add,
    references,
    row_hash,
    same_meaning,
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


_S = typing.cast(Table, Studio.__table__)
_R = typing.cast(Table, Row.__table__)
_PB = typing.cast(Table, PushBatch.__table__)
_CN = typing.cast(Table, CaseNumber.__table__)
_NC = typing.cast(Table, NumberCounter.__table__)
_BLOB = typing.cast(Table, Blob.__table__)
_AUDIT = typing.cast(Table, AuditCopy.__table__)
_CONFLICT = typing.cast(Table, Conflict.__table__)

# The push path as Core statements, built once: SQLAlchemy reuses their compiled
# forms (an ORM unit of work cost ~300 us a statement, these ~35 us).
# The studio row (locked: its feed is ours until commit) and, in the same round
# trip, the stored result of this batch if it was applied before.
_HEAD = select(_S.c.feed_seq, _S.c.digest, _S.c.row_count,
               select(_PB.c.result).where(_PB.c.studio_id == _S.c.id,
                                          _PB.c.batch_id == bindparam("batch_id"))
               .scalar_subquery().label("done")
               ).where(_S.c.id == bindparam("studio_id"))
_HEAD_FOR_UPDATE = _HEAD.with_for_update(of=_S)
_EXISTING = select(_R.c.id, _R.c.entity, _R.c.version, _R.c.deleted, _R.c.data).where(
    _R.c.studio_id == bindparam("studio_id"), _R.c.id.in_(bindparam("ids", expanding=True)))
_COMPLETE = select(_BLOB.c.sha256).where(
    _BLOB.c.studio_id == bindparam("studio_id"),
    _BLOB.c.sha256.in_(bindparam("shas", expanding=True)), _BLOB.c.complete.is_(True))
_HOLDERS = select(_CN.c.case_no, _CN.c.case_id).where(
    _CN.c.studio_id == bindparam("studio_id"), _CN.c.case_no.in_(bindparam("nos", expanding=True)))
_INSERT_ROWS = insert(_R)
_UPDATE_ROW = update(_R).where(_R.c.studio_id == bindparam("b_studio_id"),
                               _R.c.id == bindparam("b_id")).values(
    version=bindparam("b_version"), seq=bindparam("b_version"), data=bindparam("b_data"),
    deleted=bindparam("b_deleted"), device_id=bindparam("b_device_id"))
_UPDATE_STUDIO = update(_S).where(_S.c.id == bindparam("b_studio_id")).values(
    feed_seq=bindparam("b_feed_seq"), digest=bindparam("b_digest"),
    row_count=bindparam("b_row_count"))
_INSERT_NUMBERS = insert(_CN)
_INSERT_BATCH = insert(_PB)
_INSERT_CONFLICT = insert(_CONFLICT)
_AUDIT_HAVE = select(_AUDIT.c.id).where(_AUDIT.c.studio_id == bindparam("studio_id"),
                                        _AUDIT.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_AUDIT = insert(_AUDIT)


def _counter_upsert(insert_fn: Any) -> Any:
    """Counters moved past pushed serials in one statement: a new counter, or the
    existing one raised where it is not already past."""
    stmt = insert_fn(_NC)
    return stmt.on_conflict_do_update(
        index_elements=[_NC.c.studio_id, _NC.c.prefix, _NC.c.year],
        set_={"next_free": stmt.excluded.next_free},
        where=_NC.c.next_free < stmt.excluded.next_free)


_RAISE_COUNTERS = {"sqlite": _counter_upsert(sqlite_insert),
                   "postgresql": _counter_upsert(pg_insert)}


class _Held(NamedTuple):
    """A row of the feed as a push holds it (its state after the batch's earlier changes)."""

    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any]


def _wire(row: Any) -> dict[str, Any]:
    return {"entity": row.entity, "id": row.id, "version": row.version,
            "deleted": bool(row.deleted), "data": row.data}


def _result(c: Change, outcome: str, version: int = 0, server: Any = None, *,
            conflict_id: str | None = None, reason: str | None = None) -> dict[str, Any]:
    """A :class:`ChangeResult` as its JSON dict."""
    return {"id": c.id, "entity": c.entity, "outcome": outcome, "version": version,
            "server": _wire(server) if server is not None else None,
            "conflict_id": conflict_id, "reason": reason}


_REF_TARGETS = select(_R.c.id, _R.c.entity).where(
    _R.c.studio_id == bindparam("studio_id"), _R.c.id.in_(bindparam("ids", expanding=True)))


def _problems(conn: Connection, studio_id: str, changes: list[Change]) -> dict[int, str]:
    """Changes the row schema refuses (by position in the batch), with their reason.

    A reference must name a row of the right entity that the studio's feed holds or
    that this batch brings (in any order: a PC sends a case and its parties together).
    Without this an invalid row, once stored, broke every PC of the studio on
    every pull (issue 12)."""
    out: dict[int, str] = {}
    wanted: dict[str, str] = {}  # referenced id -> entity
    batch = {(c.entity, c.id) for c in changes}
    for i, c in enumerate(changes):
        problem = check(c.entity, c.data)
        if problem is not None:
            out[i] = str(problem)
            continue
        for f in references(c.entity):
            target = c.data.get(f.name)
            if isinstance(target, str) and (f.ref, target) not in batch:
                wanted[target] = f.ref
    if not wanted:
        return out
    found = {(entity, rid) for rid, entity in conn.execute(
        _REF_TARGETS, {"studio_id": studio_id, "ids": list(wanted)})}
    for i, c in enumerate(changes):
        if i in out:
            continue
        for f in references(c.entity):
            target = c.data.get(f.name)
            if isinstance(target, str) and (f.ref, target) not in batch \
                    and (f.ref, target) not in found:
                out[i] = f"reference:{f.name} 字段 {f.name} 指向的{f.ref}记录在服务器上不存在。"
                break
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def push_body(db: ServerDB, studio_id: str, device_id: str, req: PushRequest,
              after_commit: Callable[[], None] | None = None) -> str:
    """Apply a batch: the :class:`PushResult` as JSON text, with the pull page from
    ``req.pull_cursor`` when the request carries one (without this device's own
    rows).  A new batch's page is read in its write transaction, which holds the
    feed's lock; a replay's in a read of its own.  ``after_commit`` runs once the
    batch is committed (a failpoint)."""
    with db.write_conn() as conn:
        head = conn.execute(_HEAD if db.is_sqlite else _HEAD_FOR_UPDATE,
                            {"studio_id": studio_id, "batch_id": req.batch_id}).first()
        if head is None:
            raise FeedError(404, "no_studio", "找不到该调解工作室。")
        done = head.done
        if done is None:
            body = _apply(conn, db, head, req, studio_id=studio_id, device_id=device_id)
    if after_commit is not None:
        after_commit()
    if done is None:
        return body
    stored = PushResult.model_validate(done)
    stored.replayed = True
    stored.page = None
    body = stored.model_dump_json(exclude={"page"})
    if req.pull_cursor is None:
        return body
    with db.read_conn() as conn:
        page = _page(conn, studio_id, req.pull_cursor, DEFAULT_PULL_LIMIT, device_id)
    return body[:-1] + ',"page":' + page + "}"


def _apply(conn: Connection, db: ServerDB, head: Any, req: PushRequest, *, studio_id: str,
           device_id: str) -> str:
    changes = req.changes
    rows: dict[str, Any] = {r.id: r for r in conn.execute(
        _EXISTING, {"studio_id": studio_id, "ids": [c.id for c in changes]})} if changes else {}
    needed = [sha for c in changes if not c.deleted for sha in blob_refs(c.entity, c.data)]
    complete = set(conn.execute(_COMPLETE, {"studio_id": studio_id, "shas": needed}).scalars()
                   ) if needed else set()
    refused = _problems(conn, studio_id, changes)
    numbers = _Numbers(conn, studio_id, [c for i, c in enumerate(changes) if i not in refused])
    feed_seq: int = head.feed_seq
    row_count: int = head.row_count
    digest = int(head.digest or "0", 16)
    results: list[dict[str, Any]] = []
    fresh: dict[str, dict[str, Any]] = {}  # new rows, inserted in bulk below
    changed: list[dict[str, Any]] = []  # existing rows, updated in bulk below
    conflicts: list[dict[str, Any]] = []
    for i, c in enumerate(changes):
        row = rows.get(c.id)
        if i in refused:
            # Refused by the row schema: the server's copy (if any) stands; the
            # rest of the batch applies.
            mine = row if row is not None and row.entity == c.entity else None
            results.append(_result(c, "rejected", mine.version if mine is not None else 0,
                                   server=mine, reason=refused[i]))
            continue
        if c.id in fresh or (row is not None and row.entity != c.entity):
            # The same new row twice in one batch, or another entity's id: refused.
            results.append(_result(c, "rejected", server=row))
            continue
        if not c.deleted and any(sha not in complete for sha in blob_refs(c.entity, c.data)):
            results.append(_result(c, "missing_blob"))
            continue
        if numbers.taken(c, row):
            # Another case of the studio holds this number: the PC renumbers its case.
            results.append(_result(c, "case_no_taken", row.version if row else 0, row))
            continue
        if row is None:
            numbers.claim(c)
            feed_seq += 1
            row_count += 1
            digest += row_hash(c.entity, c.id, feed_seq)
            fresh[c.id] = {"studio_id": studio_id, "id": c.id, "entity": c.entity,
                           "version": feed_seq, "seq": feed_seq, "deleted": c.deleted,
                           "data": c.data, "device_id": device_id}
            results.append(_result(c, "applied", feed_seq))
        elif row.data == c.data and bool(row.deleted) == c.deleted:
            results.append(_result(c, "unchanged", row.version))
        elif c.entity in APPEND_ONLY or _replaces_signed(row, c.data):
            # Append-only rows and signed documents are never replaced.
            results.append(_result(c, "rejected", row.version, row))
        elif c.base_version != row.version and same_meaning(c.entity, row.data, c.data) \
                and bool(row.deleted) == c.deleted:
            # Stale, but saying what the stored copy says (only updated_at or the
            # spelling of a value differs): nothing for a person to choose between.
            results.append(_result(c, "unchanged", row.version))
        elif c.base_version != row.version:
            conflict_id = new_id()
            conflicts.append({"id": conflict_id, "studio_id": studio_id, "entity": c.entity,
                              "row_id": c.id, "server_version": row.version,
                              "server_data": row.data, "server_deleted": bool(row.deleted),
                              "client_data": c.data, "client_deleted": c.deleted,
                              "client_base": c.base_version, "device_id": device_id,
                              "created_at": utcnow()})
            results.append(_result(c, "conflict", row.version, row, conflict_id=conflict_id))
        else:
            numbers.claim(c)
            feed_seq += 1
            if row.version > 0:
                digest -= row_hash(row.entity, row.id, row.version)
            digest += row_hash(c.entity, c.id, feed_seq)
            changed.append({"b_studio_id": studio_id, "b_id": c.id, "b_version": feed_seq,
                            "b_data": c.data, "b_deleted": c.deleted,
                            "b_device_id": device_id})
            # Later changes of this batch meet the row as it is now.
            rows[c.id] = _Held(c.entity, c.id, feed_seq, c.deleted, c.data)
            results.append(_result(c, "applied", feed_seq))
    new_audit = []
    if req.audit:
        have = set(conn.execute(_AUDIT_HAVE, {"studio_id": studio_id,
                                              "ids": [a.id for a in req.audit]}).scalars())
        for a in req.audit:
            if a.id not in have:
                new_audit.append({"studio_id": studio_id, "id": a.id, "device_id": device_id,
                                  "data": a.data})
                have.add(a.id)
    result = {"batch_id": req.batch_id, "results": results, "audit_stored": len(new_audit),
              "replayed": False}
    with _pipelined(conn):  # writes only: nothing below reads a result
        if fresh:
            conn.execute(_INSERT_ROWS, list(fresh.values()))
        if changed:
            conn.execute(_UPDATE_ROW, changed)
        if conflicts:
            conn.execute(_INSERT_CONFLICT, conflicts)
        if feed_seq != head.feed_seq:
            conn.execute(_UPDATE_STUDIO, {"b_studio_id": studio_id, "b_feed_seq": feed_seq,
                                          "b_digest": f"{digest % DIGEST_MOD:064x}",
                                          "b_row_count": row_count})
        numbers.save(db.engine.dialect.name)
        if new_audit:
            conn.execute(_INSERT_AUDIT, new_audit)
        conn.execute(_INSERT_BATCH, {"studio_id": studio_id, "batch_id": req.batch_id,
                                     "result": {**result, "page": None},
                                     "created_at": utcnow()})
    body = _dumps(result)
    if req.pull_cursor is None:
        return body
    # The page in the same transaction: it holds the feed's lock, so it shows exactly
    # the feed as committed with this batch.
    return body[:-1] + ',"page":' + _page(conn, studio_id, req.pull_cursor,
                                          DEFAULT_PULL_LIMIT, device_id) + "}"


@contextlib.contextmanager
def _pipelined(conn: Connection) -> Iterator[None]:
    """PostgreSQL: the statements of the block go out together (psycopg's pipeline
    mode) and their outcomes come back at its end, one round trip instead of one
    each — each is a wake-up of the server thread and of a PostgreSQL backend, which
    on 2 shared cores is where a push's time went.  Only for statements whose results
    nobody reads (an error still raises, at the end of the block).  SQLite runs
    in-process: nothing to save."""
    if conn.dialect.name != "postgresql":
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.pipeline():
        yield


class _Numbers:
    """The case numbers of one push: which are held (``case_number``), the new claims,
    and the number counters moved past every pushed serial, so a lease never hands
    out a number a case already carries (a PC numbering on its own before enrolment
    pushes cases 1..50: the studio's counter for that year goes to 51)."""

    def __init__(self, conn: Connection, studio_id: str, changes: list[Change]) -> None:
        self.conn = conn
        self.studio_id = studio_id
        wanted = list({n for c in changes if (n := _case_no(c.entity, c.data))})
        self.holders: dict[str, str] = dict(conn.execute(
            _HOLDERS, {"studio_id": studio_id, "nos": wanted}).all()
        ) if wanted else {}
        self.claims: dict[str, str] = {}
        self.top: dict[tuple[str, int], int] = {}

    def taken(self, c: Change, row: Any) -> bool:
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

    def save(self, dialect: str) -> None:
        if self.claims:
            self.conn.execute(_INSERT_NUMBERS, [
                {"studio_id": self.studio_id, "case_no": no, "case_id": case_id}
                for no, case_id in self.claims.items()])
        if self.top:
            self.conn.execute(_RAISE_COUNTERS[dialect], [
                {"studio_id": self.studio_id, "prefix": prefix, "year": year,
                 "next_free": serial + 1} for (prefix, year), serial in self.top.items()])


def _case_no(entity: str, data: dict[str, Any]) -> str | None:
    no = data.get("case_no") if entity == "case" else None
    return no if isinstance(no, str) and no else None


def _replaces_signed(row: Any, data: dict[str, Any]) -> bool:
    return (row.entity == "agreement" and bool(row.data.get("signed_blob"))
            and data.get("signed_blob") != row.data.get("signed_blob"))


# A page of the feed and, in the same statement, the studio's digest (one row with
# no feed columns when the page is empty).
_PAGE = (select(_S.c.digest, _R.c.entity, _R.c.id, _R.c.version, _R.c.deleted,
                cast(_R.c.data, Text).label("data"), _R.c.seq, _R.c.device_id)
         .select_from(_S.outerjoin(_R, and_(_R.c.studio_id == _S.c.id,
                                           _R.c.seq > bindparam("cursor"))))
         .where(_S.c.id == bindparam("studio_id"))
         .order_by(_R.c.seq).limit(bindparam("limit")))


def _page(conn: Connection, studio_id: str, cursor: int, limit: int, skip_device: str) -> str:
    """A :class:`PullPage` as JSON text, each row's stored ``data`` spliced in as it is
    (a first sync moves every row of the studio through here)."""
    found = conn.execute(_PAGE, {"studio_id": studio_id, "cursor": cursor,
                                 "limit": limit + 1}).all()
    # No row at all: no such studio; one without feed columns: nothing past the cursor.
    scanned = found if found and found[0].seq is not None else []
    more = len(scanned) > limit
    digest = found[0].digest if found and not more else None
    scanned = scanned[:limit]
    rows = ",".join(
        f'{{"entity":{_dumps(r.entity)},"id":{_dumps(r.id)},"version":{int(r.version)},'
        f'"deleted":{"true" if r.deleted else "false"},"data":{r.data}}}'
        for r in scanned if not skip_device or r.device_id != skip_device)
    return (f'{{"rows":[{rows}],"cursor":{scanned[-1].seq if scanned else cursor},'
            f'"more":{"true" if more else "false"},"digest":{_dumps(digest)}}}')


def pull(db: ServerDB, studio_id: str, cursor: int, limit: int, *,
         skip_device: str = "") -> str:
    """A page of the feed as JSON text shaped like :class:`PullPage`, and the digest on
    the last page (in the same snapshot).

    Rows whose current version ``skip_device`` wrote itself are left out of the page
    (it learnt their versions from its push results); the cursor still passes them."""
    with db.read_conn() as conn:
        return _page(conn, studio_id, cursor, limit, skip_device)


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
