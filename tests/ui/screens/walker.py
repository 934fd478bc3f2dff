"""Walk every page and dialog of the real app and record what does not fit.

    python -m tests.ui.screens.walker --out DIR --findings FILE [--lang zh_CN|en]
        [--size extra_large] [--screen 1366x768]

Run in a child process per screen configuration (a process has one platform
and one screen): tests/ui/screens/test_screens.py sets QT_QPA_PLATFORM to the
offscreen platform with the screen's size and QT_SCALE_FACTOR for 150 %.

The app is started as ``mediator`` starts it (:func:`mediator.ui.app.prepare`:
fonts, theme at the data dir's type size, translators, wheel guard, worker) on
a data dir built by :mod:`tests.ui.screens.data`.  Every screen is saved as
``<lang>-<screen>.png`` in DIR and checked by :mod:`tests.ui.screens.fit`; the
findings go to FILE as JSON (one line of text each), for the test to report.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from mediator.domain.findings import Step
from mediator.errors import ValidationError
from mediator.paths import DataDir
from mediator.ui import errors, theme
from mediator.ui.app import Startup, prepare
from mediator.ui.tasks import TaskRunner
from tests.ui.integration.screenshots import _all_cases
from tests.ui.ledger import screens as ledger_screens
from tests.ui.screening import screens as screening_screens
from tests.ui.screens import data
from tests.ui.screens.fit import Finding, check, window_fits
from tests.ui.statistics import screens as statistics_screens

STATUSES = ("registered", "notified", "investigating", "mediating", "agreed",
            "performing", "archived", "terminated", "refused")
PNG_QUALITY = 90  # Qt's PNG "quality" is the inverse of compression: fast to write


def wait(pred: Callable[[], Any], timeout: float = 30.0, what: str = "screen") -> None:
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise TimeoutError(f"{what} did not get ready")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def settle(seconds: float = 0.05) -> None:
    end = time.monotonic() + seconds
    while True:
        QCoreApplication.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.005)


class Walker:
    """Shoots and checks screens; collects the findings."""

    def __init__(self, startup: Startup, out: Path, lang: str) -> None:
        self.startup, self.out, self.lang = startup, out, lang
        self.findings: list[Finding] = []
        self.screens: list[str] = []

    @property
    def runner(self) -> TaskRunner:
        return self.startup.runner

    def idle(self) -> None:
        """The worker done and what it sent shown (twice: a result may queue more)."""
        for _ in range(2):
            wait(self.runner.is_idle, what="worker")
            settle(0.01)

    def shot(self, top: QWidget, name: str, *, full: QWidget | None = None) -> None:
        """Check ``top`` (and, when it is a window, that it fits the screen); save it.
        ``full``: a scroll area's content, saved whole too (``<name>-full.png``)."""
        self.idle()
        self.screens.append(name)
        # A full-screen window (the signature pad) is placed by the window system; the
        # offscreen platform has none and leaves it where the dialog was centred.
        if top.isWindow() and not top.windowState() & Qt.WindowState.WindowFullScreen:
            self.findings += window_fits(name, top)
        self.findings += check(name, top)
        top.grab().save(str(self.out / f"{self.lang}-{name}.png"), "PNG", PNG_QUALITY)
        if full is not None:
            full.grab().save(str(self.out / f"{self.lang}-{name}-full.png"), "PNG", PNG_QUALITY)

    def catch(self, name: str, action: Callable[[], Any]) -> list[QWidget]:
        """Run ``action`` (it may open a modal dialog and wait in its own loop); shoot
        every window it opened, then close them."""
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        caught: list[QWidget] = []

        def grab() -> None:
            if caught:
                return
            new = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and id(w) not in before]
            caught.extend(new)
            for i, w in enumerate(new):
                self.shot(w, name if len(new) == 1 else f"{name}-{i + 1}")
            for w in new:
                if isinstance(w, QDialog):
                    w.reject()
                else:
                    w.close()

        QTimer.singleShot(150, grab)
        was = errors.dialogs_enabled
        errors.dialogs_enabled = True
        try:
            action()
        finally:
            errors.dialogs_enabled = was
        settle(0.2)
        grab()
        return caught


def scrolled_content(top: QWidget) -> QWidget | None:
    """The largest scroll area's content (a form taller than the window)."""
    areas = [a for a in top.findChildren(QScrollArea) if a.isVisible() and a.widget()]
    if not areas:
        return None
    best = max(areas, key=lambda a: a.widget().height())
    content = best.widget()
    return content if content.height() > best.viewport().height() else None


