"""Start the desktop app: ``run_gui(data_dir, lang)`` is what ``mediator`` runs.

Order matters and is spelled out here once:

1. the crash pipeline (so even a start-up bug leaves a report in the logs),
2. the bundled fonts and the translators (before any widget exists),
3. opening the workspace *on the worker*: migrations may take a while, and a
   database from a newer Mediator or a damaged file gets a plain Chinese
   message, not a traceback,
4. the first-run dialog when the studio is not yet set up,
5. the main window.

On exit the workspace is closed on the worker after every queued task (the
last autosave included) has finished.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from mediator import logsetup
from mediator.errors import (
    DatabaseDamagedError,
    FontMissingError,
    MediatorError,
    storage_error_for,
)
from mediator.paths import DataDir, resources_dir
from mediator.services.dto import StudioSetup
from mediator.ui import errors, theme, wheel
from mediator.ui.cases.listpage import FirstScreen, read_first_screen
from mediator.ui.fonts import install_fonts, needed_files
from mediator.ui.i18n import install_translators
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mediator.ui.backup.slot import BackupSlot
    from mediator.ui.firstrun import FirstRunDialog

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_STORAGE = 2  # the database could not be opened (too new, damaged, locked)
EXIT_NO_STUDIO = 3  # not interactive (--smoke) and no studio yet: the first run needs a person


@dataclass
class _Opened:
    ws: Any
    studio: StudioSetup | None
    labels: Labels
    first_screen: FirstScreen | None
    upgrade_backup: Path | None = None  # opening upgraded an older database


def _open(data_dir: DataDir, lang: str) -> _Opened:
    """Worker side of start-up: every database call before the first window."""
    from mediator.services.workspace import open_workspace  # noqa: PLC0415 - heavy: off the GUI path

    try:
        ws = open_workspace(data_dir)
    except Exception as exc:
        # A full disk, a read-only dir, a lock: their own message and EXIT_STORAGE.
        mapped = storage_error_for(exc)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc
    try:
        studio = ws.studio.current()
        labels = Labels(
            lang=lang,
            dispute_types=list(ws.catalogue.dispute_types()),
            case_sources=list(ws.catalogue.case_sources()),
        )
        # The case list's first screen, read now so the window paints it at once.
        first = read_first_screen(ws.cases) if studio is not None else None
    except BaseException:
        ws.close()
        raise
    return _Opened(ws, studio, labels, first, ws.upgrade_backup)


class Startup(QObject):
    """Drives start-up through the worker; emits ``ready`` with the shown window.

    Kept apart from :func:`run_gui` so tests and the start-up benchmark can run
    the real sequence inside their own event loop.
    """

    ready = Signal(object)  # MainWindow
    failed = Signal(int)  # exit code

    def __init__(
        self, runner: TaskRunner, data_dir: DataDir, lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data_dir = data_dir
        self.lang = lang
        self.ws: Any = None
        self.labels: Labels | None = None
        self.window: MainWindow | None = None
        self.first_run: FirstRunDialog | None = None
        self.backups: BackupSlot | None = None
        self.damaged: QDialog | None = None
        self._outcome: tuple[str | None, BaseException | None] | None = None
        self.interactive = True  # False for --smoke: never wait for a person
        self.upgrade_backup: Path | None = None
        self.upgrade_notice: str | None = None  # shown once the main window is up

    def begin(self) -> None:
        self.runner.run(
            lambda: _open(self.data_dir, self.lang), on_done=self._opened, on_error=self._not_opened
        )

    def _not_opened(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseDamagedError) and self.interactive:
            self._offer_backup(exc)
            return
        errors.show_error(None, exc)
        self.failed.emit(EXIT_STORAGE if isinstance(exc, MediatorError) else 1)

    def _opened(self, opened: _Opened) -> None:
        self.ws, self.labels = opened.ws, opened.labels
        self.upgrade_backup = opened.upgrade_backup
        if opened.studio is not None:
            self._show_main(opened.studio, opened.first_screen)
            return
        if not self.interactive:
            self.failed.emit(EXIT_NO_STUDIO)
            return
        from mediator.ui.firstrun import FirstRunDialog  # noqa: PLC0415 - first run only

        self.first_run = FirstRunDialog(self.runner, self.ws.studio)
        self.first_run.finished.connect(self._first_run_finished)
        self.first_run.show()

    def _first_run_finished(self, result: int) -> None:
        dialog, self.first_run = self.first_run, None
        assert dialog is not None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.result_setup is not None:
            self._show_main(dialog.result_setup)
        else:
            self.failed.emit(EXIT_OK)  # the user cancelled: nothing to do yet

    def _show_main(self, studio: StudioSetup, first_screen: FirstScreen | None = None) -> None:
        assert self.labels is not None
        self.window = MainWindow(self.ws, self.runner, self.labels, studio, first_screen)
        self.runner.set_error_parent(self.window)
        from mediator.ui.backup.slot import BackupSlot  # noqa: PLC0415 - after the window

        # --smoke (not interactive) only looks: no automatic backups.
        self.backups = BackupSlot(self.window, self.ws, self.runner, self.reopen,
                                  automatic=self.interactive)
        self.window.show()
        if self.upgrade_backup is not None:
            QTimer.singleShot(0, self._tell_upgraded)
        self.ready.emit(self.window)
        outcome, self._outcome = self._outcome, None
        if outcome is not None:
            self.backups.show_outcome(*outcome)

    def _tell_upgraded(self) -> None:
        """A calm notice (not modal): the data was upgraded, and where the backup is."""
        assert self.upgrade_backup is not None
        self.upgrade_notice = self.tr(
            "Your data was upgraded for this version of Mediator. Everything is in place.\n\n"
            "A copy of the data as it was before the upgrade was saved first:\n%1"
        ).replace("%1", str(self.upgrade_backup))
        log.info("upgrade notice shown")
        if self.window is None or not errors.dialogs_enabled:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Data upgraded"),
                          self.upgrade_notice, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ------------------------------------------------------- restore (备份恢复)
    def _offer_backup(self, exc: DatabaseDamagedError) -> None:
        """A damaged database: say so and offer the last good backup (ui/backup)."""
        from mediator.ui.backup.damaged import DamagedDatabaseDialog  # noqa: PLC0415

        dialog = DamagedDatabaseDialog(self.runner, self.data_dir, exc.message)
        self.damaged = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._outcome = (dialog.message, None)
                self.begin()  # open the restored data
            else:
                self.failed.emit(EXIT_STORAGE)

        dialog.finished.connect(finished)
        dialog.show()

    def reopen(self, between: Callable[[], str]) -> None:
        """Close the workspace on the worker, run ``between`` (a restore), reopen the
        data in a new main window; what ``between`` said (or its error) is shown there."""
        old, ws = self.window, self.ws
        if old is None or ws is None:
            return
        old.close_case()  # its draft is saved into the data being replaced, first
        old.closing.emit()  # pages flush their drafts; sync stops
        old.closing.disconnect()
        old.hide()
        self.ws = None
        data_dir, lang = self.data_dir, self.lang

        def work() -> tuple[_Opened, str | None, BaseException | None]:
            ws.close()
            try:
                message, error = between(), None
            except MediatorError as exc:
                message, error = None, exc
            return _open(data_dir, lang), message, error

        def done(result: tuple[_Opened, str | None, BaseException | None]) -> None:
            opened, message, error = result
            self.ws, self.labels = opened.ws, opened.labels
            self._outcome = (message, error)
            old.close()
            old.deleteLater()
            if opened.studio is not None:
                self._show_main(opened.studio, opened.first_screen)

        self.runner.run(work, on_done=done, on_error=self._not_opened)

    def close(self) -> None:
        """Close the workspace after every queued task; stop the worker."""
        ws, self.ws = self.ws, None
        if ws is not None:
            self.runner.run(ws.close, on_error=lambda exc: log.error("closing: %r", type(exc)))
        self.runner.shutdown()


def app_icon() -> QIcon:
    """The app's mark at every size it was drawn for (resources/icons)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resources_dir() / "icons" / f"mediator-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def prepare(
    data_dir: DataDir, lang: str = "zh_CN", *, interactive: bool = True
) -> tuple[QApplication, Startup]:
    """Everything :func:`run_gui` does before the event loop (the start-up benchmark
    and ``--smoke`` drive this too, so they measure exactly what a mediator waits
    for).  ``interactive=False`` never shows the first-run dialog."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Mediator")
    app.setApplicationDisplayName("调解工作台" if lang.startswith("zh") else "Mediator")
    # The .deb's desktop entry is mediator.desktop: panels and Wayland match the
    # window to it (name, icon) through this; the icon covers every window too.
    app.setDesktopFileName("mediator")
    app.setWindowIcon(app_icon())
    errors.install(data_dir.logs)
    logsetup.setup_logging(data_dir.logs)  # tracebacks to the log file, never the screen
    # Between the first-run dialog closing and the main window showing there is
    # a moment without windows; Qt must not take it as "quit".
    app.setQuitOnLastWindowClosed(False)
    startup = Startup(TaskRunner(), data_dir, lang)
    startup.interactive = interactive
    startup.ready.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
    # Open the database first: the worker imports the core and runs the migration
    # check while this thread parses the fonts (Qt's C++ runs without the GIL).
    # No widget exists before the event loop runs, so fonts and translators are
    # still in place before the first one is built.
    startup.begin()
    _warn_missing_fonts(startup, lang)
    # The look (ui/theme.py) at the type size chosen on this data dir, else the screen's.
    install_fonts(app, lang, theme.load_type_size(data_dir.root) or theme.default_type_size(app))
    install_translators(app, lang)  # parented to the app: they live as long as it
    wheel.install(app)  # the wheel scrolls forms, never an unfocused field (ui/wheel.py)
    return app, startup


def _warn_missing_fonts(startup: Startup, lang: str) -> None:
    """A bundled font file absent (a damaged install): start anyway, on the system's
    fonts, and tell the user which file is missing and to reinstall."""
    needed = needed_files(lang)
    missing = [name for name in needed if not (resources_dir() / "fonts" / name).is_file()]
    if not missing:
        return
    log.warning("bundled font files missing: %s", ", ".join(missing))
    error = FontMissingError(missing)
    startup.ready.connect(
        lambda window: QTimer.singleShot(0, lambda: errors.show_error(window, error))
    )


def run_gui(data_dir: DataDir, lang: str = "zh_CN") -> int:
    """Run the desktop app on ``data_dir`` in ``lang`` ("zh_CN" or "en"); the exit code."""
    from mediator.ui.instance import Instance, bring_forward  # noqa: PLC0415

    if not isinstance(QApplication.instance(), QApplication):
        QApplication(sys.argv[:1])
    instance = Instance(data_dir)  # one app per data dir (ui/instance.py)
    if not instance.claim():
        instance.ask_owner_to_activate()  # the first window comes forward; nothing else
        return EXIT_OK
    app, startup = prepare(data_dir, lang)
    instance.activate.connect(
        lambda: bring_forward(w) if (w := startup.window or startup.first_run) else None
    )
    exit_code = EXIT_OK

    def on_failed(code: int) -> None:
        nonlocal exit_code
        exit_code = code
        app.exit(code)

    startup.failed.connect(on_failed)

    def close_as_the_user_would() -> None:
        for window in (startup.window, startup.first_run):
            if window is not None:
                window.close()  # drafts flushed, the exit backup queued
        app.quit()

    from mediator.ui.terminate import TerminateHandler  # noqa: PLC0415

    terminate = TerminateHandler(close_as_the_user_would, app)
    code = app.exec()
    terminate.uninstall()
    startup.close()
    instance.release()
    return exit_code or code
