"""District accounts (区级账号) for the dashboard: argon2 password hashes, sessions,
and the limit on guessing a password.

Studio PCs authenticate with device tokens (:mod:`mediator.server.auth`); district
staff with a name and password here.  The two never cross: a session cookie is no
bearer token and a device token opens no dashboard page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from mediator.server.models import AuthFailure, Base, utcnow

log = logging.getLogger("mediator.server.dashboard")

NAME_MAX = 64
PASSWORD_MIN = 8
PASSWORD_MAX = 256
SESSION_HOURS = 8  # one working day; then log in again
_hasher = PasswordHasher()  # argon2id, the library's current recommended parameters
# Verified against when the account does not exist, so a wrong name costs the same
# time as a wrong password (the answer does not tell which accounts exist).
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class DistrictAccount(Base):
    __tablename__ = "district_account"
    name: Mapped[str] = mapped_column(String(NAME_MAX), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DistrictSession(Base):
    """A logged-in browser: the SHA-256 of its cookie's secret, never the secret."""

    __tablename__ = "district_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account: Mapped[str] = mapped_column(String(NAME_MAX), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AccountError(Exception):
    """An account command that cannot be done (Chinese message, no password)."""


def check_name(raw: str) -> str:
    name = raw.strip()
    if not name or len(name) > NAME_MAX or not name.isprintable():
        raise AccountError(f"账号名称应为 1 到 {NAME_MAX} 个字（不含控制字符）。")
    return name


def check_password(password: str) -> None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise AccountError(f"密码应为 {PASSWORD_MIN} 到 {PASSWORD_MAX} 个字符。")


def add_account(s: Session, name: str, password: str) -> None:
    name = check_name(name)
    check_password(password)
    if s.get(DistrictAccount, name) is not None:
        raise AccountError("已有同名的区级账号；改密码请用 admin passwd。")
    s.add(DistrictAccount(name=name, password_hash=_hasher.hash(password)))


def set_password(s: Session, name: str, password: str) -> None:
    account = s.get(DistrictAccount, check_name(name))
    if account is None:
        raise AccountError("找不到这个区级账号（admin list 查看）。")
    check_password(password)
    account.password_hash = _hasher.hash(password)
    account.password_changed_at = utcnow()
    # A changed password ends every session of the account (a lost laptop).
    s.execute(delete(DistrictSession).where(DistrictSession.account == account.name))


def remove_account(s: Session, name: str) -> None:
    account = s.get(DistrictAccount, check_name(name))
    if account is None:
        raise AccountError("找不到这个区级账号（admin list 查看）。")
    s.execute(delete(DistrictSession).where(DistrictSession.account == account.name))
    s.delete(account)


def list_accounts(s: Session) -> list[DistrictAccount]:
    return list(s.execute(select(DistrictAccount).order_by(DistrictAccount.name)).scalars())


def verify(s: Session, name: str, password: str) -> bool:
    """Whether ``password`` is the account's; rehashes when the parameters changed."""
    account = s.get(DistrictAccount, name.strip()[:NAME_MAX]) if name.strip() else None
    try:
        _hasher.verify(account.password_hash if account else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if account is None:
        return False
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    return True


@dataclass(frozen=True)
class SessionInfo:
    account: str
    csrf: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def open_session(s: Session, account: str) -> str:
    """A new session of ``account``; returns the cookie's secret."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    s.execute(delete(DistrictSession).where(DistrictSession.expires_at < now))
    s.add(DistrictSession(token_hash=_digest(secret), account=account,
                          csrf=secrets.token_urlsafe(24), created_at=now,
                          expires_at=now + dt.timedelta(hours=SESSION_HOURS)))
    return secret


def session_of(s: Session, secret: str) -> SessionInfo | None:
    if not secret or len(secret) > 100:
        return None
    row = s.get(DistrictSession, _digest(secret))
    if row is None or row.expires_at < utcnow():
        return None
    return SessionInfo(row.account, row.csrf)


def close_session(s: Session, secret: str) -> None:
    s.execute(delete(DistrictSession).where(DistrictSession.token_hash == _digest(secret)))


def record_login_failure(s: Session, name: str, client: str) -> None:
    """Logged and kept like a device's failed authentication: the account tried and
    the client address, never the password."""
    shown = name.strip()[:NAME_MAX].encode("unicode_escape").decode("ascii")[:80]
    log.warning("dashboard login failed: account=%s client=%s", shown, client)
    s.add(AuthFailure(reason="dashboard_password", client=client[:64], detail=shown))


class LoginThrottle:
    """Failed logins per account and per client address: the first
    :attr:`free` failures cost nothing, then each further try waits twice as long
    as the one before (2 s, 4 s, … up to 15 min).  A success clears the account's
    and the address's count.  Per process (a restart forgives; the log keeps all)."""

    def __init__(self, free: int = 5, first_wait: float = 2.0, max_wait: float = 900.0
                 ) -> None:
        self.free = free
        self.first_wait = first_wait
        self.max_wait = max_wait
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (count, last failure)
        self._lock = threading.Lock()

    def _wait(self, key: str, now: float) -> float:
        count, last = self._failures.get(key, (0, 0.0))
        if count < self.free:
            return 0.0
        wait = min(self.max_wait, self.first_wait * 2 ** (count - self.free))
        return max(0.0, last + wait - now)

    def wait_for(self, account: str, client: str) -> float:
        """Seconds before another try is allowed (0: now)."""
        now = time.monotonic()
        with self._lock:
            return max(self._wait("a:" + account.strip(), now), self._wait("c:" + client, now))

    def failed(self, account: str, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in ("a:" + account.strip(), "c:" + client):
                count, _last = self._failures.get(key, (0, 0.0))
                self._failures[key] = (count + 1, now)
            if len(self._failures) > 100_000:  # a flood of made-up names: forget the oldest
                for key in sorted(self._failures, key=lambda k: self._failures[k][1])[:50_000]:
                    del self._failures[key]

    def succeeded(self, account: str, client: str) -> None:
        with self._lock:
            self._failures.pop("a:" + account.strip(), None)
            self._failures.pop("c:" + client, None)
