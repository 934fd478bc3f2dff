"""受理登记 — the case registration form (page, party cards, requests list, autosave)."""

from mediator.ui.registration.page import RegistrationPage

__all__ = ["RegistrationPage"]
