"""SQLAlchemy models of the local (desktop) database.

Every row that travels to the district server carries the sync columns of
:class:`Synced`: a UUIDv7 ``id`` made on this PC, ``studio_id``, ``version``
(assigned by the server; 0 = never synced), ``updated_at`` (display only,
never used for ordering) and ``deleted`` (a tombstone, never a hard delete).

Session records, investigation records, follow-ups and audit events are
append-only: services never update them in place.  Free text that may hold
personal data is never copied anywhere but these tables and the search index.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mediator.domain.ids import new_id


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes stored as naive UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Synced:
    """Columns every synced row has (ARCHITECTURE.md, "Data")."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    studio_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Studio(Base):
    """The studio / people's mediation committee (人民调解委员会 / 调解工作室)."""

    __tablename__ = "studio"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    committee_name: Mapped[str] = mapped_column(String(100))
    case_prefix: Mapped[str] = mapped_column(String(20))  # 桂城 -> （2026）桂城人调字第N号
    # The studio's clock for documents and screen (schema 0005).
    time_zone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai",
                                           server_default="Asia/Shanghai")
    # The kind of mediating body (case_facts.BodyType) the statistics count a case
    # under unless the case says otherwise (schema 0007).
    body_type: Mapped[str] = mapped_column(String(20), default="village",
                                           server_default="village")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Mediator(Synced, Base):
    """A mediator (调解员) or the studio head (工作室负责人)."""

    __tablename__ = "mediator"
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20), default="mediator")  # mediator | head
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Case(Synced, Base):
    """A dispute case (案件). ``local_id`` is the stable local integer the list and
    the search index use; ``id`` is the UUID that travels."""

    __tablename__ = "case"
    __table_args__ = (
        UniqueConstraint("studio_id", "case_no", name="uq_case_no"),
        # Covering indexes of the case list: the whole list in display order, and
        # search hits looked up by local id, both without touching the wide rows.
        Index("ix_case_order", "deleted", "registered_on", "local_id", "status",
              "dispute_type"),
        Index("ix_case_list", "local_id", "deleted", "registered_on", "status",
              "dispute_type"),
    )
    local_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    case_no: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    dispute_type: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")  # 纠纷简要情况
    requests: Mapped[list[Any]] = mapped_column(default=list)  # 申请事项
    registered_on: Mapped[dt.date] = mapped_column(Date)
    referral_note: Mapped[str] = mapped_column(Text, default="")
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("mediator.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Later lifecycle facts (issue 3) live in their own tables; these are the case's own.
    status_reason: Mapped[str] = mapped_column(Text, default="")  # refusal / termination reason
    retention_class: Mapped[str] = mapped_column(String(20), default="")
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    # The number the case carried before sync corrected a clash with another PC of the
    # studio (numbered offline before enrolment); documents printed earlier show it.
    former_case_no: Mapped[str] = mapped_column(String(60), default="", server_default="")

    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", order_by="CaseParty.position", lazy="selectin"
    )


class Party(Synced, Base):
    """A party (当事人): a natural person, or an organisation acting through its
    representative (法定代表人/负责人)."""

    __tablename__ = "party"
    kind: Mapped[str] = mapped_column(String(20), default="person")
    name: Mapped[str] = mapped_column(String(100))
    sex: Mapped[str | None] = mapped_column(String(10), nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    representative: Mapped[str] = mapped_column(String(100), default="")
    representative_title: Mapped[str] = mapped_column(String(50), default="")
    # legal (法定代表人) | principal (主要负责人); empty reads as legal (schema 0005)
    representative_role: Mapped[str] = mapped_column(String(20), default="",
                                                     server_default="")


class CaseParty(Synced, Base):
    """A party's role in one case (申请人, 被申请人, 第三人, 代理人)."""

    __tablename__ = "case_party"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # For an agent (代理人): the case_party row of the party represented.
    represents_id: Mapped[str | None] = mapped_column(
        ForeignKey("case_party.id"), nullable=True
    )

    case: Mapped[Case] = relationship(back_populates="parties")
    party: Mapped[Party] = relationship(lazy="joined")


class InvestigationRecord(Synced, Base):
    """调查记录 — append-only."""

    __tablename__ = "investigation_record"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    held_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(Text, default="")
    investigator: Mapped[str] = mapped_column(String(100), default="")
    interviewee: Mapped[str] = mapped_column(String(100), default="")
    recorder: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[list[Any]] = mapped_column(default=list)  # [{"q": ..., "a": ...}]


class SessionRecord(Synced, Base):
    """人民调解记录 — one mediation session; append-only."""

    __tablename__ = "session_record"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    held_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(Text, default="")  # 事由
    participants: Mapped[str] = mapped_column(Text, default="")  # 参加人
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    privacy_consent: Mapped[str] = mapped_column(Text, default="")
    statements: Mapped[list[Any]] = mapped_column(default=list)  # [{"party_id", "text"}]
    evidence: Mapped[str] = mapped_column(Text, default="")
    risk_warning: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    recorder: Mapped[str] = mapped_column(String(100), default="")


class Agreement(Synced, Base):
    """人民调解协议书 (written) or 口头协议 (oral): terms drafted, later finalised."""

    __tablename__ = "agreement"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="written")  # written | oral
    facts: Mapped[str] = mapped_column(Text, default="")  # 纠纷主要事实、争议事项
    terms: Mapped[list[Any]] = mapped_column(default=list)
    performance_method: Mapped[str] = mapped_column(Text, default="")
    performance_deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)  # 协议涉及金额, in 分
    copies: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | final
    effective_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed_blob: Mapped[str | None] = mapped_column(String(64), nullable=True)  # SHA-256
    # An addendum's amended agreement (schema 0005); None for an agreement of its own.
    amends_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class FollowUp(Synced, Base):
    """回访记录 — append-only."""

    __tablename__ = "follow_up"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    visited_on: Mapped[dt.date] = mapped_column(Date)
    performed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    satisfaction: Mapped[str] = mapped_column(String(20), default="")
    lawsuit: Mapped[str] = mapped_column(Text, default="")
    escalation: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    visitor: Mapped[str] = mapped_column(String(100), default="")


