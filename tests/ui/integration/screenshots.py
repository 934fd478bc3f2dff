"""Screenshots of every screen of the real app, for a person to look at.

    mediator --data-dir DIR demo --cases 300
    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.ui.integration.screenshots DIR OUT zh_CN

Starts the app exactly as ``mediator`` does (fonts, translators, worker, main
window) on DIR, walks through the screens and saves one PNG per screen into OUT
(``<lang>-<screen>.png``).  Not a test: it changes nothing it does not create
(it registers nothing; into DIR it imports the sample seal and drafts one
agreement for a case in mediation, so the 定稿 dialog can be shown).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from mediator.documents import samples
from mediator.domain.findings import Step
from mediator.paths import DataDir
from mediator.services.documents import install_seal
from mediator.services.workflow import Workflow
from mediator.services.workspace import open_workspace
from mediator.ui import errors
from mediator.ui.app import prepare
from tests.services.workflow.walk import agreement_input, principals


def wait(pred: Callable[[], Any], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise TimeoutError("screen did not get ready")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main(data: str, out: str, lang: str) -> int:
    errors.dialogs_enabled = False
    data_dir = DataDir.resolve(data).ensure()
    install_seal(data_dir, samples.sample_seal().png)
    draft_an_agreement(data_dir)
    app, startup = prepare(data_dir, lang)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(folder / f"{lang}-{name}.png"))
        print(folder / f"{lang}-{name}.png")

    wait(lambda: startup.window is not None)
    window = startup.window
    assert window is not None
    ws, runner = startup.ws, startup.runner
    window.resize(1366, 740)
    window.move(0, 0)
    window.show_cases()
    lst = window.case_list
    wait(lst.is_current)
    shot(window, "01-case-list")
    lst.filters.search.setText("漏水")
    wait(lambda: lst.is_current() and lst.filters.search.text() == "漏水")
    settle(1.0)
    wait(lst.is_current)
    shot(window, "02-search-loushui")
    lst.filters.search.clear()
    window.show_today()
    wait(lambda: window.today is not None and window.today.model.rowCount() > 0)
    shot(window, "03-today")
    if window.registration is not None:
        window.nav.setCurrentRow(2)
        shot(window, "04-register")
    window.show_settings()
    wait(lambda: window.settings_page.info is not None)
    shot(window, "05-settings")
    window.settings_page.open_seal_import()
    dialog = window.settings_page.seal_dialog
    assert dialog is not None
    shot(dialog, "06-seal-import")
    dialog.reject()

    statuses = ("registered", "notified", "investigating", "mediating", "agreed",
                "performing", "archived", "terminated")
    picked: dict[str, str] = {}
    for case in _all_cases(ws):
        picked.setdefault(case[1], case[0])
    for n, status in enumerate(statuses):
        case_id = picked.get(status)
        if case_id is None:
            continue
        window.open_case(case_id)
        wait(lambda cid=case_id: window.case_page is not None
             and window.case_page.case_id == cid
             and window.case_page.workspace.overview is not None)
        wait(runner.is_idle)
        shot(window, f"1{n}-case-{status}")
        page = window.case_page
        assert page is not None
        if status == "mediating":
            page.workspace.show_step(Step.OUTCOME.value)
            shot(window, f"1{n}-case-{status}-agreement-step")
            ov = page.workspace.overview
            if ov is not None and ov.agreement is not None:
                fin = page.open_finalise(ov.agreement.id)
                wait(lambda f=fin: runner.is_idle() and f.isEnabled())
                shot(fin, "20-finalise-dialog")
                fin.close()
        if status in ("agreed", "mediating"):
            page.show_details()
            wait(lambda p=page: p.details is not None)
            shot(window, f"1{n}-case-{status}-details")
            page.show_documents()
            wait(lambda p=page: p.documents is not None and bool(p.documents.infos))
            wait(runner.is_idle)
            settle(1.0)
            shot(window, f"1{n}-case-{status}-documents")
    window.close()
    startup.close()
    app.quit()
    return 0


def draft_an_agreement(data_dir: DataDir) -> None:
    """The demo has no case in mediation with a drafted agreement: draft one (for 定稿)."""
    ws = open_workspace(data_dir)
    try:
        wf = Workflow(ws)
        mediating = [cid for cid, status in _all_cases(ws) if status == "mediating"]
        if mediating and wf.overview(mediating[0]).agreement is None:
            respondent = principals(wf, mediating[0])[1]
            today = dt.date.today()
            obligations = tuple(dataclasses.replace(o, due=today + dt.timedelta(days=20))
                                for o in agreement_input(respondent).obligations)
            wf.agreement.save_draft(mediating[0], agreement_input(
                respondent, reached_on=today, obligations=obligations), today=today)
    finally:
        ws.close()


def _all_cases(ws: Any) -> list[tuple[str, str]]:
    con = sqlite3.connect(f"file:{ws.data_dir.database}?mode=ro", uri=True)
    try:
        return [(str(a), str(b)) for a, b in con.execute(
            "SELECT c.id, c.status FROM \"case\" c WHERE c.deleted = 0 "
            "ORDER BY EXISTS (SELECT 1 FROM agreement a WHERE a.case_id = c.id "
            "AND a.status = 'draft') DESC, c.registered_on DESC")]
    finally:
        con.close()


if __name__ == "__main__":
    QApplication(sys.argv[:1])
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "zh_CN"))