def walk(w: Walker, data_dir: DataDir, bad_case: str) -> None:
    s = w.startup
    wait(lambda: s.window is not None, what="main window")
    window = s.window
    assert window is not None
    wait(window.case_list.is_current, what="case list")
    w.shot(window, "01-case-list")
    window.show_today()
    wait(lambda: window.today is not None and window.today.model.rowCount() > 0, what="today")
    w.shot(window, "02-today")
    window.nav.setCurrentRow(2)
    page = window.registration
    assert page is not None
    wait(lambda: page.dispute_type.count() > 0, what="registration")
    w.shot(window, "03-register")
    _fill_bad_registration(page)
    w.shot(window, "04-register-bad-input", full=page.content)
    page.parties.cards()[2].setFocus()
    window.show_settings()
    wait(lambda: window.settings_page.info is not None, what="settings")
    # The sync section is added a few seconds after start-up (ui/shell/sync_slot.py).
    wait(lambda: window.sync.conflicts is not None, what="sync section")
    window.sync.conflicts.reload()
    w.idle()
    if window.sync.conflicts.list.count():
        window.sync.conflicts.list.setCurrentRow(0)
    w.shot(window, "05-settings", full=scrolled_content(window))
    seal = window.settings_page.open_seal_import()
    w.shot(seal, "06-seal-import")
    seal.reject()
    window.sync.enrol()
    enrol = window.sync.enrol_dialog
    assert enrol is not None
    w.shot(enrol, "07-enrol")
    enrol.reject()
    _backup_dialogs(w, window, data_dir)
    screening_screens.walk(w, window)
    statistics_screens.walk(w, window)
    w.catch("40-message-check-input", lambda: errors.show_error(window, ValidationError(
        "请检查输入", problems=[("summary", "纠纷简要情况不能超过5000个字（现有5001个字）"),
                                ("parties[0].name", "姓名不能超过50个字（现有60个字）"),
                                ("parties", "至少要有一名被申请人")])))
    w.catch("41-message-unexpected", lambda: errors.show_error(window, RuntimeError("screens")))

    picked: dict[str, str] = {}
    for case_id, status in _all_cases(s.ws):
        if case_id != bad_case:
            picked.setdefault(status, case_id)
    cases = [(status, picked[status]) for status in STATUSES if status in picked]
    cases.append(("bad-input", bad_case))
    for n, (status, case_id) in enumerate(cases):
        _walk_case(w, window, f"{10 + n}-{status}", case_id, status)
    window.close_case_and_return()
    ledger_screens.walk(w, window)  # imports cases: after the cases' walk
    _first_run(w)


def _fill_bad_registration(page: Any) -> None:
    """The issue's bad input typed into the form (as its draft would restore it)."""
    reg = data.bad_registration()
    parties = []
    for p in reg.parties:
        person = p.kind.value == "person"
        parties.append({
            "role": p.role.value, "kind": p.kind.value,
            # 60 characters where a person's name allows 50: the form must show it
            # (and its error) without breaking.
            "name": p.name + "买合木提·阿不力孜江" if person else p.name,
            "phone": p.phone, "address": p.address,
            "representative": p.representative, "representative_title": p.representative_title,
            "representative_role": p.representative_role.value})
    page._apply_payload({
        "dispute_type": reg.dispute_type, "source": reg.source,
        "registered_on": reg.registered_on.isoformat(), "referral_note": "",
        "summary": reg.summary, "requests": reg.requests, "parties": parties})
    page.check()


def _backup_dialogs(w: Walker, window: Any, data_dir: DataDir) -> None:
    from mediator.ui.backup.damaged import DamagedDatabaseDialog

    backups = w.startup.backups
    assert backups is not None
    done: list[Any] = []
    w.runner.run(lambda: backups.service.back_up("manual"), on_done=done.append)
    wait(lambda: bool(done), what="backup")
    restore = backups.ask_restore(done[0].backup)
    w.shot(restore, "08-restore")
    restore.reject()
    damaged = DamagedDatabaseDialog(w.runner, data_dir,
                                    "数据库文件已损坏（无法读取）。数据目录里的文件没有被改动。")
    damaged.show()
    wait(damaged.restore_button.isEnabled, what="damaged dialog")
    w.shot(damaged, "09-damaged-database")
    damaged.reject()
    damaged.deleteLater()


