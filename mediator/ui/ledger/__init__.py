"""台账 in the desktop app: export the ledger, import an existing Excel ledger."""

from mediator.ui.ledger.page import LedgerPage

__all__ = ["LedgerPage"]
