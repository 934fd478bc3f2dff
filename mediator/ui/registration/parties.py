"""当事人 section: any number of party cards, added and removed by the mediator.

A case needs at least an applicant (申请人) and a respondent (被申请人), so the
section starts with one of each and never goes below two cards; whether the
roles are right is the service's call (path ``parties``).  Removing a card can be
undone from the strip that appears, because a card can hold a lot of typing.

Agents (代理人) point at the party they act for by card, not by number, so
removing or adding other cards never silently re-targets an agent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mediator.domain.status import PartyRole
from mediator.services.dto import PartyInput
from mediator.ui.registration.banner import Banner
from mediator.ui.registration.fields import ERROR_COLOUR, set_text_colour
from mediator.ui.registration.party_card import PartyCard

MIN_CARDS = 2
MAX_CARDS = 50


class PartiesEditor(QWidget):
    """The list of :class:`PartyCard` plus the add button and the undo strip."""

    changed = Signal()
    cards_changed = Signal()  # cards added or removed: the page redoes the Tab order
    focus_wanted = Signal(QWidget)  # a new card's first field: the page scrolls to it

    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._ethnicities: list[str] = []
        self._cards: list[PartyCard] = []
        self._removed: tuple[int, dict[str, Any]] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(14)
        self.section_error = QLabel(self)  # "parties": e.g. no respondent
        self.section_error.setWordWrap(True)
        set_text_colour(self.section_error, ERROR_COLOUR)
        self.section_error.hide()
        outer.addWidget(self.section_error)
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setSpacing(14)
        outer.addLayout(self._cards_layout)
        self.undo_strip = Banner(self)
        outer.addWidget(self.undo_strip)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a party"), self)
        self.add_button.clicked.connect(self._add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.reset()

    # ---------------------------------------------------------------- cards
    def cards(self) -> list[PartyCard]:
        return list(self._cards)

    def set_ethnicities(self, ethnicities: list[str]) -> None:
        self._ethnicities = list(ethnicities)
        for card in self._cards:
            card.set_ethnicities(self._ethnicities)

    def add_party(self, role: PartyRole | None = None) -> PartyCard:
        """Append a card; its role defaults to 第三人 after the first two."""
        card = PartyCard(self._ethnicities, self._today, self)
        if role is None:
            role = PartyRole.THIRD_PARTY if len(self._cards) >= MIN_CARDS else PartyRole.APPLICANT
        card.role.setCurrentIndex(card.role.findData(role.value))
        card.changed.connect(self.changed)
        card.identity_changed.connect(self._refresh)
        card.remove_requested.connect(self.remove_party)
        self._cards.append(card)
        self._cards_layout.addWidget(card)
        # Shown now, not at the layout's next pass, so it can take the focus at once.
        card.show()
        self._refresh()
        self.changed.emit()
        return card

    def remove_party(self, card: PartyCard) -> None:
        if len(self._cards) <= MIN_CARDS or card not in self._cards:
            return
        index = self._cards.index(card)
        self._removed = (index, card.to_payload(self._index_of(card.represented_card())))
        self._cards.remove(card)
        self._cards_layout.removeWidget(card)
        card.hide()
        card.deleteLater()
        self._refresh()
        self.undo_strip.show_message(
            "info",
            self.tr("Party %1 was removed.").replace("%1", str(index + 1)),
            [(self.tr("Undo"), self.undo_remove)],
        )
        self.changed.emit()

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        index, payload = self._removed
        self._removed = None
        card = self.add_party()
        card.load_payload(payload)
        self._cards.remove(card)
        index = min(index, len(self._cards))
        self._cards.insert(index, card)
        self._cards_layout.insertWidget(index, card)
        card.show()
        self._restore_target(card, payload)
        self.undo_strip.clear()
        self._refresh()
        card.first_focus().setFocus()
        self.focus_wanted.emit(card.first_focus())
        self.changed.emit()

    def reset(self) -> None:
        """Back to one empty applicant and one empty respondent."""
        self.load_payload([])

    # ------------------------------------------------------------- payload
    def to_inputs(self) -> list[PartyInput]:
        return [card.to_input(self._index_of(card.represented_card())) for card in self._cards]

    def to_payload(self) -> list[dict[str, Any]]:
        return [card.to_payload(self._index_of(card.represented_card())) for card in self._cards]

    def load_payload(self, parties: list[dict[str, Any]]) -> None:
        for card in self._cards:
            self._cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self._cards = []
        self._removed = None
        self.undo_strip.clear()
        if not parties:
            parties = [{"role": PartyRole.APPLICANT.value}, {"role": PartyRole.RESPONDENT.value}]
        while len(parties) < MIN_CARDS:
            parties = [*parties, {"role": PartyRole.RESPONDENT.value}]
        for data in parties[:MAX_CARDS]:
            self.add_party().load_payload(data)
        for card, data in zip(self._cards, parties, strict=False):
            self._restore_target(card, data)
        self._refresh()

    # ------------------------------------------------------------ internals
    def _restore_target(self, card: PartyCard, data: dict[str, Any]) -> None:
        target = data.get("represents")
        if isinstance(target, int) and 0 <= target < len(self._cards):
            self._refresh()
            card.set_represented_card(self._cards[target])

    def _index_of(self, card: PartyCard | None) -> int | None:
        return self._cards.index(card) if card in self._cards else None

    def _add_clicked(self) -> None:
        field = self.add_party().first_focus()
        field.setFocus()
        self.focus_wanted.emit(field)

    def _refresh(self) -> None:
        """Renumber the cards and update every agent's list of parties."""
        for number, card in enumerate(self._cards, start=1):
            card.set_number(number)
            card.remove_button.setEnabled(len(self._cards) > MIN_CARDS)
        for card in self._cards:
            card.set_represent_options([
                (other, other.short_label(n))
                for n, other in enumerate(self._cards, start=1)
                if other is not card and other.current_role() is not PartyRole.AGENT
            ])
        self.add_button.setEnabled(len(self._cards) < MAX_CARDS)
        self.cards_changed.emit()

    def focus_order(self) -> list[QWidget]:
        """Reading order for Tab: card by card, then "add a party"."""
        order: list[QWidget] = []
        for card in self._cards:
            order += card.focus_order()
        return [*order, self.add_button]
