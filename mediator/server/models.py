"""The district server's own tables (never the desktop's models).

Rows of every studio live in one table, keyed by (studio_id, id): the tenant is
part of every key, so a row id another studio happens to know never reaches
that studio's data.  ``data`` is the desktop row as JSON, opaque here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mediator.domain.ids import new_id


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, dt.datetime: DateTime}  # noqa: RUF012


class Studio(Base):
    __tablename__ = "studio"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    case_prefix: Mapped[str] = mapped_column(String(20), default="")
    feed_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    digest: Mapped[str] = mapped_column(String(64), default="0" * 64)
    row_count: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EnrolCode(Base):
    """A one-time enrolment code (stored hashed)."""

    __tablename__ = "enrol_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    studio_id: Mapped[str] = mapped_column(String(36), index=True)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    studio_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class Token(Base):
    """Access and refresh tokens, by SHA-256 of the secret.  A refresh token is used
    once; presenting a used one again revokes the device (reuse detection)."""

    __tablename__ = "token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # access | refresh
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    successor: Mapped[str] = mapped_column(String(64), default="")  # refresh that replaced it


class Row(Base):
    __tablename__ = "row"
    __table_args__ = (Index("ix_row_feed", "studio_id", "seq"),)
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(BigInteger)
    seq: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    device_id: Mapped[str] = mapped_column(String(36), default="")


class Conflict(Base):
    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    studio_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    server_version: Mapped[int] = mapped_column(BigInteger)
    server_data: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    client_data: Mapped[dict[str, Any]] = mapped_column(JSON)
    client_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    client_base: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class PushBatch(Base):
    """Every applied push, by batch id: a replay returns ``result`` and applies nothing."""

    __tablename__ = "push_batch"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditCopy(Base):
    """The studios' audit events (append-only union of every device's chain)."""

    __tablename__ = "audit_copy"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class NumberCounter(Base):
    """The next case serial not yet leased, per studio, prefix and year."""

    __tablename__ = "number_counter"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_free: Mapped[int] = mapped_column(Integer, default=1)


class CaseNumber(Base):
    """Which case holds a case number of a studio: the server is the authority for
    their uniqueness (a push that would reuse a held number is refused)."""

    __tablename__ = "case_number"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(60), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36))


class NumberLease(Base):
    __tablename__ = "number_lease"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    studio_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Blob(Base):
    """A blob of one studio; ``complete`` only after its hash was verified."""

    __tablename__ = "blob"
    studio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CertificateAuthority(Base):
    """The district CA: one row, shared by every server process."""

    __tablename__ = "district_ca"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_pem: Mapped[bytes] = mapped_column(LargeBinary)
    cert_pem: Mapped[bytes] = mapped_column(LargeBinary)
    serial: Mapped[int] = mapped_column(BigInteger, default=1)


class AuthFailure(Base):
    """Failed authentications (no personal data: reason, client address, time)."""

    __tablename__ = "auth_failure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(40))
    client: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