def _walk_case(w: Walker, window: Any, prefix: str, case_id: str, status: str) -> None:
    """Every step of the case's workspace, its details (tab and dialog), its documents,
    the completeness report; in mediation also session mode and each finalise page.
    Whole scrolled forms are saved for the bad-input case (the others' first screen
    is saved: a PNG of every form at full length costs more than the rest together)."""
    whole = status == "bad-input"
    window.open_case(case_id)
    wait(lambda: window.case_page is not None and window.case_page.case_id == case_id
         and window.case_page.workspace.overview is not None, what=f"case {status}")
    page = window.case_page
    workspace = page.workspace
    for step in workspace.pages:
        choose_step(workspace, step.value)
        w.shot(window, f"{prefix}-step-{step.value}",
               full=scrolled_content(workspace) if whole else None)
    choose_step(workspace, Step.MEDIATE.value if Step.MEDIATE in workspace.pages else
                next(iter(workspace.pages)).value)
    w.catch(f"{prefix}-completeness", workspace.print_button.click)
    page.show_details()
    wait(lambda: page.details is not None, what="details")
    w.shot(window, f"{prefix}-details", full=scrolled_content(page.details) if whole else None)
    details = window.show_case_details(page.details.case)
    w.shot(details, f"{prefix}-details-dialog")
    details.close()
    page.show_documents()
    wait(lambda: page.documents is not None and bool(page.documents.infos), what="documents")
    w.shot(window, f"{prefix}-documents")
    page.tabs.setCurrentWidget(workspace)
    w.idle()
    if status == "mediating":  # 更改 the difficulty grade: the outcome step's dialog
        choose_step(workspace, Step.OUTCOME.value)
        w.idle()
        grade = workspace.pages[Step.OUTCOME].case_facts.change_grade()
        w.shot(grade, f"{prefix}-grade")
        grade.reject()
    if status in ("mediating", "bad-input"):
        choose_step(workspace, Step.MEDIATE.value)
        workspace.open_session_mode()
        w.shot(workspace.session_window, f"{prefix}-session-mode")
        workspace.session_window.close()
        ov = workspace.overview
        if ov is not None and ov.agreement is not None:
            fin = page.open_finalise(ov.agreement.id)
            wait(lambda: w.runner.is_idle() and fin.isEnabled(), what="finalise")
            for name in list(fin.pages):
                fin._show_page(name)  # each page of the wizard, in turn
                w.shot(fin, f"{prefix}-finalise-{name}")
                if name == "sign_parties":  # its 全屏签名 button's pad, for a tablet
                    w.catch(f"{prefix}-finalise-signature-pad", lambda f=fin: f._full_screen(
                        f.party_pad, f.party_prompt.text()))
            fin.close()
            w.idle()


def choose_step(workspace: Any, value: str) -> None:
    """Pick the step on the rail, as a person clicks it (the rail and page agree)."""
    rail = workspace.rail
    rows = [i for i in range(rail.count())
            if rail.item(i).data(Qt.ItemDataRole.UserRole) == value]
    if rows:
        rail.setCurrentRow(rows[0])
    else:
        workspace.show_step(value)


def _first_run(w: Walker) -> None:
    """The first-run window on an empty data dir (the real start-up sequence)."""
    empty = DataDir.resolve(tempfile.mkdtemp(prefix="mediator-first-run-")).ensure()
    s = Startup(TaskRunner(), empty, w.startup.lang)
    s.begin()
    wait(lambda: s.first_run is not None and s.first_run.isVisible(), what="first run")
    assert s.first_run is not None
    w.shot(s.first_run, "90-first-run")
    s.first_run.reject()
    wait(lambda: s.first_run is None, what="first run closed")
    s.close()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--findings", required=True)
    ap.add_argument("--lang", default="zh_CN")
    ap.add_argument("--size", default=theme.TypeSize.EXTRA_LARGE.value)
    ap.add_argument("--data")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data_dir = DataDir.resolve(args.data or tempfile.mkdtemp(prefix="mediator-screens-"))
    started = time.monotonic()
    bad_case = data.build(data_dir)
    theme.save_type_size(data_dir.root, theme.TypeSize(args.size))
    errors.dialogs_enabled = False  # message boxes are opened on purpose (Walker.catch)
    app, startup = prepare(data_dir, args.lang)
    walker = Walker(startup, out, args.lang)
    try:
        walk(walker, data_dir, bad_case)
    except BaseException:
        traceback.print_exc()  # the app's crash hook would keep only a report without text
        raise
    finally:
        report = {"screens": walker.screens, "seconds": round(time.monotonic() - started, 1),
                  "findings": [f.line() for f in walker.findings],
                  "screen": _screen_text(app), "errors": [
                      f"{type(e.exc).__name__}: {e.text[:200]}" for e in errors.recorded
                      if not isinstance(e.exc, ValidationError | RuntimeError)]}
        Path(args.findings).write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
        if startup.window is not None:
            startup.window.close()
        startup.close()
        app.quit()
    return 0


def _screen_text(app: QApplication) -> str:
    screen = app.primaryScreen()
    g = screen.availableGeometry()
    return f"{g.width()}x{g.height()} logical at dpr {screen.devicePixelRatio()}"


if __name__ == "__main__":
    QApplication(sys.argv[:1])
    sys.exit(main(sys.argv[1:]))
