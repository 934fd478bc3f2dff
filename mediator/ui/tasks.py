"""Run database work off the GUI thread, and its results back on it.

Every call into a :class:`~mediator.services.workspace.Workspace` touches SQLite,
and a query over 100k cases must never freeze the window.  So, as in Anki's
``aqt/taskman.py``, all such work goes through one :class:`TaskRunner`:

* ``fn`` runs on ONE dedicated worker thread.  One, not a pool, because the
  SQLite connection and the SQLAlchemy session belong to that thread and because
  serialising writes is what keeps two saves from racing each other.
* ``on_done(result)`` / ``on_error(exc)`` run afterwards on the GUI thread, in
  submission order, delivered through a queued Qt signal.
* An error with no ``on_error`` goes to :func:`mediator.ui.errors.show_error`:
  a :class:`~mediator.errors.MediatorError` is told to the user, anything else is
  a bug and gets the crash dialog.  Nothing is swallowed.
* :meth:`TaskRunner.shutdown` waits for the queue to drain, so the autosave
  submitted while the window closes is on disk before the process exits.
  Work submitted after that (a late timer) is dropped with a log line.

Widgets receive the runner; they never create threads themselves.  Tests inject
:class:`ImmediateTaskRunner`, which runs everything inline (Picard's
``picardtestcase`` pattern) while keeping the same callback semantics.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from mediator.ui.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]

WORKER_THREAD_NAME = "mediator-db"


def while_alive(*owners: QObject) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    """Wrap a task's callback so it does nothing once any of ``owners`` is deleted.

    A worker's answer can arrive after its page or dialog was closed and deleted;
    touching the dead C++ object would crash.  Usage::

        runner.run(work, on_done=while_alive(self)(self._done))
    """

    def wrap(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if all(shiboken6.isValid(o) for o in owners):
                fn(value)

        return call

    return wrap


class TaskRunner(QObject):
    """One worker thread for all database work; callbacks on the GUI thread.

    ``error_parent`` is the widget over which unhandled errors are shown (the
    main window once it exists; see :meth:`set_error_parent`).
    """

    # Emitted from the worker; Qt queues it to this object's (the GUI) thread.
    _finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=WORKER_THREAD_NAME
        )
        self._lock = threading.Lock()
        self._pending: list[Callable[[], None]] = []
        self._in_flight = 0
        self._error_parent: QWidget | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ public
    def set_error_parent(self, widget: QWidget | None) -> None:
        """The widget over which errors without ``on_error`` are shown."""
        self._error_parent = widget

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Queue ``fn`` on the worker; call ``on_done``/``on_error`` on the GUI thread."""
        executor = self._executor
        if executor is None:
            self._refused(fn)
            return
        with self._lock:
            self._in_flight += 1
        executor.submit(self._work, fn, on_done, on_error)

    def is_shut_down(self) -> bool:
        return self._executor is None

    def _refused(self, fn: Callable[[], Any]) -> None:
        # A timer (debounce, autosave) may fire while the app is exiting, after
        # the workspace was closed: nothing can be done then, and a crash dialog
        # on the way out would only alarm the user.  Logged, without data.
        name = getattr(fn, "__qualname__", "?")
        log.warning("task %s dropped: the task runner has shut down", name)

    def is_idle(self) -> bool:
        """True when no work is queued or running and every callback was delivered."""
        with self._lock:
            return self._in_flight == 0 and not self._pending

    def shutdown(self) -> None:
        """Finish every queued task (e.g. the closing autosave), then stop the worker.

        Callbacks still due are delivered right here, so a save's ``on_error``
        is not lost on the way out.  Safe to call twice.
        """
        executor, self._executor = self._executor, None
        if executor is None:
            return
        executor.shutdown(wait=True)
        self._deliver()

    # ------------------------------------------------------------ worker side
    def _work(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
    ) -> None:
        try:
            result = fn()
        except BaseException as exc:  # handed to the GUI thread, never dropped
            closure = self._error_closure(exc, on_error)
        else:
            closure = self._done_closure(result, on_done)
        with self._lock:
            self._in_flight -= 1
            self._pending.append(closure)
        self._finished.emit()

    def _done_closure(self, result: Any, on_done: DoneCallback | None) -> Callable[[], None]:
        def closure() -> None:
            if on_done is not None and _receiver_alive(on_done):
                on_done(result)

        return closure

    def _error_closure(
        self, exc: BaseException, on_error: ErrorCallback | None
    ) -> Callable[[], None]:
        def closure() -> None:
            if on_error is not None:
                if _receiver_alive(on_error):
                    on_error(exc)
            else:
                self._report(exc)

        return closure

    # --------------------------------------------------------------- GUI side
    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            closures, self._pending = self._pending, []
        for closure in closures:
            try:
                closure()
            except Exception as exc:  # a callback's bug is still shown
                self._report(exc)

    def _report(self, exc: BaseException) -> None:
        show_error(self._error_parent, exc)


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a Qt object already deleted: a page
    or status widget closed while its query ran (the window closing, a test's
    teardown) has nothing left to show the result on, and calling into its
    deleted C++ half would raise.  Plain functions and live objects: True."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        log.debug("task result dropped: %s was deleted", type(owner).__name__)
        return False
    return True


class ImmediateTaskRunner(TaskRunner):
    """Test fake: runs ``fn`` and its callback inline, on the calling thread.

    Same contract as :class:`TaskRunner` (errors to ``on_error`` or
    ``show_error``; ``run`` after ``shutdown`` dropped), without a thread, so a
    test can assert on the widget right after the action that triggered it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        self._executor = None
        self._lock = threading.Lock()
        self._pending = []
        self._in_flight = 0
        self._error_parent = None
        self._closed = False

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        if self._closed:
            self._refused(fn)
            return
        try:
            result = fn()
        except Exception as exc:  # routed like the real runner
            closure = self._error_closure(exc, on_error)
        else:
            closure = self._done_closure(result, on_done)
        try:
            closure()
        except Exception as exc:
            self._report(exc)

    def is_idle(self) -> bool:
        return True

    def is_shut_down(self) -> bool:
        return self._closed

    def shutdown(self) -> None:
        self._closed = True
