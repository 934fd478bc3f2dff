"""更正 on the case page: the correction dialog of one party, and the history lines.

The dialog is the registration's own party card (the same fields, checked the
same way beside each field), filled with what is stored; role and kind are the
case's facts and stay fixed.  The service checks again, applies the change and
keeps each changed field in the case's history, which :func:`history_lines`
shows on the studio's clock: when, who, which party, which field, old → new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mediator.domain.status import RepresentativeRole, Sex
from mediator.domain.studio_time import wall_clock
from mediator.errors import ValidationError
from mediator.services.corrections import CorrectionView
from mediator.services.dto import PartyView
from mediator.ui.errors import show_error
from mediator.ui.labels import Labels
from mediator.ui.registration.party_card import PartyCard
from mediator.ui.screen_fit import fit_to_screen, scrolling
from mediator.ui.theme import Role, mark


class CorrectionWords(QObject):
    """The words of the history lines (field names, offices) in the desk's language."""

    def field_name(self, field: str) -> str:
        """A corrected field's name."""
        names = {
            "name": self.tr("Name"), "sex": self.tr("Sex"), "ethnicity": self.tr("Ethnicity"),
            "birth_date": self.tr("Date of birth"), "id_number": self.tr("ID or credit code"),
            "phone": self.tr("Phone"), "address": self.tr("Address"),
            "occupation": self.tr("Occupation"), "representative": self.tr("Representative"),
            "representative_title": self.tr("Their post"),
            "representative_role": self.tr("Acts as"),
        }
        return names.get(field, field)

    def shown(self, field: str, value: str, labels: Labels) -> str:
        """A stored value as a reader knows it (codes as words); empty as a dash."""
        if not value:
            return "—"
        if field == "sex":
            return labels.sex(Sex(value)) if value in {s.value for s in Sex} else value
        if field == "ethnicity":
            return labels.ethnicity(value)
        if field == "representative_role":
            if value == RepresentativeRole.PRINCIPAL.value:
                return self.tr("Principal officer")
            return self.tr("Legal representative")
        return value

    def unknown(self) -> str:
        return self.tr("(unknown)")


def history_lines(history: list[CorrectionView], labels: Labels, time_zone: str) -> list[str]:
    """One line per corrected field, oldest first, on the studio's clock."""
    words = CorrectionWords()
    out = []
    for h in history:
        when = wall_clock(h.at, time_zone).strftime("%Y-%m-%d %H:%M")
        old = words.shown(h.field, h.old_value, labels)
        new = words.shown(h.field, h.new_value, labels)
        out.append(f"{when} · {h.by or words.unknown()} · {labels.role(h.role)} "
                   f"{h.party_name} · {words.field_name(h.field)}: {old} → {new}")
    return out


def party_payload(p: PartyView) -> dict[str, Any]:
    """A stored party as the card's draft payload (what :meth:`PartyCard.load_payload` reads)."""
    return {
        "role": p.role.value, "kind": p.kind.value, "name": p.name,
        "sex": p.sex.value if p.sex else "", "ethnicity": p.ethnicity,
        "birth_date": p.birth_date.isoformat() if p.birth_date else "",
        "id_number": p.id_number, "phone": p.phone, "address": p.address,
        "occupation": p.occupation, "representative": p.representative,
        "representative_title": p.representative_title,
        "representative_role": p.representative_role.value,
    }


class PartyCorrectionDialog(QDialog):
    """更正 one party: the registration card, filled; Save checks and applies it."""

    corrected = Signal(list)  # the fields changed

    def __init__(self, ws: Any, runner: Any, case_id: str, party: PartyView,
                 ethnicities: list[str], *, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._ws, self._runner, self.case_id, self.party = ws, runner, case_id, party
        self._today = today
        self.setWindowTitle(self.tr("Correct party details"))
        self.card = PartyCard(ethnicities, today=today)
        self.card.load_payload(party_payload(party))
        # Role and kind are the case's facts; an agent's link and papers are kept at 告知.
        self.card.role.setEnabled(False)
        self.card.kind.setEnabled(False)
        self.card.remove_button.hide()
        for key in ("represents", "power_of_attorney"):
            self.card.boxes[key].hide()
            self.card.labels[key].hide()
        self.card.set_number(1)
        self.card.title.setText(self.tr("Correct the details of this party"))
        intro = QLabel(self.tr("The change is kept in the case's history (who, when, old and "
                          "new value). Documents made from now on print the new details."))
        intro.setWordWrap(True)
        mark(intro, Role.MUTED)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save correction"))
        mark(self.save_button, Role.PRIMARY)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scrolling(self.card), 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 640)

    def save(self) -> None:
        self.card.clear_errors()
        self.message.hide()
        if self.card.check():  # the registration's own checks, beside each field
            return
        inp = self.card.to_input(None)
        cases, cid, pid, today = self._ws.cases, self.case_id, self.party.id, self._today()
        self.save_button.setEnabled(False)
        self._runner.run(lambda: cases.correct_party(cid, pid, inp, today=today),
                         on_done=self._guard(self._done), on_error=self._guard(self._failed))

    def _done(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        if not changed:
            self.message.setText(self.tr("Nothing was changed."))
            mark(self.message, Role.MUTED)
            self.message.show()
            return
        self.corrected.emit(changed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            for key, message in exc.problems:
                self.card.show_problem(key, message)
        else:
            show_error(self, exc)

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call


__all__ = ["CorrectionWords", "PartyCorrectionDialog", "history_lines", "party_payload"]
