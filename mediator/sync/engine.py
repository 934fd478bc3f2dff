"""The desktop sync engine: one round = leases, push, pull, digest check.

Runs on a worker thread (never the GUI thread) and only ever holds the SQLite
write lock for one short transaction at a time, so the app stays usable.

* **Push**: the outbox is packed into a batch (the rows' *current* state, each
  with the server version it was based on) which is stored locally *before* it
  is sent.  After a lost answer the same batch id and body go again; the server
  returns its stored result and applies nothing twice.  Blobs go first.
* **Pull** (:mod:`mediator.sync.pull`): pages of the studio feed; each page and
  the new cursor commit in one local transaction.  A row with an unsent local
  change is left alone: the push decides (an accepted push, or a conflict kept
  for a person).
* **Case numbers** (:mod:`mediator.sync.renumber`): a case numbered before
  enrolment whose number another PC's case already holds is refused by the
  server ("case_no_taken"); the pull brings that case and this PC's case takes a
  fresh number from its leased blocks, then goes again in the same round.
* **Digest**: both sides keep a sum of hashes of (entity, id, version).  After a
  quiet round they must agree; if not, a repair pull from the beginning brings
  back whatever differs.  Nothing is ever wiped.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import lazyload

from mediator.domain.case_number import NumbersExhaustedError
from mediator.domain.ids import new_id
from mediator.errors import SyncError, SyncErrorKind
from mediator.store.database import Database
from mediator.store.models import (
    AuditEvent,
    Case,
    LeasedNumberBlock,
    Meta,
    OutboxEntry,
    Studio,
    SyncBatch,
    SyncConflict,
    SyncState,
)
from mediator.store.tables import SYNCED_MODELS
from mediator.sync import aside, blobs, index, renumber
from mediator.sync import rows as wire_rows
from mediator.sync.blobs import blob_file, blob_refs
from mediator.sync.client import ServerClient, ServerRefused
from mediator.sync.index import CaseText
from mediator.sync.meaning import same_meaning
from mediator.sync.protocol import (
    BATCH_CHANGES,
    DEFAULT_PULL_LIMIT,
    LEASE_BLOCK,
    AuditIn,
    DigestInfo,
    Lease,
    PushResult,
    SetAsideReport,
    TokenPair,
    check,
    digest_add,
    digest_of,
    references,
)
from mediator.sync.pull import Puller
from mediator.sync.report import SyncReport

__all__ = ["SyncEngine", "SyncReport", "blob_file", "blob_refs"]

log = logging.getLogger(__name__)

LEASE_LOW_WATER = 30
MAX_LEASE = 1000  # LeaseRequest.count's upper bound
MAX_FINALISE_LEASES = 50  # leases a round may take for provisional numbers
FULL_CHECK_EVERY = dt.timedelta(hours=6)
META_FULL_CHECK = "sync_full_digest_at"
MAX_PUSH_BATCHES = 1000  # per round (500k rows); the rest goes next round


class SyncEngine(Puller):
    """Sync one local database with the district server."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time,
                 transport: Any = None, page_size: int = DEFAULT_PULL_LIMIT,
                 case_text: CaseText | None = None, full_check: bool | None = None,
                 numberer: renumber.CaseNumberer | None = None) -> None:
        self.db = db
        self.data_dir = db.data_dir
        self.clock = clock
        self.transport = transport
        self.page_size = int(os.environ.get("MEDIATOR_SYNC_PAGE_SIZE", page_size))
        self.client: ServerClient | None = None
        self.case_text = case_text
        self._server_digest: str | None = None
        self._pulled = False  # the last push's answer carried the whole pull
        self.full_check = full_check  # None: every FULL_CHECK_EVERY
        self.numberer = numberer  # services.case_writes.next_case_seq
        self._refused: dict[str, str] = {}  # case id -> its number the server refused
        self._renumbers = 0  # cases renumbered in this round
        self._pulled_ids: dict[str, set[str]] = {}

    # ------------------------------------------------------------------ state
    def state(self) -> SyncState:
        with self.db.read() as s:
            st = s.get(SyncState, 1)
            if st is None:
                raise SyncError("这台电脑尚未注册到区级服务器（mediator enrol 网址 注册码）。",
                                kind=SyncErrorKind.AUTH)
            s.expunge(st)
            return st

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock(), dt.UTC)

    # ------------------------------------------------------------------ round
    def run_once(self) -> SyncReport:
        st = self.state()
        report = SyncReport()
        self._refused.clear()
        self._renumbers = 0
        self.client = ServerClient(st.server_url, ca_file=st.ca_file, transport=self.transport)
        try:
            try:
                self._leases(st)
                self._push(st, report)
                if not self._pulled:
                    self._pull(st, report)
                self._renumber_refused(st)
                if self._renumbers:  # renumbered cases go out in this round
                    self._pulled = False
                    self._push(st, report)
                    if not self._pulled:
                        self._pull(st, report)
                self._set_aside_dangling(report)
                self._flush_reindex()
                report.blobs_down += blobs.download(self._caller(st), self.db)
                self._check_digest(st, report)
                self._report_set_aside(st)
            except SyncError as exc:
                self._note_error(exc)
                raise
            except SQLAlchemyError as exc:
                # Its text holds the SQL and its parameters (personal data): the log in
                # the data dir gets the kind of error, the person a plain sentence.
                log.error("sync failed on the local database: %s",
                          type(getattr(exc, "orig", None) or exc).__name__)
                error = SyncError("同步时本机数据库出错，本次同步未完成；已同步的部分已保存。"
                                  "请稍后重试，如反复出现请联系技术支持。",
                                  kind=SyncErrorKind.PROTOCOL)
                self._note_error(error)
                raise error from None
            with self.db.write() as s:
                row = s.get(SyncState, 1)
                assert row is not None
                row.last_sync_at = self._now()
                row.last_error = ""
                row.revoked = False
                report.renumbered = renumber.take_reported(s)
        finally:
            report.bytes_sent = self.client.bytes_sent
            report.bytes_received = self.client.bytes_received
            self.client.close()
            self.client = None
        with self.db.read() as s:
            report.pending = int(s.execute(select(func.count()).select_from(OutboxEntry))
                                 .scalar_one())
            report.open_conflicts = int(s.execute(
                select(func.count()).select_from(SyncConflict)
                .where(SyncConflict.resolved_at.is_(None))).scalar_one())
        return report

    def _note_error(self, exc: SyncError) -> None:
        try:
            with self.db.write() as s:
                row = s.get(SyncState, 1)
                if row is not None:
                    row.last_error = exc.message
                    if exc.kind is SyncErrorKind.AUTH and getattr(exc, "code", "") in (
                            "revoked", "refresh_reused"):
                        row.revoked = True
        except Exception:  # the sync error itself is what the user must see
            log.exception("could not record the sync error")

    def _report_set_aside(self, st: SyncState) -> None:
        """Tell the server (its log) about rows set aside here since the last report."""
        with self.db.read() as s:
            waiting = [a for a in aside.all_rows(s) if not a.reported][:1000]
        if not waiting:
            return
        body = SetAsideReport.model_validate({"rows": [
            {"entity": a.entity[:40], "id": a.id, "version": a.version,
             "reason": f"{a.kind} {a.reason}"[:300]} for a in waiting]})
        self.call(st, "POST", "/set-aside", body=body.model_dump())
        with self.db.write() as s:
            aside.mark_reported(s, [a.id for a in waiting])

    # ------------------------------------------------------------------ auth
    def _token(self, st: SyncState, *, force: bool = False) -> str:
        expires = st.access_expires_at
        if not force and st.access_token and expires is not None and expires > self._now():
            return st.access_token
        assert self.client is not None
        pair = TokenPair.model_validate(self.client.call(
            "POST", "/token", body={"refresh_token": st.refresh_token}))
        with self.db.write() as s:
            row = s.get(SyncState, 1)
            assert row is not None
            row.access_token = pair.access_token
            row.refresh_token = pair.refresh_token
            row.access_expires_at = self._now() + dt.timedelta(
                seconds=max(0, pair.access_expires_in - 30))
        st.access_token, st.refresh_token = pair.access_token, pair.refresh_token
        st.access_expires_at = self._now() + dt.timedelta(seconds=pair.access_expires_in - 30)
        return st.access_token

    def _caller(self, st: SyncState) -> Callable[..., Any]:
        return lambda method, path, **kw: self.call(st, method, path, **kw)

    def call(self, st: SyncState, method: str, path: str, **kw: Any) -> Any:
        assert self.client is not None
        try:
            return self.client.call(method, path, token=self._token(st), **kw)
        except ServerRefused as exc:
            if exc.status != 401 or exc.code not in ("expired", "bad_token"):
                raise
        # Our clock may be off: the server says the access token expired.  Refresh once.
        return self.client.call(method, path, token=self._token(st, force=True), **kw)

    # ------------------------------------------------------------------ leases
    def _leases(self, st: SyncState) -> None:
        """Keep a block of numbers for this year (and next, in December) and lease
        what the cases with a provisional number need, then make theirs final."""
        today = self._now().date()
        years = {today.year: LEASE_LOW_WATER} | (
            {today.year + 1: LEASE_LOW_WATER} if today.month == 12 else {})
        # A lease brings at most MAX_LEASE numbers: a backfill of thousands of last
        # year's cases takes a few leases, in this round.
        for _ in range(MAX_FINALISE_LEASES):
            with self.db.read() as s:
                waiting = Counter(y for (y,) in s.execute(select(Case.year).where(
                    Case.studio_id == st.studio_id, Case.seq < 1, Case.version == 0)))
            for year, n in waiting.items():
                years[year] = years.get(year, 0) + n
            self._number_leases(st, years)
            if not waiting or self._finalise_provisional(st):
                return
            years = {}

    def _finalise_provisional(self, st: SyncState) -> bool:
        """Give each case numbered provisionally (offline, no leased number of its
        year left) its final number from the blocks just leased, before any push
        carries it: the server only ever sees final numbers.  The mediator is told
        ("案号由 X 更正为 Y") and the case keeps the provisional one as its former
        number, which documents printed meanwhile carry.  False if the leased
        numbers ran out before every such case had one."""
        if self.numberer is None:
            return True
        done: set[str] = set()
        with self.db.write() as s:
            cases = s.execute(select(Case).where(
                Case.studio_id == st.studio_id, Case.seq < 1, Case.version == 0)
                .order_by(Case.local_id).options(lazyload("*"))).scalars().all()
            for case in cases:
                try:
                    renumber.renumber(s, case, self.numberer, reason="provisional")
                except NumbersExhaustedError:
                    break
                done.add(case.id)
            index.reindex(s, done, self.case_text)
        return len(done) == len(cases)

    def _number_leases(self, st: SyncState, years: dict[int, int]) -> None:
        """Lease numbers of each year of which fewer than ``years[year]`` are left here
        (a block for this year and next; for an earlier year, as many as needed)."""
        current = self._now().year
        with self.db.read() as s:
            studio = s.get(Studio, st.studio_id)
            if studio is None:
                return
            prefix = studio.case_prefix
            wanted = []
            for year, need in sorted(years.items()):
                left = s.execute(select(func.coalesce(func.sum(
                    LeasedNumberBlock.last - LeasedNumberBlock.next_seq + 1), 0)).where(
                    LeasedNumberBlock.studio_id == st.studio_id,
                    LeasedNumberBlock.prefix == prefix, LeasedNumberBlock.year == year,
                    LeasedNumberBlock.next_seq <= LeasedNumberBlock.last)).scalar_one()
                if left < need:
                    used = s.execute(select(func.coalesce(func.max(Case.seq), 0)).where(
                        Case.studio_id == st.studio_id, Case.year == year,
                        Case.seq >= 1)).scalar_one()  # provisional ones are below
                    count = max(LEASE_BLOCK, need) if year >= current else need - left
                    wanted.append((year, int(used), min(MAX_LEASE, count)))
        for year, used, count in wanted:
            lease = Lease.model_validate(self.call(st, "POST", "/lease", body={
                "prefix": prefix, "year": year, "count": count, "used_max": used}))
            with self.db.write() as s:
                s.add(LeasedNumberBlock(studio_id=st.studio_id, prefix=lease.prefix,
                                        year=lease.year, first=lease.first, last=lease.last,
                                        next_seq=lease.first))

    # ------------------------------------------------------------------ push
    def _push(self, st: SyncState, report: SyncReport) -> None:
        for _ in range(MAX_PUSH_BATCHES):
            batch = self._pending_batch() or self._make_batch(st)
            if batch is None:
                return
            changes: list[dict[str, Any]] = batch.body["changes"]  # made by us: no re-check
            report.blobs_up += blobs.upload(self._caller(st), self.data_dir, changes)
            body = batch.body
            last = self._outbox_drained(batch)
            if last:  # the answer brings the first pull page with it
                body = {**batch.body, "pull_cursor": st.cursor}
            result = PushResult.model_validate(self.call(st, "POST", "/push", body=body))
            if result.batch_id != batch.batch_id:
                raise SyncError("区级服务器的回答与所发批次不符。", kind=SyncErrorKind.PROTOCOL)
            waiting = self._apply_push_result(st, batch, changes, result, report)
            if waiting or self._refused:
                # Rows waiting for a blob, or cases to renumber (after the pull brings
                # the cases holding their numbers): not again before the pull.
                return
            if result.page is not None and last:
                if result.page.rows or result.page.cursor != st.cursor:
                    self._apply_page(st, result.page, report, 1, keep_cursor=False)
                if not result.page.more:
                    self._server_digest = result.page.digest
                    self._pulled = True
                    return

    def _outbox_drained(self, batch: SyncBatch) -> bool:
        """True if ``batch`` holds every change waiting (no outbox entry beyond it)."""
        with self.db.read() as s:
            return s.execute(select(OutboxEntry.seq).where(
                OutboxEntry.seq > batch.upto_outbox_seq).limit(1)).first() is None

    def _pending_batch(self) -> SyncBatch | None:
        with self.db.read() as s:
            batch = s.execute(select(SyncBatch).order_by(SyncBatch.created_at).limit(1)
                              ).scalar_one_or_none()
            if batch is not None:
                s.expunge(batch)
            return batch

    def _make_batch(self, st: SyncState) -> SyncBatch | None:
        with self.db.read() as s:  # the usual case, without taking the write lock
            idle = (s.execute(select(OutboxEntry.seq).limit(1)).first() is None
                    and s.execute(select(AuditEvent.seq).where(
                        AuditEvent.seq > st.audit_cursor).limit(1)).first() is None)
        if idle:
            return None
        with self.db.write() as s:
            entries = s.execute(select(OutboxEntry.seq, OutboxEntry.entity,
                                       OutboxEntry.entity_id).order_by(OutboxEntry.seq)
                                .limit(BATCH_CHANGES * 4)).all()
            # A case registered with a provisional number while this round ran waits,
            # with everything after it, for the next round to make its number final.
            provisional = set(s.execute(select(Case.id).where(Case.seq < 1)).scalars())
            seen: dict[tuple[str, str], None] = {}
            upto = 0
            for seq, entity, entity_id in entries:
                if entity == "case" and entity_id in provisional:
                    break
                key = (entity, entity_id)
                if key not in seen and len(seen) >= BATCH_CHANGES:
                    break
                seen[key] = None
                upto = seq
            changes: list[dict[str, Any]] = []
            by_entity: dict[str, list[str]] = {}
            for entity, row_id in seen:
                by_entity.setdefault(entity, []).append(row_id)
            for entity, ids in by_entity.items():
                model = SYNCED_MODELS.get(entity)
                if model is None:
                    log.warning("outbox entry for an entity that does not sync: %s", entity)
                    continue
                table = model.__table__  # type: ignore[attr-defined]
                for row in s.execute(select(table).where(table.c.id.in_(ids))).mappings():
                    data = wire_rows.mapping_to_data(entity, row)
                    problem = check(entity, data)
                    if problem is not None:
                        # A local bug must not reach the district: kept here, unsent,
                        # until the row is edited into a valid state.
                        aside.put(s, entity=entity, row_id=row["id"], version=row["version"],
                                  kind="local", reason=str(problem))
                        log.warning("local %s %s not sent: %s", entity, row["id"],
                                    problem.code)
                        continue
                    changes.append({
                        "entity": entity, "id": row["id"], "base_version": row["version"],
                        "deleted": bool(row["deleted"]), "data": data})
            audits = s.execute(select(AuditEvent).where(AuditEvent.seq > st.audit_cursor)
                               .order_by(AuditEvent.seq).limit(500)).scalars().all()
            audit_upto = audits[-1].seq if audits else st.audit_cursor
            audit_body = [AuditIn(id=a.id, data={
                "at": a.at.isoformat(), "actor": a.actor, "action": a.action,
                "entity": a.entity, "entity_id": a.entity_id, "detail": a.detail,
                "prev_hash": a.prev_hash, "hash": a.hash}).model_dump() for a in audits]
            if upto == 0 and not audits:
                return None
            batch = SyncBatch(batch_id=new_id(), upto_outbox_seq=upto,
                              upto_audit_seq=audit_upto,
                              body={"batch_id": "", "changes": changes, "audit": audit_body})
            batch.body["batch_id"] = batch.batch_id
            s.add(batch)
            s.flush()
            s.expunge(batch)
            return batch

    def _apply_push_result(self, st: SyncState, batch: SyncBatch,
                           changes: list[dict[str, Any]], result: PushResult,
                           report: SyncReport) -> bool:
        """Apply the server's answer; True if some rows must wait for their blobs."""
        sent = {c["id"]: c for c in changes}
        with self.db.write() as s:
            state = s.get(SyncState, 1)
            assert state is not None
            digest = state.digest
            by_entity: dict[str, list[str]] = {}
            for r in result.results:
                by_entity.setdefault(r.entity, []).append(r.id)
            versions: dict[str, int] = {}
            for entity, ids in by_entity.items():
                model = SYNCED_MODELS.get(entity)
                if model is not None:
                    versions.update(s.execute(select(model.id, model.version)
                                              .where(model.id.in_(ids))).all())
            settled: dict[str, list[dict[str, Any]]] = {}
            retry: list[dict[str, Any]] = []
            held = {a.id for a in aside.all_rows(s) if a.kind == "local"}
            for r in result.results:
                change = sent.get(r.id)
                if change is None or r.entity not in SYNCED_MODELS:
                    continue
                if r.id in held and r.outcome in ("applied", "unchanged"):
                    aside.resolve(s, r.id)  # sent at last, once edited into shape
                if r.outcome == "rejected" and r.reason:
                    if r.reason.startswith("reference") and self._targets_here(
                            s, r.entity, change["data"]):
                        # Its target goes in a later batch of this PC: sent again then.
                        retry.append(change)
                        report.deferred.append(r.id)
                        continue
                    # Refused by the row schema: kept here as it is (never replaced by
                    # the server's copy: that would lose the edit), listed, unsent.
                    local_row = wire_rows.get_row(s, r.entity, r.id)
                    aside.put(s, entity=r.entity, row_id=r.id,
                              version=local_row.version if local_row is not None else 0,
                              kind="local", reason=r.reason)
                    report.set_aside += 1
                    continue
                if r.outcome in ("applied", "unchanged"):
                    report.pushed += r.outcome == "applied"
                    old = versions.get(r.id)
                    if old is not None and old != r.version:
                        digest = digest_add(digest, r.entity, r.id, old, -1)
                        digest = digest_add(digest, r.entity, r.id, r.version)
                        settled.setdefault(r.entity, []).append(
                            {"b_id": r.id, "b_version": r.version})
                elif r.outcome in ("conflict", "rejected") and r.server is not None:
                    local = wire_rows.get_row(s, r.entity, r.id)
                    if r.outcome == "conflict":
                        mine = (wire_rows.to_data(r.entity, local) if local is not None
                                else change["data"])
                        mine_deleted = local.deleted if local is not None else change["deleted"]
                        # An older server calls a stale push that differs only in
                        # bookkeeping a conflict: kept as settled, the server told.
                        same = mine_deleted == r.server.deleted and same_meaning(
                            r.entity, mine, r.server.data)
                        s.add(SyncConflict(
                            id=r.conflict_id or new_id(), entity=r.entity, row_id=r.id,
                            mine=mine, mine_deleted=mine_deleted,
                            theirs=r.server.data, theirs_deleted=r.server.deleted,
                            theirs_version=r.server.version,
                            resolved_at=dt.datetime.now(dt.UTC) if same else None,
                            resolution="same" if same else "",
                            server_told=same and not r.conflict_id))
                        report.conflicts += not same
                        # A newer local edit of the row is kept in the conflict, not pushed.
                        s.execute(delete(OutboxEntry).where(
                            OutboxEntry.entity_id == r.id,
                            OutboxEntry.seq > batch.upto_outbox_seq))
                    digest = self._adopt(s, st.studio_id, r.server, local, digest)
                elif r.outcome == "missing_blob":
                    retry.append(change)
                    report.deferred.append(r.id)
                elif r.outcome == "case_no_taken":
                    local = wire_rows.get_row(s, r.entity, r.id)
                    if local is not None and local.version == 0:
                        retry.append(change)  # renumbered after the pull, then sent again
                        self._refused[r.id] = change["data"].get("case_no") or ""
                    elif r.server is not None:  # the server's copy stands
                        digest = self._adopt(s, st.studio_id, r.server, local, digest)
            for entity, params in settled.items():
                table = SYNCED_MODELS[entity].__table__  # type: ignore[attr-defined]
                # updated_at set to itself: its onupdate must not fire for a version change.
                s.execute(update(table).where(table.c.id == bindparam("b_id"))
                          .values(version=bindparam("b_version"),
                                  updated_at=table.c.updated_at), params)
            s.execute(delete(OutboxEntry).where(OutboxEntry.seq <= batch.upto_outbox_seq))
            for c in retry:
                s.add(OutboxEntry(entity=c["entity"], entity_id=c["id"], op="upsert"))
            state.digest = digest
            state.audit_cursor = max(state.audit_cursor, batch.upto_audit_seq)
            s.execute(delete(SyncBatch).where(SyncBatch.batch_id == batch.batch_id))
            st.audit_cursor = state.audit_cursor
            index.reindex(s, index.cases_touched(s, [
                (r.entity, r.id) for r in result.results
                if r.outcome in ("conflict", "rejected") and r.server is not None]),
                self.case_text)
        return bool(retry)

    @staticmethod
    def _targets_here(s: Any, entity: str, data: dict[str, Any]) -> bool:
        """True if every row ``data`` refers to exists on this PC."""
        for f in references(entity):
            target, model = data.get(f.name), SYNCED_MODELS.get(f.ref)
            if isinstance(target, str) and model is not None and s.execute(
                    select(model.id).where(model.id == target)).first() is None:
                return False
        return True

    # ------------------------------------------------------------------ digest
    def _check_digest(self, st: SyncState, report: SyncReport) -> None:
        with self.db.read() as s:
            busy = s.execute(select(func.count()).select_from(OutboxEntry)).scalar_one() or \
                s.execute(select(func.count()).select_from(SyncBatch)).scalar_one()
        if busy or report.deferred:
            return  # unsent changes: the sides differ on purpose until the next push
        digest = self._server_digest
        if digest is None:
            digest = DigestInfo.model_validate(self.call(st, "GET", "/digest")).digest
        # The running digest follows every version the engine wrote; a full count over
        # the rows themselves (what a damaged or hand-edited database would break) runs
        # when asked (``mediator sync``) and otherwise every FULL_CHECK_EVERY.
        full = self._full_check_due()
        if self._local_digest(recompute=full) == digest:
            report.digest_ok = True
            if full:
                self._note_full_check()
            return
        # The digest of the page may predate a push that landed since: ask afresh.
        digest = DigestInfo.model_validate(self.call(st, "GET", "/digest")).digest
        if self._local_digest(recompute=True) == digest:
            report.digest_ok = True
            return
        log.warning("digest mismatch after sync: repair pull")
        self._pull(st, report, repair=True)
        self._set_aside_dangling(report)
        report.repaired = True
        report.digest_ok = self._local_digest(recompute=True) == digest
        if report.digest_ok:
            self._note_full_check()

    def _full_check_due(self) -> bool:
        if self.full_check is not None:
            return self.full_check
        with self.db.read() as s:
            last = s.execute(select(Meta.value).where(Meta.key == META_FULL_CHECK)
                             ).scalar_one_or_none()
        if last is None:
            return True
        try:
            when = dt.datetime.fromisoformat(last)
        except ValueError:
            return True
        return self._now() - when > FULL_CHECK_EVERY

    def _note_full_check(self) -> None:
        with self.db.write() as s:
            s.merge(Meta(key=META_FULL_CHECK, value=self._now().isoformat()))

    def _local_digest(self, *, recompute: bool) -> str:
        if not recompute:
            return self.state().digest
        with self.db.write() as s:
            # Rows set aside count at the version pulled, in place of any local copy.
            held = aside.versions(s)
            triples: list[tuple[str, str, int]] = []
            for entity, model in SYNCED_MODELS.items():
                triples.extend((entity, rid, v) for rid, v in s.execute(
                    select(model.id, model.version).where(model.version > 0))
                    if (entity, rid) not in held)
            triples.extend((entity, rid, v) for (entity, rid), v in held.items())
            value = digest_of(triples)
            state = s.get(SyncState, 1)
            assert state is not None
            state.digest = value
            return value
