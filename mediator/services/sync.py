"""Sync use cases: enrol this PC, run a sync round, show and resolve conflicts.

Used by the ``mediator enrol`` / ``mediator sync`` commands and by the GUI (on a
worker thread: every method does network or database work).
"""

from __future__ import annotations

import datetime as dt
import platform
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text

from mediator.domain.studio_time import DEFAULT_ZONE
from mediator.errors import NotFoundError, SyncError, SyncErrorKind, ValidationError
from mediator.services.case_writes import next_case_seq
from mediator.services.search_fields import searchable_fields
from mediator.services.workspace import Workspace
from mediator.store import outbox
from mediator.store.models import (
    Case,
    Mediator,
    Meta,
    OutboxEntry,
    Party,
    Studio,
    SyncConflict,
    SyncState,
)
from mediator.store.tables import SYNCED_MODELS
from mediator.sync import rows as wire_rows
from mediator.sync.client import ServerClient, ServerRefused, check_url
from mediator.sync.engine import SyncEngine, SyncReport
from mediator.sync.meaning import differing_fields, same_meaning
from mediator.sync.protocol import EnrolResult

META_STUDIO = "studio_id"
META_MEDIATOR = "mediator_id"
# Tables whose rows carry the studio id (rewritten once when a PC joins a district studio).
_STUDIO_TABLES = (*(m.__tablename__ for m in SYNCED_MODELS.values()),  # type: ignore[attr-defined]
                  "audit_event", "case_number_counter", "leased_number_block")


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str = ""
    last_sync_at: dt.datetime | None = None
    pending: int = 0
    open_conflicts: int = 0
    last_error: str = ""
    revoked: bool = False
    time_zone: str = DEFAULT_ZONE  # the studio's clock, to show last_sync_at on
    enrolled_at: dt.datetime | None = None  # connected since (UTC)


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its code, the two values as text, and the values as
    they travel (for showing them in the user's terms and for keeping one side)."""

    field: str
    mine: str
    theirs: str
    mine_value: Any = None
    theirs_value: Any = None


@dataclass(frozen=True)
class ConflictView:
    """One conflict for the side-by-side page: the fields that differ."""

    id: str
    entity: str
    row_id: str
    title: str
    created_at: dt.datetime
    mine_deleted: bool
    theirs_deleted: bool
    diffs: tuple[FieldDiff, ...]
    time_zone: str = DEFAULT_ZONE  # the studio's clock, to show created_at on
    subject: str = ""  # case number and name, without the kind of record
    kind: str = ""  # the record's own kind (a party: person | organisation)


def _studio_zone(s: Any) -> str:
    """The enrolled studio's clock (times on screen are read on it, as documents print)."""
    st = s.get(SyncState, 1)
    studio = s.get(Studio, st.studio_id) if st is not None else \
        s.execute(select(Studio).limit(1)).scalar_one_or_none()  # not enrolled: this PC's
    return (studio.time_zone if studio is not None else "") or DEFAULT_ZONE


def _case_text(case: Case, parties: list[Any]) -> list[str]:
    """The indexed fields of a case; ``parties`` have name, id_number, phone, address
    and representative (Party rows or lighter result rows).  A case whose number sync
    corrected is found by its former number too (it is on the papers printed before)."""
    fields = searchable_fields(case.case_no, case.summary, case.requests, case.referral_note,
                               parties)
    return [*fields, case.former_case_no] if case.former_case_no else fields


class SyncService:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self._db = ws.db

    # ------------------------------------------------------------------ status
    def status(self) -> SyncStatus:
        with self._db.read() as s:
            st = s.get(SyncState, 1)
            pending = int(s.execute(select(func.count(func.distinct(OutboxEntry.entity_id)))
                                    ).scalar_one())
            conflicts = int(s.execute(select(func.count()).select_from(SyncConflict).where(
                SyncConflict.resolved_at.is_(None))).scalar_one())
            if st is None:
                return SyncStatus(False, pending=pending, open_conflicts=conflicts)
            return SyncStatus(True, st.server_url, st.last_sync_at, pending, conflicts,
                              st.last_error, st.revoked, _studio_zone(s), st.enrolled_at)

    # ------------------------------------------------------------------ enrol
    def enrol(self, url: str, code: str, *, ca_file: str = "", device_name: str = "",
              mediator_name: str = "", transport: Any = None) -> EnrolResult:
        """Register this PC with the district server using a one-time code."""
        url = check_url(url)
        code = code.strip()
        if len(code) < 8:
            raise ValidationError("注册码不完整，请核对区级管理员给出的注册码。", field="code")
        with self._db.read() as s:
            if s.get(SyncState, 1) is not None:
                raise ValidationError("这台电脑已经注册过区级服务器。", field="url")
        setup = self._ws.studio.current()
        from mediator.documents import signing  # noqa: PLC0415 - heavy (pyHanko): only to enrol

        identity = signing.ensure_studio_identity(
            self._ws.data_dir.keys, setup.committee_name if setup else "人民调解工作室")
        csr = signing.certificate_request(identity).decode()
        with ServerClient(url, ca_file=ca_file, transport=transport) as client:
            answer = EnrolResult.model_validate(client.call("POST", "/enrol", body={
                "code": code, "device_name": device_name or platform.node()[:100],
                "csr_pem": csr, "case_prefix": setup.case_prefix if setup else "",
                "committee_name": setup.committee_name if setup else ""}))
        if answer.cert_pem:
            signing.install_certificate(self._ws.data_dir.keys, answer.cert_pem.encode(),
                                        answer.chain_pem.encode())
        with self._db.write() as s:
            self._join_studio(s, answer, mediator_name)
            s.add(SyncState(id=1, server_url=url, ca_file=ca_file, studio_id=answer.studio_id,
                            device_id=answer.device_id, access_token=answer.access_token,
                            refresh_token=answer.refresh_token,
                            access_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(
                                seconds=max(0, answer.access_expires_in - 30))))
        self._ws.studio.invalidate()  # the studio's id may have changed
        return answer

    def _join_studio(self, s: Any, answer: EnrolResult, mediator_name: str) -> None:
        meta = {k: v for k, v in s.execute(select(Meta.key, Meta.value))}
        old = meta.get(META_STUDIO)
        studio = s.get(Studio, old) if old else None
        if studio is None:
            s.add(Studio(id=answer.studio_id, committee_name=answer.studio_name,
                         case_prefix=answer.case_prefix or "某某"))
            s.merge(Meta(key=META_STUDIO, value=answer.studio_id))
        elif old != answer.studio_id:
            for table in _STUDIO_TABLES:
                s.execute(text(f'UPDATE "{table}" SET studio_id = :new WHERE studio_id = :old'),
                          {"new": answer.studio_id, "old": old})
            s.execute(text("UPDATE studio SET id = :new WHERE id = :old"),
                      {"new": answer.studio_id, "old": old})
            s.expire_all()
            s.merge(Meta(key=META_STUDIO, value=answer.studio_id))
            s.flush()
        studio = s.get(Studio, answer.studio_id)
        if answer.case_prefix and studio.case_prefix != answer.case_prefix:
            studio.case_prefix = answer.case_prefix  # every PC of a studio numbers alike
        if mediator_name and not meta.get(META_MEDIATOR):
            # As the first-run set-up does: the person setting up this PC heads it.
            mediator = Mediator(studio_id=answer.studio_id, name=mediator_name, role="head")
            s.add(mediator)
            s.flush()
            s.merge(Meta(key=META_MEDIATOR, value=mediator.id))
            outbox.enqueue(s, "mediator", mediator.id)

    # ------------------------------------------------------------------ sync
    def engine(self, *, clock: Callable[[], float] | None = None, transport: Any = None,
               full_check: bool | None = None) -> SyncEngine:
        kw: dict[str, Any] = {"transport": transport, "case_text": _case_text,
                              "full_check": full_check, "numberer": next_case_seq}
        if clock is not None:
            kw["clock"] = clock
        return SyncEngine(self._db, **kw)

    def sync_now(self, *, clock: Callable[[], float] | None = None, transport: Any = None,
                 full_check: bool | None = None) -> SyncReport:
        """One full round (push, pull, digest check); raises SyncError with a kind.
        ``full_check`` recounts the local digest over every row (default: every 6 h)."""
        eng = self.engine(clock=clock, transport=transport, full_check=full_check)
        report = eng.run_once()
        self._settle_bookkeeping_only()
        self._tell_server_resolved(eng)
        self._ws.studio.invalidate()
        return report

    def _settle_bookkeeping_only(self) -> None:
        """Open conflicts an older version recorded although only bookkeeping differs
        (updated_at, a value's spelling): settled, the server told at once."""
        with self._db.read() as s:  # idle rounds take no write lock
            ids = [c.id for c in s.execute(select(SyncConflict).where(
                SyncConflict.resolved_at.is_(None))).scalars()
                if c.mine_deleted == c.theirs_deleted
                and same_meaning(c.entity, c.mine, c.theirs)]
        if not ids:
            return
        with self._db.write() as s:
            for cid in ids:
                row = s.get(SyncConflict, cid)
                if row is not None and row.resolved_at is None:
                    row.resolved_at = dt.datetime.now(dt.UTC)
                    row.resolution = "same"

    def _tell_server_resolved(self, eng: SyncEngine) -> None:
        with self._db.read() as s:
            ids = list(s.execute(select(SyncConflict.id).where(
                SyncConflict.resolved_at.is_not(None), SyncConflict.server_told.is_(False))
            ).scalars())
        if not ids:
            return
        st = eng.state()
        with ServerClient(st.server_url, ca_file=st.ca_file, transport=eng.transport) as c:
            eng.client = c
            for cid in ids:
                try:
                    eng.call(st, "POST", f"/conflicts/{cid}/resolve")
                except ServerRefused as exc:
                    if exc.status != 404:
                        raise
                with self._db.write() as s:
                    row = s.get(SyncConflict, cid)
                    if row is not None:
                        row.server_told = True
            eng.client = None

    # ------------------------------------------------------------------ conflicts
    def conflicts(self) -> list[ConflictView]:
        with self._db.read() as s:
            out = []
            zone = _studio_zone(s)
            for c in s.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                               .order_by(SyncConflict.created_at)).scalars():
                out.append(ConflictView(
                    c.id, c.entity, c.row_id, self._title(s, c), c.created_at,
                    c.mine_deleted, c.theirs_deleted, _diffs(s, c.entity, c.mine, c.theirs),
                    zone, self._subject(s, c),
                    str(c.theirs.get("kind") or c.mine.get("kind") or "")))
            return out

    def _title(self, s: Any, c: SyncConflict) -> str:
        labels = {"case": "案件", "party": "当事人", "case_party": "当事人身份",
                  "agreement": "调解协议", "mediator": "调解员", "attachment": "附件"}
        label = labels.get(c.entity, c.entity)
        return " ".join(x for x in (label, self._subject(s, c)) if x)

    @staticmethod
    def _subject(s: Any, c: SyncConflict) -> str:
        """Which record: its case number and name (the UI puts the kind before it)."""
        case_no = c.theirs.get("case_no") or c.mine.get("case_no")
        if not case_no and c.theirs.get("case_id"):
            case_no = s.execute(select(Case.case_no).where(Case.id == c.theirs["case_id"])
                                ).scalar_one_or_none()
        name = c.theirs.get("name") or ""
        return " ".join(x for x in (case_no or "", name) if x)

    def resolve(self, conflict_id: str, choice: str,
                merged: dict[str, Any] | None = None) -> None:
        """Resolve a conflict: keep ``theirs`` (the server's), ``mine``, or ``merged`` data.
        Keeping mine or a merge is a new local change, pushed at the next sync."""
        if choice not in ("mine", "theirs", "merged"):
            raise ValidationError("请选择保留哪一方的内容。", field="choice")
        with self._db.write() as s:
            c = s.get(SyncConflict, conflict_id)
            if c is None or c.resolved_at is not None:
                raise NotFoundError("这条冲突已处理或不存在。")
            if choice != "theirs":
                row = wire_rows.get_row(s, c.entity, c.row_id)
                if row is None:
                    raise NotFoundError("冲突涉及的记录在本机不存在。")
                data = dict(c.theirs)
                data.update(c.mine if choice == "mine" else (merged or {}))
                for key, value in wire_rows.from_data(c.entity, data).items():
                    setattr(row, key, value)
                row.deleted = c.mine_deleted if choice == "mine" else False
                outbox.enqueue(s, c.entity, c.row_id)
                if c.entity == "case":
                    assert isinstance(row, Case)
                    s.flush()
            c.resolved_at = dt.datetime.now(dt.UTC)
            c.resolution = choice

    def require_enrolled(self) -> None:
        if not self.status().enrolled:
            raise SyncError("这台电脑尚未注册到区级服务器（mediator enrol 网址 注册码）。",
                            kind=SyncErrorKind.AUTH)


