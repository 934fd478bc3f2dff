"""The 台账 page's screens for the screenshot walk (tests/ui/screens/walker.py): the
page after an export, the import wizard's every page on the messy street ledger
(two sheets, a two-row header, refused rows), its end after a real import, and
a bad file's message.  Walked after the cases, as the import adds cases."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from mediator.ui.mainwindow import PAGE_LEDGER

LEDGERS = Path(__file__).resolve().parents[2] / "fixtures" / "ledgers"


def walk(w: Any, window: Any) -> None:
    page = window.ledger_page
    window.show_page(PAGE_LEDGER)
    out = Path(tempfile.mkdtemp(prefix="mediator-screens-ledger-"))
    page.year.setValue(2025)
    page.month.setCurrentIndex(page.month.findData(11))
    page.export_to(out / page.default_name())
    w.idle()
    w.shot(window, "50-ledger")
    bad = out / "台账（旧版）.xlsx"
    bad.write_bytes(b"not a workbook")
    wizard = page.open_import(bad)
    w.idle()
    w.shot(wizard, "51-ledger-bad-file")
    wizard.file_page.open_file(LEDGERS / "guicheng-2025.xlsx")
    w.idle()
    w.shot(wizard, "52-ledger-file")
    for name in ("53-ledger-sheet", "54-ledger-mapping", "55-ledger-preview"):
        wizard.next()
        w.idle()
        w.shot(wizard, name)
    wizard.preview_page.tabs.setCurrentIndex(1)
    w.shot(wizard, "56-ledger-rows-not-imported")
    wizard.preview_page.skip.setChecked(True)
    wizard.next()  # the import: seven cases at 受理
    w.idle()
    w.shot(wizard, "57-ledger-imported")
    wizard.accept()
    w.idle()
