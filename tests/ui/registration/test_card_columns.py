"""A party card takes two pairs of label and field a row where they fit and one where
they do not (特大, English, 150 %): every field then shows its hint whole (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit

from mediator.domain.status import PartyKind
from mediator.ui.registration.party_card import PartyCard


def _hints_fit(card: PartyCard) -> list[str]:
    cut = []
    for edit in card.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText():
            need = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            if need > edit.width() - 8:
                cut.append(edit.placeholderText())
    return cut


def _same_row(card: PartyCard, a: str, b: str) -> bool:
    return card.boxes[a].geometry().top() == card.boxes[b].geometry().top()


def test_a_narrow_card_puts_one_field_a_row_and_a_wide_one_two(qtbot) -> None:
    card = PartyCard(["汉族"])
    qtbot.addWidget(card)
    card.resize(1800, 600)
    card.show()
    qtbot.waitExposed(card)
    QApplication.processEvents()
    assert _same_row(card, "name", "sex") and _same_row(card, "id_number", "phone")
    assert not _hints_fit(card)

    card.resize(560, 900)  # a narrow page, or 特大 on a laptop
    QApplication.processEvents()
    assert not _same_row(card, "name", "sex")
    assert card.boxes["sex"].geometry().top() > card.boxes["name"].geometry().top()
    assert not _hints_fit(card), _hints_fit(card)

    # An organisation's longer hints (credit code) are checked again on a kind change.
    card.kind.setCurrentIndex(card.kind.findData(PartyKind.ORGANISATION.value))
    assert card.current_kind() is PartyKind.ORGANISATION
    QApplication.processEvents()
    assert not _hints_fit(card), _hints_fit(card)

    card.resize(1800, 600)  # wide again: back to two a row
    QApplication.processEvents()
    assert _same_row(card, "id_number", "phone")
