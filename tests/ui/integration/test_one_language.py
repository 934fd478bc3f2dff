"""One language per UI: the English desk shows no Chinese, the Chinese desk no English.

The real app (worker, main window, translators) on a demo data dir is walked as
a person would look at it: every main page, every step of a case's workspace
for a case in each status, its 基本信息 and 文书 tabs, and the dialogs (seal
import, case details, 定稿, session mode, first run).  Every text a person can
read there is collected (:mod:`tests.ui.integration.visible_text`); the demo's
own values (names, facts, addresses, case numbers) are user data and allowed
in any script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

import mediator.ui
from mediator.documents import samples
from mediator.domain.findings import Step
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.documents import install_seal
from mediator.services.workspace import open_workspace
from mediator.ui import labels
from mediator.ui.app import Startup
from mediator.ui.fonts import install_fonts
from mediator.ui.i18n import install_translators
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner
from tests.ui.integration.conftest import quit_app
from tests.ui.integration.screenshots import _all_cases, draft_an_agreement
from tests.ui.integration.visible_text import foreign, user_values, wrong_language

STATUSES = ("registered", "notified", "investigating", "mediating", "agreed",
            "performing", "archived", "terminated", "refused")


@pytest.fixture
def in_language(qapp, request) -> Iterator[str]:
    """The app's translators for the parametrised language, removed afterwards."""
    lang = request.param
    old_locale = QLocale()
    translators = install_translators(qapp, lang)
    yield lang
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(old_locale)


@pytest.fixture
def demo_dir(data_dir: DataDir) -> DataDir:
    ws = open_workspace(data_dir)
    try:
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
        demo.generate(ws, cases=40, seed=11)
    finally:
        ws.close()
    install_seal(data_dir, samples.sample_seal().png)
    draft_an_agreement(data_dir)
    return data_dir


def settle(qtbot, runner: TaskRunner) -> None:
    qtbot.waitUntil(runner.is_idle, timeout=20_000)
    qtbot.wait(50)
    qtbot.waitUntil(runner.is_idle, timeout=20_000)


def awaiting_merge() -> list[re.Pattern[str]]:
    """English sources with a Chinese row in a TRANSLATIONS_zh_CN.md table, as
    patterns of the texts they make (``%1`` stands for anything), longest first."""
    patterns: list[re.Pattern[str]] = []
    for table in Path(mediator.ui.__file__).parent.rglob("TRANSLATIONS_zh_CN.md"):
        for line in table.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and len(cells) >= 3 and cells[1] not in ("source", "---"):
                source = cells[1].replace("\\n", "\n")
                if len(re.sub(r"%\d|\W", "", source)) < 3:
                    continue  # "%1" alone would stand for any text
                patterns.append(re.compile(re.sub(r"%\d", ".*?", re.escape(source))))
    return sorted(patterns, key=lambda p: len(p.pattern), reverse=True)


def open_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()]


class Walk:
    """Collects what is in the wrong language, screen by screen."""

    def __init__(self, lang: str, values: list[str]) -> None:
        self.lang, self.values = lang, values
        self.found: dict[tuple[str, str], tuple[str, str]] = {}  # (where, text): screen, bad

    def look(self, screen: str, *tops: QWidget) -> None:
        """``tops`` and any dialog or message box open over them."""
        for where, text, bad in wrong_language([*tops, *open_dialogs()], self.lang,
                                               self.values):
            self.found.setdefault((where, text), (screen, bad))

    def lines(self, tolerated: list[re.Pattern[str]]) -> list[str]:
        return [f"[{screen}] {where}: {text[:120]!r} ({bad})"
                for (where, text), (screen, bad) in self.found.items()
                if not self._waiting(text, tolerated)]

    def _waiting(self, text: str, tolerated: list[re.Pattern[str]]) -> bool:
        """Everything in the wrong language awaits the merge: each line (a report is
        several, each made of several strings) is foreign only in pending sources."""
        for line in text.splitlines():
            rest = line
            for p in tolerated:  # longest first
                rest = p.sub(" ", rest)
            if foreign(rest, self.lang, self.values):
                return False
        return True


