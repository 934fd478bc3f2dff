"""The case details dialog (760×720 asked for) fits the screen it opens on with
its Close button in view; run again on a 1366×768 screen by test_screen_1366.py."""

from __future__ import annotations

from mediator.ui.cases.detail import CaseDetailDialog
from mediator.ui.labels import Labels
from tests.ui.conftest import register_leak_case
from tests.ui.screen_fit import assert_fits_screen


def test_case_details_fit_the_screen(qtbot, studio_ws) -> None:
    case = studio_ws.cases.get(register_leak_case(studio_ws))
    dialog = CaseDetailDialog(case, Labels("zh_CN", studio_ws.catalogue.dispute_types(),
                                           studio_ws.catalogue.case_sources()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits_screen(dialog, [dialog.close_button])
