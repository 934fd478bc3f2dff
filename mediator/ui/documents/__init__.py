"""The documents GUI: signature pad, finalising an agreement, preview and print,
seal import, and the documents panel of a case."""

from __future__ import annotations

from mediator.ui.documents.finalise_dialog import FinaliseAgreementDialog
from mediator.ui.documents.panel import DocumentsPanel
from mediator.ui.documents.preview import PdfPreview, ask_and_print, print_pdf
from mediator.ui.documents.seal_dialog import SealImportDialog
from mediator.ui.documents.signature_pad import SignaturePad, SignaturePadDialog

__all__ = [
    "DocumentsPanel",
    "FinaliseAgreementDialog",
    "PdfPreview",
    "SealImportDialog",
    "SignaturePad",
    "SignaturePadDialog",
    "ask_and_print",
    "print_pdf",
]
