"""The typed error hierarchy of the core.

Every error a user can cause or meet carries a message in the user's language
(``message``, Chinese by default) and, where it helps, the field it is about.
The UI shows all of them through one function; the CLI prints ``message`` on one
line and exits non-zero.  Messages never contain personal data such as ID
numbers: name the field, not its value.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence


class MediatorError(Exception):
    """Base of every expected, user-facing error."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(MediatorError):
    """Input that breaks a rule: a bad ID number, a missing required field...

    ``problems`` lists every (field, message) pair found, so a form can mark all
    of them at once; ``message`` is the first one, for one-line output.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, field=field)
        self.problems: list[tuple[str, str]] = list(problems) or [(field or "", message)]


class TransitionError(ValidationError):
    """An illegal lifecycle step; ``missing`` names what must be done first."""

    def __init__(self, message: str, *, missing: Sequence[str] = ()) -> None:
        super().__init__(message, problems=[("status", m) for m in missing] or ())
        self.missing = list(missing)


class NotFoundError(MediatorError):
    """A case, party or file that does not exist (or is not this studio's)."""


class ConflictError(MediatorError):
    """A write based on a stale version; both versions are kept for a person."""


class StorageError(MediatorError):
    """The environment failed us: disk full, database locked or damaged."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer major version of Mediator."""


class SyncErrorKind(enum.Enum):
    AUTH = "auth"  # token revoked or expired: enrol again
    NETWORK = "network"  # offline, timeout: retry later, keep working
    PROTOCOL = "protocol"  # malformed answer
    UPGRADE = "upgrade"  # this client is too old for the server
    SERVER = "server"  # 5xx
    CONFLICT = "conflict"


class SyncError(MediatorError):
    def __init__(self, message: str, *, kind: SyncErrorKind) -> None:
        super().__init__(message)
        self.kind = kind


class DocumentError(MediatorError):
    """A document cannot be produced or verified (missing seal, undrawable character...)."""
