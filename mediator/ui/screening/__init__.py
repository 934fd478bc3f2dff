"""矛盾排查 — the screening register page (visits, their totals, a found dispute
registered as a case)."""

from mediator.ui.screening.page import ScreeningPage

__all__ = ["ScreeningPage"]
