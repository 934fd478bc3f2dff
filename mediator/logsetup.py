"""The log file and crash reports, for the GUI and the CLI alike (no Qt here).

Why one place: a studio PC has nobody watching a terminal, and a traceback on
the screen helps no mediator.  What the maintainers need goes to files inside
the data dir, which only the studio's account may read:

* ``logs/mediator.log`` — a rotating log (:data:`MAX_BYTES` x :data:`BACKUPS`
  files), everything at INFO and above from every module;
* ``logs/crash-<time>.log`` — one report per bug, the code path that led to it.

Neither ever holds personal data: our log calls name types and counts, never
values, and every traceback (a report, or ``log.exception`` anywhere) is
written as the code path only — files, lines, functions, exception *types*.  An
exception's message is withheld on purpose: ``KeyError('张三')`` or a failing
ID number would otherwise reach the file.

Once :func:`setup_logging` ran, the root logger has a handler, so Python's
last-resort handler never prints a record on the terminal.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from mediator import __version__

log = logging.getLogger(__name__)

LOG_NAME = "mediator.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 4  # mediator.log.1 … .4: 10 MB at most, a few weeks of a busy studio

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class _OurHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler :func:`setup_logging` installed (to replace, never double)."""


class _WithheldFormatter(logging.Formatter):
    """A formatter whose tracebacks are the code path only, messages withheld."""

    def formatException(self, ei: ExcInfo) -> str:
        exc = ei[1]
        return "\n".join(code_path(exc)) if exc is not None else ""


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``logs_dir/mediator.log`` (rotating); returns its path.

    Idempotent: called again (another data dir in the same process, a test) it
    replaces its own handler.  When the file cannot be opened (a read-only or
    full disk) the log is dropped rather than shown: None is returned and the
    records go nowhere, never to the terminal.
    """
    # A rotation clash with another process (Windows) must not print
    # "--- Logging error ---" and a traceback on the terminal.
    logging.raiseExceptions = False
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _OurHandler | logging.NullHandler)]:
        root.removeHandler(old)
        old.close()
    path = logs_dir / LOG_NAME
    handler: logging.Handler
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = _OurHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                              delay=False)
    except OSError:
        handler, path = logging.NullHandler(), None  # type: ignore[assignment]
    handler.setFormatter(_WithheldFormatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    # system/release/machine, not platform.platform(): that one reads the whole
    # interpreter binary for its libc version, 6 ms on every start.
    log.info("Mediator %s started (python %s, %s %s %s)", __version__,
             platform.python_version(), platform.system(), platform.release(),
             platform.machine())
    return path


def log_file() -> Path | None:
    """The log file in use, if any (shown to the user beside a crash report)."""
    for h in logging.getLogger().handlers:
        if isinstance(h, _OurHandler):
            return Path(h.baseFilename)
    return None


def code_path(exc: BaseException) -> list[str]:
    """The traceback of ``exc`` and its causes: where, never what it carried."""
    lines: list[str] = []
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in chain:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    for i, e in enumerate(reversed(chain)):
        if i:
            lines.append("-- which led to --")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(e.__traceback__):
            lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(f"{type(e).__module__}.{type(e).__qualname__} (message withheld)")
    return lines


def crash_report_text(exc: BaseException, extra: Sequence[str] = ()) -> str:
    """The report for a bug (``extra``: lines such as the Qt version, from the UI)."""
    lines = [
        f"Mediator {__version__} crash report",
        f"time: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        f"python: {platform.python_version()}  platform: {platform.platform()}",
        *extra,
        f"thread: {threading.current_thread().name}",
        "",
        *code_path(exc),
    ]
    return "\n".join(lines) + "\n"


def write_crash_report(
    exc: BaseException, logs_dir: Path | None, extra: Sequence[str] = ()
) -> Path | None:
    """Write the report under ``logs_dir`` and its code path into the log; the
    report's path, or None when it could not be saved (nothing on the terminal)."""
    text = crash_report_text(exc, extra)
    log.error("unexpected error %s\n%s", type(exc).__qualname__, "\n".join(code_path(exc)))
    if logs_dir is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = logs_dir / f"crash-{stamp}.log"
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        log.error("crash report could not be saved")
        return None
    return path


def _short(filename: str) -> str:
    """Paths relative to the package root: home directories name people too."""
    parts = Path(filename).parts
    for anchor in ("mediator", "site-packages"):
        if anchor in parts:
            idx = len(parts) - 1 - parts[::-1].index(anchor)
            return str(Path(*parts[idx:]))
    return Path(filename).name
