"""What a party card holds, as data: the service's ``PartyInput`` (only the fields of
the chosen kind) and the draft's payload (everything typed, hidden fields too).

Kept apart from :mod:`.party_card` so the card module stays about widgets and
their checks; the card's ``to_input``/``to_payload`` call these.  What they read
of a card is the :class:`PartyFields` protocol, so this module imports nothing
of the card's (which imports this one).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from mediator.domain.status import PartyKind, PartyRole, RepresentativeRole, Sex
from mediator.services.dto import PartyInput
from mediator.ui.registration.fields import parse_date_text


class PartyFields(Protocol):
    """The fields of a party card (:class:`mediator.ui.registration.party_card.PartyCard`)."""

    name: QLineEdit
    sex: QComboBox
    birth_date: QLineEdit
    id_number: QLineEdit
    phone: QLineEdit
    address: QLineEdit
    occupation: QLineEdit
    representative: QLineEdit
    representative_title: QLineEdit
    representative_role: QComboBox
    power_of_attorney: QCheckBox

    def current_role(self) -> PartyRole: ...

    def current_kind(self) -> PartyKind: ...

    def ethnicity_value(self) -> str: ...


def to_input(card: PartyFields, represents: int | None) -> PartyInput:
    """The ``PartyInput`` for the service; only fields of the chosen kind."""
    kind = card.current_kind()
    role = card.current_role()
    person = kind is PartyKind.PERSON
    try:
        birth = parse_date_text(card.birth_date.text()) if person else None
    except ValueError:
        birth = None  # check() has already refused to save in this case
    sex = card.sex.currentData() if person else ""
    return PartyInput(
        role=role,
        kind=kind,
        name=card.name.text(),
        sex=Sex(sex) if sex else None,
        ethnicity=card.ethnicity_value() if person else "",
        birth_date=birth,
        id_number=card.id_number.text(),
        phone=card.phone.text(),
        address=card.address.text(),
        occupation=card.occupation.text() if person else "",
        representative="" if person else card.representative.text(),
        representative_title="" if person else card.representative_title.text(),
        representative_role=RepresentativeRole(
            card.representative_role.currentData() or RepresentativeRole.LEGAL.value),
        represents=represents if role is PartyRole.AGENT else None,
        power_of_attorney=role is PartyRole.AGENT and card.power_of_attorney.isChecked(),
    )


def to_payload(card: PartyFields, represents: int | None) -> dict[str, Any]:
    """Everything typed, also in hidden fields, for the draft."""
    return {
        "role": card.current_role().value,
        "kind": card.current_kind().value,
        "name": card.name.text(),
        "sex": card.sex.currentData() or "",
        "ethnicity": card.ethnicity_value(),
        "birth_date": card.birth_date.text(),
        "id_number": card.id_number.text(),
        "phone": card.phone.text(),
        "address": card.address.text(),
        "occupation": card.occupation.text(),
        "representative": card.representative.text(),
        "representative_title": card.representative_title.text(),
        "representative_role": card.representative_role.currentData() or "",
        "represents": represents,
        "power_of_attorney": card.power_of_attorney.isChecked(),
    }