class Attachment(Synced, Base):
    """A file of the case (evidence photo, identity copy, proof of payment, scan),
    stored content-addressed under DataDir.blobs by its SHA-256."""

    __tablename__ = "attachment"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="evidence")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Append-only audit log, hash-chained: each event's hash covers the previous
    hash, so a deleted or edited event breaks the chain.  ``detail`` never holds
    personal data (field names, not values)."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    studio_id: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """A local change waiting to be pushed; written in the same transaction as the change."""

    __tablename__ = "outbox"
    # The status bar counts distinct entities waiting: a covering index, no temp B-tree.
    __table_args__ = (Index("ix_outbox_entity", "entity_id"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))  # upsert | delete
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseNumberCounter(Base):
    """The next case number per studio, prefix and year (a single-PC studio simply counts;
    with sync, the server leases blocks instead)."""

    __tablename__ = "case_number_counter"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)


class Draft(Base):
    """Autosaved, unfinished form content (local only, never synced)."""

    __tablename__ = "draft"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Meta(Base):
    """Key/value facts about this database: schema major, current studio, sync cursor."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The synced tables of this module, parents first.  Every synced table of the
# database, in push order, is :data:`mediator.store.tables.SYNCED_MODELS`.
REGISTRATION_SYNCED_MODELS: dict[str, type[Synced]] = {
    "mediator": Mediator,
    "case": Case,
    "party": Party,
    "case_party": CaseParty,
    "investigation_record": InvestigationRecord,
    "session_record": SessionRecord,
    "agreement": Agreement,
    "follow_up": FollowUp,
    "attachment": Attachment,
}



# ---------------------------------------------------------------- sync state (schema 0002)
class SyncState(Base):
    """This PC's enrolment with the district server and its place in the studio feed
    (one row, ``id`` 1).  The tokens are this device's credentials: the data dir is
    readable by the studio's OS account only, like the case database itself."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300))
    ca_file: Mapped[str] = mapped_column(Text, default="")
    studio_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    access_token: Mapped[str] = mapped_column(String(100), default="")
    access_expires_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    refresh_token: Mapped[str] = mapped_column(String(100), default="")
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    audit_cursor: Mapped[int] = mapped_column(Integer, default=0)
    digest: Mapped[str] = mapped_column(String(64), default="0" * 64)
    enrolled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncBatch(Base):
    """A push batch sent but not yet acknowledged.  After a lost answer it is re-sent
    with the same id and the very same body, so the server applies it once."""

    __tablename__ = "sync_batch"
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    upto_outbox_seq: Mapped[int] = mapped_column(Integer)
    upto_audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    body: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    """Two versions of one row made concurrently (冲突): ours (``mine``) was stale when
    pushed, the server kept ``theirs``.  Kept until a person resolves it."""

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    mine: Mapped[dict[str, Any]] = mapped_column(default=dict)
    mine_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    theirs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    theirs_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    theirs_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    resolution: Mapped[str] = mapped_column(String(20), default="")  # mine | theirs | merged
    server_told: Mapped[bool] = mapped_column(Boolean, default=False)


class LeasedNumberBlock(Base):
    """A block of case serials the server leased to this PC (``first..last``);
    ``next_seq`` is the next one this PC will use."""

    __tablename__ = "leased_number_block"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    studio_id: Mapped[str] = mapped_column(String(36))
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next_seq: Mapped[int] = mapped_column(Integer)


class BlobTransfer(Base):
    """A blob being downloaded (resumable: ``received`` bytes are in tmp/)."""

    __tablename__ = "blob_transfer"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # down | up
    size: Mapped[int] = mapped_column(Integer, default=0)
    received: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)
