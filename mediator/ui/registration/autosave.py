"""When and how the registration form is kept as a draft (草稿), so nothing typed is lost.

The rule: a draft is written a couple of seconds after the last edit (so a
burst of typing is one write, not one per key), but at the latest every
:data:`AUTOSAVE_MAX_WAIT_S` seconds while typing goes on, and at once when the
page asks (hidden, application quitting, before registering).  A crash thus
loses at most the last few seconds.

Writes go through the task runner's single worker, so they are serialised with
the registration itself: a "discard" queued after a "save" really comes last.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DRAFT_KIND = "registration"
DRAFT_KEY = "new"  # one registration in progress per studio PC
AUTOSAVE_DELAY_MS = 2000
AUTOSAVE_MAX_WAIT_S = 10.0


class DraftKeeper(QObject):
    """Tracks unsaved edits and writes the form's payload with ``drafts.save``."""

    saved = Signal()
    failed = Signal(object)  # the exception, for the page to report

    def __init__(
        self,
        drafts: Any,
        runner: Any,
        payload: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
        *,
        key: str = DRAFT_KEY,
    ) -> None:
        super().__init__(parent)
        self.key = key  # another key: a second form beside the new-case one (排查)
        self._drafts = drafts
        self._runner = runner
        self._payload = payload
        self._dirty = False
        self._dirty_since: float | None = None
        self.enabled = False  # off until the form has been filled from the database
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def is_dirty(self) -> bool:
        return self._dirty

    def edited(self) -> None:
        """A person changed something: save soon, and not later than the maximum wait."""
        self._dirty = True
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if now - self._dirty_since >= AUTOSAVE_MAX_WAIT_S:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        """Write the draft now if anything changed since the last write."""
        self._timer.stop()
        if not self._dirty or not self.enabled:
            return
        payload = self._payload()
        self._dirty = False
        self._dirty_since = None
        drafts, key = self._drafts, self.key
        try:
            self._runner.run(
                lambda: drafts.save(DRAFT_KIND, key, payload),
                on_done=self._guard(lambda _r: self.saved.emit()),
                on_error=self._guard(self._not_saved),
            )
        except RuntimeError:
            # The runner has already shut down (application exit after the
            # window's own close-time save): nothing more can be written.
            log.warning("registration draft not saved: task runner already shut down")

    def forget(self) -> None:
        """The form now matches what is stored (registered, or just restored)."""
        self._timer.stop()
        self._dirty = False
        self._dirty_since = None

    def discard(self) -> None:
        """Remove the stored draft (after registering, or when the user throws it away)."""
        self.forget()
        drafts, key = self._drafts, self.key
        self._runner.run(lambda: drafts.discard(DRAFT_KIND, key))

    def _not_saved(self, exc: BaseException) -> None:
        self._dirty = True  # try again with the next edit or on hide
        self.failed.emit(exc)

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)

        return call


def has_content(draft: dict[str, Any]) -> bool:
    """Whether a draft holds anything a person typed (not just the defaults)."""
    if any(str(draft.get(k, "")).strip() for k in ("dispute_type", "source", "summary",
                                                   "referral_note")):
        return True
    if any(str(r).strip() for r in draft.get("requests") or []):
        return True
    facts = draft.get("facts")  # 统计情况: anything the mediator stated himself
    if isinstance(facts, dict) and (str(facts.get("amount", "")).strip() or any(
            facts.get(k) for k in ("people_edited", "group", "body_type"))):
        return True
    typed = ("name", "birth_date", "id_number", "phone", "address", "occupation",
             "representative", "representative_title")
    return any(
        str(party.get(k, "")).strip()
        for party in draft.get("parties") or [] if isinstance(party, dict)
        for k in typed
    )
