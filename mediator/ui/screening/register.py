"""登记为案件 — register a dispute found on a screening visit as a case.

The ordinary registration form (:class:`~mediator.ui.registration.RegistrationPage`)
in the screening page's place: prefilled from the visit
(:meth:`ScreeningService.prefill`: source 调委会主动调解, a first line of the
account naming the visit), with a draft of its own per visit so the new-case
draft is never touched, and saved through
:meth:`ScreeningService.register_case` so the case is linked to the visit in
the same transaction.  Why the whole form and not a confirmation dialog: the
parties' names, ID numbers and addresses are needed, and a mediator knows
this form already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.screening import ScreeningView
from mediator.ui import theme
from mediator.ui.registration import RegistrationPage
from mediator.ui.theme import Role, mark

DRAFT_PREFIX = "screening:"  # draft key of the form for one visit: screening:<visit id>


def prefill_payload(reg: RegistrationInput) -> dict[str, Any]:
    """The registration form's payload (its draft format) for a prefilled registration."""
    return {"dispute_type": reg.dispute_type, "source": reg.source,
            "registered_on": (reg.registered_on or dt.date.today()).isoformat(),
            "referral_note": reg.referral_note, "summary": reg.summary,
            "requests": list(reg.requests) or [""], "parties": []}


class ScreenedRegistration(QWidget):
    """A way back to the register, what the case comes from, and the form."""

    back = Signal()
    registered = Signal(str, str)  # case id, case number

    def __init__(
        self,
        workspace: Any,
        runner: Any,
        visit: ScreeningView,
        prefill: RegistrationInput,
        register: Callable[[RegistrationInput], CaseRef],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visit = visit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        head = QFrame(self)
        row = QHBoxLayout(head)
        space = theme.current().space
        row.setContentsMargins(space("page"), space("normal"), space("page"), 0)
        row.setSpacing(space("group"))
        self.back_button = QPushButton(self.tr("Back to the screening register"), head)
        self.back_button.clicked.connect(self.leave)
        row.addWidget(self.back_button)
        self.origin = QLabel(
            self.tr("A dispute found on the visit of %1 to %2. Add the parties and save: "
                    "the case is linked to this visit.")
            .replace("%1", visit.visited_on.isoformat()).replace("%2", visit.place), head)
        self.origin.setWordWrap(True)
        mark(self.origin, Role.MUTED)
        row.addWidget(self.origin, 1)
        layout.addWidget(head)
        self.form = RegistrationPage(workspace, runner, self,
                                     draft_key=DRAFT_PREFIX + visit.id,
                                     prefill=prefill_payload(prefill), register=register)
        self.form.registered.connect(self.registered)
        layout.addWidget(self.form, 1)

    def leave(self) -> None:
        """Back to the register; what was typed stays as this visit's draft."""
        self.form.flush_draft()
        self.back.emit()