@pytest.mark.slow
@pytest.mark.parametrize("in_language", ["en", "zh_CN"], indirect=True)
def test_every_screen_speaks_one_language(qtbot, qapp, in_language: str,
                                          demo_dir: DataDir) -> None:
    lang = in_language
    install_fonts(qapp)
    s = Startup(TaskRunner(), demo_dir, lang)
    s.begin()
    try:
        qtbot.waitUntil(lambda: s.window is not None, timeout=30_000)
        window = s.window
        assert isinstance(window, MainWindow)
        runner = s.runner
        walk = Walk(lang, user_values(demo_dir.database))
        window.resize(1366, 740)
        window.show()
        qtbot.waitUntil(window.case_list.is_current, timeout=20_000)
        settle(qtbot, runner)
        walk.look("case list", window)
        window.show_today()
        qtbot.waitUntil(lambda: window.today is not None and window.today.model.rowCount() > 0,
                        timeout=20_000)
        walk.look("today", window)
        window.nav.setCurrentRow(2)
        settle(qtbot, runner)
        walk.look("registration", window)
        window.show_settings()
        qtbot.waitUntil(lambda: window.settings_page.info is not None, timeout=20_000)
        settle(qtbot, runner)
        walk.look("settings", window)
        seal = window.settings_page.open_seal_import()
        settle(qtbot, runner)
        walk.look("seal import", seal)
        seal.reject()
        window.sync.enrol()  # 连接区服务器
        settle(qtbot, runner)
        walk.look("enrol", *open_dialogs())
        for dialog in open_dialogs():
            dialog.reject()
        assert s.backups is not None  # 从备份恢复: what a restore would bring back
        made = s.backups.service.back_up("manual")
        restore = s.backups.ask_restore(made.backup)
        settle(qtbot, runner)
        walk.look("restore", restore)
        restore.reject()

        picked: dict[str, str] = {}
        for case_id, status in _all_cases(s.ws):
            picked.setdefault(status, case_id)
        for status in STATUSES:
            case_id = picked.get(status)
            if case_id is None:
                continue
            window.open_case(case_id)
            qtbot.waitUntil(lambda cid=case_id: window.case_page is not None
                            and window.case_page.case_id == cid
                            and window.case_page.workspace.overview is not None,
                            timeout=20_000)
            settle(qtbot, runner)
            page = window.case_page
            assert page is not None
            workspace = page.workspace
            for step in workspace.pages:
                workspace.show_step(step.value)
                settle(qtbot, runner)
                walk.look(f"{status} case, step {step.value}", window)
            report = workspace.open_report()  # 卷宗完整性, on screen first
            assert report is not None
            settle(qtbot, runner)
            walk.look(f"{status} case, completeness report", report)
            report.reject()
            page.show_details()
            qtbot.waitUntil(lambda p=page: p.details is not None, timeout=20_000)
            settle(qtbot, runner)
            walk.look(f"{status} case, details", window)
            if status == "registered":  # 更正 a party: the dialog, then the history
                person = next(p for p in page.details.case.parties if p.ethnicity)
                fix = page.correct_party(person)
                settle(qtbot, runner)
                walk.look("party correction", fix)
                fix.card.ethnicity.setEditText(labels.ethnicity("回族"))
                fix.card.phone.setText("13800138123")
                with qtbot.waitSignal(fix.corrected, timeout=20_000):
                    fix.save()
                qtbot.waitUntil(lambda p=page: p.details is not None
                                and p.details.history.isVisibleTo(p.details), timeout=20_000)
                settle(qtbot, runner)
                walk.look(f"{status} case, details after a correction", window)
                history = " ".join(w.text() for w in
                                   page.details.history.findChildren(QLabel))
                assert ("Hui" if lang == "en" else "回族") in history, history
                assert lang != "en" or "回族" not in history  # a value, but a listed one
            details = window.show_case_details(page.details.case)
            settle(qtbot, runner)
            walk.look(f"{status} case, details dialog", details)
            details.close()
            page.show_documents()
            qtbot.waitUntil(lambda p=page: p.documents is not None and bool(p.documents.infos),
                            timeout=30_000)
            settle(qtbot, runner)
            walk.look(f"{status} case, documents", window)
            if status == "mediating":
                page.tabs.setCurrentWidget(workspace)
                workspace.show_step(Step.MEDIATE.value)
                workspace.open_session_mode()
                settle(qtbot, runner)
                walk.look("session mode", workspace.session_window)
                workspace.session_window.close()
                ov = workspace.overview
                if ov is not None and ov.agreement is not None:
                    fin = page.open_finalise(ov.agreement.id)
                    qtbot.waitUntil(lambda f=fin: runner.is_idle() and f.isEnabled(),
                                    timeout=30_000)
                    settle(qtbot, runner)
                    walk.look("finalise dialog", fin)
                    fin.close()
                    settle(qtbot, runner)
        # English left in the Chinese desk by a string whose Chinese row is written
        # (a TRANSLATIONS_zh_CN.md) but not yet merged into the catalogue: the lead
        # merges the rows, tests/ui/test_translations.py fails until then.
        wrong = walk.lines(awaiting_merge() if lang != "en" else [])
        found = "\n".join(wrong)
        assert not wrong, f"{len(wrong)} texts in the wrong language:\n{found}"
    finally:
        quit_app(qtbot, s)
        qapp.setFont(QApplication.font(None))


@pytest.mark.parametrize("in_language", ["en", "zh_CN"], indirect=True)
def test_the_first_run_speaks_one_language(qtbot, qapp, in_language: str,
                                           data_dir: DataDir) -> None:
    """The first window a studio sees (首次使用: committee, prefix, mediator)."""
    s = Startup(TaskRunner(), data_dir, in_language)
    s.begin()
    try:
        qtbot.waitUntil(lambda: s.first_run is not None and s.first_run.isVisible(),
                        timeout=20_000)
        walk = Walk(in_language, [])
        walk.look("first run", s.first_run)
        wrong = walk.lines(awaiting_merge() if in_language != "en" else [])
        assert not wrong, "\n".join(wrong)
    finally:
        quit_app(qtbot, s)