def _diffs(s: Any, entity: str, mine: dict[str, Any], theirs: dict[str, Any]
           ) -> tuple[FieldDiff, ...]:
    """The fields whose meaning differs (never bookkeeping such as updated_at, nor a
    value spelled two ways: :mod:`mediator.sync.meaning`), in the order of the forms."""
    return tuple(FieldDiff(key, _show(s, key, mine.get(key)), _show(s, key, theirs.get(key)),
                           mine.get(key), theirs.get(key))
                 for key in differing_fields(entity, mine, theirs))


# References a person knows by a name: shown as that name, never as a row id.
_NAMED_REFS: dict[str, Any] = {"mediator_id": Mediator.name, "party_id": Party.name,
                               "obligor_id": Party.name, "case_id": Case.case_no}


def _show(s: Any, key: str, value: Any) -> str:
    if value is None:
        return ""
    column = _NAMED_REFS.get(key)
    if column is not None and isinstance(value, str):
        name = s.execute(select(column).where(column.class_.id == value)).scalar_one_or_none()
        return str(name) if name else ""
    if isinstance(value, list):
        return "；".join(_item(v) for v in value)
    return str(value)


def _item(value: Any) -> str:
    """One entry of a list field: a text, or a record (a statement: who said what)."""
    if isinstance(value, dict):
        return "：".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)
