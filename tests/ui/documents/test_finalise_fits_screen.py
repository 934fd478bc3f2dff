"""The finalise dialog fits the screen it opens on, its Close and step buttons
visible (1180×780 was asked for: taller than a 1366×768 laptop's screen)."""

from __future__ import annotations

from mediator.ui.documents import FinaliseAgreementDialog
from tests.ui.documents.test_documents_gui import leak, wait_idle
from tests.ui.screen_fit import assert_fits_screen

__all__ = ["leak"]


def test_finalise_dialog_fits_the_screen(qtbot, runner, leak, shown_errors) -> None:
    ws, _, agreement_id = leak
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["proofread"]
    assert_fits_screen(dialog, [dialog.close_button, dialog.confirm_proofread])
    dialog._show_page("sign_parties")  # the tallest page: list, pad and two button rows
    assert_fits_screen(dialog, [dialog.close_button, dialog.party_sign_button])
    assert not shown_errors
