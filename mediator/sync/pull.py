"""The pull half of the sync engine: pages of the studio feed applied locally.

Each page and the new cursor commit in one local transaction.  A row with an
unsent local change is left alone: the push decides (an accepted push, or a
conflict kept for a person).  A pulled case whose number a case of this PC
carries, one the server has not accepted, takes that number: the local case is
renumbered in the same transaction (:mod:`mediator.sync.renumber`).

A row this PC cannot apply (the row schema refuses it, or the database does) never
stops the pull: it is set aside (:mod:`mediator.sync.aside`), the rest of the page
applies and the cursor moves on.  A row whose reference is still dangling once the
whole feed is here is set aside too (foreign keys are off while pages apply).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import Counter
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, lazyload
from sqlalchemy.orm.attributes import flag_modified

from mediator.store.database import Database
from mediator.store.models import Case, Meta, OutboxEntry, Synced, SyncState
from mediator.store.tables import SYNCED_MODELS
from mediator.sync import aside, index, renumber
from mediator.sync import rows as wire_rows
from mediator.sync.index import CaseText
from mediator.sync.protocol import PullPage, WireRow, check, digest_add, references
from mediator.sync.report import SyncReport

log = logging.getLogger(__name__)

META_REINDEX = "sync_reindex_cases"  # pulled cases whose search text is not yet rebuilt


def _failpoint(name: str) -> None:
    """``MEDIATOR_SYNC_FAILPOINT=pull_apply=2``: die in the 2nd page of a pull (tests)."""
    spec = os.environ.get("MEDIATOR_SYNC_FAILPOINT", "")
    if not spec:
        return
    target, _, n = spec.partition("=")
    if target != name:
        return
    count = int(os.environ.get("_MEDIATOR_FP_COUNT", "0")) + 1
    os.environ["_MEDIATOR_FP_COUNT"] = str(count)
    if count >= int(n or "1"):
        os._exit(17)


class Puller:
    """Mixed into :class:`~mediator.sync.engine.SyncEngine` (which provides these)."""

    db: Database
    page_size: int
    case_text: CaseText | None
    numberer: renumber.CaseNumberer | None
    _server_digest: str | None
    _refused: dict[str, str]
    _renumbers: int
    _pulled_ids: dict[str, set[str]]  # entity -> ids applied by the pull under way

    def call(self, st: SyncState, method: str, path: str, **kw: Any) -> Any:
        raise NotImplementedError

    def _number_leases(self, st: SyncState, years: dict[int, int]) -> None:
        raise NotImplementedError

    def _adopt(self, s: Session, studio_id: str, row: WireRow, local: Synced | None,
               digest: str) -> str:
        """Make the local row the server's copy (version included); returns the digest."""
        model = SYNCED_MODELS.get(row.entity)
        if model is None:
            return digest
        values = wire_rows.from_data(row.entity, row.data)
        if local is None:
            obj = model(id=row.id, studio_id=studio_id, version=row.version,  # type: ignore[call-arg]
                        deleted=row.deleted, **values)
            s.add(obj)
        else:
            digest = digest_add(digest, row.entity, row.id, local.version, -1)
            for key, value in values.items():
                setattr(local, key, value)
            local.deleted = row.deleted
            local.version = row.version
            if "updated_at" in values:
                flag_modified(local, "updated_at")
        s.flush()
        return digest_add(digest, row.entity, row.id, row.version)

    # ------------------------------------------------------------------ pull
    def _pull(self, st: SyncState, report: SyncReport, *, repair: bool = False) -> None:
        """Pull every page; remembers the server digest the last page carried."""
        cursor = 0 if repair else st.cursor
        page_no = 0
        while True:
            params: dict[str, Any] = {"cursor": cursor, "limit": self.page_size}
            if repair:
                params["all"] = "true"  # our own writes too: this copy may have lost them
            page = PullPage.model_validate(self.call(st, "GET", "/pull", params=params))
            page_no += 1
            if page.rows or page.cursor != cursor:
                self._apply_page(st, page, report, page_no, keep_cursor=repair)
            cursor = page.cursor
            if not page.more:
                self._server_digest = page.digest
                self._set_aside_dangling(report)
                return

    def _apply_page(self, st: SyncState, page: PullPage, report: SyncReport, page_no: int,
                    *, keep_cursor: bool) -> None:
        self._numbers_for_clashes(st, page)
        # Rows of one page may refer to rows of a later one (the feed holds each row at
        # its newest sequence), so foreign keys are checked by the feed's completeness,
        # not per page: this one connection turns them off for the page's transaction.
        with self.db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with Session(bind=conn.execution_options(mediator_write=True),
                             expire_on_commit=False) as s, s.begin():
                    self._apply_rows(s, st, page, report, page_no=page_no,
                                     keep_cursor=keep_cursor)
                    self.db.prepare_commit(s)  # derived tables (Today's due dates)
            finally:
                raw.execute("PRAGMA foreign_keys=ON")

    def _apply_rows(self, s: Session, st: SyncState, page: PullPage, report: SyncReport, *,
                    page_no: int, keep_cursor: bool) -> None:
        repair = keep_cursor  # a repair pull re-reads the feed from 0; it sets what differs
        state = s.get(SyncState, 1)
        assert state is not None
        digest = self._set_aside_unreadable(s, page, report, state.digest)
        ids = [r.id for r in page.rows]
        pending = set(s.execute(select(OutboxEntry.entity_id).where(
            OutboxEntry.entity_id.in_(ids))).scalars()) if ids else set()
        by_entity: dict[str, list[WireRow]] = {}
        for r in page.rows:
            by_entity.setdefault(r.entity, []).append(r)
        applied: list[tuple[str, str]] = []
        held = {a.id: a for a in aside.all_rows(s)} if ids else {}
        for entity, page_rows in by_entity.items():
            model = SYNCED_MODELS.get(entity)
            if model is None:
                continue  # an entity of a newer desktop version
            rows, digest = self._screen(s, entity, page_rows, held, report, digest=digest,
                                        repair=repair)
            clash = renumber.clashes(s, st.studio_id, rows) if entity == "case" else {}
            known = dict(s.execute(select(model.id, model.version)
                                   .where(model.id.in_([r.id for r in rows]))).all())
            stale = [r.id for r in rows if r.id in known and (
                known[r.id] < r.version or (repair and known[r.id] != r.version))]
            existing = {o.id: o for o in s.execute(
                select(model).where(model.id.in_(stale)).options(lazyload("*"))).scalars()
                } if stale else {}
            fresh: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for r in rows:
                if r.id in known and (known[r.id] == r.version
                                      or (known[r.id] > r.version and not repair)):
                    continue  # already here (our own push coming back, or newer)
                if r.id in pending:
                    report.deferred.append(r.id)
                    continue
                if clash and not self._free_number(s, r, clash, rows, applied):
                    if self.numberer is not None:
                        # Its number is held here by a case the server accepted: the
                        # feed itself is inconsistent (an older server let it in).
                        digest = self._count_aside(digest, entity, r, None, known.get(r.id, 0))
                        aside.put(s, entity=entity, row_id=r.id, version=r.version,
                                  kind="pulled", data=r.data,
                                  reason="case_no_taken 案号与本机另一件已同步的案件相同。")
                        report.set_aside += 1
                    continue
                local = existing.get(r.id)
                if local is None:
                    values = wire_rows.from_data(entity, r.data)
                    values.update(id=r.id, studio_id=st.studio_id, version=r.version,
                                  deleted=r.deleted)
                    fresh.setdefault(tuple(sorted(values)), []).append(values)
                    digest = digest_add(digest, entity, r.id, r.version)
                else:
                    digest = self._adopt_or_set_aside(s, st.studio_id, r, local,
                                                      digest=digest, report=report)
                applied.append((entity, r.id))
                self._pulled_ids.setdefault(entity, set()).add(r.id)
                report.pulled += 1
            for params in fresh.values():
                self._insert(s, model, entity, params, report)
        if page_no > 1 or len(page.rows) > 1:
            _failpoint("pull_apply")
        # A case's parties may come pages after it: the index is brought up to date once,
        # at the end of the pull; the list of cases to index commits with each page.
        touched = index.cases_touched(s, applied)
        if touched:
            row = s.get(Meta, META_REINDEX)
            waiting = set(row.value.split(",")) if row is not None and row.value else set()
            s.merge(Meta(key=META_REINDEX, value=",".join(sorted(waiting | touched))))
        state.digest = digest
        if not keep_cursor:
            state.cursor = max(state.cursor, page.cursor)
            st.cursor = state.cursor

    # ------------------------------------------------------------------ rows set aside
    def _screen(self, s: Session, entity: str, rows: list[WireRow],
                held: dict[str, aside.SetAside], report: SyncReport, *, digest: str,
                repair: bool) -> tuple[list[WireRow], str]:
        """The rows of a page worth applying; the others are set aside here.

        A set-aside pulled row counts in the digest at its version, as the server's
        does, instead of the local copy's (if any)."""
        keep: list[WireRow] = []
        local: dict[str, int] | None = None
        for r in rows:
            before = held.get(r.id)
            if before is not None and before.kind == "pulled":
                if before.version > r.version or (before.version == r.version and not repair):
                    continue  # already set aside at this version: nothing new
                if before.version == r.version:
                    continue  # a repair pull meets it again: still set aside
            problem = check(entity, r.data)
            if problem is None:
                if before is not None and before.kind == "pulled":
                    # A valid version replaces the one set aside: back to the local copy.
                    local = local if local is not None else self._versions(s, entity, rows)
                    digest = digest_add(digest, entity, r.id, before.version, -1)
                    digest = digest_add(digest, entity, r.id, local.get(r.id, 0))
                    aside.resolve(s, r.id)
                keep.append(r)
                continue
            local = local if local is not None else self._versions(s, entity, rows)
            digest = self._count_aside(digest, entity, r, before, local.get(r.id, 0))
            aside.put(s, entity=entity, row_id=r.id, version=r.version, kind="pulled",
                      reason=str(problem), data=r.data)
            report.set_aside += 1
            log.warning("pulled %s %s v%d set aside: %s", entity, r.id, r.version,
                        problem.code)
        return keep, digest

    @staticmethod
    def _set_aside_unreadable(s: Session, page: PullPage, report: SyncReport,
                              digest: str) -> str:
        """Entries of a page that are not rows: set aside by whatever id they carry,
        counted in the digest when they carry a usable (entity, id, version)."""
        for raw in page.unreadable:
            r = raw if isinstance(raw, dict) else {}
            entity, row_id, version = r.get("entity"), r.get("id"), r.get("version")
            if not isinstance(row_id, str) or not row_id or not isinstance(entity, str):
                log.warning("pulled an entry that is not a row: left out")
                continue
            usable = isinstance(version, int) and not isinstance(version, bool)
            before = aside.get(s, row_id)
            if before is not None and usable and before.version == version:
                continue  # met again (a repair pull): already set aside and counted
            if usable and (model := SYNCED_MODELS.get(entity)) is not None:
                local = s.execute(select(model.version).where(model.id == row_id)
                                  ).scalar_one_or_none()
                old = before.version if before is not None else (local or 0)
                digest = digest_add(digest_add(digest, entity, row_id, old, -1), entity,
                                    row_id, int(version))  # type: ignore[arg-type]
            aside.put(s, entity=entity[:40], row_id=row_id,
                      version=int(version) if usable else 0,  # type: ignore[arg-type]
                      kind="pulled", reason="bad_row 服务器发来的记录格式不正确。")
            report.set_aside += 1
            log.warning("pulled %s %s set aside: not a row", entity[:40], row_id[:36])
        return digest

    @staticmethod
    def _versions(s: Session, entity: str, rows: list[WireRow]) -> dict[str, int]:
        model = SYNCED_MODELS[entity]
        return dict(s.execute(select(model.id, model.version).where(
            model.id.in_([r.id for r in rows]))).all())

    @staticmethod
    def _count_aside(digest: str, entity: str, r: WireRow, before: aside.SetAside | None,
                     local_version: int) -> str:
        old = before.version if before is not None and before.kind == "pulled" \
            else local_version
        digest = digest_add(digest, entity, r.id, old, -1)
        return digest_add(digest, entity, r.id, r.version)

    def _insert(self, s: Session, model: type[Synced], entity: str,
                params: list[dict[str, Any]], report: SyncReport) -> None:
        """New rows in bulk; if the database refuses the batch, one by one, and the
        ones it refuses are set aside (their versions already count in the digest)."""
        with contextlib.suppress(SQLAlchemyError, ValueError, TypeError):
            with s.begin_nested():
                s.execute(insert(model), params)
            return
        # The batch was refused (rolled back to the savepoint): find the row(s) why.
        for values in params:
            try:
                with s.begin_nested():
                    s.execute(insert(model), [values])
            except (SQLAlchemyError, ValueError, TypeError) as exc:
                self._note_refused(s, entity, values["id"], values["version"], exc=exc,
                                   report=report)

    def _adopt_or_set_aside(self, s: Session, studio_id: str, r: WireRow,
                            local: Synced | None, *, digest: str, report: SyncReport) -> str:
        try:
            with s.begin_nested():
                return self._adopt(s, studio_id, r, local, digest)
        except (SQLAlchemyError, ValueError, TypeError) as exc:
            self._note_refused(s, r.entity, r.id, r.version, exc=exc, report=report,
                                   data=r.data)
            return self._count_aside(digest, r.entity, r, None,
                                     local.version if local is not None else 0)

    @staticmethod
    def _note_refused(s: Session, entity: str, row_id: str, version: int, *,
                      exc: Exception, report: SyncReport, data: Any = None) -> None:
        # The exception's text holds the statement and its parameters: only its kind
        # goes anywhere (the parameters are personal data).
        kind = type(getattr(exc, "orig", None) or exc).__name__
        aside.put(s, entity=entity, row_id=row_id, version=version, kind="pulled",
                  reason=f"db_refused:{kind} 本机数据库无法保存此记录。", data=data)
        report.set_aside += 1
        log.warning("pulled %s %s v%d set aside: the database refused it (%s)", entity,
                    row_id, version, kind)

    def _set_aside_dangling(self, report: SyncReport) -> None:
        """Once the whole feed is here: rows pulled in this pull whose references name
        no row are set aside (their targets were set aside, or never existed), so
        nothing that checks foreign keys later (a backup's check, an edit) trips on
        them.  Only this pull's rows are looked at: a sync stays cheap."""
        pulled, self._pulled_ids = self._pulled_ids, {}
        dangling: list[tuple[str, str]] = []
        with self.db.read() as s:
            for entity, ids in pulled.items():
                model = SYNCED_MODELS.get(entity)
                if model is None:
                    continue
                t = model.__table__  # type: ignore[attr-defined]
                for f in references(entity):
                    target = SYNCED_MODELS.get(f.ref)
                    if target is None or f.name not in t.c:
                        continue
                    col = t.c[f.name]
                    tid = target.__table__.c.id  # type: ignore[attr-defined]
                    chunk = sorted(ids)
                    for i in range(0, len(chunk), 5000):
                        dangling.extend((entity, rid) for rid in s.execute(
                            select(t.c.id).where(t.c.id.in_(chunk[i:i + 5000]),
                                                 col.is_not(None), t.c.version > 0,
                                                 col.not_in(select(tid)))).scalars())
        if not dangling:
            return
        with self.db.write() as s:
            for entity, rid in dict.fromkeys(dangling):
                t = SYNCED_MODELS[entity].__table__  # type: ignore[attr-defined]
                row = s.execute(select(t).where(t.c.id == rid)).mappings().first()
                if row is None:
                    continue
                aside.put(s, entity=entity, row_id=rid, version=row["version"],
                          kind="pulled", reason="reference 所引用的记录不存在。",
                          data=wire_rows.mapping_to_data(entity, row))
                s.execute(delete(t).where(t.c.id == rid))
                report.set_aside += 1
                log.warning("pulled %s %s set aside: a reference names no row", entity, rid)

    # ------------------------------------------------------------------ case numbers
    def _local_clashes(self, s: Session, st: SyncState, rows: list[WireRow]) -> list[Case]:
        """This PC's cases the server has not accepted that carry a pulled case's number."""
        return [c for c in renumber.clashes(s, st.studio_id, rows).values() if c.version == 0]

    def _numbers_for_clashes(self, st: SyncState, page: PullPage) -> None:
        """Before a page is applied: lease numbers for the cases it will renumber."""
        with self.db.read() as s:
            years = Counter(c.year for c in self._local_clashes(
                s, st, [r for r in page.rows if r.entity == "case"]))
        if years:
            self._number_leases(st, dict(years))

    def _free_number(self, s: Session, r: WireRow, clash: dict[str, Case],
                     rows: list[WireRow], applied: list[tuple[str, str]]) -> bool:
        """Make the pulled case ``r``'s number free here; False if it cannot be (the row
        is then left out: a case the server accepted is never renumbered here)."""
        case = clash.pop(r.data.get("case_no") or "", None)
        if case is None:
            return True
        moving = {x.id: x.data.get("case_no") for x in rows}
        if case.id in moving and moving[case.id] != case.case_no:
            return True  # the page moves that case to another number itself
        if case.version != 0 or self.numberer is None:
            log.warning("pulled case %s clashes with accepted local case %s: left out",
                        r.id, case.id)
            return False
        avoid = {x.data.get("case_no") for x in rows}
        renumber.renumber(s, case, self.numberer, avoid=avoid)
        self._renumbers += 1
        applied.append(("case", case.id))  # its search text changes too
        return True

    def _renumber_refused(self, st: SyncState) -> None:
        """Renumber the cases whose push the server refused for a taken number and
        that still carry it (the pull normally did it, if it brought the holder)."""
        if not self._refused or self.numberer is None:
            self._refused.clear()
            return
        with self.db.read() as s:
            years = Counter(c.year for c in s.execute(select(Case).where(
                Case.id.in_(list(self._refused)), Case.version == 0).options(
                lazyload("*"))).scalars() if c.case_no == self._refused[c.id])
        if years:
            self._number_leases(st, dict(years))
        with self.db.write() as s:
            for case in s.execute(select(Case).where(
                    Case.id.in_(list(self._refused)), Case.version == 0).options(
                    lazyload("*"))).scalars():
                if case.case_no == self._refused[case.id]:
                    renumber.renumber(s, case, self.numberer)
                    self._renumbers += 1
            index.reindex(s, set(self._refused), self.case_text)
        self._refused.clear()

    def _flush_reindex(self) -> None:
        with self.db.read() as s:
            if s.execute(select(Meta.key).where(Meta.key == META_REINDEX)).first() is None:
                return
        with self.db.write() as s:
            row = s.get(Meta, META_REINDEX)
            if row is None:
                return
            index.reindex(s, {c for c in row.value.split(",") if c}, self.case_text)
            s.delete(row)
