"""The one place the desktop app shows an error (after Anki's ``aqt/errors.py``
and qutebrowser's ``misc/crashsignal.py``).

Two very different things reach :func:`show_error`:

* a :class:`~mediator.errors.MediatorError` — something the user or the
  environment caused (a bad ID number, a full disk).  Its ``message`` is already
  in plain Chinese and free of personal data; it is shown as is, nothing logged
  beyond its type.
* anything else — a bug.  The user gets a short crash dialog; a crash report
  with the traceback goes to ``<data dir>/logs``.  The report holds the code
  path only (files, lines, functions, exception type), never the exception's
  message or local values: those can contain a party's name or ID number.

:func:`install` also routes uncaught exceptions (``sys.excepthook``, worker
threads) here and enables :mod:`faulthandler` into the logs directory, so even a
hard crash in Qt's C++ leaves a trace.

Tests turn dialogs off (``MEDIATOR_NO_DIALOGS=1`` or ``errors.dialogs_enabled =
False``); every error shown is then only appended to :data:`recorded`, where a
test can assert on it.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mediator import logsetup
from mediator.errors import (
    InstallationError,
    MediatorError,
    StorageError,
    ValidationError,
    storage_error_for,
)

log = logging.getLogger(__name__)

NO_DIALOGS_ENV = "MEDIATOR_NO_DIALOGS"

# False in tests: errors are recorded instead of shown in a modal dialog.
dialogs_enabled: bool = os.environ.get(NO_DIALOGS_ENV, "") not in ("1", "true", "yes")


@dataclass(frozen=True)
class ShownError:
    """What :func:`show_error` showed (or would have shown): for tests."""

    is_bug: bool
    title: str
    text: str
    exc: BaseException
    report: Path | None  # the crash report written, for bugs


# Every error shown since start (or since a test cleared it).
recorded: list[ShownError] = []

_logs_dir: Path | None = None
_fault_file: IO[str] | None = None
_saved_hooks: tuple[object, object] | None = None


def install(logs_dir: Path) -> None:
    """Send uncaught exceptions to :func:`show_error`; enable faulthandler.

    ``logs_dir`` is ``DataDir.logs``: crash reports and the faulthandler dump
    go there (inside the data dir, which only the studio's account may read).
    """
    global _logs_dir, _fault_file, _saved_hooks  # noqa: PLW0603 - one process-wide pipeline
    _logs_dir = logs_dir
    if _fault_file is None:
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            # Kept open for the life of the process: faulthandler writes to its fd on a crash.
            _fault_file = open(logs_dir / "faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
        except OSError:
            # A read-only or full data dir: start anyway, so the user is told
            # why nothing can be saved instead of meeting a silent crash.
            log.warning("faulthandler log could not be opened")
        else:
            faulthandler.enable(file=_fault_file, all_threads=True)
    if _saved_hooks is None:
        _saved_hooks = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def uninstall() -> None:
    """Undo :func:`install` (tests; the app keeps it until exit)."""
    global _logs_dir, _fault_file, _saved_hooks  # noqa: PLW0603
    if _saved_hooks is not None:
        sys.excepthook, threading.excepthook = _saved_hooks  # type: ignore[assignment]
        _saved_hooks = None
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
        faulthandler.enable(file=sys.__stderr__ or sys.stderr)
    _logs_dir = None


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_error(None, exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    # Only logged: widgets may not be touched from a foreign thread.  The
    # TaskRunner already brings its own errors to the GUI thread.
    if args.exc_value is not None:
        write_crash_report(args.exc_value)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about ``exc``: plainly if expected, as a crash if a bug."""
    # A full disk, a read-only data dir, a locked database: their own message,
    # whichever layer met them (sqlite3, SQLAlchemy, an OSError, a generic StorageError).
    exc = storage_error_for(exc) or exc
    if isinstance(exc, MediatorError):
        shown = _expected(exc)
        log.info("shown to the user: %s", type(exc).__name__)
    else:
        report = write_crash_report(exc)
        text = _bug_text(report)
        shown = ShownError(
            True, QCoreApplication.translate("ErrorDialog", "Unexpected error"), text, exc, report
        )
    recorded.append(shown)
    if not dialogs_enabled or QApplication.instance() is None:
        return
    box = QMessageBox(parent)
    box.setIcon(
        QMessageBox.Icon.Critical
        if shown.is_bug or isinstance(exc, StorageError)
        else QMessageBox.Icon.Warning
    )
    box.setWindowTitle(shown.title)
    box.setText(shown.text)
    box.exec()


def _bug_text(report: Path | None) -> str:
    """What to do after a bug, and where the report is (no traceback on screen)."""
    # translate("ErrorDialog", ...) spelled out: lupdate reads an alias tr(a, b) as
    # tr(source, comment), and the strings never reached the catalogue.
    text = QCoreApplication.translate(
        "ErrorDialog",
        "Something went wrong inside Mediator. Your saved cases are safe.\n\n"
        "What to do: close Mediator and start it again. If this happens again, "
        "send the report file below to the district mediation office.",
    )
    if report is not None:
        where = QCoreApplication.translate("ErrorDialog", "The report was saved to:\n%1").replace(
            "%1", str(report))
    else:
        where = QCoreApplication.translate(
            "ErrorDialog", "The report could not be saved (is the disk full?).")
    return f"{text}\n\n{where}"


def _expected(exc: MediatorError) -> ShownError:
    if isinstance(exc, ValidationError) and len(exc.problems) > 1:
        text = "\n".join(f"• {msg}" for _field, msg in exc.problems)
    else:
        text = exc.message
    if isinstance(exc, StorageError):
        title = QCoreApplication.translate("ErrorDialog", "Storage problem")
    elif isinstance(exc, InstallationError):
        title = QCoreApplication.translate("ErrorDialog", "Incomplete installation")
    elif isinstance(exc, ValidationError):
        title = QCoreApplication.translate("ErrorDialog", "Please check the input")
    else:
        title = QCoreApplication.translate("ErrorDialog", "Mediator")
    return ShownError(False, title, text, exc, None)


def crash_report_text(exc: BaseException) -> str:
    """The report for a bug: where it happened, without any data it carried
    (:func:`mediator.logsetup.code_path`)."""
    return logsetup.crash_report_text(exc, [f"qt: {_qt_version()}"])


def write_crash_report(exc: BaseException) -> Path | None:
    """Write the report under the logs dir; return its path (None if impossible)."""
    return logsetup.write_crash_report(exc, _logs_dir, [f"qt: {_qt_version()}"])


def _qt_version() -> str:
    return f"{qVersion()} (PySide6 {pyside_version})"
