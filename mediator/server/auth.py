"""Device credentials: one-time enrolment codes, access and rotating refresh tokens.

Every secret is 256 bits from :mod:`secrets` and only its SHA-256 is stored.
A refresh token works once; presenting a used one again means it was copied,
so the device is revoked at once (reuse detection, as in OAuth 2.1).  The tenant
(studio) of a request comes from its token alone.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.orm import Session

from mediator.server.models import AuthFailure, Device, EnrolCode, Token, utcnow
from mediator.sync.protocol import TokenPair

log = logging.getLogger("mediator.server.auth")

ENROL_CODE_TTL = dt.timedelta(days=7)
REFRESH_TTL = dt.timedelta(days=90)


def access_ttl() -> dt.timedelta:
    return dt.timedelta(seconds=int(os.environ.get("MEDIATOR_SERVER_ACCESS_TTL", "900")))


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_enrol_code() -> str:
    """160 random bits as 8 groups of base32, easy to read out over the phone."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")


class AuthError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Principal:
    studio_id: str
    device_id: str


def create_enrol_code(s: Session, studio_id: str) -> str:
    code = new_enrol_code()
    s.add(EnrolCode(code_hash=hash_secret(normalise_code(code)), studio_id=studio_id,
                    expires_at=utcnow() + ENROL_CODE_TTL))
    return code


def consume_enrol_code(s: Session, code: str) -> str:
    """The studio id of a valid unused code, which is used up now."""
    row = s.get(EnrolCode, hash_secret(normalise_code(code)), with_for_update=True)
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        raise AuthError("bad_code", "注册码无效、已使用或已过期。请向区级管理员索取新的注册码。")
    row.used_at = utcnow()
    return row.studio_id


def refresh_grace() -> dt.timedelta:
    return dt.timedelta(seconds=int(os.environ.get("MEDIATOR_SERVER_REFRESH_GRACE", "120")))


def issue_tokens(s: Session, device_id: str, previous: Token | None = None) -> TokenPair:
    """A new access and refresh token for the device.  On a refresh (``previous``)
    the device's earlier access tokens are revoked: a copy of one taken from the PC
    (or from a log) stops working the moment the PC refreshes, not when it expires."""
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    if previous is not None:
        s.execute(delete(Token).where(Token.device_id == device_id, Token.kind == "access"))
    s.add(Token(token_hash=hash_secret(access), device_id=device_id, kind="access",
                expires_at=now + access_ttl()))
    s.add(Token(token_hash=hash_secret(refresh), device_id=device_id, kind="refresh",
                expires_at=now + REFRESH_TTL))
    if previous is not None:
        previous.successor = hash_secret(refresh)
    return TokenPair(access_token=access, refresh_token=refresh,
                     access_expires_in=int(access_ttl().total_seconds()))


REVOKED_MESSAGE = ("这台电脑的同步授权已被撤销。未同步的修改都保留在本机；"
                   "请向区级管理员索取注册码重新注册。")


# Built once: SQLAlchemy then reuses its compiled form without re-deriving a cache key.
_BEARER = (select(Token.kind, Token.expires_at, Device.studio_id, Device.id, Device.revoked_at)
           .join(Device, Device.id == Token.device_id)
           .where(Token.token_hash == bindparam("token_hash")))


def authenticate(s: Connection | Session, bearer: str) -> Principal:
    """The studio and device of an access token: one indexed query per request, so
    a revocation (by any process) holds from the next request on."""
    row = s.execute(_BEARER, {"token_hash": hash_secret(bearer)}).first() if bearer else None
    if row is None or row.kind != "access":
        raise AuthError("bad_token", "同步凭据无效，请重新注册这台电脑。")
    if row.revoked_at is not None:
        raise AuthError("revoked", REVOKED_MESSAGE)
    if row.expires_at < utcnow():
        raise AuthError("expired", "访问令牌已过期。")
    return Principal(row.studio_id, row.id)


def refresh(s: Session, refresh_token: str) -> TokenPair:
    tok = s.get(Token, hash_secret(refresh_token), with_for_update=True)
    if tok is None or tok.kind != "refresh":
        raise AuthError("bad_token", "同步凭据无效，请重新注册这台电脑。")
    device = s.get(Device, tok.device_id)
    if device is None or device.revoked_at is not None:
        raise AuthError("revoked", REVOKED_MESSAGE)
    if tok.used_at is not None:
        successor = s.get(Token, tok.successor) if tok.successor else None
        if (tok.used_at > utcnow() - refresh_grace() and successor is not None
                and successor.used_at is None):
            # The answer to the first use was lost on the way (a dropped connection):
            # replace the unused successor rather than treat the device as stolen.
            s.delete(successor)
            tok.used_at = utcnow()
            return issue_tokens(s, device.id, tok)
        # A used refresh token came back: someone holds a copy.  Revoke the device.
        device.revoked_at = utcnow()  # its tokens stay, so it is told "revoked"
        raise AuthError("refresh_reused", REVOKED_MESSAGE)
    if tok.expires_at < utcnow():
        raise AuthError("expired", "同步凭据已过期，请重新注册这台电脑。")
    tok.used_at = utcnow()
    device.last_seen = utcnow()
    return issue_tokens(s, device.id, tok)


def revoke_device(s: Session, device_id: str) -> bool:
    device = s.get(Device, device_id)
    if device is None:
        return False
    device.revoked_at = device.revoked_at or utcnow()  # every token of it now fails
    return True


def record_failure(s: Session, reason: str, client: str) -> None:
    """Log a failed authentication: reason and client address, never a secret."""
    log.warning("authentication failed: reason=%s client=%s", reason, client)
    s.add(AuthFailure(reason=reason, client=client[:64]))


def purge_expired(s: Session) -> None:
    s.execute(delete(Token).where(Token.expires_at < utcnow() - dt.timedelta(days=1)))


class RateLimiter:
    """A sliding-window limit per client address (per process; enrolment and token
    endpoints only, where guessing would otherwise be cheap)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = self._hits.setdefault(key, deque())
            while q and q[0] < now - 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return False
            q.append(now)
            return True


def list_devices(s: Session) -> list[Device]:
    return list(s.execute(select(Device).order_by(Device.created_at)).scalars())
