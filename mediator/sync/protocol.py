"""The sync wire protocol, shared by the desktop engine and the district server.

Versioned like Anki's sync (``rslib/src/sync/version.rs``): every request carries
``X-Mediator-Protocol``; the server accepts ``MIN_PROTOCOL..MAX_PROTOCOL`` and
answers anything older with HTTP 426 and a Chinese "please upgrade" message,
which the client maps to ``SyncError(kind=UPGRADE)``.

Rows travel as :class:`WireRow`: the sync columns plus ``data``, the row's own
columns as JSON (dates as ISO strings).  The server treats ``data`` as opaque;
only the desktop knows the columns (mediator.sync.rows).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

# The shared row schema (the server reaches it through this module).
from mediator.sync.meaning import same_meaning
from mediator.sync.schema import MAX_ROW_BYTES, Problem, check, references

__all__ = ["MAX_ROW_BYTES", "Problem", "check", "references",  # and the models below
           "same_meaning"]

# 2: a push may answer "case_no_taken" for a case whose number another case of the
# studio holds.  A version 1 desktop could not read that answer, so the server asks
# it to upgrade (426) rather than let it fail on a number clash later.
PROTOCOL_VERSION = 2
MIN_PROTOCOL = 2
MAX_PROTOCOL = 2
PROTOCOL_HEADER = "X-Mediator-Protocol"

API = "/api/v1"

# Entities the feed carries.  Append-only ones merge as a union: a row, once on the
# server, is never replaced (session records, investigation records, follow-ups).
ENTITIES = frozenset({
    "mediator", "case", "party", "case_party", "investigation_record", "session_record",
    "agreement", "follow_up", "attachment",
})
APPEND_ONLY = frozenset({"investigation_record", "session_record", "follow_up"})

# Limits (the server enforces them; the client stays well inside).
MAX_BATCH_CHANGES = 5000
BATCH_CHANGES = 2000  # what the desktop sends per batch
MAX_AUDIT_EVENTS = 1000
MAX_REQUEST_BYTES = 8 * 1024 * 1024
MAX_BLOB_BYTES = 64 * 1024 * 1024
BLOB_CHUNK_BYTES = 1024 * 1024
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 2000
LEASE_BLOCK = 100

MAX_INT64 = (1 << 63) - 1
JSON_SAFE_INT = (1 << 53) - 1  # the largest integer every JSON reader holds exactly

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ENTITY_RE = re.compile(r"^[a-z][a-z_]{0,39}$")

UPGRADE_MESSAGE = "调解工作台版本过旧，区级服务器已不再支持，请升级到最新版本后再同步。"

Uuid = Field(pattern=UUID_RE.pattern)


_NUMBER_TYPES = (int, int | None)
_BOOL_TYPES = (bool, bool | None)


class _Model(BaseModel):
    """A wire message.  Numbers and flags are what they say: pydantic's lax mode
    would take ``true`` for 1 and 0 for false, which no client of ours sends; and
    integers stay within what any JSON reader holds exactly (the OpenAPI document
    declares the same bounds)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _plain_numbers_and_flags(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        kind = field.annotation if field is not None else None
        if kind in _NUMBER_TYPES and isinstance(value, bool):
            raise ValueError("应为数字，而不是 true/false")
        if kind in _NUMBER_TYPES and isinstance(value, int) and abs(value) > JSON_SAFE_INT:
            raise ValueError("数字过大")
        if kind in _BOOL_TYPES and value is not None and not isinstance(value, bool):
            raise ValueError("应为 true 或 false")
        return value


class WireRow(_Model):
    entity: str = Field(max_length=40)
    id: str = Field(pattern=UUID_RE.pattern)
    version: int = Field(ge=0)
    deleted: bool = False
    data: dict[str, Any]


class Change(_Model):
    """One pushed row: its current state and the server version it was based on."""

    entity: str = Field(pattern=ENTITY_RE.pattern)
    id: str = Field(pattern=UUID_RE.pattern)
    base_version: int = Field(ge=0, le=MAX_INT64)
    deleted: bool = False
    data: dict[str, Any]


class AuditIn(_Model):
    id: str = Field(pattern=UUID_RE.pattern)
    data: dict[str, Any]

    @field_validator("data")
    @classmethod
    def _storable(cls, value: dict[str, Any]) -> dict[str, Any]:
        # Audit events go in as a whole request: one that cannot be stored (a lone
        # surrogate, NaN, an oversized event) refuses the request, with a 422.
        problem = check("", value)
        if problem is not None:
            raise ValueError(problem.code)
        return value


class PullPage(_Model):
    rows: list[WireRow]
    cursor: int  # the feed sequence up to which this page is complete
    more: bool
    # On the last page: the studio's digest in the same snapshot (saves a round trip).
    digest: str | None = None
    # Entries of ``rows`` that are not even rows (``data`` not an object, no id...),
    # which an older server may have stored: the PC sets them aside instead of
    # refusing the whole page.  Never sent: a sound server has none.
    unreadable: list[Any] = Field(default_factory=list, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _split_unreadable(cls, value: Any) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("rows"), list):
            return value
        good: list[WireRow] = []
        bad: list[Any] = list(value.get("unreadable") or [])
        for r in value["rows"]:
            if isinstance(r, WireRow):
                good.append(r)
                continue
            try:
                good.append(WireRow.model_validate(r))
            except ValidationError:
                bad.append(r)
        return {**value, "rows": good, "unreadable": bad}


class PushRequest(_Model):
    batch_id: str = Field(pattern=UUID_RE.pattern)
    changes: list[Change] = Field(default_factory=list, max_length=MAX_BATCH_CHANGES)
    audit: list[AuditIn] = Field(default_factory=list, max_length=MAX_AUDIT_EVENTS)
    # With the last batch of a round: also answer the first pull page from this cursor,
    # so an incremental sync is one exchange.
    pull_cursor: int | None = Field(default=None, ge=0)


Outcome = Literal["applied", "unchanged", "conflict", "missing_blob", "rejected",
                  "case_no_taken"]


class ChangeResult(_Model):
    id: str
    entity: str
    outcome: Outcome
    version: int = 0  # the server's version of the row after this push
    server: WireRow | None = None  # the server's copy, on conflict / rejected
    conflict_id: str | None = None
    # Why a change was rejected by the row schema ("missing:case_no 缺少必填字段…"):
    # the code before the first space, then a Chinese reason naming the field.
    reason: str | None = None


class PushResult(_Model):
    batch_id: str
    results: list[ChangeResult]
    audit_stored: int = 0
    replayed: bool = False
    page: PullPage | None = None  # when the request carried pull_cursor


class DigestInfo(_Model):
    digest: str
    count: int
    cursor: int


class EnrolRequest(_Model):
    code: str = Field(min_length=8, max_length=100)
    device_name: str = Field(default="", max_length=100)
    csr_pem: str = Field(default="", max_length=8000)
    case_prefix: str = Field(default="", max_length=20)
    committee_name: str = Field(default="", max_length=100)


class TokenPair(_Model):
    access_token: str
    refresh_token: str
    access_expires_in: int


class EnrolResult(TokenPair):
    studio_id: str
    studio_name: str
    case_prefix: str
    device_id: str
    cert_pem: str = ""
    chain_pem: str = ""


class RefreshRequest(_Model):
    refresh_token: str = Field(min_length=10, max_length=200)


class LeaseRequest(_Model):
    prefix: str = Field(min_length=1, max_length=20)
    year: int = Field(ge=2000, le=2200)
    count: int = Field(default=LEASE_BLOCK, ge=1, le=1000)
    used_max: int = Field(default=0, ge=0, le=10_000_000)


class Lease(_Model):
    prefix: str
    year: int
    first: int
    last: int


class BlobStatus(_Model):
    sha256: str
    received: int
    size: int
    complete: bool


class ConflictInfo(_Model):
    id: str
    entity: str
    row_id: str
    server_version: int
    server: WireRow
    client: dict[str, Any]
    client_deleted: bool
    created_at: str
    resolved: bool


class SetAsideRow(_Model):
    """A pulled row a PC could not apply and set aside (reported to the server)."""

    entity: str = Field(max_length=40)
    id: str = Field(max_length=36)
    version: int = Field(ge=0, le=(1 << 63) - 1)
    reason: str = Field(max_length=300)


class SetAsideReport(_Model):
    rows: list[SetAsideRow] = Field(default_factory=list, max_length=1000)


class ErrorBody(_Model):
    error: str
    message: str


def row_hash(entity: str, row_id: str, version: int) -> int:
    """One row's share of the digest: SHA-256 of (entity, id, version) as an integer."""
    return int.from_bytes(hashlib.sha256(f"{entity}:{row_id}:{version}".encode()).digest(), "big")


DIGEST_MOD = 1 << 256


def digest_add(digest: str, entity: str, row_id: str, version: int, sign: int = 1) -> str:
    """Update an order-independent digest (a sum of row hashes mod 2**256).

    Both sides keep it incrementally, so the post-sync comparison costs nothing
    however large the studio's data is.  Version 0 (never synced) counts as absent.
    """
    if version <= 0:
        return digest
    value = int(digest or "0", 16)
    value = (value + sign * row_hash(entity, row_id, version)) % DIGEST_MOD
    return f"{value:064x}"


def digest_of(rows: Any) -> str:
    """The digest of an iterable of (entity, id, version), computed from scratch."""
    value = 0
    for entity, row_id, version in rows:
        if version > 0:
            value += row_hash(entity, row_id, version)
    return f"{value % DIGEST_MOD:064x}"


def blob_path_parts(sha256: str) -> tuple[str, str]:
    return sha256[:2], sha256
